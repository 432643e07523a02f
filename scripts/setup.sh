#!/usr/bin/env bash
# Installs what leakscope needs to build on a fresh Debian/Ubuntu machine: the system PCRE2
# (libpcre2-dev, found through pkg-config). Idempotent: does nothing when it is there.
set -euo pipefail
if pkg-config --exists libpcre2-8 2>/dev/null; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "setup: installing libpcre2-dev and pkg-config" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libpcre2-dev pkg-config >/dev/null
