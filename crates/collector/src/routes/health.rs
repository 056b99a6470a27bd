//! `/healthz` (the process answers) and `/readyz` (and it can store
//! responses: its database answers and its writer is not stuck).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::Store;

/// Always 200 while the process serves requests.
pub async fn healthz() -> Json<Value> {
    Json(json!({"status": "ok"}))
}

/// 200 when the database answers and the response writer can store, 503
/// with the reason otherwise.
pub async fn readyz(State(store): State<Store>) -> (StatusCode, Json<Value>) {
    match store.ready().await {
        Ok(()) => (StatusCode::OK, Json(json!({"status": "ready"}))),
        Err(reason) => {
            tracing::warn!(%reason, "not ready");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({"status": "unavailable", "reason": reason})),
            )
        }
    }
}
