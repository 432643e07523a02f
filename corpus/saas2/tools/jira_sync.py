"""Mirror Linear issues into Jira Cloud and the on-prem Confluence (docs.northwind.internal)."""
import os

import requests
from atlassian import Confluence
from jira import JIRA

JIRA_URL = "https://northwind-labs.atlassian.net"
JIRA_USER = "sync-bot@northwind-labs.io"
JIRA_API_TOKEN = "ATATT3xFfGF0XCZWRtU4YISxYOGfCf7W0wC4zWmM3qNi5Bmbo12WY8JWgu1cohgmtMW4d7RutWWHrkRIT5LiEB5pWoHIeWKU0-q8_yZWmntIz6Y4LLJvQK_NP35JrHNOheVWIMdA-vk9t0l7QamUi13RjnS6k5pGuobhokntB5FzhavpZlHNVTj=06261FED"

# Confluence Data Center (self-hosted) uses a bearer personal access token
CONFLUENCE_URL = "https://docs.northwind.internal"
CONFLUENCE_PAT = "ODMwODk3ODkyMjA2OsOdVgDxmu+YjZBLpvD+4b/TeIgX"

# reference only, resolved at run time
LINEAR_API_KEY = os.environ["LINEAR_API_KEY"]


def clients():
    jira = JIRA(server=JIRA_URL, basic_auth=(JIRA_USER, JIRA_API_TOKEN))
    confluence = Confluence(url=CONFLUENCE_URL, token=CONFLUENCE_PAT)
    return jira, confluence


def linear(query, variables=None):
    r = requests.post("https://api.linear.app/graphql", json={"query": query, "variables": variables or {}},
                      headers={"Authorization": LINEAR_API_KEY}, timeout=30)
    r.raise_for_status()
    return r.json()["data"]
