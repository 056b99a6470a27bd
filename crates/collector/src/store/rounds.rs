//! One round of the delivery worker's writes, in one transaction: the
//! outcomes since the last round, the outbox moved to the queue, and the
//! claims. An idle collector takes no write lock.

use super::batch::Tx;
use super::deliveries::{Claimed, Finished, now_ms};
use super::{Store, StoreError, on_pool};

/// What one round of the delivery worker writes.
#[derive(Debug)]
pub struct Round<'a> {
    /// Attempts finished since the last round, to record.
    pub finished: &'a [Finished],
    /// Outbox rows to move to the queue at most.
    pub outbox: usize,
    /// Per destination, how many due deliveries to claim.
    pub claims: &'a [(String, usize)],
    /// How long a claim holds (ms).
    pub lease_ms: i64,
}

/// What one round wrote.
#[derive(Debug)]
pub struct RoundDone {
    /// Outcomes recorded (an attempt whose lease ran out, tried again
    /// since, is not).
    pub recorded: u64,
    /// Deliveries queued from the outbox.
    pub queued: usize,
    /// What was claimed, in the order of the round's `claims`.
    pub claimed: Vec<Vec<Claimed>>,
}

/// Outcomes recorded per statement at most.
const FINISHED_PER_STATEMENT: usize = 256;

impl Store {
    /// One round of the delivery worker's writes, in one transaction (on
    /// SQLite, one turn of its single write lock instead of several):
    /// records `round.finished`, moves outbox rows to the queue, then claims
    /// for each destination as many due deliveries as it has room for.
    pub async fn delivery_round(&self, round: Round<'_>) -> Result<RoundDone, StoreError> {
        if round.finished.is_empty() && !self.round_has_work(&round).await? {
            // An idle collector never takes the write lock.
            return Ok(RoundDone {
                recorded: 0,
                queued: 0,
                claimed: round.claims.iter().map(|_| Vec::new()).collect(),
            });
        }
        let mut tx = Tx::begin(&self.backend).await?;
        let mut recorded = 0;
        for chunk in round.finished.chunks(FINISHED_PER_STATEMENT) {
            recorded += tx.finish_deliveries(chunk).await?;
        }
        let queued = tx.expand_outbox(round.outbox).await?;
        let mut claimed = Vec::with_capacity(round.claims.len());
        for (destination, room) in round.claims {
            claimed.push(match room {
                0 => Vec::new(),
                room => tx.claim_deliveries(destination, *room, round.lease_ms).await?,
            });
        }
        tx.commit().await?;
        Ok(RoundDone {
            recorded,
            queued,
            claimed,
        })
    }

    /// Whether the outbox holds anything, or a destination with room has a
    /// delivery due (read only).
    async fn round_has_work(&self, round: &Round<'_>) -> Result<bool, StoreError> {
        let outbox: Option<i64> = on_pool!(self.backend, |pool| sqlx::query_scalar(
            "SELECT CAST(1 AS BIGINT) FROM delivery_outbox LIMIT 1"
        )
        .fetch_optional(pool)
        .await?);
        if outbox.is_some() {
            return Ok(true);
        }
        let now = now_ms();
        for (destination, _) in round.claims.iter().filter(|(_, room)| *room > 0) {
            let due: Option<i64> = on_pool!(self.backend, |pool| sqlx::query_scalar(
                "SELECT CAST(1 AS BIGINT) FROM deliveries
                 WHERE destination_id = $1 AND status = 'pending' AND next_attempt_at <= $2
                   AND (lease_until IS NULL OR lease_until <= $2) LIMIT 1"
            )
            .bind(destination)
            .bind(now)
            .fetch_optional(pool)
            .await?);
            if due.is_some() {
                return Ok(true);
            }
        }
        Ok(false)
    }
}
