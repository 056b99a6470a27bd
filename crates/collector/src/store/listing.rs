//! Reading stored responses back: newest first, filtered, a page at a time.

use serde::Serialize;

use super::{Store, StoreError, on_pool};

/// A stored response as the admin API lists and exports it.
#[derive(Debug, Clone, Serialize)]
pub struct StoredResponse {
    /// The client-chosen id.
    pub id: String,
    /// The survey version it answered.
    pub survey_version: u32,
    /// When it arrived (RFC 3339, UTC).
    pub received_at: String,
    /// The language it was answered in.
    pub locale: Option<String>,
    /// The validated answers, in wire form.
    pub answers: serde_json::Value,
    /// The host page's hidden fields.
    pub context: std::collections::BTreeMap<String, String>,
}

/// Which responses to list.
#[derive(Debug, Clone, Default)]
pub struct ResponseFilter {
    /// Received at or after this RFC 3339 instant (or day).
    pub from: Option<String>,
    /// Received before this RFC 3339 instant (or day).
    pub until: Option<String>,
    /// Answered in this locale.
    pub locale: Option<String>,
}

/// Where a page ends: the last response's (received_at, id).
pub type Cursor = (String, String);

impl Store {
    /// Up to `limit` responses of `survey` matching `filter`, newest first,
    /// after `cursor` (exclusive).
    pub async fn responses(
        &self,
        survey: &str,
        filter: &ResponseFilter,
        cursor: Option<&Cursor>,
        limit: u32,
    ) -> Result<Vec<StoredResponse>, StoreError> {
        type Row = (String, i64, String, Option<String>, String, String);
        let rows: Vec<Row> = on_pool!(self.backend, pool => {
            sqlx::query_as(
                "SELECT id, survey_version, received_at, locale, answers, context FROM responses
                 WHERE survey_id = $1
                   AND ($2 IS NULL OR received_at >= $2)
                   AND ($3 IS NULL OR received_at < $3)
                   AND ($4 IS NULL OR locale = $4)
                   AND ($5 IS NULL OR received_at < $5 OR (received_at = $5 AND id < $6))
                 ORDER BY received_at DESC, id DESC
                 LIMIT $7",
            )
            .bind(survey)
            .bind(filter.from.as_deref())
            .bind(filter.until.as_deref())
            .bind(filter.locale.as_deref())
            .bind(cursor.map(|c| c.0.as_str()))
            .bind(cursor.map(|c| c.1.as_str()))
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(id, version, received_at, locale, answers, context)| {
                Ok(StoredResponse {
                    id,
                    survey_version: u32::try_from(version).unwrap_or(0),
                    received_at,
                    locale,
                    answers: serde_json::from_str(&answers)?,
                    context: serde_json::from_str(&context)?,
                })
            })
            .collect()
    }
}
