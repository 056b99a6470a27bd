//! `GET /v1/surveys/{survey}`: the published definition the widget renders.

use axum::Json;
use axum::extract::{Path, State};
use candor_core::Survey;

use super::load_survey;
use crate::{ApiError, Store};

/// The survey definition as JSON.
pub async fn get_survey(
    State(store): State<Store>,
    Path(survey): Path<String>,
) -> Result<Json<Survey>, ApiError> {
    Ok(Json(load_survey(&store, &survey).await?))
}
