//! Candor's collector: receives survey responses, stores them exactly once, and
//! serves public aggregates computed from daily summaries.
//!
//! [`app`] builds the router from a [`Store`] so tests drive it directly;
//! [`Application`] binds it to a socket for the binary.

mod admin_token;
mod config;
mod error;
mod metrics;
mod rate_limit;
mod routes;
mod serve;
mod snapshot_cache;
mod store;
mod words;

use std::future::Future;
use std::net::SocketAddr;

use std::sync::Arc;

use axum::extract::FromRef;

pub use admin_token::AdminToken;
pub use config::Config;
pub use error::ApiError;
pub use metrics::Metrics;
pub use rate_limit::RateLimiter;
pub use routes::app;
pub use store::{
    ContactRequest, Cursor, Inserted, ResponseFilter, Store, StoreError, StoredResponse, SurveySummary,
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
    /// Whether X-Forwarded-For names the client.
    pub trust_forwarded_for: bool,
    /// What admin requests must present.
    pub admin: Arc<AdminToken>,
    /// Snapshots built since the last change of their survey.
    pub snapshots: Arc<snapshot_cache::SnapshotCache>,
}

impl AppState {
    /// The state for `store` under `config`, and the admin token if one was
    /// generated now (to be shown once).
    pub async fn new(store: Store, config: &Config) -> Result<(Self, Option<String>), StoreError> {
        let (admin, generated) = AdminToken::resolve(&store, config.admin_token.as_deref()).await?;
        let state = Self {
            snapshots: Arc::default(),
            store,
            metrics: Arc::new(Metrics::default()),
            limiter: Arc::new(RateLimiter::new(config.rate_limit_per_minute)),
            trust_forwarded_for: config.trust_forwarded_for,
            admin: Arc::new(admin),
        };
        Ok((state, generated))
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
    router: axum::Router,
    read_timeout: std::time::Duration,
    /// The admin token, when generated at this start (shown once).
    pub new_admin_token: Option<String>,
}

impl Application {
    /// Opens the database (applying migrations, seeding built-in surveys) and
    /// binds the listening socket. Port 0 picks a free port.
    pub async fn build(config: &Config) -> anyhow::Result<Self> {
        let store = Store::open(&config.database_url).await?;
        let (state, new_admin_token) = AppState::new(store, config).await?;
        let router = app(state, config);
        let listener = tokio::net::TcpListener::bind(config.bind).await?;
        Ok(Self {
            listener,
            router,
            read_timeout: std::time::Duration::from_secs(config.read_timeout_secs.max(1)),
            new_admin_token,
        })
    }

    /// Where the collector listens.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Serves until `shutdown` completes, then finishes in-flight requests.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        serve::serve(self.listener, self.router, self.read_timeout, shutdown).await
    }
}
