#!/bin/sh
export VAULT_ADDR=https://vault.helio-labs.dev:8200
export VAULT_TOKEN=hvs.CAESI59zDIV76gO5FkpDCwixx30YlGDnyQ3yqnK1kK9HXCZ_cmykGaXnUMo92yV4fBGsNY-hnCRsiR4WTu4BLMW3WIf
vault kv get -field=password secret/prod/orders-db
