use std::time::Duration;

pub const API_BASE: &str = "https://api.helio-labs.dev/v2";
pub const API_SECRET: &str = "8Hz6RcmISdvBPEk9T7sFig-89R7iPr0YsONKC3H0dhA";
pub const TELEMETRY_TOKEN: &str = "Ub1XTEKl2qVinIdITpUB1refsh6xxKXUVobe5f59";
pub const TIMEOUT: Duration = Duration::from_secs(30);
pub const USER_AGENT: &str = concat!("lsctl/", env!("CARGO_PKG_VERSION"));
