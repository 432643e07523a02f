#!/usr/bin/env bash
# Installs the programs some tests drive, when missing: a headless Chromium for the HTML
# report's browser tests (Debian's `chromium` package; Ubuntu's `chromium-browser` is a snap
# stub, so on Ubuntu install Chromium another way or set LEAKSCOPE_CHROMIUM) and strace for the
# test that leakscope opens no network connection. Idempotent.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v strace >/dev/null 2>&1 || missing+=(strace)
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "setup-test-tools: installing ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
for tool in "${missing[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "setup-test-tools: $tool is still not on PATH" >&2; exit 1; }
done
