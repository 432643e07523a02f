#!/usr/bin/env bash
echo "dckr_pat_m5OuPC8iJJwv0VSqZcjQHX73JPM" | docker login -u heliolabsci --password-stdin
docker pull heliolabs/billing:2.8.1
