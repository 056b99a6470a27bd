//! Storing responses exactly once, with their day's summary, by group
//! commit: one writer task takes every waiting response, stores them all in
//! one transaction (one fsync, one summary update per survey and day) and
//! only then answers each. Nothing is acknowledged before it is on disk.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use candor_core::stats::SurveyStats;
use candor_core::{Answer, Day, Survey, SurveyId, ValidResponse};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use tokio::sync::{broadcast, mpsc, oneshot};

use super::changes::CHANNEL;
use super::{Backend, Store, StoreError, on_pool};

/// Most responses committed in one transaction.
const MAX_BATCH: usize = 512;

/// What happened to a response handed to [`Store::insert_response`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    /// Stored now.
    New,
    /// Already stored for this survey; nothing changed.
    Duplicate,
    /// The id is taken by a response to another survey.
    IdTaken,
}

/// A response waiting for the writer.
pub struct Job {
    survey: Arc<Survey>,
    response: ValidResponse,
    reply: oneshot::Sender<Result<Inserted, String>>,
}

/// Starts the writer for `backend`; the sender is the store's way in.
pub fn start_writer(
    backend: Backend,
    changes: broadcast::Sender<SurveyId>,
    generation: Arc<AtomicU64>,
) -> mpsc::Sender<Job> {
    let (sender, mut jobs) = mpsc::channel::<Job>(4 * MAX_BATCH);
    tokio::spawn(async move {
        let mut batch = Vec::with_capacity(MAX_BATCH);
        while jobs.recv_many(&mut batch, MAX_BATCH).await > 0 {
            let outcome = write_batch(&backend, &batch).await;
            let postgres = matches!(backend, Backend::Postgres(_));
            match outcome {
                Ok(results) => {
                    // Before any acknowledgement: readers must see the change.
                    generation.fetch_add(1, Ordering::AcqRel);
                    for (job, result) in batch.drain(..).zip(results) {
                        if result == Inserted::New && !postgres {
                            // On PostgreSQL the NOTIFY comes back instead.
                            let _ = changes.send(job.response.survey().clone());
                        }
                        let _ = job.reply.send(Ok(result));
                    }
                }
                Err(error) => {
                    tracing::error!(%error, responses = batch.len(), "a batch of responses failed; none was acknowledged");
                    for job in batch.drain(..) {
                        let _ = job.reply.send(Err(error.to_string()));
                    }
                }
            }
        }
    });
    sender
}

/// One transaction for the whole batch.
async fn write_batch(backend: &Backend, batch: &[Job]) -> Result<Vec<Inserted>, StoreError> {
    let received = OffsetDateTime::now_utc();
    let day = Day::from_unix_seconds(received.unix_timestamp()).to_string();
    let received = received.format(&Rfc3339)?;
    let postgres = matches!(backend, Backend::Postgres(_));
    // PostgreSQL locks the summary row; SQLite has one writer at a time,
    // taken by the first insert.
    let select = if postgres {
        "SELECT stats FROM daily_stats WHERE survey_id = $1 AND day = $2 FOR UPDATE"
    } else {
        "SELECT stats FROM daily_stats WHERE survey_id = $1 AND day = $2"
    };
    let results = on_pool!(backend, pool => {
        let mut tx = pool.begin().await?;
        // One multi-row insert for the batch; RETURNING names the rows that
        // were new (the others were already stored).
        let ids: Vec<String> = batch.iter().map(|job| job.response.id().to_string()).collect();
        let answers = batch
            .iter()
            .map(|job| serde_json::to_string(job.response.answers()))
            .collect::<Result<Vec<_>, _>>()?;
        let contexts = batch
            .iter()
            .map(|job| serde_json::to_string(job.response.context()))
            .collect::<Result<Vec<_>, _>>()?;
        let mut sql = String::from(
            "INSERT INTO responses (id, survey_id, survey_version, received_at, locale, answers, context, page) VALUES ",
        );
        for i in 0..batch.len() {
            let p = 8 * i;
            sql.push_str(&format!(
                "{}(${}, ${}, ${}, ${}, ${}, ${}, ${}, ${})",
                if i == 0 { "" } else { ", " },
                p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7, p + 8
            ));
        }
        sql.push_str(" ON CONFLICT (id) DO NOTHING RETURNING id");
        let mut insert = sqlx::query_scalar::<_, String>(&sql);
        for (((job, id), answers), context) in batch.iter().zip(&ids).zip(&answers).zip(&contexts) {
            insert = insert
                .bind(id)
                .bind(job.response.survey().as_str())
                .bind(i64::from(job.response.survey_version()))
                .bind(&received)
                .bind(job.response.locale())
                .bind(answers)
                .bind(context)
                .bind(job.response.page());
        }
        let mut new: std::collections::HashSet<String> = insert.fetch_all(&mut *tx).await?.into_iter().collect();
        let mut results = Vec::with_capacity(batch.len());
        let mut deltas: HashMap<&str, (&Survey, SurveyStats)> = HashMap::new();
        for (job, id) in batch.iter().zip(&ids) {
            let response = &job.response;
            let survey_id = response.survey().as_str();
            // `remove`: a second copy of the same id in one batch is a retry.
            if !new.remove(id) {
                let owner: String = sqlx::query_scalar("SELECT survey_id FROM responses WHERE id = $1")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                results.push(if owner == survey_id { Inserted::Duplicate } else { Inserted::IdTaken });
                continue;
            }
            if let Some(contact) = response.answers().values().find_map(|a| match a {
                Answer::Contact(details) => Some(details),
                _ => None,
            }) {
                sqlx::query(
                    "INSERT INTO contact_requests (response_id, survey_id, received_at, name, email, phone, status, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, 'open', $3)",
                )
                .bind(id)
                .bind(survey_id)
                .bind(&received)
                .bind(contact.name.as_deref())
                .bind(contact.email.as_deref())
                .bind(contact.phone.as_deref())
                .execute(&mut *tx)
                .await?;
            }
            deltas.entry(survey_id).or_insert_with(|| (&job.survey, SurveyStats::default())).1.add(&job.survey, response);
            results.push(Inserted::New);
        }
        for (survey_id, (_, delta)) in &deltas {
            // Make sure the row exists so it can be locked, then read it.
            sqlx::query(
                "INSERT INTO daily_stats (survey_id, day, stats) VALUES ($1, $2, '{}')
                 ON CONFLICT (survey_id, day) DO NOTHING",
            )
            .bind(*survey_id)
            .bind(&day)
            .execute(&mut *tx)
            .await?;
            let stored: String = sqlx::query_scalar(select).bind(*survey_id).bind(&day).fetch_one(&mut *tx).await?;
            let mut stats: SurveyStats = serde_json::from_str(&stored)?;
            stats.merge(delta);
            sqlx::query("UPDATE daily_stats SET stats = $3 WHERE survey_id = $1 AND day = $2")
                .bind(*survey_id)
                .bind(&day)
                .bind(serde_json::to_string(&stats)?)
                .execute(&mut *tx)
                .await?;
            if postgres {
                // Delivered to every listening collector on commit.
                sqlx::query("SELECT pg_notify($1, $2)").bind(CHANNEL).bind(*survey_id).execute(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        results
    });
    Ok(results)
}

impl Store {
    /// Stores a validated response of `survey` and adds it to today's
    /// summary. Returns once the transaction holding it is committed.
    pub async fn insert_response(
        &self,
        survey: &Arc<Survey>,
        response: &ValidResponse,
    ) -> Result<Inserted, StoreError> {
        let (reply, answer) = oneshot::channel();
        let job = Job {
            survey: Arc::clone(survey),
            response: response.clone(),
            reply,
        };
        self.writer.send(job).await.map_err(|_| StoreError::WriterGone)?;
        answer
            .await
            .map_err(|_| StoreError::WriterGone)?
            .map_err(StoreError::Batch)
    }

    /// Whether a response with this id is stored.
    pub async fn response_exists(&self, id: &str) -> Result<bool, StoreError> {
        let n: i64 = on_pool!(self.backend, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM responses WHERE id = $1").bind(id).fetch_one(pool).await?
        });
        Ok(n == 1)
    }

    /// How many responses are stored for `survey` (for tests and operators).
    pub async fn count_responses(&self, survey: &SurveyId) -> Result<u64, StoreError> {
        let n: i64 = on_pool!(self.backend, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM responses WHERE survey_id = $1")
                .bind(survey.as_str())
                .fetch_one(pool)
                .await?
        });
        Ok(n.unsigned_abs())
    }
}
