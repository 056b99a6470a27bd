//! The contact-request queue.

use axum::Json;
use axum::extract::{Path, State};
use candor_core::ErrorCode;
use serde::Deserialize;
use serde_json::{Value, json};

use super::json_body;
use crate::routes::extract::JsonBytes;
use crate::routes::extract::Query;
use crate::{ApiError, AppState, ContactRequest};

/// `?status=open|done`.
#[derive(Debug, Deserialize)]
pub struct StatusQuery {
    status: Option<String>,
}

fn status(raw: Option<&str>, field: &str) -> Result<Option<&'static str>, ApiError> {
    match raw {
        None => Ok(None),
        Some("open") => Ok(Some("open")),
        Some("done") => Ok(Some("done")),
        Some(_) => Err(ApiError::new(
            ErrorCode::InvalidValue,
            field,
            "must be open or done",
        )),
    }
}

/// `GET /v1/admin/contacts?status=open`: the queue, oldest first.
pub async fn list(
    State(state): State<AppState>,
    Query(query): Query<StatusQuery>,
) -> Result<Json<Vec<ContactRequest>>, ApiError> {
    let status = status(query.status.as_deref(), "status")?;
    Ok(Json(state.store.contacts(status).await?))
}

/// `PUT /v1/admin/contacts/{response}` with `{"status": "done"}`.
pub async fn set_status(
    State(state): State<AppState>,
    Path(response): Path<String>,
    JsonBytes(body): JsonBytes,
) -> Result<Json<Value>, ApiError> {
    let value = json_body(&body)?;
    let new = status(value.get("status").and_then(Value::as_str).or(Some("")), "status")?.unwrap_or("open");
    if !state.store.set_contact_status(&response, new).await? {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            "response",
            "no contact request for that response",
        ));
    }
    Ok(Json(json!({"response_id": response, "status": new})))
}
