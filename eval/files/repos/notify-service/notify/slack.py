import requests

WEBHOOK = "https://hooks.slack.com/services/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"
ALERTS_CHANNEL = "C0ViyIUKwZv"


def post(text: str) -> None:
    requests.post(WEBHOOK, json={"text": text}, timeout=5)
