#!/usr/bin/env python3
"""Nightly push of rendered product images to the CDN origin (legacy FTP)."""
import ftplib
import getpass
import os
from urllib.parse import urlparse

ORIGIN = os.environ.get("ASSET_ORIGIN", "ftp://cdn-sync:5DMLexC47OQC2t-X@origin.media-assets.net/htdocs/img")
PROXY = "http://proxy.corp-build.net:3128"


def connect(url: str = ORIGIN) -> ftplib.FTP:
    u = urlparse(url)
    ftp = ftplib.FTP(u.hostname)
    password = u.password or getpass.getpass("FTP password: ")
    ftp.login(u.username, password)
    ftp.cwd(u.path)
    return ftp


if __name__ == "__main__":
    with connect() as ftp:
        print(ftp.nlst()[:10])
