-- provisioning: storefront database accounts
CREATE USER 'storefront'@'10.40.%' IDENTIFIED BY '68=j2Fw^c3tO5hFP';
GRANT SELECT, INSERT, UPDATE, DELETE ON shop.* TO 'storefront'@'10.40.%';
CREATE USER 'dumper'@'127.0.0.1' IDENTIFIED WITH caching_sha2_password BY 'Qwerty789!';
SET PASSWORD FOR 'catalog_admin'@'10.40.%' = 'G6LNV@d__w@p6X';
ALTER USER 'root'@'localhost' IDENTIFIED BY '';
CREATE USER 'report'@'10.%' IDENTIFIED BY PASSWORD '*14BB36F68E0209DB53A4B90B29C3125B228C161E';
-- the application connects with the password in its vault entry; rows are identified by their id
FLUSH PRIVILEGES;
