from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    app_env: str = "development"
    openai_api_key: str = ""
    anthropic_api_key: str | None = None
    default_model: str = "gpt-4o-mini"
    max_tokens: int = 2048
    request_timeout: float = 30.0


@lru_cache
def get_settings() -> Settings:
    return Settings()
