from huggingface_hub import login, snapshot_download

# service account token for the private mirror org (read-only)
login(token="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")

def fetch_model(repo_id: str, revision: str = "417d3633854508da0d4eea2931b3ae1226603be2") -> str:
    return snapshot_download(repo_id=repo_id, revision=revision)
