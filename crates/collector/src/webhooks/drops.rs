//! The drop check: for every enabled `significant_drop` rule, whether its
//! question's headline figure fell significantly today against the week
//! before (the trend's shift test, as the dashboard marks it); each rule
//! fires at most once a day, whichever collector sees it first.

use candor_core::Day;
use candor_core::admin::AlertCondition;
use candor_core::snapshot::{BASELINE_DAYS, fell_on};
use serde_json::json;

use crate::{Store, StoreError};

/// Checks every drop rule; how many alerts were queued.
pub async fn check(store: &Store) -> Result<usize, StoreError> {
    let today = Day::from_unix_seconds(time::OffsetDateTime::now_utc().unix_timestamp());
    let mut queued = 0;
    for rule in store.alert_rules(None).await? {
        let AlertCondition::SignificantDrop { question } = &rule.spec.condition else {
            continue;
        };
        if !rule.spec.enabled {
            continue;
        }
        let Ok(survey_id) = candor_core::SurveyId::parse("survey_id", &rule.survey_id) else {
            continue;
        };
        let Some(survey) = store.survey(&survey_id).await? else {
            continue;
        };
        let Some(asked) = survey.question(question.as_str()) else {
            continue;
        };
        let days = store
            .days(&survey_id, Some(today.plus(-BASELINE_DAYS)), Some(today))
            .await?;
        let Some(point) = fell_on(asked, &days, today) else {
            continue;
        };
        let (Some(value), Some(shift)) = (point.value, point.shift) else {
            continue;
        };
        let data = json!({
            "rule": rule.spec.name,
            "rule_id": rule.id,
            "condition": rule.spec.condition,
            "survey_id": rule.survey_id,
            "question": question,
            "day": today.to_string(),
            "value": value,
            "baseline": shift.baseline,
            "p_value": shift.p_value,
            "answers_today": point.n,
        });
        queued += store.queue_drop_alert(&rule, &today.to_string(), data).await?;
    }
    Ok(queued)
}
