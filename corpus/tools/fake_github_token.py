#!/usr/bin/env python3
"""Generate throwaway, well-formed GitHub-style tokens for the leakscope test corpus.

The tokens are random and were never issued by GitHub, so they authenticate nothing.
They are nevertheless *well-formed*, checksum included, so a scanner that validates the
checksum treats them as candidates.

Format of the prefixed GitHub tokens (ghp_, gho_, ghu_, ghs_, ghr_), per
https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/ :

    <prefix>_ + 30 random chars [A-Za-z0-9] + 6-char checksum

The checksum is the CRC-32 (zlib / IEEE polynomial) of the 30 random characters, written in
base62 with the alphabet 0-9A-Za-z and left-padded with '0' to 6 characters. npm tokens
(npm_ + 36) follow the same scheme.

Usage:
    fake_github_token.py [PREFIX ...]          # default: ghp gho ghu ghs ghr
    fake_github_token.py --check TOKEN ...     # verify the checksum of existing tokens
"""
import secrets
import string
import sys
import zlib

BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase  # 0-9A-Za-z
RANDOM_LEN = 30
CHECKSUM_LEN = 6


def base62(n: int, width: int = CHECKSUM_LEN) -> str:
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = BASE62[r] + out
    return out.rjust(width, "0")


def checksum(body: str) -> str:
    return base62(zlib.crc32(body.encode("ascii")) & 0xFFFFFFFF)


def make(prefix: str) -> str:
    body = "".join(secrets.choice(BASE62) for _ in range(RANDOM_LEN))
    return f"{prefix}_{body}{checksum(body)}"


def check(token: str) -> bool:
    _, _, rest = token.partition("_")
    if len(rest) != RANDOM_LEN + CHECKSUM_LEN:
        return False
    return checksum(rest[:RANDOM_LEN]) == rest[RANDOM_LEN:]


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--check":
        ok = True
        for tok in argv[1:]:
            valid = check(tok)
            ok &= valid
            print(f"{'ok ' if valid else 'BAD'} {tok}")
        return 0 if ok else 1
    for prefix in argv or ["ghp", "gho", "ghu", "ghs", "ghr"]:
        print(make(prefix.rstrip("_")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
