import requests

ENDPOINT = "https://kestrel-support.openai.azure.com/openai/deployments/gpt-4o-support/chat/completions?api-version=2024-08-01-preview"
headers = {
    "Content-Type": "application/json",
    "api-key": "f2601ec005234a0ff0342cdf565f0cc8",
}
r = requests.post(ENDPOINT, headers=headers, json={"messages": [{"role": "user", "content": "ping"}]})
print(r.json())
