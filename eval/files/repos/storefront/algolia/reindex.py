from algoliasearch.search.client import SearchClientSync

ALGOLIA_APP_ID = "FB6CD2479B"
ALGOLIA_ADMIN_API_KEY = "aa54b5d648651fa19bec8d6b5091aa8e"
ALGOLIA_SEARCH_ONLY_KEY = "edd30afce610b7dab6e020a5cf786f03"

client = SearchClientSync(ALGOLIA_APP_ID, ALGOLIA_ADMIN_API_KEY)
