#!/usr/bin/env bash
# old release path for the marketing site (still on the 2019 Heroku app)
export HEROKU_API_KEY="b7d88870-817c-4913-acd6-d9688c980b01"
export HEROKU_APP=fleetdesk-marketing
heroku container:push web --app "$HEROKU_APP"
heroku container:release web --app "$HEROKU_APP"
