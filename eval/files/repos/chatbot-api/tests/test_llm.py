import pytest

from app import llm


@pytest.fixture
def fake_key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key")
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-api03-FAKEFAKEFAKE")


def test_complete_routes_claude(fake_key, mocker):
    mocker.patch.object(llm.claude.messages, "create")
    llm.complete("hi", model="claude-3-5-haiku-latest")
    llm.claude.messages.create.assert_called_once()
