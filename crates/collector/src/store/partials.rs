//! Partial responses, in the batch's transaction: a save is kept until a
//! save with a higher sequence replaces it or the finished response
//! retires it, and each keeps its contribution to the summary of partial
//! responses of the day it was started exact (taken out, put back in), so
//! the owner's "all responses" figures always equal the finished and the
//! latest partial answers.

use std::collections::BTreeMap;

use candor_core::stats::SurveyStats;
use candor_core::{Progress, Survey, ValidResponse};

use super::batch::{Plan, Tx, on_tx};
use super::release::placeholders;
use super::summaries::Summary;
use super::{Inserted, StoreError};

/// The save kept for a response id.
#[derive(sqlx::FromRow)]
struct Kept {
    survey_id: String,
    sequence: i64,
    day: String,
    stats: String,
}

impl Tx {
    /// Keeps `response`, a partial save, unless its response is finished,
    /// belongs to another survey, or a save as new is kept already.
    pub(super) async fn save_partial(
        &mut self,
        plan: &Plan,
        survey: &Survey,
        response: &ValidResponse,
    ) -> Result<Inserted, StoreError> {
        let Progress::Partial { sequence } = response.progress() else {
            return Err(StoreError::Inconsistent(
                "a finished response saved as partial".into(),
            ));
        };
        let id = response.id().to_string();
        let survey_id = response.survey().as_str();
        let finished: Option<String> = on_tx!(self, |tx| {
            sqlx::query_scalar("SELECT survey_id FROM responses WHERE id = $1")
                .bind(&id)
                .fetch_optional(&mut **tx)
                .await?
        });
        if let Some(owner) = finished {
            return Ok(if owner == survey_id {
                // Finished already: a late save changes nothing.
                Inserted::Duplicate
            } else {
                Inserted::IdTaken
            });
        }
        let kept: Option<Kept> = on_tx!(self, |tx| {
            sqlx::query_as("SELECT survey_id, sequence, day, stats FROM partial_responses WHERE id = $1")
                .bind(&id)
                .fetch_optional(&mut **tx)
                .await?
        });
        let mut stats = SurveyStats::default();
        stats.add(survey, response);
        let (answers, context) = (
            serde_json::to_string(response.answers())?,
            serde_json::to_string(response.context())?,
        );
        let stats_json = serde_json::to_string(&stats)?;
        let before = match &kept {
            Some(kept) if kept.survey_id != survey_id => return Ok(Inserted::IdTaken),
            Some(kept) if kept.sequence >= i64::from(sequence) => return Ok(Inserted::Duplicate),
            Some(kept) => Some(serde_json::from_str::<SurveyStats>(&kept.stats)?),
            None => None,
        };
        // One statement for the first save and for newer ones: a newer save
        // keeps the first one's day and arrival.
        on_tx!(self, |tx| {
            sqlx::query(
                "INSERT INTO partial_responses (id, survey_id, survey_version, sequence, day, received_at,
                 updated_at, locale, page, answers, context, stats)
                 VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11)
                 ON CONFLICT (id) DO UPDATE SET survey_version = excluded.survey_version,
                   sequence = excluded.sequence, updated_at = excluded.updated_at, locale = excluded.locale,
                   page = excluded.page, answers = excluded.answers, context = excluded.context,
                   stats = excluded.stats",
            )
            .bind(&id)
            .bind(survey_id)
            .bind(i64::from(response.survey_version()))
            .bind(i64::from(sequence))
            .bind(&plan.day)
            .bind(&plan.received)
            .bind(response.locale())
            .bind(response.page())
            .bind(&answers)
            .bind(&context)
            .bind(&stats_json)
            .execute(&mut **tx)
            .await
            .map(drop)?
        });
        let day = kept.as_ref().map_or(plan.day.as_str(), |kept| kept.day.as_str());
        self.change_day(Summary::Partial, survey_id, day, |summary| {
            if let Some(before) = &before {
                summary.subtract(before);
            }
            summary.merge(&stats);
        })
        .await?;
        Ok(if before.is_some() {
            Inserted::Updated
        } else {
            Inserted::New
        })
    }

    /// Removes the partial saves of `finished` responses (stored in this
    /// transaction) and their part of the partial summaries.
    pub(super) async fn retire_partials(&mut self, finished: &[String]) -> Result<(), StoreError> {
        if finished.is_empty() {
            return Ok(());
        }
        let sql = format!(
            "DELETE FROM partial_responses WHERE id IN {} RETURNING survey_id, sequence, day, stats",
            placeholders(1, finished.len())
        );
        let retired: Vec<Kept> = on_tx!(self, |tx| {
            let mut delete = sqlx::query_as(&sql);
            for id in finished {
                delete = delete.bind(id);
            }
            delete.fetch_all(&mut **tx).await?
        });
        let mut by_day: BTreeMap<(String, String), SurveyStats> = BTreeMap::new();
        for kept in retired {
            let stats: SurveyStats = serde_json::from_str(&kept.stats)?;
            by_day
                .entry((kept.survey_id, kept.day))
                .or_default()
                .merge(&stats);
        }
        for ((survey_id, day), stats) in by_day {
            self.change_day(Summary::Partial, &survey_id, &day, |summary| {
                summary.subtract(&stats)
            })
            .await?;
        }
        Ok(())
    }
}
