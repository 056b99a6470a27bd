//! `/v1/admin/…`: survey management, responses, exports, the contact queue,
//! erasure and destinations. Every route needs `Authorization: Bearer <admin token>`:
//! 401 without one, 403 with a wrong one, 429 after a few wrong ones from
//! one client in a minute.

mod alerts;
mod contacts;
mod destinations;
mod erasures;
mod export;
mod facets;
mod funnel;
mod responses;
mod surveys;
mod words;

use axum::Router;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::header;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use candor_core::ErrorCode;

use crate::{ApiError, AppState, ClientKey};

/// The admin routes, behind the token check.
pub fn routes(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/v1/admin/surveys", get(surveys::list).post(surveys::create))
        .route("/v1/admin/surveys/{survey}", get(surveys::get))
        .route("/v1/admin/surveys/{survey}/draft", put(surveys::save_draft))
        .route("/v1/admin/surveys/{survey}/publish", post(surveys::publish))
        .route("/v1/admin/surveys/{survey}/snapshot", get(surveys::snapshot))
        .route("/v1/admin/surveys/{survey}/responses", get(responses::list))
        .route("/v1/admin/surveys/{survey}/export", get(export::export))
        .route("/v1/admin/surveys/{survey}/words", get(words::words_report))
        .route("/v1/admin/surveys/{survey}/facets", get(facets::facets))
        .route("/v1/admin/surveys/{survey}/funnel", get(funnel::funnel))
        .route(
            "/v1/admin/surveys/{survey}/alerts",
            get(alerts::list).post(alerts::create),
        )
        .route(
            "/v1/admin/surveys/{survey}/alerts/{id}",
            put(alerts::update).delete(alerts::remove),
        )
        .route(
            "/v1/admin/surveys/{survey}/follow-up",
            get(contacts::target).put(contacts::set_target),
        )
        .route("/v1/admin/contacts", get(contacts::list))
        .route("/v1/admin/contacts/summary", get(contacts::summary))
        .route("/v1/admin/contacts/{response}", put(contacts::update))
        .route("/v1/admin/erasures", post(erasures::erase))
        .route(
            "/v1/admin/destinations",
            get(destinations::list).post(destinations::create),
        )
        .route(
            "/v1/admin/destinations/{id}",
            get(destinations::get)
                .put(destinations::update)
                .delete(destinations::remove),
        )
        .route(
            "/v1/admin/destinations/{id}/deliveries",
            get(destinations::deliveries),
        )
        .route("/v1/admin/destinations/{id}/test", post(destinations::test))
        .route(
            "/v1/admin/destinations/{id}/deliveries/{event}/replay",
            post(destinations::replay),
        )
        .layer(middleware::from_fn_with_state(state, require_token))
}

async fn require_token(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let presented = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|token| token.trim().to_owned());
    let Some(token) = presented else {
        let mut response = ApiError::new(
            ErrorCode::Unauthorized,
            "authorization",
            "send the admin token as Authorization: Bearer <token>",
        )
        .into_response();
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("Bearer"),
        );
        return response;
    };
    match state.admin.verify(&token).await {
        Ok(true) => next.run(request).await,
        Ok(false) => {
            let client = match request.extensions().get::<ConnectInfo<SocketAddr>>() {
                Some(ConnectInfo(peer)) => ClientKey::of(state.trusted.client(peer.ip(), request.headers())),
                None => ClientKey::of(std::net::Ipv4Addr::UNSPECIFIED.into()),
            };
            match state.admin_failures.failed(client) {
                Ok(()) => ApiError::new(
                    ErrorCode::Forbidden,
                    "authorization",
                    "that is not the admin token",
                ),
                Err(wait) => ApiError::too_many("too many wrong admin tokens from this client", wait),
            }
            .into_response()
        }
        Err(error) => ApiError::from(error).into_response(),
    }
}

/// The window the owner asked for, or the survey's own.
fn window_or_default(
    survey: &candor_core::Survey,
    asked: Option<candor_core::Window>,
) -> candor_core::Window {
    asked.unwrap_or(survey.settings.public_aggregates.window)
}

/// Parses a JSON body already read.
fn json_body(body: &[u8]) -> Result<serde_json::Value, ApiError> {
    serde_json::from_slice(body)
        .map_err(|e| ApiError::new(ErrorCode::InvalidJson, "", format!("not valid JSON: {e}")))
}
