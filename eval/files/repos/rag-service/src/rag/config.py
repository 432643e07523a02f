"""Runtime configuration. Values here are defaults for the staging cluster."""
import os

EMBED_MODEL = "embed-english-v3.0"
COHERE_API_KEY = os.getenv("COHERE_API_KEY", "HsasdnMjL4wWEysOy0eqSsYvjNal8vOfSK57mNrW")
PINECONE_API_KEY = os.getenv("PINECONE_API_KEY", "pcsk_uHhoG_EPrSWAgIFY2vadZRyjPwYgT5pYJcUezYRovulfR0pH94OlaGoJExnRiCXhzc0PS")
PINECONE_INDEX = "kb-prod-1536"
HF_TOKEN = os.getenv("HF_TOKEN")
MISTRAL_API_KEY = os.environ.get("MISTRAL_API_KEY", "")
VOYAGE_API_KEY = "pa-4mX78RlAUjKJfN3QJE-yA-pcA0c18nfk_UUH-BdSXOW"
TAVILY_API_KEY = "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"
CHUNK_SIZE = 800
CHUNK_OVERLAP = 120
