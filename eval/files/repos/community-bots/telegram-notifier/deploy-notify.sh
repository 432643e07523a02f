#!/usr/bin/env bash
msg="Deployed ${CI_PROJECT_NAME} ${CI_COMMIT_SHORT_SHA} to prod"
curl -s "https://api.telegram.org/bot6933481172:AA6IMmbypjUJBpYKRpVOvJX-BQtCYZDghdA/sendMessage" -d chat_id=-1001106767598 -d text="$msg"
