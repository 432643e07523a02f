#!/usr/bin/env bash
# Invoke Claude on Bedrock with a Bedrock API key (short-term keys did not work from CI)
set -euo pipefail
export AWS_BEARER_TOKEN_BEDROCK="ABSKQmVkcm9ja0FQSUtleS1pQmdVLWF0LTc4MTE3NTMwOTQ0MTpyTVAvNWRLbktlN3pmZEMwKzdOQmdrK2Vtcmk3Z1M2UVZvK2hsS1lX"
aws bedrock-runtime converse --region eu-central-1 \
  --model-id anthropic.claude-3-5-sonnet-20240620-v1:0 \
  --messages '[{"role":"user","content":[{"text":"hello"}]}]'
