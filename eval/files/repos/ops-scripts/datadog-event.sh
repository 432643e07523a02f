#!/bin/sh
curl -X POST "https://api.datadoghq.eu/api/v1/events" \
  -H "Accept: application/json" \
  -H "Content-Type: application/json" \
  -H "DD-API-KEY: 3cce8d7d998c2caeddc0a2ff15640ffc" \
  -d '{"title": "deploy", "text": "billing 2.8.1", "tags": ["env:prod"]}'
