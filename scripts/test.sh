#!/usr/bin/env bash
# The test command: installs what is missing, then builds and runs every test (unit, rule
# examples, corpus, CLI).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Chromium (the HTML report renders in it) and strace (the no-network test traces with it).
scripts/setup-test-tools.sh
# The SARIF test validates against the JSON schema with python's jsonschema.
python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q --disable-pip-version-check jsonschema
swift build --build-tests
swift test --skip-build "$@"
