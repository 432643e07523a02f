# Superset: metadata DB and the Snowflake warehouse connection used by the default dashboards
SQLALCHEMY_DATABASE_URI = "postgresql+psycopg2://superset:${SUPERSET_DB_PASSWORD}@superset-db/superset"
WAREHOUSE_URI = "snowflake://superset_ro:Kd8#vQ3wLx6Tn@acme-analytics/ANALYTICS/MARTS?warehouse=BI_WH&role=BI_READER"
