//! The contact-request queue and its follow-up: status, assignee, notes,
//! each survey's target, and how fast the team follows up.

use axum::Json;
use axum::extract::{Path, State};
use candor_core::ErrorCode;
use candor_core::admin::{ContactRequest, ContactStatus, ContactUpdate, FollowUpSummary, FollowUpTarget};
use serde::Deserialize;
use serde_json::{Value, json};

use super::json_body;
use crate::routes::extract::{JsonBytes, PublishedSurvey, Query};
use crate::{ApiError, AppState};

/// `?status=open|in_progress|done`.
#[derive(Debug, Deserialize)]
pub struct StatusQuery {
    status: Option<ContactStatus>,
}

/// `GET /v1/admin/contacts?status=open`: the queue, overdue requests
/// first, then oldest first.
pub async fn list(
    State(state): State<AppState>,
    Query(query): Query<StatusQuery>,
) -> Result<Json<Vec<ContactRequest>>, ApiError> {
    Ok(Json(state.store.contacts(query.status).await?))
}

/// `PUT /v1/admin/contacts/{response}` with any of `status`, `assignee`
/// and `notes`: the request as it now stands.
pub async fn update(
    State(state): State<AppState>,
    Path(response): Path<String>,
    JsonBytes(body): JsonBytes,
) -> Result<Json<ContactRequest>, ApiError> {
    let update = ContactUpdate::parse(&json_body(&body)?)?;
    let missing = || {
        ApiError::new(
            ErrorCode::NotFound,
            "response",
            "no contact request for that response",
        )
    };
    if !state.store.update_contact(&response, &update).await? {
        return Err(missing());
    }
    state
        .store
        .contact(&response)
        .await?
        .map(Json)
        .ok_or_else(missing)
}

/// `?window=`.
#[derive(Debug, Deserialize)]
pub struct WindowQuery {
    window: Option<candor_core::Window>,
}

/// `GET /v1/admin/contacts/summary?window=30d`: requests received in the
/// window per status, overdue, and the median time to first follow-up.
pub async fn summary(
    State(state): State<AppState>,
    Query(query): Query<WindowQuery>,
) -> Result<Json<FollowUpSummary>, ApiError> {
    let window = query.window.unwrap_or(candor_core::Window::Days30);
    Ok(Json(state.store.follow_up_summary(window).await?))
}

/// `GET /v1/admin/surveys/{survey}/follow-up`: `{"target_hours": 24}`.
pub async fn target(
    State(state): State<AppState>,
    PublishedSurvey(survey): PublishedSurvey,
) -> Result<Json<FollowUpTarget>, ApiError> {
    Ok(Json(FollowUpTarget {
        target_hours: state.store.follow_up_target(&survey.id).await?,
    }))
}

/// `PUT /v1/admin/surveys/{survey}/follow-up` with `{"target_hours": 4}`.
pub async fn set_target(
    State(state): State<AppState>,
    PublishedSurvey(survey): PublishedSurvey,
    JsonBytes(body): JsonBytes,
) -> Result<Json<Value>, ApiError> {
    let target = FollowUpTarget::parse(&json_body(&body)?)?;
    state
        .store
        .set_follow_up_target(&survey.id, target.target_hours)
        .await?;
    Ok(Json(json!({"target_hours": target.target_hours})))
}
