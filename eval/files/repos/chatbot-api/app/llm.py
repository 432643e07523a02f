import os

import anthropic
from openai import OpenAI

from .settings import get_settings

settings = get_settings()

client = OpenAI(api_key=settings.openai_api_key)
claude = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])


def complete(prompt: str, model: str | None = None) -> str:
    model = model or settings.default_model
    if model.startswith("claude"):
        msg = claude.messages.create(model=model, max_tokens=settings.max_tokens,
                                     messages=[{"role": "user", "content": prompt}])
        return msg.content[0].text
    resp = client.chat.completions.create(model=model, messages=[{"role": "user", "content": prompt}])
    return resp.choices[0].message.content
