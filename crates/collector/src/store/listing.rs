//! Reading stored responses back: newest first, filtered, a page at a time.

use candor_core::Segment;
use candor_core::admin::StoredResponse;
use futures_util::Stream;

use super::{Backend, Store, StoreError, on_pool};

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
    /// Every response of `survey` matching `filter`, newest first, `size` at
    /// a time: each page is read when the stream is polled, from where the
    /// last one ended, so a reader that stops early reads no further. The
    /// one scan of stored responses the export and the words report share.
    pub fn pages(
        &self,
        survey: &str,
        filter: &ResponseFilter,
        size: u32,
    ) -> impl Stream<Item = Result<Vec<StoredResponse>, StoreError>> + Send + 'static {
        self.pages_of(Listed::Finished, survey, filter, size)
    }

    /// [`Store::pages`] of finished responses, or of the unfinished ones
    /// (their latest partial saves).
    pub fn pages_of(
        &self,
        listed: Listed,
        survey: &str,
        filter: &ResponseFilter,
        size: u32,
    ) -> impl Stream<Item = Result<Vec<StoredResponse>, StoreError>> + Send + 'static {
        let (store, survey, filter) = (self.clone(), survey.to_owned(), filter.clone());
        futures_util::stream::unfold(Some(None::<Cursor>), move |cursor| {
            let (store, survey, filter) = (store.clone(), survey.clone(), filter.clone());
            async move {
                let cursor = cursor?;
                match store
                    .listed(listed, &survey, &filter, cursor.as_ref(), size)
                    .await
                {
                    Ok(page) if page.is_empty() => None,
                    Ok(page) => {
                        let next = (page.len() == size as usize)
                            .then(|| page.last().map(|r| (r.received_at.clone(), r.id.clone())));
                        Some((Ok(page), next))
                    }
                    Err(error) => Some((Err(error), None)),
                }
            }
        })
    }

    /// Up to `limit` responses of `survey` matching `filter`, newest first,
    /// after `cursor` (exclusive).
    pub async fn responses(
        &self,
        survey: &str,
        filter: &ResponseFilter,
        cursor: Option<&Cursor>,
        limit: u32,
    ) -> Result<Vec<StoredResponse>, StoreError> {
        self.listed(Listed::Finished, survey, filter, cursor, limit).await
    }

    async fn listed(
        &self,
        listed: Listed,
        survey: &str,
        filter: &ResponseFilter,
        cursor: Option<&Cursor>,
        limit: u32,
    ) -> Result<Vec<StoredResponse>, StoreError> {
        let table = match listed {
            Listed::Finished => "responses",
            Listed::Unfinished => "partial_responses",
        };
        type Row = (
            String,
            i64,
            String,
            Option<String>,
            Option<String>,
            String,
            String,
        );
        let (conditions, binds) = matching(&self.backend, survey, filter, cursor);
        let sql = format!(
            "SELECT id, survey_version, received_at, locale, page, answers, context FROM {table}
             WHERE {conditions}
             ORDER BY received_at DESC, id DESC
             LIMIT ${}",
            binds.len() + 1
        );
        let rows: Vec<Row> = on_pool!(self.backend, |pool| {
            let mut query = sqlx::query_as(&sql);
            for value in &binds {
                query = query.bind(value);
            }
            query.bind(i64::from(limit)).fetch_all(pool).await?
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
                    complete: listed == Listed::Finished,
                })
            })
            .collect()
    }
}

/// Which responses a listing reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    /// Finished responses.
    Finished,
    /// Unfinished ones: the latest partial save of each.
    Unfinished,
}

/// The `WHERE` conditions for `survey`'s responses matching `filter` and
/// older than `cursor`, with their values in placeholder order (`$1`, …).
///
/// Only the conditions that apply are written, and the cursor as a row-value
/// comparison, so the database walks the `(survey_id, received_at, id)`
/// index from the cursor on: each page costs its own rows, however deep.
pub(super) fn matching(
    backend: &Backend,
    survey: &str,
    filter: &ResponseFilter,
    cursor: Option<&Cursor>,
) -> (String, Vec<String>) {
    let mut conditions = Vec::new();
    let mut binds: Vec<String> = Vec::new();
    let mut add = |template: &str, values: &[&str]| {
        let mut condition = String::new();
        let mut values = values.iter();
        for piece in template.split('?').enumerate() {
            if piece.0 > 0 {
                binds.push((*values.next().unwrap_or(&"")).to_owned());
                condition.push_str(&format!("${}", binds.len()));
            }
            condition.push_str(piece.1);
        }
        conditions.push(condition);
    };
    add("survey_id = ?", &[survey]);
    if let Some(from) = &filter.from {
        add("received_at >= ?", &[from]);
    }
    if let Some(until) = &filter.until {
        add("received_at < ?", &[until]);
    }
    if let Some((at, id)) = cursor {
        add("(received_at, id) < (?, ?)", &[at, id]);
    }
    let segment = &filter.segment;
    if let Some(locale) = &segment.locale {
        add("locale = ?", &[locale]);
    }
    if let Some(page) = &segment.page {
        add("page = ?", &[page]);
    }
    for (name, value) in &segment.context {
        // Names are `a-z0-9_` (core checked), so the SQLite path needs no
        // quoting.
        match backend {
            Backend::Sqlite(_) => add("json_extract(context, ?) = ?", &[&format!("$.{name}"), value]),
            Backend::Postgres(_) => add("(context::jsonb ->> ?) = ?", &[name, value]),
        }
    }
    (conditions.join(" AND "), binds)
}
