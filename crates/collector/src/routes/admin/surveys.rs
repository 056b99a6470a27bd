//! Creating, editing and publishing surveys, and the owner's snapshot.

use axum::Json;
use axum::extract::State;
use std::time::Duration;

use axum::http::{HeaderName, StatusCode};
use candor_core::{ErrorCode, Snapshot, Survey, SurveyId, templates};
use serde_json::{Value, json};

use super::json_body;
use crate::routes::extract::JsonBytes;
use crate::routes::extract::PublishedSurvey;
use crate::routes::extract::{Query, SegmentQuery};
use crate::{ApiError, AppState, snapshots};
use candor_core::admin::SurveySummary;

/// `GET /v1/admin/surveys`: every survey with its response count.
pub async fn list(State(state): State<AppState>) -> Result<Json<Vec<SurveySummary>>, ApiError> {
    Ok(Json(state.store.surveys().await?))
}

/// `POST /v1/admin/surveys`: a definition, or `{"template": "checkout",
/// "id": "my-checkout"}`. 201 with the published survey; 409 if the id is
/// taken.
pub async fn create(
    State(state): State<AppState>,
    JsonBytes(body): JsonBytes,
) -> Result<(StatusCode, Json<Survey>), ApiError> {
    let value = json_body(&body)?;
    let mut survey = match value.get("template") {
        Some(template) => from_template(template, value.get("id"))?,
        None => Survey::from_json(&body)?,
    };
    survey.version = 1;
    if !state.store.create_survey(&survey).await? {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "id",
            format!(
                "a survey with id {:?} exists; edit its draft instead",
                survey.id.as_str()
            ),
        ));
    }
    Ok((StatusCode::CREATED, Json(survey)))
}

fn from_template(template: &Value, id: Option<&Value>) -> Result<Survey, ApiError> {
    let name = template.as_str().unwrap_or_default();
    let mut survey = templates::by_name(name).ok_or_else(|| {
        ApiError::new(
            ErrorCode::InvalidValue,
            "template",
            format!(
                "no template {name:?}; there are {} and {}",
                templates::NAMES.join(", "),
                templates::BLANK
            ),
        )
    })?;
    if let Some(id) = id {
        survey.id = SurveyId::parse("id", id.as_str().unwrap_or_default())?;
    }
    Ok(survey)
}

/// `GET /v1/admin/surveys/{id}`: the published survey and the draft.
pub async fn get(
    State(state): State<AppState>,
    PublishedSurvey(published): PublishedSurvey,
) -> Result<Json<Value>, ApiError> {
    let draft = state.store.draft(&published.id).await?;
    Ok(Json(json!({"published": published, "draft": draft})))
}

/// `PUT /v1/admin/surveys/{id}/draft`: saves an edit without publishing it.
pub async fn save_draft(
    State(state): State<AppState>,
    PublishedSurvey(published): PublishedSurvey,
    JsonBytes(body): JsonBytes,
) -> Result<Json<Survey>, ApiError> {
    let draft = Survey::from_json(&body)?;
    if draft.id != published.id {
        return Err(ApiError::new(
            ErrorCode::InvalidValue,
            "id",
            "a draft keeps its survey's id",
        ));
    }
    state.store.save_draft(&draft).await?;
    Ok(Json(draft))
}

/// `POST /v1/admin/surveys/{id}/publish`: the draft becomes the next
/// version. Responses keep the version they answered.
pub async fn publish(
    State(state): State<AppState>,
    PublishedSurvey(published): PublishedSurvey,
) -> Result<Json<Survey>, ApiError> {
    state
        .store
        .publish(&published.id)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::new(ErrorCode::Conflict, "draft", "there is no draft to publish"))
}

/// The query string of the owner's snapshot.
#[derive(Debug, serde::Deserialize)]
pub struct WindowQuery {
    window: Option<candor_core::Window>,
    /// A `Candor-Generation` from an earlier reply: answer once the data
    /// has changed since (long poll, at most [`LONG_POLL`]).
    after: Option<u64>,
    /// Finished responses only (the default), or also partial ones.
    #[serde(default)]
    responses: Responses,
}

/// Which responses the owner's figures count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Responses {
    /// Finished responses.
    #[default]
    Completed,
    /// Finished responses and the latest save of every unfinished one.
    All,
}

/// Longest wait of a long-polled snapshot; the dashboard asks again.
const LONG_POLL: Duration = Duration::from_secs(25);

/// `GET /v1/admin/surveys/{id}/snapshot?window=&after=&responses=&locale=&page=&context.<name>=`:
/// every figure of the responses in that segment (all when none is named;
/// finished ones, and with `responses=all` the partial ones too),
/// however small the sample (the owner sees the intervals), public or not.
/// With `after`, waits until the survey's data changes: the dashboard's
/// live view (an EventSource could not send the admin token).
pub async fn snapshot(
    State(state): State<AppState>,
    PublishedSurvey(survey): PublishedSurvey,
    Query(query): Query<WindowQuery>,
    SegmentQuery(segment): SegmentQuery,
) -> Result<([(HeaderName, String); 1], Json<Snapshot>), ApiError> {
    let window = super::window_or_default(&survey, query.window);
    // Subscribed before the generation is read, so no change slips between.
    let mut changes = state.store.subscribe();
    if query.after == Some(state.store.generation(&survey.id)) {
        let _ = tokio::time::timeout(LONG_POLL, snapshots::wait_for_change(&mut changes, &survey)).await;
    }
    let generation = state.store.generation(&survey.id);
    let partial = query.responses == Responses::All;
    let built = snapshots::owner(&state, &survey, window, &segment, partial).await?;
    Ok((
        [(HeaderName::from_static(GENERATION), generation.to_string())],
        Json(built.snapshot.clone()),
    ))
}

/// The header naming the data generation a snapshot was built from.
pub const GENERATION: &str = "candor-generation";
