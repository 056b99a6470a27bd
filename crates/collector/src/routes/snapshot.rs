//! `GET /v1/surveys/{survey}/snapshot`: public figures from daily summaries.

use axum::Json;
use axum::extract::{Path, State};
use candor_core::Snapshot;

use super::load_survey;
use crate::{ApiError, Store};

/// The survey's public figures over all stored days.
pub async fn get_snapshot(
    State(store): State<Store>,
    Path(survey): Path<String>,
) -> Result<Json<Snapshot>, ApiError> {
    let survey = load_survey(&store, &survey).await?;
    let stats = store.stats(&survey.id).await?;
    Ok(Json(Snapshot::build(&survey, &stats)))
}
