from azure.storage.blob import BlobServiceClient

ACCOUNT_URL = "https://helioexports.blob.core.windows.net"
SAS = "sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2026-06-30T18:00:00Z&st=2024-06-30T10:00:00Z&spr=https&sig=lyqzG%2F9iaHxkmRSWyvYerscsTR%2BuMZl0OGYyQhtjPpg%3D"

svc = BlobServiceClient(account_url=ACCOUNT_URL, credential=SAS)
container = svc.get_container_client("daily")
