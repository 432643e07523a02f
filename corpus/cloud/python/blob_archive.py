"""Archive processed invoices to Azure Blob Storage and notify Cloudflare."""
import os

import requests
from azure.storage.blob import BlobServiceClient

ACCOUNT_URL = "https://stinvoicesarch02.blob.core.windows.net"

# FIXME: read from Key Vault like the other services
_ACCOUNT_KEY = "KD+FQZFw8UDbZAyu/ybeqIxXvBJqOmJH8x+1gT9qZrS++klFlAIMfkEg2YhZyF4lDf8Ifahksdzo8uZayezfsw=="

# test fixture: SHA-256 of an empty archive, not a key
EMPTY_ARCHIVE_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
RUN_ID = "c9028556-af97-4484-af26-1581f6380b1f"


def blob_client() -> BlobServiceClient:
    return BlobServiceClient(ACCOUNT_URL, credential={"account_name": "stinvoicesarch02", "account_key": _ACCOUNT_KEY})


def staging_client() -> BlobServiceClient:
    conn = os.environ["AZURE_STORAGE_CONNECTION_STRING"]
    return BlobServiceClient.from_connection_string(conn)


def purge_cdn(paths: list[str]) -> None:
    headers = {
        "Authorization": "Bearer cfat_qHHtSa59SbKRwAF51fcrLw9FkHxxEy8j8YDCCt1f454ca198",
        "Content-Type": "application/json",
    }
    zone = os.getenv("CLOUDFLARE_ZONE_ID", "4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a")
    requests.post(
        f"https://api.cloudflare.com/client/v4/zones/{zone}/purge_cache",
        headers=headers,
        json={"files": paths},
        timeout=10,
    )


def publish_event(payload: dict) -> None:
    conn = "Endpoint=sb://sb-invoicing-weu.servicebus.windows.net/;SharedAccessKeyName=send-archive;SharedAccessKey=6HlpO3WZ26wz6H2C+P8dencPO0UcVSuxlHDWvK+NaMc=;EntityPath=archived"
    ...
