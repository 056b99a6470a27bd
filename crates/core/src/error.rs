//! The one error type that crosses every boundary: it names the offending field
//! so a widget can point at it and an API client can fix its request.

use serde::{Deserialize, Serialize};

/// What went wrong, as a stable machine-readable code.
///
/// The codes are part of the public wire contract (docs/api.md); new ones may
/// be added, existing ones never change meaning. Not `non_exhaustive`: the
/// crates are not published, and every match over the codes is to list them
/// all, so a new code is placed where it belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body is not JSON, or not UTF-8.
    InvalidJson,
    /// A value has the wrong JSON type.
    InvalidType,
    /// A number outside its scale.
    OutOfRange,
    /// Text longer than the question allows.
    TooLong,
    /// A field the format does not know.
    UnknownField,
    /// An answer to a question the survey does not have.
    UnknownQuestion,
    /// An answer to a question the survey's logic skipped for these answers.
    NotAsked,
    /// A required question or field without an answer.
    Required,
    /// A value that does not parse (a malformed UUID or identifier).
    InvalidValue,
    /// The response answers a survey version other than the published one.
    WrongVersion,
    /// No survey with that id.
    UnknownSurvey,
    /// The survey is not open: before its `starts_at`, after its `ends_at`
    /// or past its response limit (responses to it are still accepted).
    SurveyClosed,
    /// An id used twice where ids must be unique.
    Duplicate,
    /// A survey text lacks the survey's default locale.
    MissingText,
    /// A response id already used for another survey.
    Conflict,
    /// The body is larger than the collector accepts (64 KiB).
    PayloadTooLarge,
    /// The body is neither `application/json` nor `text/plain`.
    UnsupportedMediaType,
    /// No such route.
    NotFound,
    /// The survey's results are not public.
    NotPublic,
    /// Too many requests from one client; see Retry-After.
    RateLimited,
    /// An admin route without a bearer token.
    Unauthorized,
    /// An admin route with a wrong token.
    Forbidden,
    /// The client sent its request too slowly.
    Timeout,
    /// The server failed; the request may be retried.
    Internal,
    /// The server cannot do this now (its database is unavailable); retry
    /// after Retry-After.
    Unavailable,
}

/// A validation failure naming the field it concerns, as a dotted JSON path
/// (`answers.delivery.promise.expected`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub struct FieldError {
    /// Machine-readable reason.
    pub code: ErrorCode,
    /// Dotted path of the offending field; empty for the body as a whole.
    pub field: String,
    /// A sentence for humans.
    pub message: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.field.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.field, self.message)
        }
    }
}

impl FieldError {
    /// Builds an error for `field`.
    pub fn new(code: ErrorCode, field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code,
            field: field.into(),
            message: message.into(),
        }
    }
}
