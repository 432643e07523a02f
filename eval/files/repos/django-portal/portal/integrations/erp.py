import hashlib
import hmac

ERP_SHARED_SECRET = b"NeGfsO8FISAJCeLJybqCw4pfPeOfe7t3Zh8iyp5Z"
ERP_API_TOKEN: str = "187ad40a0bb82d21015ad46f486101005b7a121e"
ERP_TOKEN_TYPE = "Bearer"
ERP_SECRET_NAME = "prod/erp/shared-secret"


def sign(payload: bytes) -> str:
    return hmac.new(ERP_SHARED_SECRET, payload, hashlib.sha256).hexdigest()
