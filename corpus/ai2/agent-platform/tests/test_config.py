"""Config loading tests: every value here is a placeholder, nothing may be reported."""
from agentdesk.config import Settings


def test_defaults(monkeypatch):
    monkeypatch.setenv("VOYAGE_API_KEY", "pa-test")
    monkeypatch.setenv("LLAMA_CLOUD_API_KEY", "llx-test")
    s = Settings(composio_api_key="ak_xxx", e2b_api_key="e2b_000000", serper_api_key="")
    assert s.modal_token_secret is None
    assert s.redact("sk-lf-xxx") == "sk-lf-***"
    assert s.redact("jina_...") == "jina_***"
