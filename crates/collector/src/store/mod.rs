//! Storage: surveys, responses and daily summaries, in SQLite (embedded, the
//! default) or PostgreSQL (when one machine is not enough).
//!
//! Every response is stored with its day's summary in one transaction, so the
//! summaries always agree with the responses and a snapshot never rescans
//! them. Queries are written once with `$1`-style placeholders, which both
//! databases accept; [`on_pool!`] runs the same code on either pool.

mod alerts;
mod backfill;
mod batch;
mod changes;
mod contacts;
mod deliveries;
mod destinations;
mod erasure;
mod events;
mod facets;
mod forgets;
mod funnel;
mod generations;
mod listing;
mod opening;
mod outbox;
mod partials;
mod release;
mod responses;
mod rounds;
mod segment_stats;
mod settings;
mod stats;
mod summaries;
mod survey_cache;
mod surveys;
mod visitors;
mod writer;

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use candor_core::{SurveyId, templates};
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use tokio::sync::{broadcast, mpsc};

pub use deliveries::{Attempt, Claimed, Finished, Outcome, now_ms};
pub use erasure::Respondent;
pub use listing::{Cursor, Listed, ResponseFilter};
pub use responses::Inserted;
pub use rounds::Round;
pub use stats::Figures;
pub use visitors::Dismissals;
pub use writer::WriterHealth;

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
    /// Stored data does not agree with itself (a response its summary or
    /// survey version cannot account for).
    #[error("inconsistent stored data: {0}")]
    Inconsistent(String),
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
    /// The database refused to store this response.
    #[error("storing the response failed: {0}")]
    Batch(String),
    /// The database did not answer in time or could not be reached; the
    /// request may be retried.
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
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
/// is compiled once per database, so it must be valid for both. Written
/// like a closure, `on_pool!(backend, |pool| …)`, so rustfmt formats the
/// body (it is not one: `.await` and `?` act in the calling function).
macro_rules! on_pool {
    ($backend:expr, |$pool:ident| $body:expr) => {
        match &$backend {
            crate::store::Backend::Sqlite($pool) => $body,
            crate::store::Backend::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_pool;

/// How the store runs.
#[derive(Debug, Clone, Copy)]
pub struct StoreOptions {
    /// Longest a batch of responses may take to commit; a request waits at
    /// most twice that (its batch and the one before) and then hears the
    /// database is unavailable.
    pub write_deadline: Duration,
}

impl Default for StoreOptions {
    fn default() -> Self {
        Self {
            write_deadline: Duration::from_secs(5),
        }
    }
}

/// The schema's migrations for SQLite, compiled in; forward only.
pub(crate) static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
/// The same for PostgreSQL.
pub(crate) static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Longest a reader waits for a database connection, and (on PostgreSQL)
/// the longest one of its statements may run.
const READ_DEADLINE: Duration = Duration::from_secs(10);

/// The collector's database, its response writer, and the channel that tells
/// snapshot streams a survey has new responses.
#[derive(Clone)]
pub struct Store {
    backend: Backend,
    changes: broadcast::Sender<SurveyId>,
    writer: mpsc::Sender<writer::Job>,
    write_deadline: Duration,
    writer_health: Arc<WriterHealth>,
    generations: Arc<generations::Generations>,
    surveys: Arc<survey_cache::SurveyCache>,
    open: Arc<opening::OpenCache>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens the database at `url` with default options.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        Self::open_with(url, StoreOptions::default()).await
    }

    /// Opens the database at `url` (`sqlite://path`, created when missing,
    /// or `postgres://…`), applies pending migrations and adds any built-in
    /// survey it lacks. The response writer gets a connection of its own.
    pub async fn open_with(url: &str, options: StoreOptions) -> Result<Self, StoreError> {
        let (changes, _) = broadcast::channel(1024);
        let generations = Arc::new(generations::Generations::default());
        let (backend, writer_backend) = match Engine::of(url) {
            Some(Engine::Sqlite) => {
                let (readers, writer) = open_sqlite(url, options.write_deadline).await?;
                (Backend::Sqlite(readers), Backend::Sqlite(writer))
            }
            Some(Engine::Postgres) => {
                let connect = PgConnectOptions::from_str(url)?;
                let timeout = |deadline: Duration| deadline.as_millis().to_string();
                let readers = PgPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(READ_DEADLINE)
                    .connect_with(
                        connect
                            .clone()
                            .options([("statement_timeout", timeout(READ_DEADLINE))]),
                    )
                    .await?;
                POSTGRES_MIGRATIONS.run(&readers).await?;
                let writer = PgPoolOptions::new()
                    .max_connections(1)
                    .acquire_timeout(options.write_deadline)
                    .connect_with(connect.options([("statement_timeout", timeout(options.write_deadline))]))
                    .await?;
                changes::listen(url, changes.clone(), generations.clone()).await?;
                (Backend::Postgres(readers), Backend::Postgres(writer))
            }
            None => return Err(StoreError::UnsupportedUrl(crate::config::redacted(url))),
        };
        let writer_health = Arc::new(WriterHealth::default());
        let writer = writer::start(writer::Writer {
            backend: writer_backend,
            changes: changes.clone(),
            generations: generations.clone(),
            deadline: options.write_deadline,
            health: writer_health.clone(),
        });
        let store = Self {
            backend,
            changes,
            writer,
            write_deadline: options.write_deadline,
            writer_health,
            generations,
            surveys: Arc::default(),
            open: Arc::default(),
        };
        for survey in templates::all() {
            store.add_survey_if_missing(&survey).await?;
        }
        store.backfill_release().await?;
        Ok(store)
    }

    /// Notified with a survey's id whenever it gets a new response, from
    /// this collector or (on PostgreSQL) any other sharing the database.
    pub fn subscribe(&self) -> broadcast::Receiver<SurveyId> {
        self.changes.subscribe()
    }

    /// Changes whenever `survey`'s stored data may have changed: bumped by
    /// this collector's writer after each commit (before acknowledging) and
    /// by other collectors' notifications on PostgreSQL.
    pub fn generation(&self, survey: &SurveyId) -> u64 {
        self.generations.of(survey)
    }

    /// Times the response writer died and was started again.
    pub fn writer_restarts(&self) -> u64 {
        self.writer_health.restarts()
    }

    /// Whether responses are being written or waiting for the writer now:
    /// background writers (the delivery worker) then make way.
    pub fn writer_busy(&self) -> bool {
        self.writer.capacity() < self.writer.max_capacity() || self.writer_health.busy()
    }

    /// Checks the database answers readers and the writer can store
    /// responses (for `/readyz`); the reason when not.
    pub async fn ready(&self) -> Result<(), String> {
        let ping = async {
            on_pool!(self.backend, |pool| sqlx::query("SELECT 1")
                .execute(pool)
                .await
                .map(drop))
        };
        match tokio::time::timeout(self.write_deadline, ping).await {
            Ok(Ok(())) => {}
            Ok(Err(error)) => return Err(format!("the database does not answer: {error}")),
            Err(_) => return Err("the database does not answer in time".into()),
        }
        self.writer_health.check(self.write_deadline)
    }
}

/// The readers' pool and the writer's own one-connection pool.
async fn open_sqlite(url: &str, write_deadline: Duration) -> Result<(SqlitePool, SqlitePool), StoreError> {
    let options = sqlite_options(url)?;
    create_parent_dir(&options)?;
    let readers = SqlitePoolOptions::new()
        .max_connections(8)
        .acquire_timeout(READ_DEADLINE)
        .connect_with(options.clone())
        .await?;
    SQLITE_MIGRATIONS.run(&readers).await?;
    let writer = SqlitePoolOptions::new()
        .max_connections(1)
        .acquire_timeout(write_deadline)
        .connect_with(options)
        .await?;
    Ok((readers, writer))
}

/// Which database a URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Engine {
    /// `sqlite:…`
    Sqlite,
    /// `postgres://…` or `postgresql://…`
    Postgres,
}

impl Engine {
    /// The database `url` names; `None` for any other.
    pub(crate) fn of(url: &str) -> Option<Self> {
        if url.starts_with("sqlite:") {
            Some(Self::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Self::Postgres)
        } else {
            None
        }
    }
}

/// Creates the directory the SQLite file of `options` is to be in.
pub(crate) fn create_parent_dir(options: &SqliteConnectOptions) -> std::io::Result<()> {
    match options.get_filename().parent() {
        Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir),
        _ => Ok(()),
    }
}

/// How every connection to the SQLite file at `url` is set up (created
/// when missing).
pub(crate) fn sqlite_options(url: &str) -> Result<SqliteConnectOptions, sqlx::Error> {
    Ok(SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // FULL: a 201 promises the response survives a power cut.
        .synchronous(SqliteSynchronous::Full)
        .busy_timeout(Duration::from_secs(5))
        .foreign_keys(true)
        // Erased responses are overwritten, not just unlinked, in the file.
        .pragma("secure_delete", "ON"))
}
