//! Erasing a respondent: every response found by the email address they
//! left in a contact request, or by a response id, is deleted together with
//! its contact request and taken out of the daily summaries, all in one
//! transaction, so nothing is gone but still counted or counted but gone. A
//! tombstone (the SHA-256 of each erased id) stays, so a retried post of an
//! erased response stores nothing. On SQLite the deleted bytes are
//! overwritten (`secure_delete`) and the write-ahead log is checkpointed
//! and truncated afterwards, so they do not linger in either file.

use std::collections::BTreeMap;

use candor_core::stats::SurveyStats;
use candor_core::{ResponseId, Survey, SurveyId, ValidResponse};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::changes::CHANNEL;
use super::segment_stats::revalidated_for_figures;
use super::{Backend, Store, StoreError, on_pool};

/// Whom to erase.
#[derive(Debug, Clone)]
pub enum Respondent {
    /// Everyone whose contact request gave this address (compared without
    /// regard to case).
    Email(String),
    /// The response with this id.
    Response(ResponseId),
}

/// A deleted row: (id, survey, version, received at, answers).
type Deleted = (String, String, i64, String, String);

/// The tombstone of a response id.
pub fn tombstone(id: &str) -> String {
    Sha256::digest(id.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Store {
    /// Erases `respondent`'s responses; how many there were.
    pub async fn erase(&self, respondent: &Respondent) -> Result<u64, StoreError> {
        let (condition, value) = match respondent {
            Respondent::Email(email) => (
                "id IN (SELECT response_id FROM contact_requests WHERE LOWER(email) = LOWER($1))",
                email.trim().to_owned(),
            ),
            Respondent::Response(id) => ("id = $1", id.to_string()),
        };
        let delete = format!(
            "DELETE FROM responses WHERE {condition} RETURNING id, survey_id, survey_version, received_at, answers"
        );
        let postgres = matches!(self.backend, Backend::Postgres(_));
        let lock = if postgres { " FOR UPDATE" } else { "" };
        let select = format!("SELECT stats FROM daily_stats WHERE survey_id = $1 AND day = $2{lock}");
        let now = OffsetDateTime::now_utc().format(&Rfc3339)?;
        let (erased, surveys) = on_pool!(self.backend, pool => {
            let mut tx = pool.begin().await?;
            // The delete comes first: it takes SQLite's write lock before any read.
            let rows: Vec<Deleted> = sqlx::query_as(&delete).bind(&value).fetch_all(&mut *tx).await?;
            let mut corrections: BTreeMap<(String, String), Vec<(Survey, ValidResponse)>> = BTreeMap::new();
            for (id, survey_id, version, received_at, answers) in &rows {
                let erased = self.revalidate(survey_id, *version, answers).await?;
                let day = received_at.get(..10).unwrap_or_default().to_owned();
                corrections.entry((survey_id.clone(), day)).or_default().push(erased);
                sqlx::query("INSERT INTO erased_responses (id_hash, erased_at) VALUES ($1, $2) ON CONFLICT (id_hash) DO NOTHING")
                    .bind(tombstone(id))
                    .bind(&now)
                    .execute(&mut *tx)
                    .await?;
            }
            // In (survey, day) order, as the writer locks them.
            for ((survey_id, day), erased) in &corrections {
                let stored: Option<String> = sqlx::query_scalar(&select).bind(survey_id).bind(day).fetch_optional(&mut *tx).await?;
                let mut stats: SurveyStats = match stored {
                    Some(stored) => serde_json::from_str(&stored)?,
                    None => return Err(StoreError::Inconsistent(format!("no summary for {survey_id} on {day}"))),
                };
                for (survey, response) in erased {
                    stats.remove(survey, response);
                }
                sqlx::query("UPDATE daily_stats SET stats = $3 WHERE survey_id = $1 AND day = $2")
                    .bind(survey_id)
                    .bind(day)
                    .bind(serde_json::to_string(&stats)?)
                    .execute(&mut *tx)
                    .await?;
            }
            let surveys: std::collections::BTreeSet<String> = corrections.keys().map(|(survey, _)| survey.clone()).collect();
            if postgres {
                for survey_id in &surveys {
                    // Other collectors' caches and streams learn of it.
                    sqlx::query("SELECT pg_notify($1, $2)").bind(CHANNEL).bind(survey_id).execute(&mut *tx).await?;
                }
            }
            tx.commit().await?;
            (rows.len() as u64, surveys)
        });
        self.generations.bump_all();
        for survey in surveys {
            if !postgres && let Ok(id) = SurveyId::parse("survey", &survey) {
                // This collector's streams redraw without the erased answers.
                let _ = self.changes.send(id);
            }
        }
        if let Backend::Sqlite(pool) = &self.backend
            && erased > 0
        {
            // The deleted pages' old images live on in the log until then.
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(pool)
                .await?;
        }
        Ok(erased)
    }

    /// Whether the response `id` was erased.
    pub async fn was_erased(&self, id: &str) -> Result<bool, StoreError> {
        let found: Option<String> = on_pool!(self.backend, pool => {
            sqlx::query_scalar("SELECT id_hash FROM erased_responses WHERE id_hash = $1")
                .bind(tombstone(id))
                .fetch_optional(pool)
                .await?
        });
        Ok(found.is_some())
    }

    /// A stored response parsed again against the version it answered, for
    /// taking it out of the summaries. Failing that, the erasure fails: a
    /// response must never be gone but still counted.
    async fn revalidate(
        &self,
        survey_id: &str,
        version: i64,
        answers: &str,
    ) -> Result<(Survey, ValidResponse), StoreError> {
        let unreadable =
            || StoreError::Inconsistent(format!("a response to {survey_id} v{version} no longer parses"));
        let id = SurveyId::parse("survey", survey_id).map_err(|_| unreadable())?;
        let version = u32::try_from(version).map_err(|_| unreadable())?;
        let survey = self.survey_version(&id, version).await?.ok_or_else(unreadable)?;
        let response = revalidated_for_figures(&survey, answers).ok_or_else(unreadable)?;
        Ok((survey, response))
    }
}
