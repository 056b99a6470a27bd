//! `POST /v1/surveys/{survey}/events`: the widget's funnel reports (shown,
//! started, dismissed) with the page path, counted in memory
//! (`crate::funnel`). Counts only: nothing else is stored per event, but an
//! identified visitor's dismissal (`visitor`, the hash) is kept for that
//! visitor, so it holds on their other devices.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::{Extension, Json};
use candor_core::ErrorCode;
use candor_core::admin::FunnelEvent;
use candor_core::visitor::VisitorHash;
use serde_json::{Value, json};

use super::extract::PublishedSurvey;
use crate::{ApiError, AppState};

/// 202 once counted; 422 naming `event` or `page` when they are not ones
/// the funnel knows; 429 when this client reports too fast.
pub async fn report(
    State(state): State<AppState>,
    PublishedSurvey(survey): PublishedSurvey,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    request: Request,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    super::responses::limit(&state.event_limiter, &state, &survey.id, peer, &headers)?;
    // Only the pages that may post responses may report on them.
    super::responses::check_origin(&survey, &headers)?;
    let essence = super::extract::media_type(&request);
    if essence != "application/json" && essence != "text/plain" {
        return Err(ApiError::new(
            ErrorCode::UnsupportedMediaType,
            "",
            "send the event as application/json or text/plain",
        ));
    }
    let bytes = super::extract::body_bytes(request).await?;
    let body: Value = serde_json::from_slice(&bytes).map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidJson,
            "",
            format!("the body is not valid JSON: {e}"),
        )
    })?;
    let Some(fields) = body.as_object() else {
        return Err(ApiError::new(
            ErrorCode::InvalidType,
            "",
            "the body must be a JSON object",
        ));
    };
    if let Some(unknown) = fields
        .keys()
        .find(|k| !["event", "page", "visitor"].contains(&k.as_str()))
    {
        return Err(ApiError::new(
            ErrorCode::UnknownField,
            unknown.as_str(),
            "is not a field of an event",
        ));
    }
    let event: FunnelEvent = fields
        .get("event")
        .ok_or_else(|| ApiError::new(ErrorCode::Required, "event", "is required"))
        .and_then(|event| {
            serde_json::from_value(event.clone()).map_err(|_| {
                ApiError::new(
                    ErrorCode::InvalidValue,
                    "event",
                    "must be \"shown\", \"started\" or \"dismissed\"",
                )
            })
        })?;
    let page = match fields.get("page") {
        None | Some(Value::Null) => None,
        Some(Value::String(path)) => {
            candor_core::response_page::check(path)?;
            Some(path.as_str())
        }
        Some(_) => {
            return Err(ApiError::new(
                ErrorCode::InvalidType,
                "page",
                "must be a page path",
            ));
        }
    };
    let visitor = VisitorHash::optional(fields.get("visitor"))?;
    let today = super::today();
    state.funnel.record(&survey.id, today, page, event);
    if let (FunnelEvent::Dismissed, Some(visitor)) = (event, visitor) {
        state.funnel.dismissed(&survey.id, visitor, today);
    }
    Ok((StatusCode::ACCEPTED, Json(json!({}))))
}
