#!/usr/bin/env bash
# rotate the IAM user keys of a service; prints the new key once
set -euo pipefail
user="${1:?usage: rotate-keys.sh USER}"
old=$(aws iam list-access-keys --user-name "$user" --query 'AccessKeyMetadata[0].AccessKeyId' --output text)
new=$(aws iam create-access-key --user-name "$user")
echo "$new" | jq -r '.AccessKey | "AWS_ACCESS_KEY_ID=\(.AccessKeyId)\nAWS_SECRET_ACCESS_KEY=\(.SecretAccessKey)"'
aws iam update-access-key --user-name "$user" --access-key-id "$old" --status Inactive
