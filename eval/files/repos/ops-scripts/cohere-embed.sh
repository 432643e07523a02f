#!/usr/bin/env bash
curl --request POST \
  --url https://api.cohere.com/v2/embed \
  --header 'accept: application/json' \
  --header 'content-type: application/json' \
  --header "Authorization: bearer 5WYWGi7O4Pj25pIm475HDBb4o6sIJkFB3T7DltVZ" \
  --data '{"model": "embed-english-v3.0", "texts": ["hello"], "input_type": "search_query", "embedding_types": ["float"]}'
