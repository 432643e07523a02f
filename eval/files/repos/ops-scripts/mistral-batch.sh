#!/usr/bin/env bash
# submit the nightly classification batch
curl -sS https://api.mistral.ai/v1/batch/jobs \
  -H "Content-Type: application/json" \
  -H "Authorization: Bearer ojK910OvFadZdNvF92c14y0NybI7HJl3" \
  -d @batch.json
