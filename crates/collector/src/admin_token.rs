//! The admin bearer token. Only its SHA-256 is kept, in the database, and
//! every admin request is checked against the hash stored now, so a
//! rotation (`candor-collector rotate-token`, from another process) takes
//! effect at once on every collector sharing the database. The token in
//! force is always the last one set: `CANDOR_ADMIN_TOKEN` replaces the
//! stored hash at start, so unsetting it later keeps that token rather than
//! bringing back an older one. A generated token is written to a file only
//! its owner can read, never to the log.

use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::{Store, StoreError};

/// Where the token's hash is stored.
const KEY: &str = "admin_token_sha256";
/// Shortest token accepted from the configuration.
pub const MIN_LENGTH: usize = 32;

/// Why the admin token could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    /// The configured token is too easy to guess.
    #[error(
        "CANDOR_ADMIN_TOKEN must be at least {MIN_LENGTH} characters (it has {0}); leave it unset to have one generated"
    )]
    TooShort(usize),
    /// Rotation would be undone by the configured token at the next start.
    #[error("CANDOR_ADMIN_TOKEN is set: change it there instead of rotating")]
    Configured,
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The token file could not be written.
    #[error("writing the admin token to {path}: {error}")]
    File {
        /// The file.
        path: PathBuf,
        /// What failed.
        error: std::io::Error,
    },
}

/// Checks admin requests against the stored hash.
#[derive(Debug, Clone)]
pub struct AdminToken {
    store: Store,
}

impl AdminToken {
    /// Sets up the token at start: the configured one (stored as the token
    /// in force), else the stored one, else a new one written to `file`
    /// (whose path is returned, to be shown instead of the token).
    pub async fn resolve(
        store: &Store,
        configured: Option<&str>,
        file: &Path,
    ) -> Result<(Self, Option<PathBuf>), TokenError> {
        let admin = Self { store: store.clone() };
        if let Some(token) = configured.filter(|t| !t.is_empty()) {
            check_length(token)?;
            store.set_setting(KEY, &to_hex(&sha256(token))).await?;
            return Ok((admin, None));
        }
        if store.setting(KEY).await?.and_then(|s| from_hex(&s)).is_some() {
            return Ok((admin, None));
        }
        let token = generate();
        // Another collector on the same database may have won the race.
        let kept = store.setting_or_insert(KEY, &to_hex(&sha256(&token))).await?;
        if from_hex(&kept) != Some(sha256(&token)) {
            return Ok((admin, None));
        }
        write_owner_only(file, &token)?;
        Ok((admin, Some(file.to_owned())))
    }

    /// Replaces the token with a new one, written to `file`: the old one is
    /// refused from the next request on.
    pub async fn rotate(store: &Store, configured: Option<&str>, file: &Path) -> Result<(), TokenError> {
        if configured.is_some_and(|t| !t.is_empty()) {
            return Err(TokenError::Configured);
        }
        let token = generate();
        // The file first: a failed write must not leave a token nobody has.
        write_owner_only(file, &token)?;
        store.set_setting(KEY, &to_hex(&sha256(&token))).await?;
        Ok(())
    }

    /// Whether `presented` is the token in force, compared in constant time.
    pub async fn verify(&self, presented: &str) -> Result<bool, StoreError> {
        let Some(hash) = self.store.setting(KEY).await?.and_then(|s| from_hex(&s)) else {
            return Ok(false);
        };
        Ok(same(&sha256(presented), &hash))
    }
}

/// Refuses a configured token too short to resist guessing.
pub fn check_length(token: &str) -> Result<(), TokenError> {
    let length = token.chars().count();
    if length < MIN_LENGTH {
        return Err(TokenError::TooShort(length));
    }
    Ok(())
}

fn generate() -> String {
    format!(
        "cnd_{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// Writes `token` to `file`, readable and writable by its owner alone.
fn write_owner_only(file: &Path, token: &str) -> Result<(), TokenError> {
    let failed = |error| TokenError::File {
        path: file.to_owned(),
        error,
    };
    if let Some(dir) = file.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(failed)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        // An existing file keeps its mode on open: narrow it first.
        if file.exists() {
            std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600)).map_err(failed)?;
        }
    }
    let mut out = options.open(file).map_err(failed)?;
    writeln!(out, "{token}").map_err(failed)
}

fn same(a: &[u8; 32], b: &[u8; 32]) -> bool {
    a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

fn sha256(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn from_hex(text: &str) -> Option<[u8; 32]> {
    let mut out = [0u8; 32];
    if text.len() != 64 {
        return None;
    }
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_compare_only_when_equal() {
        let hash = sha256("secret");
        assert!(same(&hash, &sha256("secret")));
        assert!(!same(&hash, &sha256("secret ")));
        assert_eq!(from_hex(&to_hex(&hash)), Some(hash));
        assert!(generate().len() >= MIN_LENGTH);
    }

    #[cfg(unix)]
    #[test]
    fn the_token_file_is_its_owners_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("nested").join("admin-token");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, "old").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_owner_only(&file, "cnd_new").unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "cnd_new\n");
        assert_eq!(
            std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}
