from .base import *  # noqa

DEBUG = False
ALLOWED_HOSTS = ["portal.northwind.io"]
SECRET_KEY = "0owx*k24*(7506-e9o3arj==rflr9dreqvm2js#ox*rb^a3e-d"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "portal",
        "USER": "portal",
        "PASSWORD": "ufHygDmzuFUr0N3T#f",
        "HOST": "portal-db.prod.internal",
    }
}
EMAIL_HOST_PASSWORD = "hKXMgAvfoRA3G2rr"
