//! One round of the delivery worker's writes, in one transaction: the
//! outcomes since the last round, the outbox moved to the queue, and the
//! claims. An idle collector takes no write lock.

use super::batch::Tx;
use super::deliveries::{Claimed, DUE, Finished, now_ms};
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

/// Outcomes recorded per statement at most.
const FINISHED_PER_STATEMENT: usize = 256;

impl Store {
    /// One round of the delivery worker's writes, in one transaction (on
    /// SQLite, one turn of its single write lock instead of several):
    /// records `round.finished`, moves outbox rows to the queue, then claims
    /// for each destination as many due deliveries as it has room for;
    /// what was claimed, in the order of `round.claims`.
    pub async fn delivery_round(&self, round: Round<'_>) -> Result<Vec<Vec<Claimed>>, StoreError> {
        if round.finished.is_empty() && !self.round_has_work(&round).await? {
            // An idle collector never takes the write lock.
            return Ok(round.claims.iter().map(|_| Vec::new()).collect());
        }
        let mut tx = Tx::begin(&self.backend).await?;
        for chunk in round.finished.chunks(FINISHED_PER_STATEMENT) {
            tx.finish_deliveries(chunk).await?;
        }
        tx.expand_outbox(round.outbox).await?;
        let mut claimed = Vec::with_capacity(round.claims.len());
        for (destination, room) in round.claims {
            claimed.push(match room {
                0 => Vec::new(),
                room => tx.claim_deliveries(destination, *room, round.lease_ms).await?,
            });
        }
        tx.commit().await?;
        Ok(claimed)
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
            let sql = format!("SELECT CAST(1 AS BIGINT) FROM deliveries WHERE {DUE} LIMIT 1");
            let due: Option<i64> = on_pool!(self.backend, |pool| sqlx::query_scalar(&sql)
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
