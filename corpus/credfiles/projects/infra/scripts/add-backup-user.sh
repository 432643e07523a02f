#!/bin/sh
set -eu
useradd -m -s /bin/bash backup
usermod --password '$5$k/9J4gYDHQH4/BC/$Lzqr2pIU/GHyORbMKPgv3LB.zZpEtN4k8.bZEFXzc..' backup
# openssl passwd -6 -salt "$SALT" "$PASSWORD" generates the value above
