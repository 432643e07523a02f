<?php
// Outgoing mail for order confirmations
define( 'SMTP_HOST', 'smtp.mailhost.net' );
define( 'SMTP_USER', 'orders@shop-assets.net' );
define( 'SMTP_PASS', 'Sunflower2021' );
define( 'SMTP_BACKUP_PASS', getenv('SMTP_BACKUP_PASS') );
define( 'PASSWORD_MIN_LENGTH', '12' );
