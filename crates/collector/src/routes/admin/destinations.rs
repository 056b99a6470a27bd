//! `/v1/admin/destinations`: where events are sent, their recent
//! deliveries, a test send and the replay of a delivery.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use candor_core::ErrorCode;
use candor_core::admin::{Delivery, Destination, DestinationKind, DestinationSpec};
use serde::Deserialize;
use serde_json::{Value, json};

use super::json_body;
use crate::routes::extract::{JsonBytes, Query};
use crate::webhooks::signature;
use crate::{ApiError, AppState};

/// Most deliveries one listing returns.
const MAX_LISTED: u32 = 200;

/// `GET /v1/admin/destinations`.
pub async fn list(State(state): State<AppState>) -> Result<Json<Vec<Destination>>, ApiError> {
    Ok(Json(state.store.destinations().await?))
}

/// `POST /v1/admin/destinations`: 201 with the destination (a webhook's
/// secret included).
pub async fn create(
    State(state): State<AppState>,
    JsonBytes(body): JsonBytes,
) -> Result<(StatusCode, Json<Destination>), ApiError> {
    let spec = checked(&state, json_body(&body)?).await?;
    let secret = match spec.kind {
        DestinationKind::Webhook => Some(signature::new_secret()),
        DestinationKind::Slack => None,
    };
    let destination = state.store.add_destination(&spec, secret.as_deref()).await?;
    Ok((StatusCode::CREATED, Json(destination)))
}

/// `GET /v1/admin/destinations/{id}`.
pub async fn get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Destination>, ApiError> {
    Ok(Json(found(&state, &id).await?))
}

/// `PUT /v1/admin/destinations/{id}`: replaces what the owner set (the
/// kind stays; the secret and the deliveries are kept).
pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    JsonBytes(body): JsonBytes,
) -> Result<Json<Destination>, ApiError> {
    let before = found(&state, &id).await?;
    let spec = checked(&state, json_body(&body)?).await?;
    if spec.kind != before.spec.kind {
        return Err(ApiError::new(
            ErrorCode::InvalidValue,
            "kind",
            "a destination's kind cannot change: add a new one",
        ));
    }
    state.store.update_destination(&id, &spec).await?;
    Ok(Json(found(&state, &id).await?))
}

/// `DELETE /v1/admin/destinations/{id}`: the destination and its
/// deliveries, queued ones included.
pub async fn remove(State(state): State<AppState>, Path(id): Path<String>) -> Result<StatusCode, ApiError> {
    if state.store.remove_destination(&id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(not_found())
    }
}

/// `?limit=` of a delivery listing.
#[derive(Debug, Deserialize)]
pub struct Listing {
    limit: Option<u32>,
}

/// `GET /v1/admin/destinations/{id}/deliveries?limit=50`: newest first.
pub async fn deliveries(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(listing): Query<Listing>,
) -> Result<Json<Vec<Delivery>>, ApiError> {
    found(&state, &id).await?;
    let limit = listing.limit.unwrap_or(50).clamp(1, MAX_LISTED);
    Ok(Json(state.store.deliveries(&id, limit).await?))
}

/// `POST /v1/admin/destinations/{id}/test`: queues a `destination.test`
/// event and sends it at once; 202 with its event id.
pub async fn test(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    found(&state, &id).await?;
    let event_id = state.store.queue_test(&id).await?;
    state.webhooks.wake();
    Ok((StatusCode::ACCEPTED, Json(json!({"event_id": event_id}))))
}

/// `POST /v1/admin/destinations/{id}/deliveries/{event}/replay`: sends a
/// delivered or failed event again, with the same event id; 202.
pub async fn replay(
    State(state): State<AppState>,
    Path((id, event)): Path<(String, String)>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    if !state.store.replay_delivery(&id, &event).await? {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            "event",
            "no delivered or failed event with that id for this destination",
        ));
    }
    state.webhooks.wake();
    Ok((StatusCode::ACCEPTED, Json(json!({"event_id": event}))))
}

async fn found(state: &AppState, id: &str) -> Result<Destination, ApiError> {
    state.store.destination(id).await?.ok_or_else(not_found)
}

fn not_found() -> ApiError {
    ApiError::new(ErrorCode::NotFound, "destination", "no destination with that id")
}

/// The body as a destination whose surveys exist and whose URL the
/// collector may send to.
async fn checked(state: &AppState, body: Value) -> Result<DestinationSpec, ApiError> {
    let spec = DestinationSpec::parse(body)?;
    for (at, survey) in spec.surveys.iter().enumerate() {
        if state.store.survey(survey).await?.is_none() {
            return Err(ApiError::new(
                ErrorCode::InvalidValue,
                &format!("surveys.{at}"),
                format!("no survey {survey}"),
            ));
        }
    }
    state
        .webhooks
        .resolver()
        .check_url(&spec.url)
        .await
        .map_err(|refused| ApiError::new(ErrorCode::InvalidValue, "url", refused.to_string()))?;
    Ok(spec)
}
