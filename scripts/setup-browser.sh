#!/usr/bin/env bash
# Installs what the HTML report's browser tests need: a headless Chromium (Debian's `chromium`
# package; Ubuntu's `chromium-browser` is a snap stub, so on Ubuntu install Chromium another way or
# set LEAKSCOPE_CHROMIUM). Idempotent: does nothing when `chromium` is on PATH.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "setup-browser: installing chromium" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
command -v chromium >/dev/null 2>&1 || { echo "setup-browser: chromium is still not on PATH" >&2; exit 1; }
