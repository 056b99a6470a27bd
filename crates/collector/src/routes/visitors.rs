//! `GET /v1/visitors/{visitor}`: what the collector knows of an identified
//! visitor (the surveys answered or dismissed and the day of each), read by
//! the loader so recontact, dismissal and the site-wide cap hold on every
//! device the visitor uses. The path holds the browser's hash of the id,
//! never the id.

use std::net::SocketAddr;
use std::sync::LazyLock;

use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use candor_core::SurveyId;
use candor_core::visitor::VisitorHash;

use crate::{ApiError, AppState};

/// The rate limiter's one key for every lookup, whichever the visitor.
static EVERY_VISITOR: LazyLock<SurveyId> =
    LazyLock::new(|| SurveyId::parse("", "visitors").expect("a valid id"));

/// The record, never cached (it changes as the visitor answers); 422
/// naming `visitor` for a path that is not a hash; 429 when this client
/// asks too fast.
pub async fn lookup(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    super::responses::limit(&state.lookup_limiter, &state, &EVERY_VISITOR, peer, &headers)?;
    let visitor = VisitorHash::parse("visitor", &raw)?;
    let record = state.store.visitor(&visitor).await?;
    let mut response = Json(record).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}
