import cohere
from mistralai import Mistral

from . import config

co = cohere.ClientV2(api_key=config.COHERE_API_KEY)
mistral = Mistral(api_key="dlah3TlXc6pY7ZmIFjGqGPiJpwkK6xow")


def rerank(query: str, docs: list[str], top_n: int = 5):
    res = co.rerank(model="rerank-v3.5", query=query, documents=docs, top_n=top_n)
    return [docs[r.index] for r in res.results]
