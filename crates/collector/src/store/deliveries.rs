//! The delivery queue: events written in the transaction that stores what
//! caused them (one row per event and destination), claimed by a worker
//! under a lease, and finished with the receiver's answer or rescheduled.
//! On PostgreSQL the claim skips rows another collector is claiming
//! (`FOR UPDATE SKIP LOCKED`), and every attempt raises `attempts`, which
//! the outcome must name: a worker whose lease ran out cannot overwrite
//! the attempt that replaced it.

use candor_core::ValidResponse;
use std::collections::BTreeSet;

use candor_core::admin::{AlertRule, Delivery, DeliveryStatus, EventKind, TEST_EVENT};
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::batch::{Plan, Tx, on_tx};
use super::release::placeholders;
use super::{Backend, Store, StoreError, on_pool};

/// One event a batch caused.
pub(super) struct Event<'a> {
    pub(super) kind: EventKind,
    pub(super) response: &'a ValidResponse,
}

/// A delivery a worker claimed: its attempt is `attempts`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Claimed {
    /// The `webhook-id`.
    pub event_id: String,
    /// The event's type.
    pub event: String,
    /// The event as JSON.
    pub payload: String,
    /// This attempt's number, from 1.
    pub attempts: i64,
    /// When this round of attempts began (ms since the epoch).
    pub tries_since: i64,
}

/// What became of an attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The receiver answered 2xx.
    Delivered,
    /// Not accepted; tried again at this time (ms since the epoch).
    RetryAt(i64),
    /// Not accepted, and no time is left: given up.
    Failed,
}

/// The receiver's answer to an attempt, as recorded.
#[derive(Debug, Clone, Default)]
pub struct Attempt {
    /// Its HTTP status, if it answered.
    pub response_code: Option<u16>,
    /// How long the attempt took.
    pub latency_ms: u64,
    /// Why it failed, if it did.
    pub error: Option<String>,
}

/// Rows per insert of queued deliveries (7 values each).
const ROWS_PER_INSERT: usize = 500;

/// Now, in ms since the epoch.
pub fn now_ms() -> i64 {
    i64::try_from(OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

/// An enabled destination as the batch sees it: id, events, surveys.
type Wanting = (String, Vec<EventKind>, Vec<String>);

/// A row to queue: event id, destination, type, survey, response, payload.
type Queued<'a> = (String, &'a str, &'static str, &'a str, String, String);

impl Tx {
    /// Queues `events` for every enabled destination that wants them, and
    /// `alert.fired` for every enabled rule a finished response fires
    /// (to the rule's destinations and those subscribed to alerts).
    pub(super) async fn queue_events(
        &mut self,
        plan: &Plan,
        events: &[Event<'_>],
    ) -> Result<usize, StoreError> {
        if events.is_empty() {
            return Ok(0);
        }
        let wanted: Vec<(String, String, String)> = on_tx!(self, |tx| {
            sqlx::query_as("SELECT id, events, surveys FROM destinations WHERE enabled")
                .fetch_all(&mut **tx)
                .await?
        });
        if wanted.is_empty() {
            return Ok(0);
        }
        let mut destinations: Vec<Wanting> = Vec::with_capacity(wanted.len());
        for (id, kinds, surveys) in wanted {
            destinations.push((id, serde_json::from_str(&kinds)?, serde_json::from_str(&surveys)?));
        }
        let rules = self.enabled_rules(events).await?;
        let created = now_ms();
        let mut rows: Vec<Queued<'_>> = Vec::new();
        for event in events {
            let survey = event.response.survey().as_str();
            let payload = || response_payload(event.kind, event.response, &plan.received);
            push(&mut rows, &destinations, event, event.kind, None, payload);
            if event.kind != EventKind::ResponseCompleted {
                continue;
            }
            for rule in rules
                .iter()
                .filter(|r| r.survey_id == survey && r.spec.condition.fires_on(event.response))
            {
                let payload = || {
                    let mut payload = response_payload(EventKind::AlertFired, event.response, &plan.received);
                    payload["data"]["rule"] = json!(rule.spec.name);
                    payload["data"]["rule_id"] = json!(rule.id);
                    payload["data"]["condition"] = json!(rule.spec.condition);
                    payload
                };
                push(
                    &mut rows,
                    &destinations,
                    event,
                    EventKind::AlertFired,
                    Some(&rule.spec.destinations),
                    payload,
                );
            }
        }
        for chunk in rows.chunks(ROWS_PER_INSERT) {
            let sql = insert_sql(chunk.len());
            on_tx!(self, |tx| {
                let mut insert = sqlx::query(&sql);
                for (id, destination, kind, survey, response, payload) in chunk {
                    insert = insert
                        .bind(id)
                        .bind(*destination)
                        .bind(*kind)
                        .bind(*survey)
                        .bind(response)
                        .bind(payload)
                        .bind(created);
                }
                insert.execute(&mut **tx).await.map(drop)?
            });
        }
        Ok(rows.len())
    }

    /// The enabled rules of the surveys `events` concern.
    async fn enabled_rules(&mut self, events: &[Event<'_>]) -> Result<Vec<AlertRule>, StoreError> {
        let surveys: BTreeSet<&str> = events
            .iter()
            .filter(|e| e.kind == EventKind::ResponseCompleted)
            .map(|e| e.response.survey().as_str())
            .collect();
        if surveys.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT id, survey_id, name, condition, destinations, enabled, created_at FROM alert_rules
             WHERE enabled AND survey_id IN {}",
            placeholders(1, surveys.len())
        );
        let rows: Vec<(String, String, String, String, String, bool, String)> = on_tx!(self, |tx| {
            let mut query = sqlx::query_as(&sql);
            for survey in &surveys {
                query = query.bind(*survey);
            }
            query.fetch_all(&mut **tx).await?
        });
        rows.into_iter().map(super::alerts::rule).collect()
    }
}

/// Queues one event of `kind` about `event`'s response for each enabled
/// destination subscribed to it, and each of `named` (a rule's).
fn push<'a>(
    rows: &mut Vec<Queued<'a>>,
    destinations: &'a [Wanting],
    event: &Event<'a>,
    kind: EventKind,
    named: Option<&[String]>,
    payload: impl FnOnce() -> Value,
) {
    let survey = event.response.survey().as_str();
    let to: Vec<&str> = destinations
        .iter()
        .filter(|(id, kinds, surveys)| {
            let subscribed =
                kinds.contains(&kind) && (surveys.is_empty() || surveys.iter().any(|s| s == survey));
            subscribed || named.is_some_and(|named| named.contains(id))
        })
        .map(|(id, _, _)| id.as_str())
        .collect();
    if to.is_empty() {
        return;
    }
    let (id, payload) = (event_id(), payload().to_string());
    for destination in to {
        rows.push((
            id.clone(),
            destination,
            kind.as_str(),
            survey,
            event.response.id().to_string(),
            payload.clone(),
        ));
    }
}

impl Store {
    /// Queues the drop alert of `rule` for `day` (its data as given) to the
    /// rule's enabled destinations and those subscribed to its survey's
    /// alerts, once: its id is the rule's and the day's, so a second check
    /// (or another collector's) queues nothing. How many were queued.
    pub async fn queue_drop_alert(
        &self,
        rule: &AlertRule,
        day: &str,
        data: Value,
    ) -> Result<usize, StoreError> {
        let wanted: Vec<(String, String, String)> = on_pool!(self.backend, |pool| {
            sqlx::query_as("SELECT id, events, surveys FROM destinations WHERE enabled")
                .fetch_all(pool)
                .await?
        });
        let mut to = Vec::new();
        for (id, kinds, surveys) in wanted {
            let kinds: Vec<EventKind> = serde_json::from_str(&kinds)?;
            let surveys: Vec<String> = serde_json::from_str(&surveys)?;
            let subscribed = kinds.contains(&EventKind::AlertFired)
                && (surveys.is_empty() || surveys.contains(&rule.survey_id));
            if subscribed || rule.spec.destinations.contains(&id) {
                to.push(id);
            }
        }
        let id = format!("msg_drop_{}_{}", rule.id.replace('-', ""), day.replace('-', ""));
        let payload = json!({
            "type": EventKind::AlertFired.as_str(),
            "timestamp": OffsetDateTime::now_utc().format(&Rfc3339)?,
            "data": data,
        })
        .to_string();
        let sql = format!(
            "{} ON CONFLICT (event_id, destination_id) DO NOTHING",
            insert_sql(1)
        );
        let mut queued = 0;
        for destination in &to {
            queued += on_pool!(self.backend, |pool| {
                sqlx::query(&sql)
                    .bind(&id)
                    .bind(destination)
                    .bind(EventKind::AlertFired.as_str())
                    .bind(&rule.survey_id)
                    .bind(None::<&str>)
                    .bind(&payload)
                    .bind(now_ms())
                    .execute(pool)
                    .await?
                    .rows_affected()
            });
        }
        Ok(usize::try_from(queued).unwrap_or(usize::MAX))
    }

    /// Queues a test event for `destination`; its event id.
    pub async fn queue_test(&self, destination: &str) -> Result<String, StoreError> {
        let id = event_id();
        let payload = json!({
            "type": TEST_EVENT,
            "timestamp": OffsetDateTime::now_utc().format(&Rfc3339)?,
            "data": {"destination_id": destination, "message": "A test from Candor: this destination receives events."},
        })
        .to_string();
        let sql = insert_sql(1);
        on_pool!(self.backend, |pool| {
            sqlx::query(&sql)
                .bind(&id)
                .bind(destination)
                .bind(TEST_EVENT)
                .bind(None::<&str>)
                .bind(None::<&str>)
                .bind(&payload)
                .bind(now_ms())
                .execute(pool)
                .await
                .map(drop)?
        });
        Ok(id)
    }

    /// Claims up to `limit` due deliveries of `destination` until `lease_ms`
    /// from now, each as a new attempt.
    pub async fn claim_deliveries(
        &self,
        destination: &str,
        limit: usize,
        lease_ms: i64,
    ) -> Result<Vec<Claimed>, StoreError> {
        let now = now_ms();
        let skip_locked = match self.backend {
            Backend::Sqlite(_) => "",
            Backend::Postgres(_) => "FOR UPDATE SKIP LOCKED",
        };
        let sql = format!(
            "UPDATE deliveries SET attempts = attempts + 1, lease_until = $3, last_attempt_at = $2
             WHERE (event_id, destination_id) IN (
               SELECT event_id, destination_id FROM deliveries
               WHERE destination_id = $1 AND status = 'pending' AND next_attempt_at <= $2
                 AND (lease_until IS NULL OR lease_until <= $2)
               ORDER BY next_attempt_at, event_id LIMIT $4 {skip_locked})
             RETURNING event_id, event, payload, attempts, tries_since"
        );
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        Ok(on_pool!(self.backend, |pool| {
            sqlx::query_as(&sql)
                .bind(destination)
                .bind(now)
                .bind(now.saturating_add(lease_ms))
                .bind(limit)
                .fetch_all(pool)
                .await?
        }))
    }

    /// Records what became of attempt `attempts` of a claimed delivery;
    /// `false` when that attempt is no longer the delivery's latest (its
    /// lease ran out and another attempt was made).
    pub async fn finish_delivery(
        &self,
        destination: &str,
        claimed: &Claimed,
        outcome: &Outcome,
        attempt: &Attempt,
    ) -> Result<bool, StoreError> {
        let (status, next) = match outcome {
            Outcome::Delivered => (DeliveryStatus::Delivered, None),
            Outcome::RetryAt(at) => (DeliveryStatus::Pending, Some(*at)),
            Outcome::Failed => (DeliveryStatus::Failed, None),
        };
        let updated = on_pool!(self.backend, |pool| {
            sqlx::query(
                "UPDATE deliveries SET status = $4, next_attempt_at = COALESCE($5, next_attempt_at), lease_until = NULL,
                   response_code = $6, latency_ms = $7, error = $8
                 WHERE event_id = $1 AND destination_id = $2 AND attempts = $3 AND status = 'pending'",
            )
            .bind(&claimed.event_id)
            .bind(destination)
            .bind(claimed.attempts)
            .bind(status.as_str())
            .bind(next)
            .bind(attempt.response_code.map(i64::from))
            .bind(i64::try_from(attempt.latency_ms).unwrap_or(i64::MAX))
            .bind(attempt.error.as_deref())
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(updated == 1)
    }

    /// The latest `limit` deliveries to `destination`, newest first.
    pub async fn deliveries(&self, destination: &str, limit: u32) -> Result<Vec<Delivery>, StoreError> {
        type Row = (
            String,
            String,
            Option<String>,
            Option<String>,
            String,
            i64,
            i64,
            Option<i64>,
            i64,
            Option<i64>,
            Option<i64>,
            Option<String>,
        );
        let rows: Vec<Row> = on_pool!(self.backend, |pool| {
            sqlx::query_as(
                "SELECT event_id, event, survey_id, response_id, status, attempts, created_at, last_attempt_at,
                        next_attempt_at, response_code, latency_ms, error
                 FROM deliveries WHERE destination_id = $1 ORDER BY created_at DESC, event_id DESC LIMIT $2",
            )
            .bind(destination)
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(
                |(
                    event_id,
                    event,
                    survey_id,
                    response_id,
                    status,
                    attempts,
                    created,
                    last,
                    next,
                    code,
                    latency,
                    error,
                )| {
                    let status = DeliveryStatus::parse(&status)
                        .ok_or_else(|| StoreError::Inconsistent(format!("delivery status {status:?}")))?;
                    Ok(Delivery {
                        event_id,
                        event,
                        survey_id,
                        response_id,
                        status,
                        attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
                        created_at: rfc3339(created)?,
                        last_attempt_at: last.map(rfc3339).transpose()?,
                        next_attempt_at: (status == DeliveryStatus::Pending)
                            .then(|| rfc3339(next))
                            .transpose()?,
                        response_code: code.and_then(|c| u16::try_from(c).ok()),
                        latency_ms: latency.and_then(|l| u64::try_from(l).ok()),
                        error,
                    })
                },
            )
            .collect()
    }

    /// Sends a delivered or failed event again, now, with a new day of
    /// attempts (same event id); `false` when there is no such delivery or
    /// it is still pending.
    pub async fn replay_delivery(&self, destination: &str, event_id: &str) -> Result<bool, StoreError> {
        let now = now_ms();
        let updated = on_pool!(self.backend, |pool| {
            sqlx::query(
                "UPDATE deliveries SET status = 'pending', next_attempt_at = $3, tries_since = $3, lease_until = NULL
                 WHERE event_id = $1 AND destination_id = $2 AND status <> 'pending'",
            )
            .bind(event_id)
            .bind(destination)
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(updated == 1)
    }
}

/// A new event id, in Standard Webhooks' `msg_…` form.
fn event_id() -> String {
    format!("msg_{}", uuid::Uuid::new_v4().simple())
}

/// The event a stored response causes, as documented in docs/api.md.
fn response_payload(kind: EventKind, response: &ValidResponse, received: &str) -> Value {
    json!({
        "type": kind.as_str(),
        "timestamp": received,
        "data": {
            "survey_id": response.survey().as_str(),
            "survey_version": response.survey_version(),
            "response_id": response.id().to_string(),
            "received_at": received,
            "complete": kind != EventKind::ResponsePartial,
            "locale": response.locale(),
            "page": response.page(),
            "answers": response.answers(),
            "context": response.context(),
        },
    })
}

/// `INSERT INTO deliveries … VALUES (…), …` for `rows` events, each pending
/// and due at once.
fn insert_sql(rows: usize) -> String {
    let mut sql = String::from(
        "INSERT INTO deliveries (event_id, destination_id, event, survey_id, response_id, payload, created_at,
           status, attempts, next_attempt_at, tries_since) VALUES ",
    );
    for row in 0..rows {
        if row > 0 {
            sql.push_str(", ");
        }
        let first = 7 * row + 1;
        let values = placeholders(first, 7);
        let created = first + 6;
        sql.push_str(&format!(
            "{}, 'pending', 0, ${created}, ${created})",
            values.trim_end_matches(')')
        ));
    }
    sql
}

fn rfc3339(ms: i64) -> Result<String, StoreError> {
    let at = OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .map_err(|e| StoreError::Inconsistent(format!("delivery time {ms}: {e}")))?;
    Ok(at.format(&Rfc3339)?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_insert_numbers_seven_values_per_row_and_reuses_the_time() {
        let sql = super::insert_sql(2);
        assert!(
            sql.ends_with("($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $7, $7), ($8, $9, $10, $11, $12, $13, $14, 'pending', 0, $14, $14)"),
            "{sql}"
        );
    }
}
