//! The delivery queue: events written in the transaction that stores what
//! caused them (one row per event and destination), claimed by a worker
//! under a lease, and finished with the receiver's answer or rescheduled.
//! On PostgreSQL the claim skips rows another collector is claiming
//! (`FOR UPDATE SKIP LOCKED`), and every attempt raises `attempts`, which
//! the outcome must name: a worker whose lease ran out cannot overwrite
//! the attempt that replaced it.

use candor_core::admin::{Delivery, DeliveryStatus, TEST_EVENT};
use serde_json::json;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::batch::{Tx, on_tx};
use super::events::event_id;
use super::release::placeholders;
use super::{Store, StoreError, on_pool};

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

/// One finished attempt, to record.
#[derive(Debug, Clone)]
pub struct Finished {
    /// The destination.
    pub destination: String,
    /// The event.
    pub event_id: String,
    /// The attempt's number.
    pub attempts: i64,
    /// What became of it.
    pub outcome: Outcome,
    /// The receiver's answer.
    pub attempt: Attempt,
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

/// The deliveries of destination `$1` due at `$2` (ms) and not leased.
pub(super) const DUE: &str = "destination_id = $1 AND status = 'pending' AND next_attempt_at <= $2
    AND (lease_until IS NULL OR lease_until <= $2)";

/// Now, in ms since the epoch.
pub fn now_ms() -> i64 {
    i64::try_from(OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

impl Store {
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

    /// Deletes finished (delivered or failed) deliveries created before
    /// `before` (ms since the epoch), at most `limit` per destination a
    /// call; how many.
    pub async fn prune_deliveries(&self, before: i64, limit: usize) -> Result<u64, StoreError> {
        let destinations: Vec<String> = on_pool!(self.backend, |pool| sqlx::query_scalar(
            "SELECT id FROM destinations"
        )
        .fetch_all(pool)
        .await?);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut pruned = 0;
        for destination in destinations {
            pruned += on_pool!(self.backend, |pool| sqlx::query(
                "DELETE FROM deliveries WHERE (event_id, destination_id) IN (
                   SELECT event_id, destination_id FROM deliveries
                   WHERE destination_id = $1 AND created_at < $2 AND status <> 'pending' LIMIT $3)"
            )
            .bind(&destination)
            .bind(before)
            .bind(limit)
            .execute(pool)
            .await?
            .rows_affected());
        }
        Ok(pruned)
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

/// `INSERT INTO deliveries … VALUES (…), …` for `rows` events, each pending
/// and due at once.
pub(super) fn insert_sql(rows: usize) -> String {
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

impl Tx {
    /// Claims up to `limit` due deliveries of `destination` until `lease_ms`
    /// from now, each as a new attempt.
    pub(super) async fn claim_deliveries(
        &mut self,
        destination: &str,
        limit: usize,
        lease_ms: i64,
    ) -> Result<Vec<Claimed>, StoreError> {
        let now = now_ms();
        let skip_locked = match self {
            Tx::Sqlite(_) => "",
            Tx::Postgres(_) => "FOR UPDATE SKIP LOCKED",
        };
        let sql = format!(
            "UPDATE deliveries SET attempts = attempts + 1, lease_until = $3, last_attempt_at = $2
             WHERE (event_id, destination_id) IN (
               SELECT event_id, destination_id FROM deliveries
               WHERE {DUE}
               ORDER BY next_attempt_at, event_id LIMIT $4 {skip_locked})
             RETURNING event_id, event, payload, attempts, tries_since"
        );
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        Ok(on_tx!(self, |tx| {
            sqlx::query_as(&sql)
                .bind(destination)
                .bind(now)
                .bind(now.saturating_add(lease_ms))
                .bind(limit)
                .fetch_all(&mut **tx)
                .await?
        }))
    }

    /// Records what became of each attempt, in one statement (an attempt
    /// that is no longer its delivery's latest, its lease having run out
    /// and another attempt made, is not recorded).
    pub(super) async fn finish_deliveries(&mut self, finished: &[Finished]) -> Result<(), StoreError> {
        if finished.is_empty() {
            return Ok(());
        }
        let sql = finish_sql(finished.len());
        on_tx!(self, |tx| {
            let mut update = sqlx::query(&sql);
            for one in finished {
                let (status, next) = match one.outcome {
                    Outcome::Delivered => (DeliveryStatus::Delivered, None),
                    Outcome::RetryAt(at) => (DeliveryStatus::Pending, Some(at)),
                    Outcome::Failed => (DeliveryStatus::Failed, None),
                };
                update = update
                    .bind(&one.event_id)
                    .bind(&one.destination)
                    .bind(one.attempts)
                    .bind(status.as_str())
                    .bind(next)
                    .bind(one.attempt.response_code.map(i64::from))
                    .bind(i64::try_from(one.attempt.latency_ms).unwrap_or(i64::MAX))
                    .bind(one.attempt.error.clone());
            }
            update.execute(&mut **tx).await.map(drop)?
        });
        Ok(())
    }
}

/// One `UPDATE … FROM (VALUES …)` recording `rows` outcomes; the values'
/// columns are `column1`… on both databases, typed by their casts.
fn finish_sql(rows: usize) -> String {
    let mut values = Vec::with_capacity(rows);
    for row in 0..rows {
        let n = 8 * row;
        values.push(format!(
            "(CAST(${} AS TEXT), CAST(${} AS TEXT), CAST(${} AS BIGINT), CAST(${} AS TEXT), CAST(${} AS BIGINT), \
             CAST(${} AS BIGINT), CAST(${} AS BIGINT), CAST(${} AS TEXT))",
            n + 1,
            n + 2,
            n + 3,
            n + 4,
            n + 5,
            n + 6,
            n + 7,
            n + 8
        ));
    }
    format!(
        "UPDATE deliveries SET status = v.column4, next_attempt_at = COALESCE(v.column5, deliveries.next_attempt_at),
           lease_until = NULL, response_code = v.column6, latency_ms = v.column7, error = v.column8
         FROM (VALUES {}) AS v
         WHERE deliveries.event_id = v.column1 AND deliveries.destination_id = v.column2
           AND deliveries.attempts = v.column3 AND deliveries.status = 'pending'",
        values.join(", ")
    )
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
