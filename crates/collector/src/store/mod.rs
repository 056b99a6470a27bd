//! Storage: surveys, responses and daily summaries, in SQLite (embedded, the
//! default) or PostgreSQL (when one machine is not enough).
//!
//! Every response is stored with its day's summary in one transaction, so the
//! summaries always agree with the responses and a snapshot never rescans
//! them. Queries are written once with `$1`-style placeholders, which both
//! databases accept; [`on_pool!`] runs the same code on either pool.

mod changes;
mod contacts;
mod erasure;
mod facets;
mod listing;
mod responses;
mod segment_stats;
mod settings;
mod stats;
mod survey_cache;
mod surveys;

use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use candor_core::{SurveyId, templates};
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use tokio::sync::{broadcast, mpsc};

pub use contacts::ContactRequest;
pub use facets::Facets;
pub use listing::{Cursor, ResponseFilter, StoredResponse};
pub use responses::Inserted;
pub use surveys::SurveySummary;

/// A storage failure. Never shown to clients (they get a generic 500).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database refused or failed.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// Migrations failed at start.
    #[error("migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// Stored JSON did not parse: the database was edited by hand or by a
    /// newer collector.
    #[error("corrupt stored JSON: {0}")]
    Corrupt(#[from] serde_json::Error),
    /// A stored day did not parse.
    #[error("corrupt stored day: {0}")]
    CorruptDay(String),
    /// The database directory could not be created.
    #[error("creating the database directory: {0}")]
    Io(#[from] std::io::Error),
    /// A timestamp failed to format (cannot happen with UTC now).
    #[error("time: {0}")]
    Time(#[from] time::error::Format),
    /// The response writer stopped (the runtime is shutting down).
    #[error("the response writer is gone")]
    WriterGone,
    /// The batch holding this response failed to commit.
    #[error("storing the batch failed: {0}")]
    Batch(String),
    /// The URL names no supported database.
    #[error("unsupported database URL {0:?}: use sqlite://path or postgres://…")]
    UnsupportedUrl(String),
}

#[derive(Debug, Clone)]
enum Backend {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to whichever pool `$backend` holds. The body
/// is compiled once per database, so it must be valid for both.
macro_rules! on_pool {
    ($backend:expr, $pool:ident => $body:expr) => {
        match &$backend {
            crate::store::Backend::Sqlite($pool) => $body,
            crate::store::Backend::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_pool;

/// The collector's database, its response writer, and the channel that tells
/// snapshot streams a survey has new responses.
#[derive(Clone)]
pub struct Store {
    backend: Backend,
    changes: broadcast::Sender<SurveyId>,
    writer: mpsc::Sender<responses::Job>,
    generation: Arc<AtomicU64>,
    surveys: Arc<survey_cache::SurveyCache>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens the database at `url` (`sqlite://path`, created when missing,
    /// or `postgres://…`), applies pending migrations and adds any built-in
    /// survey it lacks.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        let (changes, _) = broadcast::channel(1024);
        let generation = Arc::new(AtomicU64::new(0));
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite(open_sqlite(url).await?)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(5))
                .connect(url)
                .await?;
            sqlx::migrate!("./migrations/postgres").run(&pool).await?;
            changes::listen(url, changes.clone(), generation.clone()).await?;
            Backend::Postgres(pool)
        } else {
            return Err(StoreError::UnsupportedUrl(url.to_owned()));
        };
        let writer = responses::start_writer(backend.clone(), changes.clone(), generation.clone());
        let store = Self {
            backend,
            changes,
            writer,
            generation,
            surveys: Arc::default(),
        };
        for survey in templates::all() {
            store.add_survey_if_missing(&survey).await?;
        }
        Ok(store)
    }

    /// Notified with a survey's id whenever it gets a new response, from
    /// this collector or (on PostgreSQL) any other sharing the database.
    pub fn subscribe(&self) -> broadcast::Receiver<SurveyId> {
        self.changes.subscribe()
    }

    /// Changes whenever stored data may have changed: bumped by this
    /// collector's writer after each commit (before acknowledging) and by
    /// other collectors' notifications on PostgreSQL.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Checks the database answers (for `/readyz`).
    pub async fn ping(&self) -> Result<(), StoreError> {
        on_pool!(self.backend, pool => sqlx::query("SELECT 1").execute(pool).await.map(drop))?;
        Ok(())
    }
}

async fn open_sqlite(url: &str) -> Result<SqlitePool, StoreError> {
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // FULL: a 201 promises the response survives a power cut.
        .synchronous(SqliteSynchronous::Full)
        .busy_timeout(Duration::from_secs(5))
        .foreign_keys(true);
    if let Some(dir) = options.get_filename().parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir)?;
    }
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await?;
    sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
    Ok(pool)
}
