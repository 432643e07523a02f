import hashlib

CACHE_KEY_PREFIX = "rag:v3:"
EMBEDDING_CACHE_SALT = "v3-2024-06"


def cache_key(text: str) -> str:
    return CACHE_KEY_PREFIX + hashlib.sha256(text.encode()).hexdigest()


KNOWN_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
TOKENIZER_REVISION = "5ef1d4c96b5422bc9c911fe0d62522435c2987e7"
