//! The HTTP API. `app` wires the routes, CORS, body limit and the site.

mod admin;
mod body;
pub(crate) mod cache;
mod events;
mod extract;
mod health;
mod responses;
mod security;
pub(crate) mod snapshot;
pub(crate) mod static_cache;
mod surveys;
mod visitors;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, Method, header};
use axum::routing::{get, post};
use candor_core::{ErrorCode, SurveyId};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::trace::TraceLayer;

use crate::{ApiError, AppState, Config, Store, metrics};

/// Largest accepted request body. A full response is a few KiB; anything
/// larger is a mistake or an attack.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The collector's router over `state`.
pub fn app(state: AppState, config: &Config) -> Router {
    let api = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/v1/surveys", get(surveys::site_list))
        .route("/v1/surveys/{survey}", get(surveys::get_survey))
        .route("/v1/surveys/{survey}/responses", post(responses::submit))
        .route("/v1/surveys/{survey}/events", post(events::report))
        .route("/v1/surveys/{survey}/snapshot", get(snapshot::get_snapshot))
        .route("/v1/visitors/{visitor}", get(visitors::lookup))
        .route(
            "/v1/surveys/{survey}/snapshot/stream",
            get(snapshot::stream_snapshot),
        )
        .route("/v1/openapi.json", get(openapi))
        .merge(admin::routes(state.clone()))
        .merge(match config.metrics_bind {
            // Served on its own, private, address instead.
            Some(_) => Router::new(),
            None => Router::new().route("/metrics", get(metrics::render)),
        })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(cors(&config.allowed_origins));
    let api = match crate::site::Site::of(config).router(config) {
        Some(site) => api.fallback_service(site),
        None => api.fallback(not_found),
    };
    api.layer(axum::middleware::from_fn(security::dashboard_headers))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// `/metrics` alone, for `--metrics-bind`.
pub fn metrics_only(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(metrics::render))
        .fallback(not_found)
        .with_state(state)
}

pub(crate) fn cors(origins: &[String]) -> CorsLayer {
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
    };
    CorsLayer::new()
        .allow_origin(allow)
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION])
        // The widget's outbox waits as long as a 429 or 503 asks.
        .expose_headers([header::RETRY_AFTER])
}

/// The API's OpenAPI document, compiled in.
const OPENAPI: &str = include_str!("../../openapi.json");

async fn openapi() -> ([(header::HeaderName, &'static str); 1], &'static str) {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

pub(crate) async fn not_found() -> ApiError {
    no_such_route()
}

/// What a path that is neither a route nor a file gets.
pub(crate) fn no_such_route() -> ApiError {
    ApiError::new(ErrorCode::NotFound, "", "no such route")
}

/// Parses the `{survey}` path segment; a malformed id is simply unknown.
fn survey_id(raw: &str) -> Result<SurveyId, ApiError> {
    SurveyId::parse("survey", raw).map_err(|_| ApiError::unknown_survey(raw))
}

/// The UTC day it is now: the last day of every window.
pub(crate) fn today() -> candor_core::Day {
    candor_core::Day::from_unix_seconds(time::OffsetDateTime::now_utc().unix_timestamp())
}

/// Loads the survey named in the path, or answers 404.
pub(crate) async fn load_survey(
    store: &Store,
    raw: &str,
) -> Result<std::sync::Arc<candor_core::Survey>, ApiError> {
    let id = survey_id(raw)?;
    store
        .survey(&id)
        .await?
        .ok_or_else(|| ApiError::unknown_survey(raw))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// Every route the router serves is in openapi.json, and nothing else.
    #[test]
    fn openapi_documents_every_route() {
        let document: serde_json::Value = serde_json::from_str(super::OPENAPI).unwrap();
        let documented: BTreeSet<String> = document["paths"].as_object().unwrap().keys().cloned().collect();
        let sources = [include_str!("mod.rs"), include_str!("admin/mod.rs")];
        let served: BTreeSet<String> = sources
            .iter()
            .flat_map(|source| source.split(".route(").skip(1))
            .filter_map(|rest| {
                rest.trim_start()
                    .strip_prefix('"')?
                    .split('"')
                    .next()
                    .map(str::to_owned)
            })
            .filter(|path| path.starts_with('/'))
            .collect();
        assert_eq!(documented, served);
    }
}
