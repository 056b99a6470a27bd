//! Alert rules: stored per survey, read by the batch (which fires them on
//! each new finished response, in its transaction) and by the daily drop
//! check.

use candor_core::SurveyId;
use candor_core::admin::{AlertCondition, AlertRule, AlertRuleSpec};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{Store, StoreError, on_pool};

/// A rule's row: id, survey_id, name, condition, destinations, enabled,
/// created_at.
type Row = (String, String, String, String, String, bool, String);

pub(super) const COLUMNS: &str = "id, survey_id, name, condition, destinations, enabled, created_at";

impl Store {
    /// `survey`'s rules, oldest first; every survey's when `None`.
    pub async fn alert_rules(&self, survey: Option<&SurveyId>) -> Result<Vec<AlertRule>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM alert_rules WHERE ($1 IS NULL OR survey_id = $1) ORDER BY created_at, id"
        );
        let rows: Vec<Row> = on_pool!(self.backend, |pool| {
            sqlx::query_as(&sql)
                .bind(survey.map(SurveyId::as_str))
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(rule).collect()
    }

    /// Adds a rule to `survey`.
    pub async fn add_alert_rule(
        &self,
        survey: &SurveyId,
        spec: &AlertRuleSpec,
    ) -> Result<AlertRule, StoreError> {
        let id = uuid::Uuid::new_v4().to_string();
        let created_at = OffsetDateTime::now_utc().format(&Rfc3339)?;
        let (condition, destinations) = (
            serde_json::to_string(&spec.condition)?,
            serde_json::to_string(&spec.destinations)?,
        );
        on_pool!(self.backend, |pool| {
            sqlx::query(
                "INSERT INTO alert_rules (id, survey_id, name, condition, destinations, enabled, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(&id)
            .bind(survey.as_str())
            .bind(&spec.name)
            .bind(&condition)
            .bind(&destinations)
            .bind(spec.enabled)
            .bind(&created_at)
            .execute(pool)
            .await
            .map(drop)?
        });
        Ok(AlertRule {
            id,
            survey_id: survey.to_string(),
            spec: spec.clone(),
            created_at,
        })
    }

    /// Replaces rule `id` of `survey`; `false` when there is none.
    pub async fn update_alert_rule(
        &self,
        survey: &SurveyId,
        id: &str,
        spec: &AlertRuleSpec,
    ) -> Result<bool, StoreError> {
        let (condition, destinations) = (
            serde_json::to_string(&spec.condition)?,
            serde_json::to_string(&spec.destinations)?,
        );
        let updated = on_pool!(self.backend, |pool| {
            sqlx::query(
                "UPDATE alert_rules SET name = $3, condition = $4, destinations = $5, enabled = $6
                 WHERE id = $1 AND survey_id = $2",
            )
            .bind(id)
            .bind(survey.as_str())
            .bind(&spec.name)
            .bind(&condition)
            .bind(&destinations)
            .bind(spec.enabled)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(updated == 1)
    }

    /// Removes rule `id` of `survey`; `false` when there was none.
    pub async fn remove_alert_rule(&self, survey: &SurveyId, id: &str) -> Result<bool, StoreError> {
        let removed = on_pool!(self.backend, |pool| {
            sqlx::query("DELETE FROM alert_rules WHERE id = $1 AND survey_id = $2")
                .bind(id)
                .bind(survey.as_str())
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(removed == 1)
    }
}

pub(super) fn rule(
    (id, survey_id, name, condition, destinations, enabled, created_at): Row,
) -> Result<AlertRule, StoreError> {
    let condition: AlertCondition = serde_json::from_str(&condition)?;
    Ok(AlertRule {
        id,
        survey_id,
        spec: AlertRuleSpec {
            name,
            condition,
            destinations: serde_json::from_str(&destinations)?,
            enabled,
        },
        created_at,
    })
}
