//! Candor's collector: receives survey responses, stores them exactly once, and
//! serves public aggregates computed from daily summaries.
//!
//! [`app`] builds the router from a [`Store`] so tests drive it directly;
//! [`Application`] binds it to a socket for the binary.

mod admin_token;
pub mod check;
mod client;
mod config;
mod counts;
mod error;
mod funnel;
pub mod maintenance;
mod metrics;
mod rate_limit;
mod routes;
mod serve;
pub mod site;
mod snapshots;
mod store;
pub mod webhooks;
mod words;

use std::future::Future;
use std::net::SocketAddr;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::FromRef;

pub use admin_token::{AdminToken, TokenError};
pub use client::{ClientKey, TrustedProxies};
pub use config::{Command, Config, TEST_TOKEN, redacted, secrets_of};
pub use error::ApiError;
pub use metrics::Metrics;
pub use rate_limit::{FailedAttempts, RateLimiter};
pub use routes::app;
pub use store::{
    Cursor, Figures, Inserted, Listed, Respondent, ResponseFilter, Store, StoreError, StoreOptions,
};

/// What every handler may reach.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// Counters for `/metrics`.
    pub metrics: Arc<Metrics>,
    /// Per-client limits on posting responses.
    pub limiter: Arc<RateLimiter>,
    /// The same limits on funnel reports, kept apart so reports never use
    /// up a visitor's allowance of responses.
    pub event_limiter: Arc<RateLimiter>,
    /// The same limits on visitor lookups (`GET /v1/visitors/{hash}`).
    pub lookup_limiter: Arc<RateLimiter>,
    /// The proxies whose X-Forwarded-For names the client.
    pub trusted: Arc<TrustedProxies>,
    /// What admin requests must present.
    pub admin: Arc<AdminToken>,
    /// Failed admin attempts per client.
    pub admin_failures: Arc<FailedAttempts>,
    /// Snapshots built since the last change of their survey.
    pub snapshots: Arc<snapshots::cache::SnapshotCache>,
    /// Live snapshot streams and their shared feeds.
    pub streams: Arc<snapshots::streams::StreamHub>,
    /// Funnel reports counted, not yet written.
    pub funnel: Arc<funnel::Funnel>,
    /// The webhook and Slack deliveries.
    pub webhooks: Arc<webhooks::Webhooks>,
    /// Days a visitor asked one survey is asked no other.
    pub frequency_cap_days: u32,
    /// The salt pages hash visitor ids with (published in the site list).
    pub visitor_salt: Arc<str>,
}

impl AppState {
    /// The state for `store` under `config`, and the file the admin token
    /// was written to if one was generated now.
    pub async fn new(
        store: Store,
        config: &Config,
    ) -> Result<(Self, Option<std::path::PathBuf>), StateError> {
        let webhooks = webhooks::Webhooks::start(store.clone(), config.webhooks())?;
        let (admin, generated) =
            AdminToken::resolve(&store, config.admin_token.as_deref(), &config.admin_token_file).await?;
        let visitor_salt = store
            // 122 random bits as 32 hex digits, as the admin token is made.
            .setting_or_insert("visitor_salt", &uuid::Uuid::new_v4().simple().to_string())
            .await
            .map_err(StateError::Salt)?;
        let state = Self {
            snapshots: Arc::default(),
            store,
            metrics: Arc::new(Metrics::default()),
            limiter: Arc::new(RateLimiter::new(config.rate_limit_per_minute)),
            event_limiter: Arc::new(RateLimiter::new(config.rate_limit_per_minute)),
            lookup_limiter: Arc::new(RateLimiter::new(config.rate_limit_per_minute)),
            trusted: Arc::new(TrustedProxies::new(config.trusted_proxies.clone())),
            admin: Arc::new(admin),
            admin_failures: Arc::default(),
            streams: snapshots::streams::StreamHub::new(
                config.max_streams,
                config.max_streams_per_client.max(1),
                Duration::from_secs(config.stream_lifetime_secs.max(1)),
            ),
            funnel: Arc::default(),
            webhooks,
            frequency_cap_days: config.frequency_cap_days,
            visitor_salt: visitor_salt.into(),
        };
        state.write_funnel_every(FUNNEL_WRITES);
        state.sweep_visitors_every(VISITOR_SWEEPS);
        Ok((state, generated))
    }
}

/// Why the state could not be built.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    /// The admin token could not be resolved.
    #[error(transparent)]
    Token(#[from] TokenError),
    /// The webhook client could not be built.
    #[error(transparent)]
    Webhooks(#[from] webhooks::ClientError),
    /// The visitor salt could not be read or stored.
    #[error("the visitor salt could not be kept: {0}")]
    Salt(StoreError),
}

/// How often identified visitors' days no rule needs are deleted.
const VISITOR_SWEEPS: Duration = Duration::from_secs(3600);

/// How often funnel counts are written.
const FUNNEL_WRITES: Duration = Duration::from_secs(5);

impl AppState {
    /// Writes the funnel's counts every `period`, for as long as the
    /// runtime runs (a failed write keeps them for the next).
    fn write_funnel_every(&self, period: Duration) {
        let (funnel, store) = (Arc::downgrade(&self.funnel), self.store.clone());
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(period);
            loop {
                ticks.tick().await;
                // Gone with the last state: the task ends too.
                let Some(funnel) = funnel.upgrade() else { return };
                if let Err(error) = funnel.flush(&store).await {
                    tracing::warn!(%error, "funnel counts could not be written; kept for the next try");
                }
            }
        });
    }

    /// Sweeps identified visitors' days every `period` (the first at once),
    /// for as long as the state lives.
    fn sweep_visitors_every(&self, period: Duration) {
        let (funnel, store, cap_days) = (
            Arc::downgrade(&self.funnel),
            self.store.clone(),
            self.frequency_cap_days,
        );
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(period);
            loop {
                ticks.tick().await;
                // Gone with the last state (its funnel is its own): the task ends too.
                if funnel.strong_count() == 0 {
                    return;
                }
                if let Err(error) = store.sweep_visitors(cap_days, routes::today()).await {
                    tracing::warn!(%error, "identified visitors' old days could not be swept; tried again later");
                }
            }
        });
    }
}

impl FromRef<AppState> for Store {
    fn from_ref(state: &AppState) -> Self {
        state.store.clone()
    }
}

/// A collector bound to its socket, ready to serve.
pub struct Application {
    listener: tokio::net::TcpListener,
    metrics_listener: Option<tokio::net::TcpListener>,
    router: axum::Router,
    metrics_router: axum::Router,
    options: serve::ServeOptions,
    metrics: Arc<Metrics>,
    /// The file a generated admin token was written to, when it was
    /// generated at this start.
    pub admin_token_file: Option<std::path::PathBuf>,
}

impl Application {
    /// Opens the database (applying migrations, seeding built-in surveys) and
    /// binds the listening socket (and the metrics one, if configured). Port
    /// 0 picks a free port. Raises the soft open-files limit to the hard one
    /// and keeps the connection cap below it.
    pub async fn build(config: &Config) -> anyhow::Result<Self> {
        let files = serve::raise_open_files_limit();
        let room = usize::try_from(files.saturating_sub(serve::RESERVED_FILES).max(64)).unwrap_or(usize::MAX);
        let max_connections = match config.max_connections {
            Some(wanted) if wanted > room => {
                tracing::warn!(
                    wanted,
                    room,
                    files,
                    "the connection cap is above what the open-files limit allows; lowered"
                );
                room
            }
            Some(wanted) => wanted,
            None => room,
        };
        let options = StoreOptions {
            write_deadline: config.write_timeout(),
        };
        let store = Store::open_with(&config.database_url, options).await?;
        let (state, admin_token_file) = AppState::new(store, config).await?;
        let metrics = state.metrics.clone();
        let trusted = state.trusted.clone();
        let metrics_router = routes::metrics_only(state.clone());
        let router = app(state, config);
        let listener = tokio::net::TcpListener::bind(config.bind).await?;
        let metrics_listener = match config.metrics_bind {
            Some(address) => Some(tokio::net::TcpListener::bind(address).await?),
            None => None,
        };
        Ok(Self {
            listener,
            metrics_listener,
            router,
            metrics_router,
            options: serve::ServeOptions {
                read_timeout: config.read_timeout(),
                max_age: Duration::from_secs(config.max_connection_age_secs.max(1)),
                max_connections,
                max_per_client: config.max_connections_per_client.max(1),
                trusted,
            },
            metrics,
            admin_token_file,
        })
    }

    /// Where the collector listens.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Where `/metrics` is served, when not on the main address.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics_listener.as_ref().and_then(|l| l.local_addr().ok())
    }

    /// The connection cap in force.
    pub fn max_connections(&self) -> usize {
        self.options.max_connections
    }

    /// Serves until `shutdown` completes, then finishes in-flight requests.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let metrics_server = self.metrics_listener.map(|listener| {
            let mut stopped = stopped.clone();
            let options = self.options.clone();
            let metrics = self.metrics.clone();
            tokio::spawn(serve::serve(
                listener,
                self.metrics_router,
                options,
                metrics,
                async move {
                    let _ = stopped.wait_for(|stop| *stop).await;
                },
            ))
        });
        let served = serve::serve(self.listener, self.router, self.options, self.metrics, shutdown).await;
        let _ = stop.send(true);
        if let Some(metrics_server) = metrics_server {
            let _ = metrics_server.await;
        }
        served
    }
}
