//! `GET /v1/surveys/{survey}`: the published definition the widget renders.

use axum::http::HeaderMap;
use axum::response::Response;

use super::cache::cached_json;
use super::extract::PublishedSurvey;
use crate::ApiError;

/// Definitions change only when published; a minute of caching is harmless.
const MAX_AGE_SECONDS: u32 = 60;

/// The survey definition as JSON, with an ETag.
pub async fn get_survey(
    PublishedSurvey(survey): PublishedSurvey,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    Ok(cached_json(&headers, &*survey, MAX_AGE_SECONDS))
}
