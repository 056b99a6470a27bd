//! The HTTP API. `app` wires the routes, CORS, body limit and static files.

mod body;
mod cache;
mod health;
mod responses;
mod snapshot;
mod surveys;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::routing::{get, post};
use candor_core::{ErrorCode, SurveyId};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::ServeDir;
use tower_http::timeout::RequestBodyTimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::{ApiError, AppState, Config, Metrics, RateLimiter, Store, metrics};

/// Largest accepted request body. A full response is a few KiB; anything
/// larger is a mistake or an attack.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// A client that has not finished sending its body by then is dropped.
const BODY_TIMEOUT: Duration = Duration::from_secs(10);

/// The collector's router over `store`.
pub fn app(store: Store, config: &Config) -> Router {
    let state = AppState {
        store,
        metrics: Arc::new(Metrics::default()),
        limiter: Arc::new(RateLimiter::new(config.rate_limit_per_minute)),
        trust_forwarded_for: config.trust_forwarded_for,
    };
    let api = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/v1/surveys/{survey}", get(surveys::get_survey))
        .route("/v1/surveys/{survey}/responses", post(responses::submit))
        .route("/v1/surveys/{survey}/snapshot", get(snapshot::get_snapshot))
        .route(
            "/v1/surveys/{survey}/snapshot/stream",
            get(snapshot::stream_snapshot),
        )
        .route("/metrics", get(metrics::render))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(RequestBodyTimeoutLayer::new(BODY_TIMEOUT))
        .layer(cors(&config.allowed_origins));
    let api = match &config.static_dir {
        Some(dir) => api.fallback_service(ServeDir::new(dir).fallback(get(not_found))),
        None => api.fallback(not_found),
    };
    api.layer(axum::middleware::from_fn_with_state(
        state.clone(),
        metrics::track,
    ))
    .layer(TraceLayer::new_for_http())
    .with_state(state)
}

fn cors(origins: &[String]) -> CorsLayer {
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
    };
    CorsLayer::new()
        .allow_origin(allow)
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::CONTENT_TYPE])
}

async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, ErrorCode::NotFound, "", "no such route")
}

/// Parses the `{survey}` path segment; a malformed id is simply unknown.
fn survey_id(raw: &str) -> Result<SurveyId, ApiError> {
    SurveyId::parse("survey", raw).map_err(|_| ApiError::unknown_survey(raw))
}

/// Loads the survey named in the path, or answers 404.
async fn load_survey(store: &Store, raw: &str) -> Result<candor_core::Survey, ApiError> {
    let id = survey_id(raw)?;
    store
        .survey(&id)
        .await?
        .ok_or_else(|| ApiError::unknown_survey(raw))
}
