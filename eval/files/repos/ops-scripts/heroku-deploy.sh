#!/usr/bin/env bash
export HEROKU_API_KEY=HRKU-AA3BAA_mlVJLmQ7A0PEM6q_O_dEkqZe1-0xEPkczbVqcqQ98UF9GjPO8rRwl
git push https://heroku:$HEROKU_API_KEY@git.heroku.com/nw-status-page.git HEAD:main
