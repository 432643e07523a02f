#!/usr/bin/env python2
# Old standup reminder bot, replaced by the Workflow Builder flow in 2022.
# Kept for reference; it used a legacy workspace token.
import time
from slackclient import SlackClient

SLACK_TOKEN = "xoxs-10595372673-45410871070-314731218188-763dc3768277f95e57bb1f5b70008d7fc83a969309bd2cd044649beb6a137ceb"
TEAM_CHANNEL = "#platform-standup"
FALLBACK_HOOK = "https://hooks.slack.com/services/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"

sc = SlackClient(SLACK_TOKEN)

def remind():
    sc.api_call("chat.postMessage", channel=TEAM_CHANNEL,
                text="Standup in 5 minutes :coffee:", as_user=True)

if __name__ == "__main__":
    while True:
        if time.strftime("%H:%M") == "09:55":
            remind()
        time.sleep(30)
