"""Runtime settings for the ragdesk API.

Values are read from the environment first; the literals below were meant to be
"temporary defaults" for the staging box.
"""
import os
from dataclasses import dataclass, field

import wandb
from openai import AzureOpenAI, OpenAI

# Admin keys are only used by the nightly usage/cost report job.
OPENAI_ADMIN_KEY = os.getenv("OPENAI_ADMIN_KEY", "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")
ANTHROPIC_ADMIN_KEY = os.environ.get("ANTHROPIC_ADMIN_KEY") or "sk-ant-admin01-uAZOmTAzuH7AY88WyTDtVONALuz8v8Drf5pd-3Q_EW15ADcx2IvPUucc3tNzL5mfB51DH2oN5czWcQgyf1pXc730sA6tKAA"

AZURE_OPENAI_ENDPOINT = "https://ragdesk-eastus2.openai.azure.com/"
AZURE_OPENAI_DEPLOYMENT = "gpt-4o-mini"
AZURE_OPENAI_API_VERSION = "2024-10-21"
AZURE_OPENAI_API_KEY = "7fb52b3555270907d46bfa11bac9ccd8"

TOGETHER_API_KEY = "617d410e309a003e6afbb6e4b2c55400e91f2341851abce371100b99932602c1"
TOGETHER_MODEL = "meta-llama/Llama-3.3-70B-Instruct-Turbo"

# legacy pod-based index, still serving the "docs-v1" namespace
PINECONE_API_KEY = "954b524d-c88d-4774-bbfe-fd3fa99388d5"
PINECONE_ENVIRONMENT = "us-west1-gcp"
PINECONE_INDEX_ID = "9b1de0a4-51c7-4c83-a1f6-2d07e8b4f3c5"

# Cache keys are content hashes, not credentials.
EMBEDDING_CACHE_KEY = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
PROMPT_TEMPLATE_SHA = "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"


@dataclass
class LLMSettings:
    provider: str = os.getenv("LLM_PROVIDER", "azure")
    openai_api_key: str = field(default_factory=lambda: os.environ["OPENAI_API_KEY"])
    anthropic_api_key: str | None = os.getenv("ANTHROPIC_API_KEY")
    mistral_api_key: str | None = os.getenv("MISTRAL_API_KEY")
    timeout_s: float = 30.0


def azure_client() -> AzureOpenAI:
    return AzureOpenAI(
        api_key=AZURE_OPENAI_API_KEY,
        api_version=AZURE_OPENAI_API_VERSION,
        azure_endpoint=AZURE_OPENAI_ENDPOINT,
    )


def deepseek_client() -> OpenAI:
    # fallback provider for the summariser
    return OpenAI(api_key=os.getenv("DEEPSEEK_API_KEY"), base_url="https://api.deepseek.com")


def init_tracking() -> None:
    if os.getenv("WANDB_DISABLED") != "true":
        wandb.login(key=os.environ.get("WANDB_API_KEY"))
        wandb.init(project="ragdesk-evals", config={"retriever": "hybrid", "k": 8})
