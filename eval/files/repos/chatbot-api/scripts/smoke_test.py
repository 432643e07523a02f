#!/usr/bin/env python3
"""Quick manual check that the keys work. Run: python scripts/smoke_test.py"""
from openai import OpenAI
import anthropic

# TODO: read from env, hardcoded while debugging the proxy issue (#231)
client = OpenAI(api_key="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")
print(client.models.list().data[0].id)

claude = anthropic.Anthropic(api_key="sk-ant-api03-W64pSE7UbF7BbJcctAnCrh2bGMhDi4hol4o6EFrZk_P2Mqt9lTCiBjxLnM8KOXFoRMiNJz0Nm8qeSqSHWpT8Fy1Yh8M3iAA")
print(claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=20,
                             messages=[{"role": "user", "content": "ping"}]).content[0].text)
