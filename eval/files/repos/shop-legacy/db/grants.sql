-- run as root after provisioning
CREATE USER 'shop'@'10.20.%' IDENTIFIED BY '9GP?QlJtyb5abudH';
GRANT SELECT, INSERT, UPDATE, DELETE ON shop.* TO 'shop'@'10.20.%';
CREATE USER 'backup'@'localhost' IDENTIFIED WITH mysql_native_password BY 'Qwerty123!';
GRANT RELOAD, PROCESS, LOCK TABLES ON *.* TO 'backup'@'localhost';
SET PASSWORD FOR 'shop_admin'@'%' = 'd3KVuhWPfhp2xP';
ALTER USER 'root'@'localhost' IDENTIFIED BY '';
FLUSH PRIVILEGES;
