#!/usr/bin/env bash
# Quick latency benchmark across providers. Usage: scripts/bench.sh "prompt"
set -euo pipefail

PROMPT="${1:-Summarise the refund policy in one sentence.}"

export XAI_API_KEY=xai-YAv8qQ9kFc8nrE08hLzWp8BwrF0NyI6gfEN6cIts05pqBwN8YNdStDiDbhxFSpCkU4ggoaP9RSZiAG62
export AWS_BEARER_TOKEN_BEDROCK=bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbiZYLUFtei1BbGdvcml0aG09QVdTNC1ITUFDLVNIQTI1NiZYLUFtei1DcmVkZW50aWFsPUFTSUFZVzNEMlY0T0tMUENYUlBTJTJGMjAyNTA3MTQlMkZ1cy1lYXN0LTElMkZiZWRyb2NrJTJGYXdzNF9yZXF1ZXN0JlgtQW16LURhdGU9MjAyNTA3MTRUMDkxNTEyWiZYLUFtei1FeHBpcmVzPTQzMjAwJlgtQW16LVNlY3VyaXR5LVRva2VuPVFxYmRnWTJCUnBPT1h3NjFBWmxtejFESHJpdlNPdXJOelk2Z25UWWhudGZVU1V4WWw0Zkt4SzdoMVJtVUFlcW1EMEpJbThyZnZFeDdHTllMT0twZXkwd3ZieTgzUFV1cUszZmlNNTBSZ0ZPWnR0Tkpnc0Y2TkM2c2hpVnJmSDBuRzVGbUxOUWdPdndkMFU2UjZjazdkc3l0aHlhWk9Vb0ZPSUo1Wkp4SFRyMmkyZGtMd1VNakJPSVZZcFZCeEFjRW9Ob1pua3ZDVjlZUlFsQjAxcXJxa2VkcFdLMFYmWC1BbXotU2lnbmF0dXJlPTk4ZTdlNmUxYWE1MzBiMWVjYTViMWYzYmQ1NGYxYzgxNDdiMzdlOTM3NGUyNDQ2NWUxN2UzMWVjMjhiMDNlMWQmWC1BbXotU2lnbmVkSGVhZGVycz1ob3N0JlZlcnNpb249MQ==
export AWS_REGION=us-east-1

time curl -s https://api.x.ai/v1/chat/completions \
  -H "Authorization: Bearer $XAI_API_KEY" -H "Content-Type: application/json" \
  -d "{\"model\": \"grok-4\", \"messages\": [{\"role\": \"user\", \"content\": \"$PROMPT\"}]}" >/dev/null

time curl -s "https://ragdesk-eastus2.openai.azure.com/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21" -H "api-key: f2e46e8a90e695a72f425a7ec3852992" -H "Content-Type: application/json" \
  -d "{\"messages\": [{\"role\": \"user\", \"content\": \"$PROMPT\"}]}" >/dev/null

time curl -s https://api.perplexity.ai/chat/completions \
  -H "Authorization: Bearer ${PERPLEXITY_API_KEY}" -H "Content-Type: application/json" \
  -d "{\"model\": \"sonar\", \"messages\": [{\"role\": \"user\", \"content\": \"$PROMPT\"}]}" >/dev/null
