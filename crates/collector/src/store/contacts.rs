//! The contact-request queue: respondents who asked to be contacted.

use candor_core::admin::{ContactRequest, ContactStatus};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{Store, StoreError, on_pool};

impl Store {
    /// The queue, oldest first, optionally only one status.
    pub async fn contacts(&self, status: Option<ContactStatus>) -> Result<Vec<ContactRequest>, StoreError> {
        type Row = (
            String,
            String,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            String,
        );
        let rows: Vec<Row> = on_pool!(self.backend, |pool| {
            sqlx::query_as(
                "SELECT response_id, survey_id, received_at, name, email, phone, status
                 FROM contact_requests WHERE ($1 IS NULL OR status = $1) ORDER BY received_at, response_id",
            )
            .bind(status.map(ContactStatus::as_str))
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(
                |(response_id, survey_id, received_at, name, email, phone, status)| {
                    Ok(ContactRequest {
                        status: ContactStatus::parse(&status)
                            .ok_or_else(|| StoreError::Inconsistent(format!("contact status {status:?}")))?,
                        response_id,
                        survey_id,
                        received_at,
                        name,
                        email,
                        phone,
                    })
                },
            )
            .collect()
    }

    /// Sets a request's status; `false` when there is no such request.
    pub async fn set_contact_status(
        &self,
        response_id: &str,
        status: ContactStatus,
    ) -> Result<bool, StoreError> {
        let now = OffsetDateTime::now_utc().format(&Rfc3339)?;
        let updated = on_pool!(self.backend, |pool| {
            sqlx::query("UPDATE contact_requests SET status = $2, updated_at = $3 WHERE response_id = $1")
                .bind(response_id)
                .bind(status.as_str())
                .bind(&now)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(updated == 1)
    }
}
