//! Storing responses exactly once, with their day's summary: handed to the
//! writer (`writer.rs`), which commits them in batches and answers each
//! only once its batch is on disk.

use std::sync::Arc;
use std::time::Duration;

use candor_core::{Survey, SurveyId, ValidResponse};
use tokio::sync::oneshot;

use super::writer::Job;
use super::{Store, StoreError, on_pool};

/// What happened to a response handed to [`Store::insert_response`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    /// Stored now.
    New,
    /// Already stored for this survey (or, for a partial save, a save as
    /// new is kept, or the response is finished); nothing changed.
    Duplicate,
    /// A partial save replaced an older one.
    Updated,
    /// The id is taken by a response to another survey.
    IdTaken,
    /// This response was stored once and then erased; nothing is stored
    /// again.
    Erased,
}

impl Store {
    /// Stores a validated response of `survey` and adds it to today's
    /// summary. Returns once the transaction holding it is committed, or
    /// with [`StoreError::Unavailable`] when that takes longer than the
    /// write deadline allows (two batches' worth: the one being written and
    /// this one's): the response may then still be stored, and a retry of
    /// the same id is harmless.
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
        let wait = 2 * self.write_deadline + Duration::from_secs(1);
        let stored = async {
            self.writer.send(job).await.map_err(|_| StoreError::WriterGone)?;
            answer
                .await
                .map_err(|_| StoreError::WriterGone)?
                .map_err(StoreError::from)
        };
        tokio::time::timeout(wait, stored).await.unwrap_or_else(|_| {
            Err(StoreError::Unavailable(format!(
                "the writer did not answer within {} s",
                wait.as_secs()
            )))
        })
    }

    /// Whether a response with this id is stored.
    pub async fn response_exists(&self, id: &str) -> Result<bool, StoreError> {
        let n: i64 = on_pool!(self.backend, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM responses WHERE id = $1")
                .bind(id)
                .fetch_one(pool)
                .await?
        });
        Ok(n == 1)
    }

    /// How many responses are stored for `survey` (for tests and operators).
    pub async fn count_responses(&self, survey: &SurveyId) -> Result<u64, StoreError> {
        let n: i64 = on_pool!(self.backend, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM responses WHERE survey_id = $1")
                .bind(survey.as_str())
                .fetch_one(pool)
                .await?
        });
        Ok(n.unsigned_abs())
    }
}
