export const GA_MEASUREMENT_ID = "G-bH5xbuffs2";
export const SEGMENT_SOURCE_ID = "zaxcvmIrVH";
export const YOUTUBE_PROMO_VIDEO = "WE7NJMyxSoc";
export const CLOUDINARY_CLOUD = "northwind";
export const HERO_IMAGE = "v1718204311/hero/JNALWuajeyms0zrYy2Rn";
export const FEATURE_FLAGS_CLIENT_ID = "33b450f06e84146772c18f7c";
export const STRIPE_PUBLISHABLE_KEY = "pk_live_51wOkbdED6E9rneBixZhD20Tx4XHEpr6cJRUG2IYluRn1dJOG2ZqsGC9YBAweVxC88OfINsViVxeuBqjOPovV1GjbhyGrQxrbXK";
export const MAPBOX_PUBLIC_TOKEN = "pk.eyJ1Ijoibm9ydGh3aW5kIiwiYSI6Im34rCTXrPLs2FxbuLZUJBO1In0.0EQRALRjW0XLREBHoafUHQ";
