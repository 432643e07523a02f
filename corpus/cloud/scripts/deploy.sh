#!/usr/bin/env bash
# Deploys the static site and the API workers. Run from the repo root.
set -euo pipefail

ENVIRONMENT="${1:-staging}"
RELEASE="$(git rev-parse HEAD)"   # e.g. 8881c9948307d72870d8346c2889dc89a3732599

# --- AWS -----------------------------------------------------------------
# CI injects the real keys; the fallback below was added for a hotfix and never removed
aws configure set aws_access_key_id "${AWS_ACCESS_KEY_ID:-AKIANTWCTIHJTLO3FI64}" --profile deploy
aws configure set aws_secret_access_key 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 --profile deploy
aws configure set region eu-central-1 --profile deploy
aws s3 sync ./dist "s3://acme-site-${ENVIRONMENT}/" --delete --profile deploy

# --- DigitalOcean --------------------------------------------------------
doctl auth init --access-token dop_v1_db8b02e2a6d7a14a2c90d6760c6b1be4698ff1be8a5a0c15f3afdb085121acc9
doctl kubernetes cluster kubeconfig save "api-${ENVIRONMENT}"

# --- Cloudflare: purge cache (legacy global key, account owner) -----------
curl -sS -X POST "https://api.cloudflare.com/client/v4/zones/${CF_ZONE_ID}/purge_cache" \
  -H "X-Auth-Email: webmaster@acme-data.dev" \
  -H "X-Auth-Key: 87139997cadcad497409ab3012388cc94794a" \
  -H "Content-Type: application/json" \
  --data '{"purge_everything":true}'

# --- Wrangler ------------------------------------------------------------
CLOUDFLARE_ACCOUNT_ID="9b1f3c5e7a0d2b4c6e8f0a1b3c5d7e9f" \
CLOUDFLARE_API_TOKEN="${CLOUDFLARE_API_TOKEN}" \
  npx wrangler deploy --env "${ENVIRONMENT}"

# --- Azure ---------------------------------------------------------------
az login --service-principal -u "${ARM_CLIENT_ID}" -p "${ARM_CLIENT_SECRET}" --tenant "${ARM_TENANT_ID}"
az storage blob upload-batch --account-name stsiteassets01 --account-key "${AZURE_STORAGE_KEY}" -d '$web' -s ./dist

echo "deployed ${RELEASE} to ${ENVIRONMENT}"
