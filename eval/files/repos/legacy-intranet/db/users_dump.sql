-- MySQL dump 10.13  Distrib 5.7.44
LOCK TABLES `mysql`.`user` WRITE;
INSERT INTO `user` VALUES ('localhost','root','*291A79C6E292DEFC73463D5B238E9F068F332B8E','mysql_native_password');
INSERT INTO `user` VALUES ('%','intranet','*B7162659E71893786082A6A6C97CEF160E68EAE6','mysql_native_password');
UNLOCK TABLES;

LOCK TABLES `intranet`.`accounts` WRITE;
INSERT INTO `accounts` VALUES (1,'jkowalski','$1$I79izFLR$MJu6iHBcsSPwyiM9Uh1zt.','2019-03-01');
INSERT INTO `accounts` VALUES (2,'hlange','$1$OcFdhaVD$ohKMEPMsU8PX4o/ZMFXJf.','2019-03-01');
UNLOCK TABLES;
