//! The outbox between the response writer and the delivery queue. A batch
//! that causes events writes one outbox row in its own transaction (the
//! events, each with the destinations it goes to); the delivery worker then
//! moves rows into `deliveries`, one per event and destination, and deletes
//! them, in one transaction. The writer so adds one small row per batch
//! instead of several indexed rows per response, and the queue is filled
//! in large transactions off the respondents' path. On PostgreSQL a row is
//! taken with `SKIP LOCKED`, so collectors sharing the database never move
//! one twice.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::StoreError;
use super::batch::{Tx, on_tx};
use super::deliveries::insert_sql;
use super::erasure::tombstone;

/// Rows per insert of deliveries (7 values each).
const ROWS_PER_INSERT: usize = 500;

/// One event waiting in the outbox.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub(super) struct OutboxEvent {
    /// The `webhook-id` of every attempt.
    pub(super) id: String,
    /// The event's type.
    pub(super) kind: String,
    pub(super) survey: String,
    /// The response it is about, so an erased one is never sent.
    pub(super) response: String,
    /// The event as JSON, sent as it is.
    pub(super) payload: String,
    /// The destinations it goes to.
    pub(super) to: Vec<String>,
}

impl Tx {
    /// Writes `events` as one outbox row, created at `created` (ms).
    pub(super) async fn write_outbox(
        &mut self,
        events: &[OutboxEvent],
        created: i64,
    ) -> Result<(), StoreError> {
        let events = serde_json::to_string(events)?;
        on_tx!(self, |tx| sqlx::query(
            "INSERT INTO delivery_outbox (events, created_at) VALUES ($1, $2)"
        )
        .bind(&events)
        .bind(created)
        .execute(&mut **tx)
        .await
        .map(drop)?);
        Ok(())
    }

    /// Moves up to `limit` outbox rows into the delivery queue; how many
    /// deliveries were queued. Events of responses erased since, and to
    /// destinations deleted since, are dropped.
    pub(super) async fn expand_outbox(&mut self, limit: usize) -> Result<usize, StoreError> {
        let skip_locked = match self {
            Tx::Sqlite(_) => "",
            Tx::Postgres(_) => "FOR UPDATE SKIP LOCKED",
        };
        let take = format!(
            "DELETE FROM delivery_outbox WHERE id IN
               (SELECT id FROM delivery_outbox ORDER BY id LIMIT $1 {skip_locked})
             RETURNING events, created_at"
        );
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let taken: Vec<(String, i64)> = on_tx!(self, |tx| sqlx::query_as(&take)
            .bind(limit)
            .fetch_all(&mut **tx)
            .await?);
        if taken.is_empty() {
            return Ok(0);
        }
        let mut events = Vec::new();
        for (row, created) in taken {
            let row: Vec<OutboxEvent> = serde_json::from_str(&row)?;
            events.extend(row.into_iter().map(|event| (event, created)));
        }
        let destinations: HashSet<String> =
            on_tx!(self, |tx| sqlx::query_scalar("SELECT id FROM destinations")
                .fetch_all(&mut **tx)
                .await?)
            .into_iter()
            .collect();
        let tombstones: Vec<String> = events.iter().map(|(e, _)| tombstone(&e.response)).collect();
        let erased = self.erased(&tombstones).await?;
        let rows: Vec<(&OutboxEvent, &str, i64)> = events
            .iter()
            .zip(&tombstones)
            .filter(|(_, hash)| !erased.contains(*hash))
            .flat_map(|((event, created), _)| {
                event
                    .to
                    .iter()
                    .filter(|to| destinations.contains(*to))
                    .map(move |to| (event, to.as_str(), *created))
            })
            .collect();
        for chunk in rows.chunks(ROWS_PER_INSERT) {
            let sql = format!(
                "{} ON CONFLICT (event_id, destination_id) DO NOTHING",
                insert_sql(chunk.len())
            );
            on_tx!(self, |tx| {
                let mut query = sqlx::query(&sql);
                for (event, destination, created) in chunk {
                    query = query
                        .bind(&event.id)
                        .bind(*destination)
                        .bind(&event.kind)
                        .bind(&event.survey)
                        .bind(&event.response)
                        .bind(&event.payload)
                        .bind(*created);
                }
                query.execute(&mut **tx).await.map(drop)?
            });
        }
        Ok(rows.len())
    }
}
