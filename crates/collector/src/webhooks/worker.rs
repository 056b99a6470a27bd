//! The delivery worker. Each round is one write transaction: it records
//! the attempts finished since the last round, moves the outbox (what the
//! response writer stored) into the queue, and claims due deliveries per
//! destination; then it sends each with a timeout, no more at a time than
//! the destination's concurrency. It wakes when responses are stored (the
//! store's change feed, which on PostgreSQL also carries other collectors'
//! responses), when asked (a test send, a replay, a lane wanting more) and
//! every second, for retries coming due. Responses come first: while the
//! response writer is busy, rounds are spaced out.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use candor_core::SurveyId;
use candor_core::admin::{Destination, DestinationKind};
use serde_json::Value;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::{Notify, Semaphore, mpsc};

use super::retry::{self, Schedule};
use super::target::SafeResolver;
use super::{Settings, signature, slack};
use crate::store::{Attempt, Claimed, Finished, Outcome, Round, now_ms};
use crate::{Store, StoreError};

/// How often due retries are looked for, if nothing wakes the worker.
const POLL: Duration = Duration::from_secs(1);

/// The least time between two rounds.
const COALESCE: Duration = Duration::from_millis(20);

/// The most of a receiver's answer read (and then dropped).
const MAX_ANSWER: usize = 64 * 1024;

/// The least time between two rounds while the response writer is busy.
const YIELD_TO_WRITER: Duration = Duration::from_millis(250);

/// Deliveries claimed ahead per sending slot: claims and their writes are
/// shared by many sends, and a fast receiver never waits for a claim.
const BACKLOG_PER_SLOT: usize = 16;

/// Outcomes recorded per round at most.
const FINISHED_PER_ROUND: usize = 4_096;

/// Finished deliveries deleted per destination and sweep at most.
const PRUNED_PER_SWEEP: usize = 50_000;

/// Outbox rows (each a stored batch's events) moved to the queue per round.
const OUTBOX_PER_ROUND: usize = 8;

/// The webhook deliveries of one collector.
pub struct Webhooks {
    store: Store,
    settings: Settings,
    client: reqwest::Client,
    wake: Notify,
    /// Each destination's sending.
    lanes: Mutex<HashMap<String, Arc<Lane>>>,
    /// Outcomes to record, in the next round.
    finished: mpsc::UnboundedSender<Finished>,
}

/// One destination's sending: its free slots, and the deliveries claimed
/// and not yet finished.
struct Lane {
    slots: Arc<Semaphore>,
    held: AtomicUsize,
}

impl std::fmt::Debug for Webhooks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Webhooks")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

/// Why the worker could not start.
#[derive(Debug, thiserror::Error)]
#[error("the webhook client could not be built: {0}")]
pub struct ClientError(#[from] reqwest::Error);

impl Webhooks {
    /// Starts delivering what `store` queues; the worker stops when the
    /// last handle is dropped.
    pub fn start(store: Store, settings: Settings) -> Result<Arc<Self>, ClientError> {
        // One process-wide TLS provider; a second install is refused, harmlessly.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .dns_resolver(Arc::new(SafeResolver {
                allow_private: settings.allow_private,
            }))
            .connect_timeout(settings.timeout)
            .timeout(settings.timeout)
            .user_agent(concat!("Candor-Webhooks/", env!("CARGO_PKG_VERSION")))
            .build()?;
        let (finished, outcomes) = mpsc::unbounded_channel();
        let webhooks = Arc::new(Self {
            store,
            settings,
            client,
            wake: Notify::new(),
            lanes: Mutex::default(),
            finished,
        });
        tokio::spawn(run(Arc::downgrade(&webhooks), outcomes));
        Ok(webhooks)
    }

    /// Looks for due deliveries now.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// The resolver's check, for the admin API.
    pub fn resolver(&self) -> SafeResolver {
        SafeResolver {
            allow_private: self.settings.allow_private,
        }
    }

    /// One round: records `finished` (and what else has finished), moves
    /// the outbox and claims what each destination's backlog has room for,
    /// in one transaction; then sends each claimed delivery in a task of
    /// its own once a slot is free. `finished` is emptied once recorded.
    async fn round(
        self: &Arc<Self>,
        finished: &mut Vec<Finished>,
        outcomes: &mut mpsc::UnboundedReceiver<Finished>,
    ) -> Result<(), StoreError> {
        while finished.len() < FINISHED_PER_ROUND {
            let Ok(more) = outcomes.try_recv() else { break };
            finished.push(more);
        }
        let concurrency = self.settings.concurrency.max(1);
        let backlog = concurrency * BACKLOG_PER_SLOT;
        // Long enough for the whole backlog to be sent, one timeout a turn.
        let turns = u32::try_from(BACKLOG_PER_SLOT + 2).unwrap_or(u32::MAX);
        let lease_ms = i64::try_from((self.settings.timeout * turns + Duration::from_secs(5)).as_millis())
            .unwrap_or(i64::MAX);
        let destinations = self.store.destinations().await?;
        let lanes: Vec<Arc<Lane>> = destinations
            .iter()
            .map(|d| self.lane_of(&d.id, concurrency))
            .collect();
        let claims: Vec<(String, usize)> = destinations
            .iter()
            .zip(&lanes)
            .map(|(d, lane)| {
                (
                    d.id.clone(),
                    backlog.saturating_sub(lane.held.load(Ordering::Acquire)),
                )
            })
            .collect();
        let claimed = self
            .store
            .delivery_round(Round {
                finished,
                outbox: OUTBOX_PER_ROUND,
                claims: &claims,
                lease_ms,
            })
            .await?;
        finished.clear();
        for ((destination, lane), claimed) in destinations.into_iter().zip(lanes).zip(claimed) {
            if claimed.is_empty() {
                continue;
            }
            lane.held.fetch_add(claimed.len(), Ordering::AcqRel);
            let destination = Arc::new(destination);
            for claimed in claimed {
                let (this, destination, lane) = (self.clone(), destination.clone(), lane.clone());
                tokio::spawn(async move {
                    let Ok(permit) = lane.slots.clone().acquire_owned().await else {
                        return;
                    };
                    this.deliver(&destination, claimed).await;
                    drop(permit);
                    // Half the backlog sent: claim more; all: record.
                    let before = lane.held.fetch_sub(1, Ordering::AcqRel);
                    if before == backlog / 2 + 1 || before == 1 {
                        this.wake();
                    }
                });
            }
        }
        Ok(())
    }

    fn lane_of(&self, destination: &str, concurrency: usize) -> Arc<Lane> {
        let mut lanes = self
            .lanes
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        lanes
            .entry(destination.to_owned())
            .or_insert_with(|| {
                Arc::new(Lane {
                    slots: Arc::new(Semaphore::new(concurrency)),
                    held: AtomicUsize::new(0),
                })
            })
            .clone()
    }

    /// One attempt of `claimed`; its outcome goes to be recorded.
    async fn deliver(&self, destination: &Destination, claimed: Claimed) {
        let started = Instant::now();
        let (attempt, retry_after) = match self.send(destination, &claimed).await {
            Ok((status, retry_after)) => (
                Attempt {
                    response_code: Some(status.as_u16()),
                    latency_ms: elapsed_ms(started),
                    error: (!status.is_success()).then(|| format!("the receiver answered {status}")),
                },
                retry_after,
            ),
            Err(error) => (
                Attempt {
                    response_code: None,
                    latency_ms: elapsed_ms(started),
                    error: Some(error),
                },
                None,
            ),
        };
        let outcome = match attempt.error {
            None => Outcome::Delivered,
            Some(_) => {
                self.schedule()
                    .after_failure(claimed.attempts, claimed.tries_since, now_ms(), retry_after)
            }
        };
        if outcome == Outcome::Failed {
            tracing::warn!(event = %claimed.event_id, destination = %destination.id, "a delivery failed for a day; given up");
        }
        // Gone only at shutdown: the lease runs out and it is tried again.
        let _ = self.finished.send(Finished {
            destination: destination.id.clone(),
            event_id: claimed.event_id,
            attempts: claimed.attempts,
            outcome,
            attempt,
        });
    }

    fn schedule(&self) -> Schedule {
        Schedule {
            first_retry: self.settings.first_retry,
            give_up_after: self.settings.give_up_after,
        }
    }

    /// Sends one attempt: the receiver's status and `Retry-After`, or why
    /// nothing was answered.
    async fn send(
        &self,
        destination: &Destination,
        claimed: &Claimed,
    ) -> Result<(reqwest::StatusCode, Option<Duration>), String> {
        let url =
            reqwest::Url::parse(&destination.spec.url).map_err(|e| format!("the URL does not parse: {e}"))?;
        // Names are checked by the resolver; an address in the URL is not
        // resolved, so it is checked here.
        if let Some(host) = url.host_str() {
            let port = url.port_or_known_default().unwrap_or(443);
            if host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<std::net::IpAddr>()
                .is_ok()
            {
                self.resolver()
                    .resolve_host(host, port)
                    .await
                    .map_err(|e| e.to_string())?;
            }
        }
        let body = match destination.spec.kind {
            DestinationKind::Webhook => claimed.payload.clone(),
            DestinationKind::Slack => self.slack_body(&claimed.payload).await,
        };
        let mut request = self
            .client
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, "application/json");
        if let (DestinationKind::Webhook, Some(secret)) = (destination.spec.kind, &destination.secret) {
            let timestamp = time::OffsetDateTime::now_utc().unix_timestamp();
            let signed =
                signature::sign(secret, &claimed.event_id, timestamp, &body).map_err(|e| e.to_string())?;
            request = request
                .header("webhook-id", &claimed.event_id)
                .header("webhook-timestamp", timestamp.to_string())
                .header("webhook-signature", signed);
        }
        let mut answer = request.body(body).send().await.map_err(describe)?;
        let status = answer.status();
        let retry_after = answer
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(retry::retry_after);
        // Read a little of the answer so the connection can be kept.
        let mut read = 0;
        while let Ok(Some(chunk)) = answer.chunk().await {
            read += chunk.len();
            if read > MAX_ANSWER {
                break;
            }
        }
        Ok((status, retry_after))
    }

    async fn slack_body(&self, payload: &str) -> String {
        let event: Value = serde_json::from_str(payload).unwrap_or_default();
        let survey = match event["data"]["survey_id"]
            .as_str()
            .map(|id| SurveyId::parse("survey_id", id))
        {
            Some(Ok(id)) => self.store.survey(&id).await.ok().flatten(),
            _ => None,
        };
        slack::message(&event, survey.as_deref(), self.settings.public_url.as_deref()).to_string()
    }
}

/// Why an attempt got no answer, without the URL (a Slack URL is a secret).
fn describe(error: reqwest::Error) -> String {
    let error = error.without_url();
    let mut text = if error.is_timeout() {
        "no answer within the timeout".to_owned()
    } else if error.is_connect() {
        "could not connect".to_owned()
    } else {
        "the request failed".to_owned()
    };
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

fn elapsed_ms(since: Instant) -> u64 {
    u64::try_from(since.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// The worker's loop, for as long as its [`Webhooks`] lives; `outcomes`
/// are the attempts its sends finish.
async fn run(webhooks: Weak<Webhooks>, mut outcomes: mpsc::UnboundedReceiver<Finished>) {
    let Some(mut changes) = webhooks.upgrade().map(|w| w.store.subscribe()) else {
        return;
    };
    let mut drops_checked: Option<Instant> = None;
    // Outcomes taken and not yet recorded (a round that failed keeps them).
    let mut finished = Vec::new();
    loop {
        let Some(this) = webhooks.upgrade() else { return };
        if drops_checked.is_none_or(|at| at.elapsed() >= this.settings.drop_check_every) {
            drops_checked = Some(Instant::now());
            match super::drops::check(&this.store).await {
                Ok(0) => {}
                Ok(queued) => tracing::info!(queued, "drop alerts queued"),
                Err(error) => tracing::warn!(%error, "the drop rules could not be checked"),
            }
            let keep_ms = i64::try_from(this.settings.keep_finished.as_millis()).unwrap_or(i64::MAX);
            match this
                .store
                .prune_deliveries(now_ms().saturating_sub(keep_ms), PRUNED_PER_SWEEP)
                .await
            {
                Ok(0) => {}
                Ok(pruned) => tracing::info!(pruned, "finished deliveries deleted"),
                Err(error) => tracing::warn!(%error, "finished deliveries could not be deleted"),
            }
        }
        if let Err(error) = this.round(&mut finished, &mut outcomes).await {
            tracing::warn!(%error, unrecorded = finished.len(), "a webhook round could not be written; trying again");
        }
        // A lane wanting more is served now; the rest waits a little.
        let more_wanted = tokio::select! {
            () = this.wake.notified() => true,
            _ = changes.recv() => false,
            () = tokio::time::sleep(POLL) => false,
        };
        if !more_wanted {
            tokio::time::sleep(COALESCE).await;
        }
        if this.store.writer_busy() {
            tokio::time::sleep(YIELD_TO_WRITER).await;
        }
        while changes.try_recv().is_ok() {}
    }
}
