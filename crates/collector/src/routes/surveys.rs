//! `GET /v1/surveys/{survey}`: the published definition the widget renders.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::cache::cached_json;
use super::load_survey;
use crate::{ApiError, Store};

/// Definitions change only when published; a minute of caching is harmless.
const MAX_AGE_SECONDS: u32 = 60;

/// The survey definition as JSON, with an ETag.
pub async fn get_survey(
    State(store): State<Store>,
    Path(survey): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    Ok(cached_json(
        &headers,
        &load_survey(&store, &survey).await?,
        MAX_AGE_SECONDS,
    ))
}
