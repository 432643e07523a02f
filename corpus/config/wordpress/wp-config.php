<?php
/**
 * The base configuration for WordPress
 *
 * @package WordPress
 */

// ** Database settings - You can get this info from your web host ** //
/** The name of the database for WordPress */
define( 'DB_NAME', 'shop_wp' );

/** Database username */
define( 'DB_USER', 'shop_wp' );

/** Database password */
define( 'DB_PASSWORD', 'OWEo=0!fjYk=o7' );

/** Database hostname */
define( 'DB_HOST', 'mysql-wp.shop-hosting.net' );

define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 *
 * Change these to different unique phrases! You can generate these using
 * the {@link https://api.wordpress.org/secret-key/1.1/salt/ WordPress.org secret-key service}.
 *
 * @since 2.6.0
 */
define( 'AUTH_KEY',         '5iiOVh#_E:XK~%s%,^6S|=>Ivrth@^Z=X!Jx`daK8JE(9;j,[T<5A+_DV9)Q<J(n' );
define( 'SECURE_AUTH_KEY',  'FDfLY={)7V^<-0A!=r7wU}1om[?sb!2kv!K:GN;3IHEj*pR[l`=vO]7~B_A|*u,}' );
define( 'LOGGED_IN_KEY',    '_l@Si:a.VT40n^yc1Ey i| `Kw;s{1EDb9[rO? Id*GH4u.G,B@t?g?L*DujpS@|' );
define( 'NONCE_KEY',        ':#5e7= h/SAvh /{&6xF&+$)5(TTwK_@7{;gkHJ!cK@N4Oa+:W:>)29)a(`2y%j}' );
define( 'AUTH_SALT',        'jl+l/Qfo#!z:dObL@w/jI]H|}aP^i;*oZ9PMA&L#U_F-DloV:iQi{7t#1UH@C $V' );
define( 'SECURE_AUTH_SALT', 'v<H1I&];tTOKg @SGwUinAwG~#|eAys`5-/561ow$Z3FkGziwVDW]U<LkW8g<Pt5' );
define( 'LOGGED_IN_SALT',   '}+3K2y0KYBdj/;w+V.or%v//F;Oy@UYM#LT^TWC=[Nyy/nOklg2ucbbX4x3B|;td' );
define( 'NONCE_SALT',       'sHvt:gt2`CJ=]Eb}TG=s=}?5,Qrz`aj~x$?EA(^iO=D6!prY)F|2)?zEw_ff~oud' );

/**#@-*/

$table_prefix = 'wp_';

define( 'WP_DEBUG', false );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';
