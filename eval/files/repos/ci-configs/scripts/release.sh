#!/usr/bin/env bash
# Cut a release and upload the artefacts. Usage: release.sh v1.2.3
set -euo pipefail
tag="$1"
GITHUB_TOKEN="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"
gh release create "$tag" dist/*.tar.gz --notes-file CHANGELOG.md
curl -sS -X POST -H "PRIVATE-TOKEN: glpat-L54qnnXeMG7wzZuIxI5U" \
  "https://gitlab.helio-labs.dev/api/v4/projects/118/releases" -d "tag_name=$tag"
