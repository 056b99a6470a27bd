//! `POST /v1/admin/erasures`: erases a respondent, found by the email
//! address of their contact request or by a response id (the widget shows
//! respondents theirs), or forgets an identified visitor by hash, in a body
//! rather than the query string, which proxies and access logs keep.

use axum::Json;
use axum::extract::State;
use candor_core::visitor::VisitorHash;
use candor_core::{ErrorCode, ResponseId};
use serde_json::{Value, json};

use super::json_body;
use crate::routes::extract::JsonBytes;
use crate::{ApiError, AppState, Respondent};

/// `{"email": …}`, `{"response_id": …}` or `{"visitor": …}`, exactly one;
/// answers `{"erased": n}` (responses, or a visitor's surveys).
pub async fn erase(
    State(state): State<AppState>,
    JsonBytes(body): JsonBytes,
) -> Result<Json<Value>, ApiError> {
    let value = json_body(&body)?;
    let respondent = respondent(&value)?;
    let erased = state.store.erase(&respondent).await?;
    Ok(Json(json!({"erased": erased})))
}

fn respondent(body: &Value) -> Result<Respondent, ApiError> {
    let invalid = |field: &str, message: &str| ApiError::new(ErrorCode::InvalidValue, field, message);
    let Value::Object(fields) = body else {
        return Err(invalid(
            "",
            "send {\"email\": …}, {\"response_id\": …} or {\"visitor\": …}",
        ));
    };
    if let Some(unknown) = fields
        .keys()
        .find(|k| !["email", "response_id", "visitor"].contains(&k.as_str()))
    {
        return Err(ApiError::new(
            ErrorCode::UnknownField,
            unknown,
            "only email, response_id or visitor",
        ));
    }
    if let Some(visitor) = fields.get("visitor") {
        return match (visitor, fields.len()) {
            (Value::String(hash), 1) => Ok(Respondent::Visitor(VisitorHash::parse("visitor", hash)?)),
            (_, 1) => Err(invalid("visitor", "give the visitor's hash (docs/api.md)")),
            _ => Err(invalid("", "give one of email, response_id and visitor")),
        };
    }
    match (fields.get("email"), fields.get("response_id")) {
        (Some(Value::String(email)), None) if email.contains('@') => Ok(Respondent::Email(email.clone())),
        (Some(_), None) => Err(invalid("email", "give the respondent's email address")),
        (None, Some(Value::String(id))) => Ok(Respondent::Response(ResponseId::parse("response_id", id)?)),
        (None, Some(_)) => Err(invalid("response_id", "give the response's id, a UUID")),
        (Some(_), Some(_)) => Err(invalid("", "give either email or response_id, not both")),
        (None, None) => Err(ApiError::new(
            ErrorCode::Required,
            "email",
            "give the respondent's email address or a response_id",
        )),
    }
}
