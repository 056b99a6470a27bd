//! Identified visitors' days: answered (in the batch's transaction, so a
//! visitor counts as having answered exactly when the response is stored),
//! dismissed (with the funnel's periodic write) and read back for the
//! loader (`GET /v1/visitors/{hash}`); swept once no survey's recontact or
//! dismissal days, nor the site-wide cap, could still need them.

use std::collections::HashMap;

use candor_core::visitor::{VisitorHash, VisitorRecord, VisitorSeen};
use candor_core::{Day, SurveyId, ValidResponse};

use super::batch::{Plan, Tx, on_tx};
use super::{Store, StoreError, on_pool};

/// (survey, visitor) → the day it was dismissed.
pub type Dismissals = HashMap<(SurveyId, VisitorHash), Day>;

/// Keeps ($1 visitor, $2 survey) answered on day $3.
const ANSWERED: &str = "INSERT INTO visitors (visitor, survey_id, answered_on) VALUES ($1, $2, $3)
     ON CONFLICT (visitor, survey_id) DO UPDATE SET answered_on = excluded.answered_on";

/// Keeps ($1 visitor, $2 survey) dismissed on day $3 (with the funnel's
/// write, `funnel.rs`).
pub(super) const DISMISSED: &str =
    "INSERT INTO visitors (visitor, survey_id, dismissed_on) VALUES ($1, $2, $3)
     ON CONFLICT (visitor, survey_id) DO UPDATE SET dismissed_on = excluded.dismissed_on";

impl Tx {
    /// Records that the identified visitor of each of `fresh` (finished
    /// responses new in this batch) answered its survey on the batch's day.
    pub(super) async fn answered(&mut self, plan: &Plan, fresh: &[&ValidResponse]) -> Result<(), StoreError> {
        let answered = fresh.iter().filter_map(|r| Some((r.survey(), r.visitor()?)));
        for (survey, visitor) in answered {
            on_tx!(self, |tx| {
                sqlx::query(ANSWERED)
                    .bind(visitor.as_str())
                    .bind(survey.as_str())
                    .bind(&plan.day)
                    .execute(&mut **tx)
                    .await
                    .map(drop)?
            });
        }
        Ok(())
    }
}

impl Store {
    /// Deletes the days no rule reads any more on `today`: an answer older
    /// than its survey's recontact days and the cap, a dismissal older than
    /// its dismissal days and the cap. How many rows went.
    pub async fn sweep_visitors(&self, cap_days: u32, today: Day) -> Result<u64, StoreError> {
        let before = |days: u32| {
            today
                .plus(-i32::try_from(days.max(cap_days)).unwrap_or(i32::MAX))
                .to_string()
        };
        let mut swept = 0;
        for survey in self.published().await?.iter() {
            let settings = &survey.settings;
            let (answered, dismissed) = (before(settings.recontact_days), before(settings.dismissal_days));
            swept += on_pool!(self.backend, |pool| {
                sqlx::query(
                    "DELETE FROM visitors WHERE survey_id = $1
                     AND (answered_on IS NULL OR answered_on < $2) AND (dismissed_on IS NULL OR dismissed_on < $3)",
                )
                .bind(survey.id.as_str())
                .bind(&answered)
                .bind(&dismissed)
                .execute(pool)
                .await?
                .rows_affected()
            });
        }
        Ok(swept)
    }

    /// Forgets `visitor`: how many surveys' days were kept for them.
    pub(super) async fn forget_visitor(&self, visitor: &VisitorHash) -> Result<u64, StoreError> {
        let forgotten = on_pool!(self.backend, |pool| {
            sqlx::query("DELETE FROM visitors WHERE visitor = $1")
                .bind(visitor.as_str())
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(forgotten)
    }

    /// What is known of `visitor`: the surveys answered or dismissed, and
    /// the last day of each.
    pub async fn visitor(&self, visitor: &VisitorHash) -> Result<VisitorRecord, StoreError> {
        let rows: Vec<(String, Option<String>, Option<String>)> = on_pool!(self.backend, |pool| {
            sqlx::query_as(
                "SELECT survey_id, answered_on, dismissed_on FROM visitors WHERE visitor = $1
                 ORDER BY survey_id",
            )
            .bind(visitor.as_str())
            .fetch_all(pool)
            .await?
        });
        let day = |raw: Option<String>| raw.and_then(|raw| Day::parse("", &raw).ok());
        let surveys = rows
            .into_iter()
            .filter_map(|(survey, answered, dismissed)| {
                Some(VisitorSeen {
                    survey: SurveyId::parse("", &survey).ok()?,
                    answered_on: day(answered),
                    dismissed_on: day(dismissed),
                })
            })
            .collect();
        Ok(VisitorRecord { surveys })
    }
}
