//! The contact-request queue: respondents who asked to be contacted.

use serde::Serialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{Store, StoreError, on_pool};

/// One request to be contacted.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct ContactRequest {
    /// The response that asked.
    pub response_id: String,
    /// Its survey.
    pub survey_id: String,
    /// When it arrived (RFC 3339).
    pub received_at: String,
    /// The name given, if any.
    pub name: Option<String>,
    /// The email given, if any.
    pub email: Option<String>,
    /// The phone number given, if any.
    pub phone: Option<String>,
    /// `open` or `done`.
    pub status: String,
}

impl Store {
    /// The queue, oldest first, optionally only one status.
    pub async fn contacts(&self, status: Option<&str>) -> Result<Vec<ContactRequest>, StoreError> {
        let rows = on_pool!(self.backend, pool => {
            sqlx::query_as::<_, ContactRequest>(
                "SELECT response_id, survey_id, received_at, name, email, phone, status
                 FROM contact_requests WHERE ($1 IS NULL OR status = $1) ORDER BY received_at, response_id",
            )
            .bind(status)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Marks a request `open` or `done`; `false` when there is no such request.
    pub async fn set_contact_status(&self, response_id: &str, status: &str) -> Result<bool, StoreError> {
        let now = OffsetDateTime::now_utc().format(&Rfc3339)?;
        let updated = on_pool!(self.backend, pool => {
            sqlx::query("UPDATE contact_requests SET status = $2, updated_at = $3 WHERE response_id = $1")
                .bind(response_id)
                .bind(status)
                .bind(&now)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(updated == 1)
    }
}
