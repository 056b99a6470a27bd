//! Which of the binary's migrations a database has: `migrate` applies the
//! missing ones; `check` reports them.

use std::fmt;

use super::{Connection, Create, MaintenanceError, connect, on_connection};
use crate::store::{POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS};

/// What `migrate` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Migrated {
    /// Migrations applied by this run.
    pub now: usize,
    /// Migrations the database has, in all.
    pub total: usize,
}

/// Applies the migrations `url`'s database lacks (creating a SQLite file
/// that is not there), and nothing else: built-in surveys are added by the
/// server when it starts.
pub async fn migrate(url: &str) -> Result<Migrated, MaintenanceError> {
    let mut connection = connect(url, Create::IfMissing).await?;
    let before = schema_status(&mut connection).await?.applied;
    match &mut connection {
        Connection::Sqlite(conn) => SQLITE_MIGRATIONS.run(conn).await?,
        Connection::Postgres(conn) => POSTGRES_MIGRATIONS.run(conn).await?,
    }
    let total = schema_status(&mut connection).await?.applied;
    Ok(Migrated {
        now: total - before,
        total,
    })
}

/// A database's migrations against this binary's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SchemaStatus {
    /// Migrations applied (successfully or not).
    pub applied: usize,
    /// This binary's migrations the database lacks.
    pub pending: Vec<i64>,
    /// Migrations applied that this binary does not know: a newer collector
    /// ran on the database.
    pub unknown: Vec<i64>,
    /// Migrations whose text changed after they were applied.
    pub changed: Vec<i64>,
    /// Migrations that failed part way.
    pub failed: Vec<i64>,
}

impl SchemaStatus {
    /// Whether the database has exactly this binary's migrations.
    pub fn is_current(&self) -> bool {
        self.pending.is_empty()
            && self.unknown.is_empty()
            && self.changed.is_empty()
            && self.failed.is_empty()
    }
}

impl fmt::Display for SchemaStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |versions: &[i64]| {
            versions
                .iter()
                .map(|v| format!("{v:04}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if self.is_current() {
            return write!(f, "current ({} applied)", self.applied);
        }
        let mut parts = Vec::new();
        if !self.failed.is_empty() {
            parts.push(format!(
                "failed part way: {} (restore the backup taken before the upgrade)",
                list(&self.failed)
            ));
        }
        if !self.changed.is_empty() {
            parts.push(format!("changed since applied: {}", list(&self.changed)));
        }
        if !self.unknown.is_empty() {
            parts.push(format!(
                "applied by a newer collector: {} (run that version, or restore the backup taken before it)",
                list(&self.unknown)
            ));
        }
        if !self.pending.is_empty() {
            parts.push(format!(
                "not applied: {} (run `candor-collector migrate`, or start the server)",
                list(&self.pending)
            ));
        }
        f.write_str(&parts.join("; "))
    }
}

/// Compares the database's applied migrations with this binary's.
pub async fn schema_status(connection: &mut Connection) -> Result<SchemaStatus, MaintenanceError> {
    let migrator = match connection {
        Connection::Sqlite(_) => &SQLITE_MIGRATIONS,
        Connection::Postgres(_) => &POSTGRES_MIGRATIONS,
    };
    let (tables,): (i64,) = match &mut *connection {
        Connection::Sqlite(conn) => {
            sqlx::query_as(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
            )
            .fetch_one(&mut *conn)
            .await?
        }
        Connection::Postgres(conn) => {
            sqlx::query_as(
                "SELECT count(*) FROM information_schema.tables \
                 WHERE table_name = '_sqlx_migrations' AND table_schema = current_schema()",
            )
            .fetch_one(&mut *conn)
            .await?
        }
    };
    let applied: Vec<(i64, Vec<u8>, bool)> = if tables == 0 {
        Vec::new()
    } else {
        on_connection!(connection, |conn| sqlx::query_as(
            "SELECT version, checksum, success FROM _sqlx_migrations ORDER BY version"
        )
        .fetch_all(&mut *conn)
        .await?)
    };
    let mut status = SchemaStatus {
        applied: applied.len(),
        ..SchemaStatus::default()
    };
    for migration in migrator.iter() {
        match applied.iter().find(|(version, ..)| *version == migration.version) {
            None => status.pending.push(migration.version),
            Some((_, checksum, success)) => {
                if !success {
                    status.failed.push(migration.version);
                } else if *checksum != *migration.checksum {
                    status.changed.push(migration.version);
                }
            }
        }
    }
    status.unknown = applied
        .iter()
        .map(|(version, ..)| *version)
        .filter(|version| !migrator.version_exists(*version))
        .collect();
    Ok(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_state_says_what_to_do() {
        let current = SchemaStatus {
            applied: 7,
            ..SchemaStatus::default()
        };
        assert_eq!(current.to_string(), "current (7 applied)");
        let behind = SchemaStatus {
            applied: 5,
            pending: vec![6, 7],
            ..SchemaStatus::default()
        };
        assert!(!behind.is_current());
        assert_eq!(
            behind.to_string(),
            "not applied: 0006, 0007 (run `candor-collector migrate`, or start the server)"
        );
        let ahead = SchemaStatus {
            applied: 8,
            unknown: vec![8],
            ..SchemaStatus::default()
        };
        assert!(
            ahead
                .to_string()
                .starts_with("applied by a newer collector: 0008")
        );
    }
}
