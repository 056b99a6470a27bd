//! Configuration, from flags or `CANDOR_*` environment variables.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use ipnet::IpNet;

/// How the collector runs. Every flag has a `CANDOR_*` environment variable.
#[derive(Debug, Clone, clap::Parser)]
#[command(name = "candor-collector", version, about)]
pub struct Config {
    /// What to do (default: serve).
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Address to listen on.
    #[arg(long, env = "CANDOR_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,

    /// Database: `sqlite://path/to/file.db` (created when missing).
    #[arg(long, env = "CANDOR_DATABASE_URL", default_value = "sqlite://data/candor.db")]
    pub database_url: String,

    /// A directory to serve the site from (the widget, the dashboard, a
    /// demo page) instead of the one built into the binary.
    #[arg(long, env = "CANDOR_STATIC_DIR")]
    pub static_dir: Option<PathBuf>,

    /// Serve the demo checkout page at `/` (`cargo xtask run` does);
    /// without it `/` leads to the dashboard.
    #[arg(long, env = "CANDOR_DEMO")]
    pub demo: bool,

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

    /// Proxies (addresses or CIDR blocks, comma-separated) whose
    /// X-Forwarded-For is believed: the client is the rightmost address in
    /// it that is not one of them. Empty: the peer is the client.
    #[arg(
        long,
        env = "CANDOR_TRUSTED_PROXIES",
        value_delimiter = ',',
        value_parser = crate::client::parse_proxy
    )]
    pub trusted_proxies: Vec<IpNet>,

    /// Seconds a client has, from connecting or from its last response, to
    /// send a complete request head (HTTP/1 and HTTP/2 alike), and again to
    /// send a whole body; past them the connection is closed.
    #[arg(long, env = "CANDOR_READ_TIMEOUT_SECS", default_value_t = 10)]
    pub read_timeout_secs: u64,

    /// Seconds a connection may live; then it is closed gracefully (clients
    /// reconnect).
    #[arg(long, env = "CANDOR_MAX_CONNECTION_AGE_SECS", default_value_t = 600)]
    pub max_connection_age_secs: u64,

    /// Open connections at most; past it new ones are closed at once.
    /// Default: the open-files limit (raised to its hard limit at start)
    /// less 512 for the database and files.
    #[arg(long, env = "CANDOR_MAX_CONNECTIONS")]
    pub max_connections: Option<usize>,

    /// Open connections at most from one client address (an IPv6 client is
    /// its /64; trusted proxies are exempt).
    #[arg(long, env = "CANDOR_MAX_CONNECTIONS_PER_CLIENT", default_value_t = 128)]
    pub max_connections_per_client: usize,

    /// Live snapshot streams at most, in all.
    #[arg(long, env = "CANDOR_MAX_STREAMS", default_value_t = 10_000)]
    pub max_streams: usize,

    /// Live snapshot streams at most from one client.
    #[arg(long, env = "CANDOR_MAX_STREAMS_PER_CLIENT", default_value_t = 16)]
    pub max_streams_per_client: usize,

    /// Seconds a live snapshot stream lasts; the browser then reconnects on
    /// its own (the stream says when, with `retry:`).
    #[arg(long, env = "CANDOR_STREAM_LIFETIME_SECS", default_value_t = 300)]
    pub stream_lifetime_secs: u64,

    /// Seconds a batch of responses may take to commit; a post waits at
    /// most twice that plus one, then gets 503 with Retry-After.
    #[arg(long, env = "CANDOR_WRITE_TIMEOUT_SECS", default_value_t = 5)]
    pub write_timeout_secs: u64,

    /// Serve `/metrics` only here (a private address), not on `bind`.
    #[arg(long, env = "CANDOR_METRICS_BIND")]
    pub metrics_bind: Option<SocketAddr>,

    /// The admin API's bearer token, at least 32 characters. When unset, one
    /// is generated at first start and written to `--admin-token-file`;
    /// only its hash is stored.
    #[arg(long, env = "CANDOR_ADMIN_TOKEN", hide_env_values = true)]
    pub admin_token: Option<String>,

    /// Where a generated admin token is written (readable by its owner only).
    #[arg(long, env = "CANDOR_ADMIN_TOKEN_FILE", default_value = "data/admin-token")]
    pub admin_token_file: PathBuf,

    /// The collector's public address (`https://feedback.example.com`),
    /// for links to the dashboard in Slack messages.
    #[arg(long, env = "CANDOR_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Seconds a webhook attempt may take, connecting included.
    #[arg(long, env = "CANDOR_WEBHOOK_TIMEOUT_SECS", default_value_t = 10)]
    pub webhook_timeout_secs: u64,

    /// Webhook attempts in flight at once per destination.
    #[arg(long, env = "CANDOR_WEBHOOK_CONCURRENCY", default_value_t = 4)]
    pub webhook_concurrency: usize,

    /// Allow destinations on loopback, private and link-local addresses
    /// (refused by default: a destination must not reach the collector's
    /// own network).
    #[arg(long, env = "CANDOR_WEBHOOK_ALLOW_PRIVATE_TARGETS")]
    pub webhook_allow_private_targets: bool,

    /// Milliseconds before a failed delivery's first retry; each later wait
    /// doubles (with jitter) up to an hour.
    #[arg(long, env = "CANDOR_WEBHOOK_FIRST_RETRY_MS", default_value_t = 5000)]
    pub webhook_first_retry_ms: u64,

    /// Seconds a delivery is retried before it is marked failed.
    #[arg(long, env = "CANDOR_WEBHOOK_GIVE_UP_AFTER_SECS", default_value_t = 86_400)]
    pub webhook_give_up_after_secs: u64,

    /// Days a finished (delivered or failed) delivery stays listed before it
    /// is deleted; 0 deletes them at the next sweep (every drop check).
    #[arg(long, env = "CANDOR_WEBHOOK_KEEP_DAYS", default_value_t = 30)]
    pub webhook_keep_days: u64,

    /// Days a visitor asked any survey by the site-wide script is asked no
    /// other (published in `GET /v1/surveys`).
    #[arg(long, env = "CANDOR_FREQUENCY_CAP_DAYS", default_value_t = candor_core::site_list::DEFAULT_FREQUENCY_CAP_DAYS)]
    pub frequency_cap_days: u32,

    /// Seconds between checks of the "significant drop" alert rules.
    #[arg(long, env = "CANDOR_ALERT_DROP_CHECK_SECS", default_value_t = 60)]
    pub alert_drop_check_secs: u64,
}

/// The collector's commands.
#[derive(Debug, Clone, PartialEq, Eq, clap::Subcommand)]
pub enum Command {
    /// Serve the API, the widget and the dashboard (the default).
    Serve,
    /// Apply the database migrations this binary has and exit (the server
    /// also applies them when it starts). Migrations only go forward.
    Migrate,
    /// Write a consistent copy of the SQLite database to a new file while
    /// collectors keep serving (PostgreSQL: use pg_dump).
    Backup {
        /// The file to write; it must not exist.
        #[arg(long)]
        to: PathBuf,
    },
    /// Check the configuration, the database, its migrations and the site,
    /// and exit non-zero if anything would stop the server.
    Check,
    /// Replace the admin token with a new one, written to the token file;
    /// the old one is refused at once by every collector on the database.
    RotateToken,
}

/// The admin token of [`Config::for_database`].
pub const TEST_TOKEN: &str = "test-admin-token-0123456789abcdef";

impl Config {
    /// A configuration for tests: port 0, the given database, any origin.
    pub fn for_database(database_url: impl Into<String>) -> Self {
        Self {
            command: None,
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url: database_url.into(),
            static_dir: None,
            demo: false,
            allowed_origins: vec!["*".into()],
            rate_limit_per_minute: 0,
            trusted_proxies: Vec::new(),
            admin_token: Some(TEST_TOKEN.into()),
            admin_token_file: PathBuf::from("admin-token"),
            read_timeout_secs: 10,
            max_connection_age_secs: 600,
            max_connections: None,
            max_connections_per_client: 128,
            max_streams: 10_000,
            max_streams_per_client: 16,
            stream_lifetime_secs: 300,
            write_timeout_secs: 5,
            metrics_bind: None,
            public_url: None,
            webhook_timeout_secs: 10,
            webhook_concurrency: 4,
            webhook_allow_private_targets: false,
            webhook_first_retry_ms: 5000,
            webhook_give_up_after_secs: 86_400,
            webhook_keep_days: 30,
            alert_drop_check_secs: 60,
            frequency_cap_days: candor_core::site_list::DEFAULT_FREQUENCY_CAP_DAYS,
        }
    }

    /// How webhook deliveries are made.
    pub fn webhooks(&self) -> crate::webhooks::Settings {
        crate::webhooks::Settings {
            timeout: Duration::from_secs(self.webhook_timeout_secs.max(1)),
            concurrency: self.webhook_concurrency.max(1),
            allow_private: self.webhook_allow_private_targets,
            first_retry: Duration::from_millis(self.webhook_first_retry_ms.max(1)),
            give_up_after: Duration::from_secs(self.webhook_give_up_after_secs),
            public_url: self.public_url.clone(),
            drop_check_every: Duration::from_secs(self.alert_drop_check_secs.max(1)),
            keep_finished: Duration::from_secs(self.webhook_keep_days.saturating_mul(86_400)),
        }
    }

    /// The head and body deadline.
    pub fn read_timeout(&self) -> Duration {
        Duration::from_secs(self.read_timeout_secs.max(1))
    }

    /// The longest a batch of responses may take.
    pub fn write_timeout(&self) -> Duration {
        Duration::from_secs(self.write_timeout_secs.max(1))
    }
}

/// `url` with any password replaced by `***`, for logs and errors.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, path) = rest.split_once('/').map_or((rest, None), |(a, p)| (a, Some(p)));
    let Some((credentials, host)) = authority.rsplit_once('@') else {
        return url.to_owned();
    };
    let user = credentials.split_once(':').map_or(credentials, |(user, _)| user);
    let hidden = if credentials.contains(':') {
        format!("{user}:***")
    } else {
        user.to_owned()
    };
    match path {
        Some(path) => format!("{scheme}://{hidden}@{host}/{}", redact_query(path)),
        None => format!("{scheme}://{hidden}@{host}"),
    }
}

/// A `password=` in a connection URL's query string, hidden too.
fn redact_query(path: &str) -> String {
    let Some((path, query)) = path.split_once('?') else {
        return path.to_owned();
    };
    let query: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((key, _)) if key.eq_ignore_ascii_case("password") => format!("{key}=***"),
            _ => pair.to_owned(),
        })
        .collect();
    format!("{path}?{}", query.join("&"))
}

/// Every secret `url` holds (its password, in the authority or the query).
pub fn secrets_of(url: &str) -> Vec<String> {
    let mut secrets = Vec::new();
    if let Some((_, rest)) = url.split_once("://") {
        let authority = rest.split('/').next().unwrap_or(rest);
        if let Some((credentials, _)) = authority.rsplit_once('@')
            && let Some((_, password)) = credentials.split_once(':')
            && !password.is_empty()
        {
            secrets.push(password.to_owned());
        }
        if let Some((_, query)) = rest.split_once('?') {
            for pair in query.split('&') {
                if let Some((key, value)) = pair.split_once('=')
                    && key.eq_ignore_ascii_case("password")
                    && !value.is_empty()
                {
                    secrets.push(value.to_owned());
                }
            }
        }
    }
    secrets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_hidden_and_the_rest_kept() {
        assert_eq!(
            redacted("postgres://candor:s3cret@db.internal:5432/candor?sslmode=require"),
            "postgres://candor:***@db.internal:5432/candor?sslmode=require"
        );
        assert_eq!(
            redacted("postgres://candor@db/candor?password=s3cret&x=1"),
            "postgres://candor@db/candor?password=***&x=1"
        );
        assert_eq!(redacted("sqlite://data/candor.db"), "sqlite://data/candor.db");
        assert_eq!(redacted("postgres://u:p@ss@host/db"), "postgres://u:***@host/db");
        assert_eq!(
            secrets_of("postgres://u:p@ss@host/db?password=two"),
            ["p@ss", "two"]
        );
        assert!(secrets_of("sqlite://data/candor.db").is_empty());
    }
}
