//! The admin bearer token: from `CANDOR_ADMIN_TOKEN`, or generated at first
//! start, printed once and never again. Only its SHA-256 is kept.

use sha2::{Digest, Sha256};

use crate::{Store, StoreError};

/// Where the generated token's hash is stored.
const KEY: &str = "admin_token_sha256";

/// The hash admin requests are checked against.
#[derive(Debug, Clone)]
pub struct AdminToken {
    hash: [u8; 32],
}

impl AdminToken {
    /// The configured token, else the stored hash, else a new token (returned
    /// so it can be shown once).
    pub async fn resolve(
        store: &Store,
        configured: Option<&str>,
    ) -> Result<(Self, Option<String>), StoreError> {
        if let Some(token) = configured.filter(|t| !t.is_empty()) {
            return Ok((Self { hash: sha256(token) }, None));
        }
        if let Some(stored) = store.setting(KEY).await?
            && let Some(hash) = from_hex(&stored)
        {
            return Ok((Self { hash }, None));
        }
        let token = format!(
            "cnd_{}{}",
            uuid::Uuid::new_v4().simple(),
            uuid::Uuid::new_v4().simple()
        );
        let hash = sha256(&token);
        let kept = store.setting_or_insert(KEY, &to_hex(&hash)).await?;
        // Another collector on the same database may have won the race.
        match from_hex(&kept) {
            Some(theirs) if theirs != hash => Ok((Self { hash: theirs }, None)),
            _ => Ok((Self { hash }, Some(token))),
        }
    }

    /// Whether `presented` is the token, compared in constant time.
    pub fn verify(&self, presented: &str) -> bool {
        let candidate = sha256(presented);
        candidate
            .iter()
            .zip(self.hash)
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
    }
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
    fn verifies_only_the_token() {
        let token = AdminToken {
            hash: sha256("secret"),
        };
        assert!(token.verify("secret"));
        assert!(!token.verify("secret "));
        assert!(!token.verify(""));
        assert_eq!(from_hex(&to_hex(&token.hash)), Some(token.hash));
    }
}
