#!/bin/sh
# Dumps all dashboards of the old Grafana 7 instance (grafana-old.northwind.internal).
GRAFANA_URL=https://grafana-old.northwind.internal
GRAFANA_API_KEY=eyJrIjoiVXBFU2J5Vlppa3QwcVplSTVrTXFvbnM1U2hpd0FsZG4iLCJuIjoiZGFzaGJvYXJkcy1zeW5jIiwiaWQiOjl9

for uid in $(curl -s -H "Authorization: Bearer $GRAFANA_API_KEY" "$GRAFANA_URL/api/search?type=dash-db" | jq -r '.[].uid'); do
  curl -s -H "Authorization: Bearer $GRAFANA_API_KEY" "$GRAFANA_URL/api/dashboards/uid/$uid" > "backup/$uid.json"
done
