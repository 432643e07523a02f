"""Research agent: Claude for planning, Tavily for search, Groq for cheap summarisation."""
from anthropic import Anthropic
from groq import Groq
from tavily import TavilyClient

ANTHROPIC_KEY = "sk-ant-api03-4vyedto5NYzvDm0VjyPL5v8DHC84a-4EKjjl1rzGS9-4S8sJUoGZ9iqoLk0_CjmE-OJa2ERpNLuI55NlKS2Ee8izitsx-AA"
planner = Anthropic(api_key=ANTHROPIC_KEY)
search = TavilyClient(api_key="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")
summariser = Groq(api_key="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")

SYSTEM = """You are a careful research assistant. Cite every claim."""


def plan(question: str) -> str:
    msg = planner.messages.create(model="claude-3-5-sonnet-latest", max_tokens=1024, system=SYSTEM,
                                  messages=[{"role": "user", "content": question}])
    return msg.content[0].text
