#!/usr/bin/env bash
# Manual release fallback for when the GitHub Actions runners are down.
# Usage: scripts/publish.sh 1.14.2
set -euo pipefail

VERSION="${1:?usage: publish.sh VERSION}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
EXPECTED_TARBALL_SHA="7fd96dc62b59c27802989a458d3eb475ff27809e"

# --- npm -----------------------------------------------------------------
# CI uses ${NPM_TOKEN}; locally we fall back to the release bot token.
cat > "$ROOT/.npmrc" <<NPMRC
registry=https://registry.npmjs.org/
//registry.npmjs.org/:_authToken=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
always-auth=true
NPMRC
# the org mirror still takes the old-style token
echo "//npm.acme.io/repository/npm-private/:_authToken=bfa4eeea-9231-4de1-828d-6eaa8db1c06c" >> "$ROOT/.npmrc"
echo "//npm.pkg.github.com/:_authToken=\${GITHUB_PACKAGES_TOKEN}" >> "$ROOT/.npmrc"

(cd "$ROOT/packages/cli" && npm version "$VERSION" --no-git-tag-version && npm publish --access public)

# --- PyPI ----------------------------------------------------------------
export TWINE_USERNAME=__token__
export TWINE_PASSWORD="pypi-AgEIcHlwaS5vcmcCJDBlYzUxMzlhLWZkYTQtNDY4ZC1iY2RlLTNmZTNkMmEyNGQ1MAACLFsxLFsiNDE3ZTA0NGMtMWY5Ni00Y2I3LWE2OWEtZmVhYzYyYTU2YjliIl1dAAAGIHdrjh2xfonue0xfuRSP-V7A7WoIMhHnem87SPG5fKvk"
python -m build "$ROOT/python"
twine upload "$ROOT"/python/dist/*

# smoke-test on TestPyPI first when RC=1
if [[ "${RC:-0}" == "1" ]]; then
  twine upload --repository testpypi -u __token__ \
    -p pypi-AgENdGVzdC5weXBpLm9yZwIkYTU1NGM4MWYtNTgxOS00NDc3LTlkODEtYTFhYWZiNzAzOGU5AAIsWzEsWyI5N2VlM2RiNS01OWQyLTQzOGYtODc5Yy0xOTllYTY3MmZlMzYiXV0AAAYgB-j4KtDpZMFtlE4pWFL1Sj3kHPgl2xMoG2SNhKrRCU8 "$ROOT"/python/dist/*
fi

# --- Docker Hub ----------------------------------------------------------
echo "dckr_pat_sLd7QpWnkZqvI6l8zHIK-PbDat1" | docker login -u acmebot --password-stdin
docker buildx build --platform linux/amd64,linux/arm64 -t "acme/cli:${VERSION}" --push "$ROOT"

# org-owned token for the mirror namespace
docker login -u acmecorp -p dckr_oat_sfFq97jhDGlnYtj-popXD1i81T989glm registry-1.docker.io
docker buildx imagetools create -t "acmecorp/cli:${VERSION}" "acme/cli:${VERSION}"

echo "published ${VERSION} (tarball sha ${EXPECTED_TARBALL_SHA:0:12})"
