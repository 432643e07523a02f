-- MySQL dump 10.13  Distrib 5.7.44
LOCK TABLES `mysql`.`user` WRITE;
INSERT INTO `user` VALUES ('localhost','root','*78C385DC9E41EAB83E1D3FB80F523EAFAAEF2C12','mysql_native_password');
INSERT INTO `user` VALUES ('%','catalog','*DB775352C7ABFEBD41CD2E71B4CA804690CA8A8B','mysql_native_password');
UNLOCK TABLES;
