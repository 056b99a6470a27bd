//! The API's error type: every failure becomes a JSON body
//! `{code, field, message}` with a 4xx status, or a 500 that hides details
//! and logs them.

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use candor_core::{ErrorCode, FieldError};

use crate::StoreError;

/// An error answered to a client.
#[derive(Debug, thiserror::Error)]
#[error("{status}: {body}")]
pub struct ApiError {
    status: StatusCode,
    body: FieldError,
    retry_after: Option<u64>,
}

impl ApiError {
    /// An error for `field`, with the status its code has.
    pub fn new(code: ErrorCode, field: &str, message: impl Into<String>) -> Self {
        Self {
            status: status_for(code),
            body: FieldError::new(code, field, message),
            retry_after: None,
        }
    }

    /// 429: too many requests from one client for one survey.
    pub fn rate_limited(wait: std::time::Duration) -> Self {
        let seconds = wait.as_secs() + 1;
        Self {
            retry_after: Some(seconds),
            ..Self::new(
                ErrorCode::RateLimited,
                "",
                format!("too many responses from this client; retry in {seconds} s"),
            )
        }
    }

    /// 503: the collector cannot do this now; retry in `seconds`.
    pub fn unavailable(message: impl Into<String>, seconds: u64) -> Self {
        Self {
            retry_after: Some(seconds),
            ..Self::new(ErrorCode::Unavailable, "", message)
        }
    }

    /// 429 with a message of its own: this client holds its share.
    pub fn too_many(message: impl Into<String>, wait: std::time::Duration) -> Self {
        Self {
            retry_after: Some(wait.as_secs().max(1)),
            ..Self::new(ErrorCode::RateLimited, "", message)
        }
    }

    /// 404 for a survey id that does not exist.
    pub fn unknown_survey(id: &str) -> Self {
        Self::new(
            ErrorCode::UnknownSurvey,
            "survey",
            format!("no survey with id {id:?}"),
        )
    }
}

fn status_for(code: ErrorCode) -> StatusCode {
    match code {
        ErrorCode::InvalidJson => StatusCode::BAD_REQUEST,
        ErrorCode::UnknownSurvey | ErrorCode::NotFound => StatusCode::NOT_FOUND,
        ErrorCode::SurveyClosed => StatusCode::GONE,
        ErrorCode::WrongVersion | ErrorCode::Conflict => StatusCode::CONFLICT,
        ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        ErrorCode::NotPublic => StatusCode::FORBIDDEN,
        ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::Unauthorized => StatusCode::UNAUTHORIZED,
        ErrorCode::Forbidden => StatusCode::FORBIDDEN,
        ErrorCode::Timeout => StatusCode::REQUEST_TIMEOUT,
        ErrorCode::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        ErrorCode::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        ErrorCode::InvalidType
        | ErrorCode::OutOfRange
        | ErrorCode::TooLong
        | ErrorCode::UnknownField
        | ErrorCode::UnknownQuestion
        | ErrorCode::NotAsked
        | ErrorCode::Required
        | ErrorCode::InvalidValue
        | ErrorCode::Duplicate
        | ErrorCode::MissingText => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

impl From<FieldError> for ApiError {
    fn from(body: FieldError) -> Self {
        Self {
            status: status_for(body.code),
            body,
            retry_after: None,
        }
    }
}

/// Seconds a client is asked to wait when the database is unavailable.
const UNAVAILABLE_RETRY_SECONDS: u64 = 5;

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        tracing::error!(%error, "storage failed");
        if matches!(error, StoreError::Unavailable(_) | StoreError::WriterGone) {
            return Self::unavailable(
                format!("the collector cannot store this now; retry in {UNAVAILABLE_RETRY_SECONDS} s"),
                UNAVAILABLE_RETRY_SECONDS,
            );
        }
        Self::new(
            ErrorCode::Internal,
            "",
            "the collector could not complete the request; retry later",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let code = self.body.code;
        let mut response = (self.status, Json(self.body)).into_response();
        if let Some(seconds) = self.retry_after {
            response.headers_mut().insert(header::RETRY_AFTER, seconds.into());
        }
        // For the metrics middleware: rejections are counted by code.
        response.extensions_mut().insert(code);
        response
    }
}
