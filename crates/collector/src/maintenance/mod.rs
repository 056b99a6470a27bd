//! Looking after the database outside serving: `migrate`, `backup` and the
//! database half of `check`. Each holds one direct connection (no pools, no
//! response writer), so it can run beside collectors that are serving.

mod backup;
mod schema;

use std::path::PathBuf;
use std::time::Duration;

use sqlx::Connection as _;
use sqlx::postgres::{PgConnectOptions, PgConnection};
use sqlx::sqlite::SqliteConnection;

pub use backup::{Backup, backup};
pub use schema::{Migrated, SchemaStatus, migrate, schema_status};

use crate::config::redacted;
use crate::store::{Engine, create_parent_dir};

/// Longest a connection may take to open: an address that drops packets
/// would otherwise hold `check` for minutes.
const CONNECT_DEADLINE: Duration = Duration::from_secs(10);

/// Why a maintenance command failed. The URL in each is redacted.
#[derive(Debug, thiserror::Error)]
pub enum MaintenanceError {
    /// The URL names no supported database.
    #[error("unsupported database URL {0:?}: use sqlite://path or postgres://…")]
    UnsupportedUrl(String),
    /// The database refused the connection or could not be reached.
    #[error("cannot reach the database {url}: {source}")]
    Unreachable {
        /// The database, redacted.
        url: String,
        /// What the driver said.
        source: sqlx::Error,
    },
    /// The connection did not open in time.
    #[error("the database {0} did not answer within {secs} s", secs = CONNECT_DEADLINE.as_secs())]
    Timeout(String),
    /// The SQLite file is not there (and this command does not create it).
    #[error("there is no SQLite database at {0}")]
    Missing(PathBuf),
    /// A statement failed.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// Applying the migrations failed.
    #[error("migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// `backup` is for SQLite; PostgreSQL has its own tools.
    #[error("backup copies SQLite databases; for PostgreSQL use pg_dump (docs/deploy.md has the commands)")]
    PostgresBackup,
    /// A backup never replaces a file.
    #[error("{0} already exists; a backup never replaces a file")]
    TargetExists(PathBuf),
    /// Writing or syncing the backup failed.
    #[error("writing {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What failed.
        source: std::io::Error,
    },
}

/// One open connection to either database.
pub enum Connection {
    /// SQLite.
    Sqlite(SqliteConnection),
    /// PostgreSQL.
    Postgres(PgConnection),
}

/// Runs `$body` with `$conn` bound to the connection `$connection` holds
/// (as [`crate::store`]'s `on_pool!` does for pools).
macro_rules! on_connection {
    ($connection:expr, |$conn:ident| $body:expr) => {
        match $connection {
            crate::maintenance::Connection::Sqlite($conn) => $body,
            crate::maintenance::Connection::Postgres($conn) => $body,
        }
    };
}
pub(crate) use on_connection;

/// Whether [`connect`] may create a SQLite file that is not there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Create {
    /// `migrate`: a new database starts here.
    IfMissing,
    /// `check` and `backup`: a missing file is an error, not a new database.
    Never,
}

/// One connection to the database at `url`.
pub async fn connect(url: &str, create: Create) -> Result<Connection, MaintenanceError> {
    let shown = redacted(url);
    let unreachable = |source| MaintenanceError::Unreachable {
        url: shown.clone(),
        source,
    };
    let opening = async {
        match Engine::of(url) {
            Some(Engine::Sqlite) => {
                let options = crate::store::sqlite_options(url)?;
                let file = options.get_filename().to_owned();
                if create == Create::Never && !file.exists() {
                    return Err(MaintenanceError::Missing(file));
                }
                create_parent_dir(&options).map_err(|source| MaintenanceError::Io {
                    path: file.parent().unwrap_or(&file).to_owned(),
                    source,
                })?;
                let connection = SqliteConnection::connect_with(&options)
                    .await
                    .map_err(unreachable)?;
                Ok(Connection::Sqlite(connection))
            }
            Some(Engine::Postgres) => {
                let options: PgConnectOptions = url.parse()?;
                let connection = PgConnection::connect_with(&options).await.map_err(unreachable)?;
                Ok(Connection::Postgres(connection))
            }
            None => Err(MaintenanceError::UnsupportedUrl(shown.clone())),
        }
    };
    tokio::time::timeout(CONNECT_DEADLINE, opening)
        .await
        .map_err(|_| MaintenanceError::Timeout(shown.clone()))?
}

impl Connection {
    /// The database's own name and version ("SQLite 3.46.0").
    pub async fn server_version(&mut self) -> Result<String, MaintenanceError> {
        Ok(match self {
            Self::Sqlite(conn) => {
                let (version,): (String,) = sqlx::query_as("SELECT sqlite_version()")
                    .fetch_one(&mut *conn)
                    .await?;
                format!("SQLite {version}")
            }
            Self::Postgres(conn) => {
                let (version,): (String,) = sqlx::query_as("SHOW server_version")
                    .fetch_one(&mut *conn)
                    .await?;
                format!("PostgreSQL {version}")
            }
        })
    }
}
