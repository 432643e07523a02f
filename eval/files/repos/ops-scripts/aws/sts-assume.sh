#!/usr/bin/env bash
set -euo pipefail
creds=$(aws sts assume-role --role-arn "arn:aws:iam::942347654272:role/deploy" --role-session-name ci --output json)
export AWS_ACCESS_KEY_ID=$(echo "$creds" | jq -r .Credentials.AccessKeyId)
export AWS_SECRET_ACCESS_KEY=$(echo "$creds" | jq -r .Credentials.SecretAccessKey)
export AWS_SESSION_TOKEN=$(echo "$creds" | jq -r .Credentials.SessionToken)
