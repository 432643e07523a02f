#!/usr/bin/env python3
"""Copy incident tickets from PagerDuty into Jira."""
from jira import JIRA
import pdpyras

JIRA_URL = "https://northwind.atlassian.net"
jira = JIRA(server=JIRA_URL, basic_auth=("ops-bot@northwind.io", "ATATT3xFfGF0WF1eTEl-AUc-kq6jcu2INZmGvrslZdK_2p60E2Kz1eZpCucqsuPeawcNbyU-egcVx9Osmr7JNWwRkiM12_QhXzaJ9MAdcPEgTMZG9V7a364VuJJmyyZuPbd5soR0-SIEua2f6gRc5m5zwZ-PYC0MJrPOtYkJz95RNmmE9tYQsq=7D92574F"))
pd = pdpyras.APISession("u+3ERPKQ5xty1y8Pi73b")
CONFLUENCE_SPACE = "OPS"
