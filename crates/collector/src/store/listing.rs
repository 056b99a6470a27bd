//! Reading stored responses back: newest first, filtered, a page at a time.

use candor_core::Segment;
use serde::Serialize;

use super::{Backend, Store, StoreError, on_pool};

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
    /// The path of the page it was given on.
    pub page: Option<String>,
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
    /// Only this locale, page and context values.
    pub segment: Segment,
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
        type Row = (
            String,
            i64,
            String,
            Option<String>,
            Option<String>,
            String,
            String,
        );
        let sql = format!(
            "SELECT id, survey_version, received_at, locale, page, answers, context FROM responses
             WHERE survey_id = $1
               AND ($2 IS NULL OR received_at >= $2)
               AND ($3 IS NULL OR received_at < $3)
               AND ($4 IS NULL OR locale = $4)
               AND ($5 IS NULL OR page = $5)
               AND ($6 IS NULL OR received_at < $6 OR (received_at = $6 AND id < $7))
               {}
             ORDER BY received_at DESC, id DESC
             LIMIT $8",
            context_conditions(&self.backend, &filter.segment, 9)
        );
        let segment = &filter.segment;
        let rows: Vec<Row> = on_pool!(self.backend, pool => {
            let mut query = sqlx::query_as(&sql)
                .bind(survey)
                .bind(filter.from.as_deref())
                .bind(filter.until.as_deref())
                .bind(segment.locale.as_deref())
                .bind(segment.page.as_deref())
                .bind(cursor.map(|c| c.0.as_str()))
                .bind(cursor.map(|c| c.1.as_str()))
                .bind(i64::from(limit));
            for (name, value) in &segment.context {
                query = query.bind(context_key(&self.backend, name)).bind(value);
            }
            query.fetch_all(pool).await?
        });
        rows.into_iter()
            .map(|(id, version, received_at, locale, page, answers, context)| {
                Ok(StoredResponse {
                    id,
                    survey_version: u32::try_from(version).unwrap_or(0),
                    received_at,
                    locale,
                    page,
                    answers: serde_json::from_str(&answers)?,
                    context: serde_json::from_str(&context)?,
                })
            })
            .collect()
    }
}

/// `AND` conditions for the segment's context fields, numbered from
/// `first`: each takes the field's key (see [`context_key`]), then its value.
pub(super) fn context_conditions(backend: &Backend, segment: &Segment, first: usize) -> String {
    (0..segment.context.len())
        .map(|i| {
            let (key, value) = (first + 2 * i, first + 2 * i + 1);
            match backend {
                Backend::Sqlite(_) => format!("AND json_extract(context, ${key}) = ${value}"),
                Backend::Postgres(_) => format!("AND (context::jsonb ->> ${key}) = ${value}"),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// How a context field is named to the database's JSON function. Names are
/// `a-z0-9_` (core checked), so the SQLite path needs no quoting.
pub(super) fn context_key(backend: &Backend, name: &str) -> String {
    match backend {
        Backend::Sqlite(_) => format!("$.{name}"),
        Backend::Postgres(_) => name.to_owned(),
    }
}
