//! The daily summaries a transaction changes: of finished responses, or
//! of the partial responses kept.

use candor_core::stats::SurveyStats;

use super::StoreError;
use super::batch::{Tx, on_tx};
use super::changes::CHANNEL;

/// Which daily summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Summary {
    /// Of finished responses (`daily_stats`).
    Finished,
    /// Of the partial responses kept (`partial_daily_stats`).
    Partial,
}

impl Summary {
    pub fn table(self) -> &'static str {
        match self {
            Self::Finished => "daily_stats",
            Self::Partial => "partial_daily_stats",
        }
    }
}

impl Tx {
    /// Changes the survey's summary of `day` in `table` (its row locked by
    /// the survey's lock); on PostgreSQL, tells every listening collector
    /// on commit.
    pub(super) async fn change_day(
        &mut self,
        summary: Summary,
        survey_id: &str,
        day: &str,
        change: impl FnOnce(&mut SurveyStats),
    ) -> Result<(), StoreError> {
        let table = summary.table();
        let stored: String = on_tx!(self, |tx| {
            sqlx::query(&format!(
                "INSERT INTO {table} (survey_id, day, stats) VALUES ($1, $2, '{{}}')
                 ON CONFLICT (survey_id, day) DO NOTHING"
            ))
            .bind(survey_id)
            .bind(day)
            .execute(&mut **tx)
            .await?;
            sqlx::query_scalar(&format!(
                "SELECT stats FROM {table} WHERE survey_id = $1 AND day = $2"
            ))
            .bind(survey_id)
            .bind(day)
            .fetch_one(&mut **tx)
            .await?
        });
        let mut stats: SurveyStats = serde_json::from_str(&stored)?;
        change(&mut stats);
        let stats = serde_json::to_string(&stats)?;
        on_tx!(self, |tx| {
            sqlx::query(&format!(
                "UPDATE {table} SET stats = $3 WHERE survey_id = $1 AND day = $2"
            ))
            .bind(survey_id)
            .bind(day)
            .bind(&stats)
            .execute(&mut **tx)
            .await
            .map(drop)?
        });
        if let Self::Postgres(tx) = self {
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CHANNEL)
                .bind(survey_id)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }
}
