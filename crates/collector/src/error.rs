//! The API's error type: every failure becomes a JSON body
//! `{code, field, message}` with a 4xx status, or a 500 that hides details
//! and logs them.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use candor_core::{ErrorCode, FieldError};

use crate::StoreError;

/// An error answered to a client.
#[derive(Debug, thiserror::Error)]
#[error("{status}: {body}")]
pub struct ApiError {
    status: StatusCode,
    body: FieldError,
}

impl ApiError {
    /// An error with an explicit status.
    pub fn new(status: StatusCode, code: ErrorCode, field: &str, message: impl Into<String>) -> Self {
        Self {
            status,
            body: FieldError::new(code, field, message),
        }
    }

    /// 404 for a survey id that does not exist.
    pub fn unknown_survey(id: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
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
        ErrorCode::WrongVersion | ErrorCode::Conflict => StatusCode::CONFLICT,
        ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        ErrorCode::NotPublic => StatusCode::FORBIDDEN,
        ErrorCode::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

impl From<FieldError> for ApiError {
    fn from(body: FieldError) -> Self {
        Self {
            status: status_for(body.code),
            body,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        tracing::error!(%error, "storage failed");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Internal,
            "",
            "the collector could not complete the request; retry later",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}
