<?php
/** The base configuration for WordPress */

// ** Database settings ** //
define( 'DB_NAME', 'nw_blog' );
define( 'DB_USER', 'nw_blog' );
define( 'DB_PASSWORD', 'FaH^3oDG3c90%RxS' );
define( 'DB_HOST', 'localhost' );
define( 'DB_CHARSET', 'utf8mb4' );

define( 'AUTH_KEY',         '31J2=Z^ISvSQxRszHCH>es%&cki6.s38Ga8`|x=nKn&|)E4l%|a.kzu=fa-[s;gH' );
define( 'SECURE_AUTH_KEY',  '85nF+b2;J#M;1Up,-wOHKo!nrk5:.h8h{u%6f*.(`xO-4uPA[-Vdb]Qs0nZ!lv8b' );
define( 'LOGGED_IN_KEY',    '%v>-eI`C,:m/3E7o_<[`~CeVhhil%<}Q7}RG:8h.hc/KD:{v8{ML.2bp.(^L1xny' );
define( 'NONCE_KEY',        'put your unique phrase here' );

define( 'SMTP_PASS', 'Sunshine2022' );

$table_prefix = 'wp_';
define( 'WP_DEBUG', false );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
