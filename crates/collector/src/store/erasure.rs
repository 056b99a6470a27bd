//! Erasing a respondent (or forgetting an identified visitor: `visitors.rs`):
//! every response found by the email address they
//! left in a contact request, or by a response id, is deleted together with
//! its contact request and taken out of the daily summaries and the public
//! release (its released group withdrawn whole), all in one transaction, so nothing is gone but still counted or counted but gone
//! (a response still being answered, by its id: its partial save and its
//! part of the partial summaries). A
//! tombstone (the SHA-256 of each erased id) stays, so a retried post of an
//! erased response stores nothing. On SQLite the deleted bytes are
//! overwritten (`secure_delete`) and the write-ahead log is checkpointed
//! and truncated afterwards, so they do not linger in either file.

use std::collections::BTreeMap;

use candor_core::stats::SurveyStats;
use candor_core::visitor::VisitorHash;
use candor_core::{ResponseId, Survey, SurveyId, ValidResponse};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::changes::CHANNEL;
use super::release::{self, Erased, GroupRow, OpenRow, placeholders};
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
    /// An identified visitor, by hash: the days they answered or
    /// dismissed each survey (their responses hold no hash).
    Visitor(VisitorHash),
}

/// A deleted row: (id, survey, version, received at, answers, the release
/// groups it joined).
type Deleted = (String, String, i64, String, String, Option<String>);

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
            Respondent::Visitor(hash) => return self.forget_visitor(hash).await,
        };
        let find = format!(
            "SELECT survey_id FROM responses WHERE {condition}
             UNION SELECT survey_id FROM partial_responses WHERE {condition} ORDER BY survey_id"
        );
        // A response still being answered is a partial save (found by its id
        // only: partial saves never hold contact details).
        let delete_partial =
            format!("DELETE FROM partial_responses WHERE {condition} RETURNING id, survey_id, day, stats");
        let delete = format!(
            "DELETE FROM responses WHERE {condition} RETURNING id, survey_id, survey_version, received_at, answers, release"
        );
        let postgres = matches!(self.backend, Backend::Postgres(_));
        let now = OffsetDateTime::now_utc().format(&Rfc3339)?;
        let (erased, surveys) = on_pool!(self.backend, |pool| {
            let mut tx = pool
                .begin_with(if postgres { "BEGIN" } else { "BEGIN IMMEDIATE" })
                .await?;
            let surveys: Vec<String> = sqlx::query_scalar(&find).bind(&value).fetch_all(&mut *tx).await?;
            if postgres && !surveys.is_empty() {
                // As the writer does: each survey's figures, one writer at a time.
                let sql = format!(
                    "SELECT id FROM surveys WHERE id IN {} ORDER BY id FOR UPDATE",
                    placeholders(1, surveys.len())
                );
                let mut lock = sqlx::query(&sql);
                for survey in &surveys {
                    lock = lock.bind(survey);
                }
                lock.execute(&mut *tx).await?;
            }
            let rows: Vec<Deleted> = sqlx::query_as(&delete).bind(&value).fetch_all(&mut *tx).await?;
            // Each erased response, revalidated, with its day and the groups it joined.
            let mut revalidated: Vec<(Survey, ValidResponse, BTreeMap<String, u64>)> = Vec::new();
            let mut corrections: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
            for (id, survey_id, version, received_at, answers, release) in &rows {
                let (survey, response) = self.revalidate(survey_id, *version, answers).await?;
                let day = received_at.get(..10).unwrap_or_default().to_owned();
                let joined: BTreeMap<String, u64> = match release {
                    Some(release) => serde_json::from_str(release)?,
                    None => BTreeMap::new(),
                };
                corrections
                    .entry((survey_id.clone(), day))
                    .or_default()
                    .push(revalidated.len());
                revalidated.push((survey, response, joined));
                sqlx::query("INSERT INTO erased_responses (id_hash, erased_at) VALUES ($1, $2) ON CONFLICT (id_hash) DO NOTHING")
                    .bind(tombstone(id))
                    .bind(&now)
                    .execute(&mut *tx)
                    .await?;
            }
            let partials: Vec<(String, String, String, String)> = sqlx::query_as(&delete_partial)
                .bind(&value)
                .fetch_all(&mut *tx)
                .await?;
            // Queued events hold the answers too: they go, sent or not
            // (what a receiver was sent is its own to erase).
            let erased_ids = rows
                .iter()
                .map(|row| &row.0)
                .chain(partials.iter().map(|row| &row.0));
            for id in erased_ids {
                sqlx::query("DELETE FROM deliveries WHERE response_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            for (id, survey_id, day, stats) in &partials {
                sqlx::query("INSERT INTO erased_responses (id_hash, erased_at) VALUES ($1, $2) ON CONFLICT (id_hash) DO NOTHING")
                    .bind(tombstone(id))
                    .bind(&now)
                    .execute(&mut *tx)
                    .await?;
                let stored: Option<String> = sqlx::query_scalar(
                    "SELECT stats FROM partial_daily_stats WHERE survey_id = $1 AND day = $2",
                )
                .bind(survey_id)
                .bind(day)
                .fetch_optional(&mut *tx)
                .await?;
                let mut summary: SurveyStats = match stored {
                    Some(stored) => serde_json::from_str(&stored)?,
                    None => SurveyStats::default(),
                };
                summary.subtract(&serde_json::from_str(stats)?);
                sqlx::query("UPDATE partial_daily_stats SET stats = $3 WHERE survey_id = $1 AND day = $2")
                    .bind(survey_id)
                    .bind(day)
                    .bind(serde_json::to_string(&summary)?)
                    .execute(&mut *tx)
                    .await?;
            }
            for ((survey_id, day), erased) in &corrections {
                let stored: Option<String> =
                    sqlx::query_scalar("SELECT stats FROM daily_stats WHERE survey_id = $1 AND day = $2")
                        .bind(survey_id)
                        .bind(day)
                        .fetch_optional(&mut *tx)
                        .await?;
                let mut stats: SurveyStats = match stored {
                    Some(stored) => serde_json::from_str(&stored)?,
                    None => {
                        return Err(StoreError::Inconsistent(format!(
                            "no summary for {survey_id} on {day}"
                        )));
                    }
                };
                for &index in erased {
                    let (survey, response, _) = &revalidated[index];
                    stats.remove(survey, response);
                }
                sqlx::query("UPDATE daily_stats SET stats = $3 WHERE survey_id = $1 AND day = $2")
                    .bind(survey_id)
                    .bind(day)
                    .bind(serde_json::to_string(&stats)?)
                    .execute(&mut *tx)
                    .await?;
            }
            // The public release: out of open groups, or their released groups withdrawn.
            let erased: Vec<Erased<'_>> = revalidated
                .iter()
                .map(|(survey, response, joined)| Erased {
                    survey,
                    response,
                    joined: joined.clone(),
                })
                .collect();
            let mut open = Vec::new();
            if !surveys.is_empty() {
                let sql = format!("{} {}", release::SELECT_OPEN, placeholders(1, surveys.len()));
                let mut query = sqlx::query_as::<_, OpenRow>(&sql);
                for survey in &surveys {
                    query = query.bind(survey);
                }
                open = query.fetch_all(&mut *tx).await?;
            }
            let mut groups: Vec<GroupRow> = Vec::new();
            for (survey, unit, seq) in release::groups_of(&erased) {
                let found: Option<GroupRow> = sqlx::query_as(release::SELECT_GROUP)
                    .bind(&survey)
                    .bind(&unit)
                    .bind(seq)
                    .fetch_optional(&mut *tx)
                    .await?;
                groups.extend(found);
            }
            let mut days = Vec::new();
            let group_days: std::collections::BTreeSet<(String, String)> = groups
                .iter()
                .map(|(survey, _, _, day, _, _)| (survey.clone(), day.clone()))
                .collect();
            for (survey, day) in group_days {
                let found: Option<(String, String, String)> = sqlx::query_as(release::SELECT_DAY)
                    .bind(&survey)
                    .bind(&day)
                    .fetch_optional(&mut *tx)
                    .await?;
                days.extend(found);
            }
            for statement in release::withdraw(open, groups, days, &erased)? {
                statement.run(&mut tx).await?;
            }
            if postgres {
                for survey_id in &surveys {
                    // Other collectors' caches and streams learn of it.
                    sqlx::query("SELECT pg_notify($1, $2)")
                        .bind(CHANNEL)
                        .bind(survey_id)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            tx.commit().await?;
            ((rows.len() + partials.len()) as u64, surveys)
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
        let found: Option<String> = on_pool!(self.backend, |pool| {
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
