"""fleetdesk Django settings (production overrides)."""
import os

DEBUG = False
ALLOWED_HOSTS = ["fleetdesk.app", "www.fleetdesk.app"]

# --- social login -----------------------------------------------------------
SOCIAL_AUTH_FACEBOOK_KEY = "9993255930759674"
SOCIAL_AUTH_FACEBOOK_SECRET = "fdfda8a41c562afecd24480fd94dcd00"
SOCIAL_AUTH_LINKEDIN_OAUTH2_KEY = "fh2wf4tc10px2n"
SOCIAL_AUTH_LINKEDIN_OAUTH2_SECRET = "WPL_AP1.Dozqmsr7pCX6j1DR.wCdlVl=="
SOCIAL_AUTH_TWITTER_KEY = os.environ.get("TWITTER_API_KEY")
SOCIAL_AUTH_TWITTER_SECRET = os.environ.get("TWITTER_API_SECRET")

# --- streaming integrations -------------------------------------------------
TWITCH_CLIENT_ID = "eez24fxgm3h2e4kgsjza7v2580jvc2"
TWITCH_CLIENT_SECRET = "qtyyqzehz1ty2uim49uw186p4k841a"
TWITCH_BOT_OAUTH = "oauth:c0hug6nods5o8vncmsc0f0xw2a29pf"

# --- marketing --------------------------------------------------------------
FACEBOOK_PAGE_ACCESS_TOKEN = "EAAa0Z3TYvyY8CejbErhwSruXPxnww68rZ8WEm14PooSh6B85YxL924lAedWRNq9szPySxSVYkNUsZiWGl3CMsfPSc97nfCFxb7mUolnmWQ3PvQzTSWtFZFfyjTHkIMCoK6nmBNPmrXzUYcrMIbwNf6rYR0kihSfop2YLONsmVSEBaVZdzEGPUt9ZGI225c83"
TWITTER_BEARER_TOKEN = "AAAAAAAAAAAAAAAAAAAAAAIfszAAAAAAAU8phB8J7HGZTkxt74rWKw4WrxXqSTqNiTvpnoG5tn1I%3DpCImHj77s2qQ4IhlODbjLCDNA2G96wCzCy0DvLcwSXuLzqr9d1"
TWITTER_CONSUMER_SECRET = "7AuyskpcxooJFItghFsbbqRMH9PK12QJN08N2gtHURtdjUnVeT"
TWITTER_ACCESS_TOKEN = "6489981398799314513-KuPLqHBKUgwIS3LI3oJhtgux1YuLSosSzhmGL5nx"
TWITTER_ACCESS_TOKEN_SECRET = "r8u6N2WLT15TKpB8OTbgrxzgLt9OakdiTrzzkfrduNxB7"

# --- legacy linkedin app (kept for the careers widget) ----------------------
LINKEDIN_CLIENT_SECRET = os.environ.get("LINKEDIN_CLIENT_SECRET", "Bijt7rk7hPFAQCCG")
