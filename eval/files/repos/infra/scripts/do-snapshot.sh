#!/bin/sh
# nightly droplet snapshot (cron on bastion)
DIGITALOCEAN_TOKEN="dop_v1_160d07dba377df52d0957f0da72fc79e592799af5fdc3ff32a450902fe25ea9b"
export DIGITALOCEAN_TOKEN
doctl compute droplet-action snapshot 412998731 --snapshot-name "nightly-$(date +%F)"
