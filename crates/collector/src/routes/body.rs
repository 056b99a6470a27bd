//! The response body extractor: JSON sent as `application/json`, or as
//! `text/plain` so browsers can post without a CORS preflight (and with
//! `navigator.sendBeacon`). Every rejection is an [`ApiError`] naming the field.

use axum::extract::{FromRequest, Request};
use candor_core::{ErrorCode, ResponseSubmission};

use crate::ApiError;

/// A parsed (not yet validated against its survey) response body.
pub struct Submission(pub ResponseSubmission);

impl<S: Send + Sync> FromRequest<S> for Submission {
    type Rejection = ApiError;

    async fn from_request(request: Request, _: &S) -> Result<Self, ApiError> {
        let essence = super::extract::media_type(&request);
        if essence != "application/json" && essence != "text/plain" {
            return Err(ApiError::new(
                ErrorCode::UnsupportedMediaType,
                "",
                "send the response as application/json or text/plain",
            ));
        }
        let bytes = super::extract::body_bytes(request).await?;
        Ok(Self(ResponseSubmission::from_json(&bytes)?))
    }
}
