//! The contact-request queue.

use axum::Json;
use axum::extract::{Path, State};
use candor_core::ErrorCode;
use candor_core::admin::{ContactRequest, ContactStatus};
use serde::Deserialize;
use serde_json::{Value, json};

use super::json_body;
use crate::routes::extract::JsonBytes;
use crate::routes::extract::Query;
use crate::{ApiError, AppState};

/// `?status=open|done`.
#[derive(Debug, Deserialize)]
pub struct StatusQuery {
    status: Option<ContactStatus>,
}

/// `GET /v1/admin/contacts?status=open`: the queue, oldest first.
pub async fn list(
    State(state): State<AppState>,
    Query(query): Query<StatusQuery>,
) -> Result<Json<Vec<ContactRequest>>, ApiError> {
    Ok(Json(state.store.contacts(query.status).await?))
}

/// `PUT /v1/admin/contacts/{response}` with `{"status": "done"}`.
pub async fn set_status(
    State(state): State<AppState>,
    Path(response): Path<String>,
    JsonBytes(body): JsonBytes,
) -> Result<Json<Value>, ApiError> {
    let value = json_body(&body)?;
    let new: ContactStatus = value
        .get("status")
        .cloned()
        .and_then(|status| serde_json::from_value(status).ok())
        .ok_or_else(|| ApiError::new(ErrorCode::InvalidValue, "status", "must be open or done"))?;
    if !state.store.set_contact_status(&response, new).await? {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            "response",
            "no contact request for that response",
        ));
    }
    Ok(Json(json!({"response_id": response, "status": new})))
}
