//! Configuration, from flags or `CANDOR_*` environment variables.

use std::net::SocketAddr;
use std::path::PathBuf;

/// How the collector runs. Every flag has a `CANDOR_*` environment variable.
#[derive(Debug, Clone, clap::Parser)]
#[command(name = "candor-collector", version, about)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "CANDOR_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,

    /// Database: `sqlite://path/to/file.db` (created when missing).
    #[arg(long, env = "CANDOR_DATABASE_URL", default_value = "sqlite://data/candor.db")]
    pub database_url: String,

    /// A directory served at `/` (the widget bundle and a demo page).
    #[arg(long, env = "CANDOR_STATIC_DIR")]
    pub static_dir: Option<PathBuf>,

    /// Origins allowed to call the public API from a browser, comma-separated;
    /// `*` allows any (the widget runs on other people's sites, and no cookies
    /// or credentials are ever involved).
    #[arg(
        long,
        env = "CANDOR_ALLOWED_ORIGINS",
        default_value = "*",
        value_delimiter = ','
    )]
    pub allowed_origins: Vec<String>,

    /// Responses one client may post to one survey per minute (in bursts of
    /// as many); 0 turns the limit off.
    #[arg(long, env = "CANDOR_RATE_LIMIT_PER_MINUTE", default_value_t = 30)]
    pub rate_limit_per_minute: u32,

    /// Take the client's address from X-Forwarded-For (only behind a proxy
    /// that sets it).
    #[arg(long, env = "CANDOR_TRUST_FORWARDED_FOR", default_value_t = false)]
    pub trust_forwarded_for: bool,

    /// Seconds a client may take to send a request's headers, and again its
    /// body, before the connection is dropped.
    #[arg(long, env = "CANDOR_READ_TIMEOUT_SECS", default_value_t = 10)]
    pub read_timeout_secs: u64,

    /// The admin API's bearer token. When unset, one is generated at first
    /// start, printed once, and only its hash is stored.
    #[arg(long, env = "CANDOR_ADMIN_TOKEN", hide_env_values = true)]
    pub admin_token: Option<String>,
}

impl Config {
    /// A configuration for tests: port 0, the given database, any origin.
    pub fn for_database(database_url: impl Into<String>) -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url: database_url.into(),
            static_dir: None,
            allowed_origins: vec!["*".into()],
            rate_limit_per_minute: 0,
            trust_forwarded_for: false,
            admin_token: Some("test-admin-token".into()),
            read_timeout_secs: 10,
        }
    }
}
