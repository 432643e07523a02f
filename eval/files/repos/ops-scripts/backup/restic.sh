#!/usr/bin/env bash
set -euo pipefail
export RESTIC_REPOSITORY="s3:s3.eu-central-003.backblazeb2.com/nw-backups"
export RESTIC_PASSWORD="^9ZT2N?VYv2hYQvsbOYKKCX.w?ejp#v0"
export B2_ACCOUNT_ID="75729ada1334a14c70e602541"
export B2_ACCOUNT_KEY="xbReoMmL0JgBS4cTJCgdin2Z9XkPFun"
restic backup /srv/data --tag nightly
restic forget --keep-daily 7 --keep-weekly 4 --prune
