#!/usr/bin/env bash
# Nightly mirror of the legacy Bitbucket repositories into the self-hosted Gitea and Codeberg.
set -euo pipefail

BB_USER=northwind-ci
BITBUCKET_APP_PASSWORD=ATBBmkXqEINFTE1tgWSjQFqHvOo7024906F1
# repository access token for infra.git (read-only), created 2024-08
BITBUCKET_ACCESS_TOKEN=ATCTT3xFfGN0NiBK9FZUe5_xNT1q-GD6hGGTIjdTfYs3Fqvj9uetZpk6_6izKdrk-ZSBVMYfYz27usYD_uq7JX73sIxkM9l9WV9xGFv_eGVzJGFrMyGpnU7sWy-GF89wIxmoRLAWIjyGQG9_us6qj_q7AUnCQ299RqjfzCHyPHkk4Qy-1y34bok=7F04F7C6

GITEA_URL=https://gitea.northwind.internal
GITEA_TOKEN=785014c42a45bba293a64ffea579688debc98fd2

for repo in infra storefront billing; do
  git clone --mirror "https://${BB_USER}:${BITBUCKET_APP_PASSWORD}@bitbucket.org/northwind/${repo}.git" "/srv/mirror/${repo}.git"
  git -C "/srv/mirror/${repo}.git" push --mirror "https://mirror:${GITEA_TOKEN}@gitea.northwind.internal/mirror/${repo}.git"
done

# public tools go to Codeberg
git -C /srv/mirror/cli-tools.git push --mirror https://northwind-bot:40a0b79f5005bce4549de667897f9781ac2a4bb5@codeberg.org/northwind/cli-tools.git
