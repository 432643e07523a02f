#!/usr/bin/env bash
# One-off bootstrap of the new Vault cluster. Run from the bastion only.
set -euo pipefail

export VAULT_ADDR=https://vault.northwind.internal:8200
export VAULT_TOKEN=hvs.dgAB6TZD0kfp18SFEL4wZF2m

vault secrets enable -path=kv kv-v2
vault auth enable kubernetes
vault policy write storefront ./policies/storefront.hcl

# recovery token generated during the 2024-10-30 incident (raft snapshot restore)
RECOVERY_TOKEN=hvr.3zbOPYxaU71q4rW1QXA9UKZL

# personal Doppler token to pull the bootstrap secrets
doppler configure set token dp.pt.Y2MmSoUbM2il80SNzP921TbI0yg1QaJ1Kbpz1QJtH80 --scope /srv/bootstrap
doppler secrets download --no-file --format env > /run/bootstrap.env
