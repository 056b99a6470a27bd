//! `GET /v1/admin/surveys/{id}/responses`: stored responses, newest first,
//! filtered, a page at a time.

use axum::Json;
use axum::extract::State;
use candor_core::admin::ResponsePage;
use candor_core::{Day, ErrorCode, Segment};
use serde::Deserialize;

use crate::routes::extract::PublishedSurvey;
use crate::routes::extract::{Query, SegmentQuery};
use crate::{ApiError, AppState, Cursor, ResponseFilter};

/// Most responses in one page.
const MAX_LIMIT: u32 = 500;

/// Filters shared by listing and export.
#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    /// First day (YYYY-MM-DD, UTC), inclusive.
    pub from: Option<String>,
    /// Last day, inclusive.
    pub to: Option<String>,
}

impl Filters {
    /// The store's filter for these days within `segment`; the days are
    /// checked.
    pub fn parse(&self, segment: Segment) -> Result<ResponseFilter, ApiError> {
        let from = self.from.as_deref().map(|d| Day::parse("from", d)).transpose()?;
        let to = self.to.as_deref().map(|d| Day::parse("to", d)).transpose()?;
        Ok(ResponseFilter {
            from: from.map(|d| d.to_string()),
            until: to.map(|d| d.plus(1).to_string()),
            segment,
        })
    }
}

/// The query string.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    #[serde(flatten)]
    filters: Filters,
    /// Page size, 1–500 (default 50).
    limit: Option<u32>,
    /// The `next` of the previous page.
    cursor: Option<String>,
}

/// Lists responses of a survey.
pub async fn list(
    State(state): State<AppState>,
    PublishedSurvey(survey): PublishedSurvey,
    Query(query): Query<ListQuery>,
    SegmentQuery(segment): SegmentQuery,
) -> Result<Json<ResponsePage>, ApiError> {
    let limit = query.limit.unwrap_or(50);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::new(
            ErrorCode::OutOfRange,
            "limit",
            format!("must be from 1 to {MAX_LIMIT}"),
        ));
    }
    let cursor = query.cursor.as_deref().map(parse_cursor).transpose()?;
    let responses = state
        .store
        .responses(
            survey.id.as_str(),
            &query.filters.parse(segment)?,
            cursor.as_ref(),
            limit,
        )
        .await?;
    let next = (responses.len() == limit as usize)
        .then(|| responses.last().map(|r| format!("{}~{}", r.received_at, r.id)))
        .flatten();
    Ok(Json(ResponsePage { responses, next }))
}

fn parse_cursor(raw: &str) -> Result<Cursor, ApiError> {
    raw.split_once('~')
        .map(|(at, id)| (at.to_owned(), id.to_owned()))
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::InvalidValue,
                "cursor",
                "pass the `next` value of the previous page",
            )
        })
}
