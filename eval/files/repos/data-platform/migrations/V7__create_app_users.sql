-- V7: application users for the reporting stack
CREATE USER reporting WITH PASSWORD '^tSg7Q2hpc2Xl8xvKl';
GRANT CONNECT ON DATABASE analytics TO reporting;
GRANT USAGE ON SCHEMA mart TO reporting;
GRANT SELECT ON ALL TABLES IN SCHEMA mart TO reporting;

CREATE ROLE airflow LOGIN PASSWORD 'Company2024!';
ALTER ROLE metabase WITH PASSWORD 'enG0DTM3phmWUgrI';
CREATE ROLE readonly NOLOGIN;
