//! The HTTP API. `app` wires the routes, CORS, body limit and static files.

mod body;
mod cache;
mod health;
mod responses;
mod snapshot;
mod surveys;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::routing::{get, post};
use candor_core::{ErrorCode, SurveyId};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

use crate::{ApiError, Config, Store};

/// Largest accepted request body. A full response is a few KiB; anything
/// larger is a mistake or an attack.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The collector's router over `store`.
pub fn app(store: Store, config: &Config) -> Router {
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
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(cors(&config.allowed_origins))
        .with_state(store);
    let api = match &config.static_dir {
        Some(dir) => api.fallback_service(ServeDir::new(dir).fallback(get(not_found))),
        None => api.fallback(not_found),
    };
    api.layer(TraceLayer::new_for_http())
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
