//! `POST /v1/surveys/{survey}/responses`: validate, store exactly once, then
//! acknowledge.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::{Extension, Json};
use candor_core::ErrorCode;
use serde_json::{Value, json};

use super::body::Submission;
use super::extract::PublishedSurvey;
use crate::{ApiError, AppState, ClientKey, Inserted};

/// 201 when stored, 200 when this id was already stored (a retry; for a
/// partial save, also when it replaced an older save, or was older than the
/// one kept), 429 when this client posts too fast to this survey.
pub async fn submit(
    State(state): State<AppState>,
    PublishedSurvey(published): PublishedSurvey,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    Submission(submission): Submission,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    // The survey is known (the extractor ran first): only surveys that
    // exist get rate-limit buckets.
    limit(&state.limiter, &state, &published.id, peer, &headers)?;
    // A response keeps the version it answered: a page that loaded the
    // survey before a new version was published still gets its answers in.
    let survey = if submission.survey_version == published.version {
        published
    } else {
        state
            .store
            .survey_version(&published.id, submission.survey_version)
            .await?
            .map(std::sync::Arc::new)
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::WrongVersion,
                    "survey_version",
                    format!(
                        "this survey has no version {}; the published one is {}",
                        submission.survey_version, published.version
                    ),
                )
            })?
    };
    check_origin(&survey, &headers)?;
    let response = survey.validate(submission)?;
    let status = match state.store.insert_response(&survey, &response).await? {
        Inserted::New => {
            state.metrics.response_stored();
            StatusCode::CREATED
        }
        // Handled before: stored, or stored and since erased. A newer
        // partial save replaced the one kept.
        Inserted::Duplicate | Inserted::Erased | Inserted::Updated => StatusCode::OK,
        Inserted::IdTaken => {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                "id",
                "this id belongs to a response to another survey",
            ));
        }
    };
    Ok((status, Json(json!({ "id": response.id() }))))
}

/// Counts a post of this client's to `survey` against `limiter`; 429 past
/// it.
pub(super) fn limit(
    limiter: &crate::RateLimiter,
    state: &AppState,
    survey: &candor_core::SurveyId,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: &HeaderMap,
) -> Result<(), ApiError> {
    let client = match peer {
        Some(Extension(ConnectInfo(peer))) => ClientKey::of(state.trusted.client(peer.ip(), headers)),
        // Only in-process tests reach the router without a peer.
        None => ClientKey::of(std::net::Ipv4Addr::UNSPECIFIED.into()),
    };
    limiter.check(client, survey).map_err(ApiError::rate_limited)
}

/// The request's Origin, if it names one.
pub(super) fn origin(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(axum::http::header::ORIGIN)
        .and_then(|v| v.to_str().ok())
}

/// A browser may post only from one of the survey's allowed origins, when
/// the survey names any. (Requests without an Origin are not from a page.)
pub(super) fn check_origin(survey: &candor_core::Survey, headers: &HeaderMap) -> Result<(), ApiError> {
    match origin(headers) {
        Some(origin) if !survey.settings.allows_origin(origin) => Err(ApiError::new(
            ErrorCode::Forbidden,
            "origin",
            format!("this survey does not accept responses from {origin}"),
        )),
        _ => Ok(()),
    }
}
