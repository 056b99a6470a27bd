//! `backup --to FILE`: a consistent copy of a SQLite database, taken while
//! collectors keep serving from it.
//!
//! `VACUUM INTO` reads the database in one read transaction, so the copy
//! holds exactly the responses committed when it began (every response
//! acknowledged by then: a 201 is sent after its commit), with their daily
//! summaries, and writers are never blocked. The copy is written beside the
//! target under a temporary name, synced, then linked into place, so a
//! failed or interrupted backup never leaves a partial file under the name
//! asked for.

use std::path::{Path, PathBuf};

use super::{Connection, Create, MaintenanceError, connect};

/// A finished backup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    /// Where it is.
    pub path: PathBuf,
    /// Its size.
    pub bytes: u64,
}

/// Copies the SQLite database at `url` to `to`, which must not exist.
pub async fn backup(url: &str, to: &Path) -> Result<Backup, MaintenanceError> {
    if crate::store::Engine::of(url) == Some(crate::store::Engine::Postgres) {
        return Err(MaintenanceError::PostgresBackup);
    }
    if to.exists() {
        return Err(MaintenanceError::TargetExists(to.to_owned()));
    }
    if let Some(dir) = to
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty() && !dir.is_dir())
    {
        return Err(MaintenanceError::Io {
            path: dir.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such directory"),
        });
    }
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| MaintenanceError::Io { path, source }
    };
    let name = to
        .file_name()
        .ok_or_else(|| MaintenanceError::TargetExists(to.to_owned()))?;
    let partial = to.with_file_name(format!(
        ".{}.partial-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let Connection::Sqlite(mut connection) = connect(url, Create::Never).await? else {
        return Err(MaintenanceError::PostgresBackup);
    };
    let _ = std::fs::remove_file(&partial);
    let copied = sqlx::query("VACUUM INTO $1")
        .bind(partial.to_string_lossy().into_owned())
        .execute(&mut connection)
        .await;
    if let Err(error) = copied {
        let _ = std::fs::remove_file(&partial);
        return Err(error.into());
    }
    let placed = (|| {
        std::fs::File::open(&partial)
            .and_then(|file| file.sync_all())
            .map_err(io(&partial))?;
        // A link, unlike a rename, refuses to replace a file that appeared
        // meanwhile.
        std::fs::hard_link(&partial, to).map_err(|error| match error.kind() {
            std::io::ErrorKind::AlreadyExists => MaintenanceError::TargetExists(to.to_owned()),
            _ => io(to)(error),
        })?;
        if let Some(dir) = to.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            std::fs::File::open(dir)
                .and_then(|dir| dir.sync_all())
                .map_err(io(dir))?;
        }
        std::fs::metadata(to).map_err(io(to))
    })();
    let _ = std::fs::remove_file(&partial);
    Ok(Backup {
        path: to.to_owned(),
        bytes: placed?.len(),
    })
}
