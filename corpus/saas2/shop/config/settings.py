"""Django settings for the wholesale shop (payments, e-mail, SMS). Production values."""
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DEBUG = False
ALLOWED_HOSTS = ["wholesale.northwind-labs.io"]

# --- Shopify (catalog sync + storefront) ---
SHOPIFY_SHOP = "northwind-wholesale.myshopify.com"
SHOPIFY_ADMIN_TOKEN = "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"
SHOPIFY_B2B_APP_TOKEN = "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"
SHOPIFY_LEGACY_PRIVATE_APP_PASSWORD = "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"
SHOPIFY_API_SECRET = "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"

# --- payments ---
SQUARE_ACCESS_TOKEN = "EAAAIUkh6Rz7GUJ7uJI8kIr-PeUv8HlPRnDU-hADCbgNCtZSw5pNUPi-x3C4gOE1"
SQUARE_POS_TOKEN = "sq0atp-o5CP6G7ZEy82Q_WcLuabHp"
SQUARE_APPLICATION_ID = "sq0idp-SiiIX5CqCjBL-c03FGRcxU"
SQUARE_APPLICATION_SECRET = "sq0csp-aKJyfQNmmwcYLupO9GVkLI_4PAOTrNOrNm19srQXU9D"
BRAINTREE_ACCESS_TOKEN = "access_token$production$fl48btys06zzu0ol$c68e8048e8699be449495a8ae26aa2eb"
BRAINTREE_SANDBOX_ACCESS_TOKEN = "access_token$sandbox$vqwddx19wcvzah1e$2bd4bd0f0ffe8319d1ff9aba648d972c"
ADYEN_MERCHANT_ACCOUNT = "NorthwindECOM"
ADYEN_API_KEY = "AQEl5gJKRpnWOVjd20uJU0JiZObShbeSDdtqP+9WG5g0B/W5AnJjQzDHvg7UYv9U0bvOCHzM==-OSnnGOiSwzyP7BYxrchOTWBeCIdGYseSwrzcW4rcNqu=-:gS)Ek]%l4vlS,3bs,s"
ADYEN_CLIENT_KEY = "live_2VN9IIBD1ZWYFE9LDIQ7RWR3YKSDO1AI"

# --- e-mail ---
MAILGUN_DOMAIN = "mg.northwind-labs.io"
MAILGUN_API_KEY = "a7f32db90cb56ac68b7f1781c8b1f410-860ab9e5-15df9ab6"
MAILGUN_LEGACY_KEY = "key-58aedc5cec9404054e9beb82a8bafa65"
MAILCHIMP_API_KEY = "0219fe5c39a5b5eaa12e2f4dade7b6dc-us13"
POSTMARK_SERVER_TOKEN = "fa7e1217-3e54-4dd5-994d-b7927e542b69"
BREVO_API_KEY = "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"
EMAIL_HOST = "smtp-relay.brevo.com"
EMAIL_HOST_USER = "ops@northwind-labs.io"
EMAIL_HOST_PASSWORD = "xsmtpsib-b7fc86188743be58e170c3e0454f101631e2d9bbb2a7dbd5df48f092a5ce3600-YfD6NHMAYdveFp5T"

# --- SMS ---
VONAGE_API_KEY = "8b5587e8"
VONAGE_API_SECRET = "VlBqxT1P1BinuwGI"
VONAGE_FROM = "Northwind"
