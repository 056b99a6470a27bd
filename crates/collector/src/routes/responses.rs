//! `POST /v1/surveys/{survey}/responses`: validate, store exactly once, then
//! acknowledge.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use candor_core::ErrorCode;
use serde_json::{Value, json};

use super::body::Submission;
use super::load_survey;
use crate::{ApiError, Inserted, Store};

/// 201 when stored, 200 when this id was already stored (a retry).
pub async fn submit(
    State(store): State<Store>,
    Path(survey): Path<String>,
    Submission(submission): Submission,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let survey = load_survey(&store, &survey).await?;
    let response = survey.validate(submission)?;
    let status = match store.insert_response(&survey, &response).await? {
        Inserted::New => StatusCode::CREATED,
        Inserted::Duplicate => StatusCode::OK,
        Inserted::IdTaken => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::Conflict,
                "id",
                "this id belongs to a response to another survey",
            ));
        }
    };
    Ok((status, Json(json!({ "id": response.id() }))))
}
