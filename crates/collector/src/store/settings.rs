//! Values the collector keeps for itself, such as the admin token's hash.

use super::{Store, StoreError, on_pool};

impl Store {
    /// The stored value of `key`.
    pub async fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        let value = on_pool!(self.backend, |pool| {
            sqlx::query_scalar("SELECT value FROM collector_settings WHERE key = $1")
                .bind(key)
                .fetch_optional(pool)
                .await?
        });
        Ok(value)
    }

    /// Stores `value` under `key` unless one is there; the value in force.
    pub async fn setting_or_insert(&self, key: &str, value: &str) -> Result<String, StoreError> {
        on_pool!(self.backend, |pool| {
            sqlx::query(
                "INSERT INTO collector_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
            )
            .bind(key)
            .bind(value)
            .execute(pool)
            .await
            .map(drop)
        })?;
        Ok(self.setting(key).await?.unwrap_or_else(|| value.to_owned()))
    }

    /// Stores `value` under `key`, replacing what was there.
    pub async fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        on_pool!(self.backend, |pool| {
            sqlx::query(
                "INSERT INTO collector_settings (key, value) VALUES ($1, $2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )
            .bind(key)
            .bind(value)
            .execute(pool)
            .await
            .map(drop)
        })?;
        Ok(())
    }
}
