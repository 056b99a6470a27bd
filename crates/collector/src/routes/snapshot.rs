//! `GET /v1/surveys/{survey}/snapshot?window=7d|30d|90d|all`: public figures
//! from daily summaries, compared with the window before.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use candor_core::{Day, ErrorCode, Snapshot, Window};
use serde::Deserialize;

use super::load_survey;
use crate::{ApiError, Store};

/// The query string.
#[derive(Debug, Deserialize)]
pub struct SnapshotQuery {
    window: Option<String>,
}

/// The survey's public figures over the window (default: the survey's own).
pub async fn get_snapshot(
    State(store): State<Store>,
    Path(survey): Path<String>,
    Query(query): Query<SnapshotQuery>,
) -> Result<Json<Snapshot>, ApiError> {
    let survey = load_survey(&store, &survey).await?;
    let public = &survey.settings.public_aggregates;
    if !public.enabled {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::NotPublic,
            "survey",
            "this survey's results are not public",
        ));
    }
    let window = match query.window.as_deref() {
        Some(raw) => raw.parse::<Window>()?,
        None => public.window,
    };
    let today = today();
    let days = store.days(&survey.id, window.first_day(today), None).await?;
    let previous = match window.previous(today) {
        Some((first, last)) => Some(store.merged(&survey.id, Some(first), Some(last)).await?),
        None => None,
    };
    Ok(Json(Snapshot::build(&survey, window, &days, previous.as_ref())))
}

fn today() -> Day {
    Day::from_unix_seconds(time::OffsetDateTime::now_utc().unix_timestamp())
}
