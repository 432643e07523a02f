cd /srv/app
sudo systemctl restart app
export DATABASE_URL=postgres://app:YH7px8cpcMN7eXoY@localhost:5432/app
redis-cli -a z8wlQk6iRbbLJ9NZuSIY -h 10.20.5.3 info
mongo "mongodb+srv://admin:T9qz5weimLctvirK@cluster0.ab1cd.mongodb.net/prod"
curl -u elastic:MNPj8ZxVrrRy97K7SRoU https://10.20.6.4:9200/_cat/indices
vim .env
tail -f /var/log/app/app.log
