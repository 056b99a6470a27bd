//! `/v1/admin/surveys/{survey}/alerts`: a survey's alert rules.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use candor_core::admin::{AlertRule, AlertRuleSpec};
use candor_core::{ErrorCode, Survey};

use super::json_body;
use crate::routes::extract::{JsonBytes, PublishedSurvey};
use crate::{ApiError, AppState};

/// `GET …/alerts`: the survey's rules, oldest first.
pub async fn list(
    State(state): State<AppState>,
    PublishedSurvey(survey): PublishedSurvey,
) -> Result<Json<Vec<AlertRule>>, ApiError> {
    Ok(Json(state.store.alert_rules(Some(&survey.id)).await?))
}

/// `POST …/alerts`: 201 with the rule.
pub async fn create(
    State(state): State<AppState>,
    PublishedSurvey(survey): PublishedSurvey,
    JsonBytes(body): JsonBytes,
) -> Result<(StatusCode, Json<AlertRule>), ApiError> {
    let spec = checked(&state, &survey, &body).await?;
    Ok((
        StatusCode::CREATED,
        Json(state.store.add_alert_rule(&survey.id, &spec).await?),
    ))
}

/// `PUT …/alerts/{id}`: replaces the rule.
pub async fn update(
    State(state): State<AppState>,
    Path((survey, id)): Path<(String, String)>,
    JsonBytes(body): JsonBytes,
) -> Result<Json<AlertRule>, ApiError> {
    let survey = crate::routes::load_survey(&state.store, &survey).await?;
    let spec = checked(&state, &survey, &body).await?;
    if !state.store.update_alert_rule(&survey.id, &id, &spec).await? {
        return Err(not_found());
    }
    let rules = state.store.alert_rules(Some(&survey.id)).await?;
    rules
        .into_iter()
        .find(|r| r.id == id)
        .map(Json)
        .ok_or_else(not_found)
}

/// `DELETE …/alerts/{id}`.
pub async fn remove(
    State(state): State<AppState>,
    Path((survey, id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let survey = crate::routes::load_survey(&state.store, &survey).await?;
    if state.store.remove_alert_rule(&survey.id, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(not_found())
    }
}

fn not_found() -> ApiError {
    ApiError::new(
        ErrorCode::NotFound,
        "rule",
        "no alert rule with that id on this survey",
    )
}

/// The body as a rule of `survey` whose destinations exist.
async fn checked(state: &AppState, survey: &Arc<Survey>, body: &[u8]) -> Result<AlertRuleSpec, ApiError> {
    let spec = AlertRuleSpec::parse(json_body(body)?, survey)?;
    let known = state.store.destinations().await?;
    for (at, destination) in spec.destinations.iter().enumerate() {
        if !known.iter().any(|d| &d.id == destination) {
            return Err(ApiError::new(
                ErrorCode::InvalidValue,
                &format!("destinations.{at}"),
                format!("no destination {destination}"),
            ));
        }
    }
    Ok(spec)
}
