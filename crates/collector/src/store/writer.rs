//! The response writer: one task takes every waiting response and stores
//! them all in one transaction (group commit: one fsync, one summary update
//! per survey and day), and only then answers each. It has a connection of
//! its own, so readers never keep it waiting for one; each batch has a
//! deadline, so a stalled database answers "unavailable" instead of hanging;
//! a row the database refuses fails alone; and a supervisor restarts the
//! task if it ever dies.

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use candor_core::{Survey, SurveyId, ValidResponse};
use tokio::sync::{broadcast, mpsc, oneshot};

use super::generations::Generations;
use super::responses::Inserted;
use super::{Backend, StoreError, batch, on_pool};

/// Most responses committed in one transaction.
const MAX_BATCH: usize = 512;
/// How often a failing writer checks whether its database is back.
const PROBE_EVERY: Duration = Duration::from_secs(1);

/// Why a response was not stored.
#[derive(Debug, Clone, thiserror::Error)]
pub enum WriteError {
    /// The database refused this response (it will refuse it again).
    #[error("the database refused the response: {0}")]
    Refused(String),
    /// The database did not answer in time or could not be reached; a retry
    /// may succeed.
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
}

impl From<WriteError> for StoreError {
    fn from(error: WriteError) -> Self {
        match error {
            WriteError::Refused(reason) => Self::Batch(reason),
            WriteError::Unavailable(reason) => Self::Unavailable(reason),
        }
    }
}

/// A response waiting for the writer.
pub struct Job {
    pub survey: Arc<Survey>,
    pub response: ValidResponse,
    pub reply: oneshot::Sender<Result<Inserted, WriteError>>,
}

/// What the writer needs besides its jobs.
pub struct Writer {
    /// Its own pool of one connection.
    pub backend: Backend,
    /// Told of every new response (SQLite; PostgreSQL's NOTIFY does it there).
    pub changes: broadcast::Sender<SurveyId>,
    /// Bumped for each survey with new responses, before acknowledging.
    pub generations: Arc<Generations>,
    /// Longest one batch may take.
    pub deadline: Duration,
    /// Read by `/readyz`.
    pub health: Arc<WriterHealth>,
}

/// Whether the writer can store responses now.
#[derive(Debug, Default)]
pub struct WriterHealth {
    state: Mutex<HealthState>,
}

#[derive(Debug, Default)]
struct HealthState {
    /// When the batch being written started.
    busy_since: Option<Instant>,
    /// Why the last batch (or probe) failed, if it did.
    failing: Option<String>,
    /// Times the supervisor restarted the task.
    restarts: u64,
    /// Whether a task is running.
    running: bool,
}

impl WriterHealth {
    /// `Err(reason)` when the writer could not store a response now: it is
    /// not running, its batch has run past `deadline`, or its database failed
    /// the last batch and has not answered since.
    pub fn check(&self, deadline: Duration) -> Result<(), String> {
        let Ok(state) = self.state.lock() else {
            return Err("the writer's state is unreadable".into());
        };
        if !state.running {
            return Err("the response writer is not running".into());
        }
        if let Some(since) = state.busy_since
            && since.elapsed() > deadline
        {
            return Err(format!(
                "a batch has been writing for {} s",
                since.elapsed().as_secs()
            ));
        }
        match &state.failing {
            Some(reason) => Err(reason.clone()),
            None => Ok(()),
        }
    }

    /// Whether a batch is being written.
    pub fn busy(&self) -> bool {
        self.state.lock().is_ok_and(|s| s.busy_since.is_some())
    }

    /// Times the writer was restarted after dying.
    pub fn restarts(&self) -> u64 {
        self.state.lock().map_or(0, |s| s.restarts)
    }

    fn update(&self, change: impl FnOnce(&mut HealthState)) {
        if let Ok(mut state) = self.state.lock() {
            change(&mut state);
        }
    }

    fn failing(&self) -> bool {
        self.state.lock().map_or(true, |s| s.failing.is_some())
    }
}

/// Starts the writer under a supervisor; the sender is the store's way in.
pub fn start(writer: Writer) -> mpsc::Sender<Job> {
    let (sender, jobs) = mpsc::channel::<Job>(4 * MAX_BATCH);
    let jobs = Arc::new(tokio::sync::Mutex::new(jobs));
    let writer = Arc::new(writer);
    let health = writer.health.clone();
    supervise(health, move || run(jobs.clone(), writer.clone()));
    sender
}

/// Runs the task `start` makes until it ends, starting it again whenever it
/// panics; `health` says whether one is running.
fn supervise<F, T>(health: Arc<WriterHealth>, start: F)
where
    F: Fn() -> T + Send + 'static,
    T: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(async move {
        loop {
            health.update(|s| s.running = true);
            let ended = tokio::spawn(start()).await;
            health.update(|s| {
                s.running = false;
                s.busy_since = None;
            });
            match ended {
                // Every sender is gone: the store was dropped.
                Ok(()) => return,
                Err(error) => {
                    tracing::error!(%error, "the response writer died; restarting it");
                    health.update(|s| s.restarts += 1);
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        }
    });
}

async fn run(jobs: Arc<tokio::sync::Mutex<mpsc::Receiver<Job>>>, writer: Arc<Writer>) {
    let mut jobs = jobs.lock().await;
    let mut batch = Vec::with_capacity(MAX_BATCH);
    loop {
        let received = if writer.health.failing() {
            tokio::select! {
                received = jobs.recv_many(&mut batch, MAX_BATCH) => received,
                () = tokio::time::sleep(PROBE_EVERY) => {
                    writer.probe().await;
                    continue;
                }
            }
        } else {
            jobs.recv_many(&mut batch, MAX_BATCH).await
        };
        if received == 0 {
            return;
        }
        writer.store(&mut batch).await;
    }
}

impl Writer {
    /// Stores `batch` (emptying it) and answers each job.
    async fn store(&self, batch: &mut Vec<Job>) {
        self.health.update(|s| s.busy_since = Some(Instant::now()));
        let rows: Vec<batch::Row<'_>> = batch.iter().map(|job| (&job.survey, &job.response)).collect();
        let results = match self.write(&rows).await {
            Ok(results) => results.into_iter().map(Ok).collect(),
            Err(WriteError::Refused(reason)) if rows.len() > 1 => {
                tracing::warn!(%reason, responses = rows.len(), "a batch was refused; storing each response alone");
                self.write_each(&rows).await
            }
            Err(error) => vec![Err(error); rows.len()],
        };
        let failure = results.iter().find_map(|r| match r {
            Err(WriteError::Unavailable(reason)) => Some(reason.clone()),
            _ => None,
        });
        if let Some(reason) = &failure {
            tracing::error!(%reason, responses = rows.len(), "responses could not be stored; none of them was acknowledged");
        }
        self.health.update(|s| {
            s.busy_since = None;
            s.failing = failure;
        });
        let postgres = matches!(self.backend, Backend::Postgres(_));
        // Before any acknowledgement: readers must see the change.
        for (job, result) in batch.iter().zip(&results) {
            if matches!(result, Ok(Inserted::New | Inserted::Updated)) {
                self.generations.bump(job.response.survey());
            }
        }
        for (job, result) in batch.drain(..).zip(results) {
            if matches!(result, Ok(Inserted::New | Inserted::Updated)) && !postgres {
                // On PostgreSQL the NOTIFY comes back instead.
                let _ = self.changes.send(job.response.survey().clone());
            }
            let _ = job.reply.send(result);
        }
    }

    /// One transaction, within the deadline.
    async fn write(&self, rows: &[batch::Row<'_>]) -> Result<Vec<Inserted>, WriteError> {
        match tokio::time::timeout(self.deadline, batch::write(&self.backend, rows)).await {
            Ok(Ok(results)) => Ok(results),
            Ok(Err(error)) => Err(classify(error)),
            Err(_) => Err(WriteError::Unavailable(format!(
                "no commit within {} s",
                self.deadline.as_secs_f32()
            ))),
        }
    }

    /// Each row in a transaction of its own, so only the refused fail; once
    /// the database is unavailable, the rest fail at once.
    async fn write_each(&self, rows: &[batch::Row<'_>]) -> Vec<Result<Inserted, WriteError>> {
        let mut results = Vec::with_capacity(rows.len());
        let mut unavailable = None;
        for row in rows {
            let result = match &unavailable {
                Some(error) => Err(WriteError::clone(error)),
                None => self
                    .write(std::slice::from_ref(row))
                    .await
                    .map(|mut one| one.remove(0)),
            };
            if let Err(error @ WriteError::Unavailable(_)) = &result {
                unavailable = Some(error.clone());
            }
            results.push(result);
        }
        results
    }

    /// Whether the database answers the writer again.
    async fn probe(&self) {
        let ping = async {
            on_pool!(self.backend, |pool| sqlx::query("SELECT 1")
                .execute(pool)
                .await
                .map(drop))
        };
        match tokio::time::timeout(self.deadline, ping).await {
            Ok(Ok(())) => {
                tracing::info!("the database answers the response writer again");
                self.health.update(|s| s.failing = None);
            }
            Ok(Err(error)) => self.health.update(|s| s.failing = Some(error.to_string())),
            Err(_) => {}
        }
    }
}

/// A refusal is the database judging this data (a constraint, a trigger,
/// bad text); everything else (timeouts, lost connections, a busy or full
/// database) may pass on a retry.
fn classify(error: StoreError) -> WriteError {
    let reason = error.to_string();
    let refused = match &error {
        StoreError::Database(sqlx::Error::Database(database)) => {
            let code = database.code().unwrap_or_default();
            if database
                .try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
                .is_some()
            {
                // Connection, resources, cancelled or shut down, system
                // errors, serialization and deadlock.
                !["08", "53", "57", "58", "40"]
                    .iter()
                    .any(|class| code.starts_with(class))
            } else {
                // SQLite: busy, locked, I/O error, full (primary codes).
                !code
                    .parse::<u32>()
                    .is_ok_and(|n| matches!(n & 0xff, 5 | 6 | 10 | 13))
            }
        }
        StoreError::Corrupt(_) | StoreError::CorruptDay(_) => true,
        _ => false,
    };
    if refused {
        WriteError::Refused(reason)
    } else {
        WriteError::Unavailable(reason)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU32, Ordering};

    use super::*;

    #[tokio::test]
    async fn a_task_that_dies_is_started_again() {
        let health = Arc::new(WriterHealth::default());
        let starts = Arc::new(AtomicU32::new(0));
        let (done, finished) = oneshot::channel();
        let done = Arc::new(Mutex::new(Some(done)));
        let counted = starts.clone();
        supervise(health.clone(), move || {
            let start = counted.fetch_add(1, Ordering::SeqCst);
            let done = done.clone();
            async move {
                assert!(start > 0, "the first run dies");
                if let Some(done) = done.lock().ok().and_then(|mut d| d.take()) {
                    let _ = done.send(());
                }
            }
        });
        tokio::time::timeout(Duration::from_secs(5), finished)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(starts.load(Ordering::SeqCst), 2);
        assert_eq!(health.restarts(), 1);
    }

    #[test]
    fn health_reports_a_stuck_or_failing_writer() {
        let health = WriterHealth::default();
        assert!(health.check(Duration::from_secs(5)).is_err(), "not running");
        health.update(|s| s.running = true);
        assert!(health.check(Duration::from_secs(5)).is_ok());
        health.update(|s| s.busy_since = Some(Instant::now() - Duration::from_secs(6)));
        assert!(
            health
                .check(Duration::from_secs(5))
                .unwrap_err()
                .contains("writing for 6 s")
        );
        health.update(|s| {
            s.busy_since = None;
            s.failing = Some("the database is gone".into());
        });
        assert_eq!(
            health.check(Duration::from_secs(5)).unwrap_err(),
            "the database is gone"
        );
    }
}
