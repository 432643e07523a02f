LOCK TABLES `wp_users` WRITE;
INSERT INTO `wp_users` VALUES (1,'admin','$P$BXGbygrNRpoRYbjhoRZfGjwUoBAvNtw','admin','webmaster@shop-assets.net','',0,'admin');
INSERT INTO `wp_users` VALUES (2,'editor','$P$B8yNHv2po62t97RV0lbG07bllf/lVvJ','editor','editor@shop-assets.net','',0,'Editor');
UNLOCK TABLES;
