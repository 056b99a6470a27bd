//! `GET /v1/surveys/{survey}`: the published definition the widget renders;
//! `GET /v1/surveys`: the open surveys the site-wide script chooses from.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use candor_core::site_list::{SiteList, SiteSurvey};
use candor_core::{ErrorCode, Opening};

use super::cache::cached_json;
use super::extract::PublishedSurvey;
use crate::{ApiError, AppState};

/// Definitions change only when published; a minute of caching is harmless.
const MAX_AGE_SECONDS: u32 = 60;

/// The survey definition as JSON, with an ETag; 410 `survey_closed` when
/// it is not open (a page that names it shows nothing).
pub async fn get_survey(
    State(state): State<AppState>,
    PublishedSurvey(survey): PublishedSurvey,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    match state.store.opening(&survey).await? {
        Opening::Open => Ok(cached_json(&headers, &*survey, MAX_AGE_SECONDS)),
        Opening::NotStarted => Err(closed("the survey has not started yet")),
        Opening::Closed => Err(closed("the survey has closed")),
    }
}

fn closed(message: &str) -> ApiError {
    ApiError::new(ErrorCode::SurveyClosed, "survey", message)
}

/// The open surveys with page rules that a page of the request's origin may
/// show, in id order, and the site's frequency cap.
pub async fn site_list(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let origin = super::responses::origin(&headers);
    let mut surveys = Vec::new();
    for survey in state.store.published().await?.iter() {
        let Some(entry) = SiteSurvey::of(survey) else {
            continue;
        };
        let shown_here = origin.is_none_or(|o| survey.settings.allows_origin(o));
        if shown_here && state.store.opening(survey).await? == Opening::Open {
            surveys.push(entry);
        }
    }
    let list = SiteList {
        cap_days: state.frequency_cap_days,
        salt: state.visitor_salt.to_string(),
        surveys,
    };
    Ok(cached_json(&headers, &list, MAX_AGE_SECONDS))
}
