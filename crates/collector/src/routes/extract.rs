//! Extractors whose rejections are [`ApiError`]s, so a malformed query
//! string or an oversize admin body gets the same JSON `{code, field,
//! message}` as everything else, never axum's plain-text default.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use candor_core::ErrorCode;
use serde::de::DeserializeOwned;

use super::MAX_BODY_BYTES;
use crate::ApiError;

/// A query string parsed into `T`; a value that does not parse is a 422
/// `invalid_value` naming its parameter.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let raw = parts.uri.query().unwrap_or_default();
        let pairs = serde_urlencoded::Deserializer::new(form_urlencoded::parse(raw.as_bytes()));
        serde_path_to_error::deserialize(pairs)
            .map(Self)
            .map_err(|error| {
                let path = error.path().to_string();
                let field = if path.is_empty() || path == "." {
                    "query"
                } else {
                    path.as_str()
                };
                ApiError::new(ErrorCode::InvalidValue, field, error.into_inner().to_string())
            })
    }
}

/// The segment a query string names (`locale`, `page`, `context.<name>`);
/// its other keys are left to other extractors.
pub struct SegmentQuery(pub candor_core::Segment);

impl<S: Send + Sync> FromRequestParts<S> for SegmentQuery {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Query(pairs) = Query::<Vec<(String, String)>>::from_request_parts(parts, state).await?;
        let segment = candor_core::Segment::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
        Ok(Self(segment))
    }
}

/// The published survey the path's `{survey}` names; 404 when there is none,
/// answered before the body is read.
pub struct PublishedSurvey(pub std::sync::Arc<candor_core::Survey>);

impl FromRequestParts<crate::AppState> for PublishedSurvey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &crate::AppState) -> Result<Self, ApiError> {
        let axum::extract::Path(raw) = axum::extract::Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::unknown_survey(""))?;
        super::load_survey(&state.store, &raw).await.map(Self)
    }
}

/// The raw body of a request, at most 64 KiB.
pub async fn body_bytes(request: Request) -> Result<Bytes, ApiError> {
    Bytes::from_request(request, &()).await.map_err(|rejection| {
        if past_deadline(&rejection) {
            ApiError::new(
                ErrorCode::Timeout,
                "",
                "the body did not arrive within the read timeout",
            )
        } else if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                ErrorCode::PayloadTooLarge,
                "",
                format!("the body is over {MAX_BODY_BYTES} bytes"),
            )
        } else {
            ApiError::new(ErrorCode::InvalidJson, "", rejection.body_text())
        }
    })
}

/// Whether reading the body failed on the server's body deadline.
fn past_deadline(rejection: &dyn std::error::Error) -> bool {
    let mut cause = rejection.source();
    while let Some(error) = cause {
        if error.is::<crate::serve::BodyDeadline>() {
            return true;
        }
        cause = error.source();
    }
    false
}

/// The request's media type (`Content-Type` without parameters), in lower
/// case; empty when absent.
pub fn media_type(request: &Request) -> String {
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// A JSON body (`application/json`), as bytes for a strict parser.
pub struct JsonBytes(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for JsonBytes {
    type Rejection = ApiError;

    async fn from_request(request: Request, _: &S) -> Result<Self, ApiError> {
        let json = media_type(&request) == "application/json";
        if !json {
            return Err(ApiError::new(
                ErrorCode::UnsupportedMediaType,
                "",
                "send application/json",
            ));
        }
        body_bytes(request).await.map(Self)
    }
}
