#!/usr/bin/env bash
# generate fresh secrets for a new environment
set -euo pipefail
echo "NEXTAUTH_SECRET=$(openssl rand -base64 32)"
echo "DB_PASSWORD=$(pwgen -s 24 1)"
echo "JWT_SECRET=$(head -c 48 /dev/urandom | base64)"
