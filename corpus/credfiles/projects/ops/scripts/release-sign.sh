#!/bin/bash
set -euo pipefail
keytool -importkeystore -srckeystore release.p12 -srcstoretype PKCS12 -srcstorepass H1ia^Uk#W3LJkA -destkeystore release.jks
keytool -list -keystore "$JAVA_HOME/lib/security/cacerts" -storepass changeit
