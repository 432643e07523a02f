#!/usr/bin/env bash
# One-off provisioning for the staging stack. Run from a laptop, never in CI.
set -euo pipefail

# Neon: create the staging branch
curl -s -X POST https://console.neon.tech/api/v2/projects/royal-sky-40213718/branches \
  -H "Authorization: Bearer napi_3p14aorqnhacsec4l4jz1hoi8fxarh3u35ixr8eqkm2s8cld2uhm6yec70dxr03z" -H "Content-Type: application/json" -d '{}'

# Qianfan smoke test
curl -s https://qianfan.baidubce.com/v2/chat/completions \
  -H "Authorization: Bearer bce-v3/ALTAK-UV3MCTeM56JrnzwTLvs33/a34b0c6acef65b71444521348ff04487ef667b91" \
  -d '{"model": "ernie-4.5-turbo-128k", "messages": [{"role": "user", "content": "ping"}]}'

# Devin: personal key of the on-call engineer (rotate after the migration!)
curl -s https://api.devin.ai/v1/sessions -H "Authorization: Bearer apk_user_dXNlci02NmQ4NjBmNGI5MjIzNzEzZjM0YjZjZmUyOTYzY2Q4NV9vcmctZmJhNzY3YjFjZGYxZGE5ODNhNGYyMTc3YTlmMTE4ZDE6UkNVSVV1TjFPUERJS1oyUmsxSHowOVRpN1JGT2dmZ2M" \
  -d '{"prompt": "Upgrade the staging chart to 2.4.1"}'

# Modal deploy from this laptop
modal token set --token-id ak-uIxsWRa2NEHtl5h6eVDUNM --token-secret as-PhwaFmleBk1QS4r8odHThu --profile staging
modal deploy agentdesk/gpu_worker.py

# Letta, Luma and Cartesia checks
curl -s https://api.letta.com/v1/agents -H "Authorization: Bearer sk-let-YjRiYTA2Y2ItYTMzNS00MTcxLThhYTAtYjdhNTk4MDQzN2UyOmMxNmNhMzA2LWJkNjctNGUzMS1iYzE0LWJjZDJlYmNkMThmOA=="
curl -s https://api.lumalabs.ai/dream-machine/v1/generations -H "authorization: Bearer luma-dab2addb-9622-4093-b348-1df22c02f876-e232a857-85ae-4a0b-93d3-b5f533341a26"
curl -s https://api.cartesia.ai/voices -H "X-API-Key: sk_car_jzwFJ8yOmoZ4wp2XAJ4emW" -H "Cartesia-Version: 2025-04-16"

# Done; these are read from the environment from here on
export RUNPOD_API_KEY="${RUNPOD_API_KEY:?set RUNPOD_API_KEY}"
