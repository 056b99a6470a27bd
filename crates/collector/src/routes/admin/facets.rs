//! `GET /v1/admin/surveys/{id}/facets?window=30d`: the locales, pages and
//! context values among the window's responses, most frequent first: what
//! the dashboard offers as filters.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;

use crate::routes::extract::PublishedSurvey;
use crate::routes::extract::Query;
use crate::{ApiError, AppState};
use candor_core::admin::Facets;

#[derive(Debug, Deserialize)]
pub struct FacetsQuery {
    window: Option<candor_core::Window>,
}

pub async fn facets(
    State(state): State<AppState>,
    PublishedSurvey(survey): PublishedSurvey,
    Query(query): Query<FacetsQuery>,
) -> Result<Json<Facets>, ApiError> {
    let window = super::window_or_default(&survey, query.window);
    let today = crate::routes::today();
    let from = window.first_day(today).map(|d| d.to_string());
    Ok(Json(
        state.store.facets(survey.id.as_str(), from.as_deref()).await?,
    ))
}
