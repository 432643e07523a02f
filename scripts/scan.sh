#!/usr/bin/env bash
# Builds leakscope (release) and runs a scan: scripts/scan.sh [leakscope scan arguments...]
# e.g. scripts/scan.sh corpus --format json
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
"$repo/scripts/setup.sh"
swift build -c release --package-path "$repo" >&2
exec "$repo/.build/release/leakscope" scan "$@"
