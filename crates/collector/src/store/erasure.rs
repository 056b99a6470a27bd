//! Deleting everything a respondent gave, found by the email address they
//! left in a contact request, and taking their answers out of the daily
//! summaries so the figures no longer count them.

use candor_core::SurveyId;
use candor_core::stats::SurveyStats;

use super::changes::CHANNEL;
use super::segment_stats::revalidated;
use super::{Backend, Store, StoreError, on_pool};

impl Store {
    /// Deletes every response whose contact request gave `email` (compared
    /// case-insensitively); how many were deleted.
    pub async fn erase_by_email(&self, email: &str) -> Result<u64, StoreError> {
        type Row = (String, String, i64, String, String);
        let rows: Vec<Row> = on_pool!(self.backend, pool => {
            sqlx::query_as(
                "SELECT r.id, r.survey_id, r.survey_version, r.received_at, r.answers
                 FROM responses r JOIN contact_requests c ON c.response_id = r.id
                 WHERE LOWER(c.email) = LOWER($1)",
            )
            .bind(email.trim())
            .fetch_all(pool)
            .await?
        });
        let postgres = matches!(self.backend, Backend::Postgres(_));
        let lock = if postgres { " FOR UPDATE" } else { "" };
        let select = format!("SELECT stats FROM daily_stats WHERE survey_id = $1 AND day = $2{lock}");
        let mut erased = 0;
        for (id, survey_id, version, received_at, answers) in rows {
            let day = received_at.get(..10).unwrap_or_default().to_owned();
            let response = self.revalidate(&survey_id, version, &answers).await?;
            on_pool!(self.backend, pool => {
                let mut tx = pool.begin().await?;
                // Delete first: it takes SQLite's write lock before the read.
                let deleted = sqlx::query("DELETE FROM responses WHERE id = $1")
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if deleted == 1 && let Some((survey, response)) = &response {
                    let stored: Option<String> =
                        sqlx::query_scalar(&select).bind(&survey_id).bind(&day).fetch_optional(&mut *tx).await?;
                    if let Some(stored) = stored {
                        let mut stats: SurveyStats = serde_json::from_str(&stored)?;
                        stats.remove(survey, response);
                        sqlx::query("UPDATE daily_stats SET stats = $3 WHERE survey_id = $1 AND day = $2")
                            .bind(&survey_id)
                            .bind(&day)
                            .bind(serde_json::to_string(&stats)?)
                            .execute(&mut *tx)
                            .await?;
                    }
                    if postgres {
                        // Other collectors' caches and streams learn of it.
                        sqlx::query("SELECT pg_notify($1, $2)")
                            .bind(CHANNEL)
                            .bind(&survey_id)
                            .execute(&mut *tx)
                            .await?;
                    }
                }
                tx.commit().await?;
                erased += deleted;
            });
            if !postgres {
                // This collector's streams redraw without the erased answers.
                let _ = SurveyId::parse("survey", &survey_id).map(|id| self.changes.send(id));
            }
        }
        self.generations.bump_all();
        Ok(erased)
    }

    /// A stored response parsed again against the version it answered, for
    /// taking it out of the summaries; `None` if that no longer works (the
    /// rows are deleted all the same).
    async fn revalidate(
        &self,
        survey_id: &str,
        version: i64,
        answers: &str,
    ) -> Result<Option<(candor_core::Survey, candor_core::ValidResponse)>, StoreError> {
        let Ok(survey_id) = SurveyId::parse("survey", survey_id) else {
            return Ok(None);
        };
        let version = u32::try_from(version).unwrap_or(0);
        let Some(survey) = self.survey_version(&survey_id, version).await? else {
            return Ok(None);
        };
        Ok(revalidated(&survey, answers).map(|response| (survey, response)))
    }
}
