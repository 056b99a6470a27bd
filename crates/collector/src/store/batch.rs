//! One transaction storing a batch of validated responses: one multi-row
//! insert, the contact requests of the new ones, one summary update per
//! survey and day, and their public release (`release.rs`). On PostgreSQL
//! the batch's surveys are locked first, in id order, so collectors sharing
//! the database take turns per survey and never wait on each other in a
//! cycle; SQLite's one writer takes its lock at `BEGIN IMMEDIATE`.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::Arc;

use candor_core::stats::SurveyStats;
use candor_core::{Answer, ContactDetails, Day, Progress, Survey, ValidResponse};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use candor_core::admin::EventKind;

use super::erasure::tombstone;
use super::events::Event;
use super::release::{self, OpenRow, placeholders};
use super::responses::Inserted;
use super::summaries::Summary;
use super::{Backend, StoreError};

/// Tombstones looked up per query at most.
const IDS_PER_LOOKUP: usize = 1_000;

/// A response and the survey version it answers.
pub type Row<'a> = (&'a Arc<Survey>, &'a ValidResponse);

/// A transaction on either database; each step below runs on it through
/// [`on_tx!`], so one step's SQL is written once for both.
pub(super) enum Tx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// Runs `$body` with `$tx` bound to whichever transaction `$on` holds (the
/// shape of `on_pool!`).
macro_rules! on_tx {
    ($on:expr, |$tx:ident| $body:expr) => {
        match $on {
            Tx::Sqlite($tx) => $body,
            Tx::Postgres($tx) => $body,
        }
    };
}
pub(super) use on_tx;

/// What a batch is stored with, worked out before the transaction.
pub(super) struct Plan {
    /// When the batch was received (RFC 3339) and its day.
    pub(super) received: String,
    pub(super) day: String,
    /// Indexes into the batch, by response id (the order rows are locked in).
    order: Vec<usize>,
    /// The batch's surveys, by id (the order they are locked in).
    surveys: Vec<String>,
    /// Each response's tombstone, in `order`.
    tombstones: Vec<String>,
}

/// Stores `rows` in one transaction; what became of each, in their order.
pub async fn write(backend: &Backend, rows: &[Row<'_>]) -> Result<Vec<Inserted>, StoreError> {
    let plan = Plan::new(rows)?;
    let mut results = vec![Inserted::Duplicate; rows.len()];
    let mut tx = Tx::begin(backend).await?;
    tx.lock_surveys(&plan.surveys).await?;
    // Erased responses stay erased: a retried post stores nothing.
    let erased = tx.erased(&plan.tombstones).await?;
    let (order, candidates): (Vec<usize>, Vec<Row<'_>>) = plan
        .order
        .iter()
        .zip(&plan.tombstones)
        .filter_map(|(&index, hash)| {
            if erased.contains(hash) {
                results[index] = Inserted::Erased;
                None
            } else {
                Some((index, rows[index]))
            }
        })
        .unzip();
    // Partial saves first: a finished response in the same batch then
    // retires the save it follows.
    let (partial, complete): (Vec<_>, Vec<_>) = order
        .into_iter()
        .zip(candidates)
        .partition(|(_, (_, response))| matches!(response.progress(), Progress::Partial { .. }));
    let mut events = Vec::new();
    for (index, (survey, response)) in partial {
        results[index] = tx.save_partial(&plan, survey, response).await?;
        if matches!(results[index], Inserted::New | Inserted::Updated) {
            events.push(Event {
                kind: EventKind::ResponsePartial,
                response,
            });
        }
    }
    let (order, candidates): (Vec<usize>, Vec<Row<'_>>) = complete.into_iter().unzip();
    if !candidates.is_empty() {
        let new = tx.insert(&plan, &candidates).await?;
        tx.record(&plan, &order, &candidates, new, &mut results).await?;
        let mut fresh = Vec::new();
        for (index, (_, response)) in order.iter().zip(&candidates) {
            if results[*index] == Inserted::New {
                fresh.push(*response);
                events.push(Event {
                    kind: EventKind::ResponseCompleted,
                    response,
                });
                if contact_of(response).is_some() {
                    events.push(Event {
                        kind: EventKind::ContactRequested,
                        response,
                    });
                }
            }
        }
        tx.answered(&plan, &fresh).await?;
    }
    // In this transaction: an event exists exactly when what caused it does.
    tx.queue_events(&plan, &events).await?;
    tx.commit().await?;
    Ok(results)
}

impl Plan {
    fn new(rows: &[Row<'_>]) -> Result<Self, StoreError> {
        let received = OffsetDateTime::now_utc();
        let day = Day::from_unix_seconds(received.unix_timestamp()).to_string();
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by_key(|&i| rows[i].1.id());
        let surveys: BTreeSet<String> = rows.iter().map(|(_, r)| r.survey().to_string()).collect();
        let tombstones = order
            .iter()
            .map(|&i| tombstone(&rows[i].1.id().to_string()))
            .collect();
        Ok(Self {
            received: received.format(&Rfc3339)?,
            day,
            order,
            surveys: surveys.into_iter().collect(),
            tombstones,
        })
    }
}

impl Tx {
    /// A write transaction: on SQLite it takes the write lock at once, so
    /// it never has to upgrade a read (and fail) halfway.
    pub(super) async fn begin(backend: &Backend) -> Result<Self, StoreError> {
        Ok(match backend {
            Backend::Sqlite(pool) => Self::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Backend::Postgres(pool) => Self::Postgres(pool.begin().await?),
        })
    }

    /// On PostgreSQL, locks the batch's surveys in id order, so collectors
    /// sharing the database take turns per survey (SQLite's one writer
    /// holds its lock from `BEGIN IMMEDIATE`).
    async fn lock_surveys(&mut self, surveys: &[String]) -> Result<(), StoreError> {
        let Self::Postgres(tx) = self else {
            return Ok(());
        };
        let sql = format!(
            "SELECT id FROM surveys WHERE id IN {} ORDER BY id FOR UPDATE",
            placeholders(1, surveys.len())
        );
        let mut lock = sqlx::query(&sql);
        for survey in surveys {
            lock = lock.bind(survey);
        }
        lock.execute(&mut **tx).await?;
        Ok(())
    }

    /// Which of `tombstones` belong to erased responses.
    pub(super) async fn erased(&mut self, tombstones: &[String]) -> Result<HashSet<String>, StoreError> {
        let mut erased = HashSet::new();
        for chunk in tombstones.chunks(IDS_PER_LOOKUP) {
            let sql = format!(
                "SELECT id_hash FROM erased_responses WHERE id_hash IN {}",
                placeholders(1, chunk.len())
            );
            let found: Vec<String> = on_tx!(self, |tx| {
                let mut query = sqlx::query_scalar(&sql);
                for hash in chunk {
                    query = query.bind(hash);
                }
                query.fetch_all(&mut **tx).await?
            });
            erased.extend(found);
        }
        Ok(erased)
    }

    /// Inserts `candidates` with their release, and writes the release; the
    /// ids that were new (the others were stored before: retries).
    async fn insert(&mut self, plan: &Plan, candidates: &[Row<'_>]) -> Result<HashSet<String>, StoreError> {
        let (open, days) = self.release_state(plan).await?;
        // The release as if every candidate were new (nearly always so).
        let mut receipt = release::receive(open.clone(), days.clone(), candidates, |_| &plan.day)?;
        let sql = insert_sql(candidates.len());
        let mut binds = Vec::with_capacity(candidates.len());
        for ((_, response), joined) in candidates.iter().zip(&receipt.joined) {
            binds.push((
                serde_json::to_string(response.answers())?,
                serde_json::to_string(response.context())?,
                response,
                joined,
            ));
        }
        // RETURNING names the rows that were new.
        let new: Vec<String> = on_tx!(self, |tx| {
            let mut insert = sqlx::query_scalar(&sql);
            for (answers, context, response, joined) in &binds {
                insert = insert
                    .bind(response.id().to_string())
                    .bind(response.survey().as_str())
                    .bind(i64::from(response.survey_version()))
                    .bind(&plan.received)
                    .bind(response.locale())
                    .bind(answers)
                    .bind(context)
                    .bind(response.page())
                    .bind(*joined);
            }
            insert.fetch_all(&mut **tx).await?
        });
        let new: HashSet<String> = new.into_iter().collect();
        let fresh: Vec<Row<'_>> = candidates
            .iter()
            .copied()
            .filter(|(_, r)| new.contains(&r.id().to_string()))
            .collect();
        if fresh.len() < candidates.len() {
            // Retries among them: release only the new ones.
            receipt = release::receive(open, days, &fresh, |_| &plan.day)?;
            for ((_, response), joined) in fresh.iter().zip(&receipt.joined) {
                on_tx!(self, |tx| {
                    sqlx::query("UPDATE responses SET release = $2 WHERE id = $1")
                        .bind(response.id().to_string())
                        .bind(joined)
                        .execute(&mut **tx)
                        .await
                        .map(drop)?
                });
            }
        }
        for statement in &receipt.statements {
            on_tx!(self, |tx| statement.run(tx).await?);
        }
        Ok(new)
    }

    /// The open release groups of the batch's surveys and their release
    /// summaries of the day.
    async fn release_state(
        &mut self,
        plan: &Plan,
    ) -> Result<(Vec<OpenRow>, Vec<(String, String, String)>), StoreError> {
        let surveys = &plan.surveys;
        let open_sql = format!("{} {}", release::SELECT_OPEN, placeholders(1, surveys.len()));
        let days_sql = format!("{} {}", release::SELECT_DAYS, placeholders(2, surveys.len()));
        Ok(on_tx!(self, |tx| {
            let mut open = sqlx::query_as(&open_sql);
            for survey in surveys {
                open = open.bind(survey);
            }
            let open = open.fetch_all(&mut **tx).await?;
            let mut days = sqlx::query_as(&days_sql).bind(&plan.day);
            for survey in surveys {
                days = days.bind(survey);
            }
            (open, days.fetch_all(&mut **tx).await?)
        }))
    }

    /// Files each candidate: new ones get their contact request and count
    /// in their survey's day; the others are retries or another survey's id.
    async fn record(
        &mut self,
        plan: &Plan,
        order: &[usize],
        candidates: &[Row<'_>],
        mut new: HashSet<String>,
        results: &mut [Inserted],
    ) -> Result<(), StoreError> {
        let mut deltas: BTreeMap<&str, SurveyStats> = BTreeMap::new();
        for (&index, (survey, response)) in order.iter().zip(candidates) {
            let id = response.id().to_string();
            let survey_id = response.survey().as_str();
            // `remove`: a second copy of the same id in one batch is a retry.
            if !new.remove(&id) {
                results[index] = if self.owner(&id).await? == survey_id {
                    Inserted::Duplicate
                } else {
                    Inserted::IdTaken
                };
                continue;
            }
            if let Some(contact) = contact_of(response) {
                self.open_contact_request(plan, &id, survey_id, contact).await?;
            }
            deltas.entry(survey_id).or_default().add(survey, response);
            results[index] = Inserted::New;
        }
        for (survey_id, delta) in &deltas {
            self.add_to_day(survey_id, &plan.day, delta).await?;
        }
        let finished: Vec<String> = order
            .iter()
            .zip(candidates)
            .filter(|(index, _)| results[**index] == Inserted::New)
            .map(|(_, (_, response))| response.id().to_string())
            .collect();
        self.retire_partials(&finished).await
    }

    /// The survey a stored response id belongs to.
    async fn owner(&mut self, id: &str) -> Result<String, StoreError> {
        Ok(on_tx!(self, |tx| {
            sqlx::query_scalar("SELECT survey_id FROM responses WHERE id = $1")
                .bind(id)
                .fetch_one(&mut **tx)
                .await?
        }))
    }

    async fn open_contact_request(
        &mut self,
        plan: &Plan,
        id: &str,
        survey_id: &str,
        contact: &ContactDetails,
    ) -> Result<(), StoreError> {
        on_tx!(self, |tx| {
            sqlx::query(
                "INSERT INTO contact_requests (response_id, survey_id, received_at, name, email, phone, status, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, 'open', $3)",
            )
            .bind(id)
            .bind(survey_id)
            .bind(&plan.received)
            .bind(contact.name.as_deref())
            .bind(contact.email.as_deref())
            .bind(contact.phone.as_deref())
            .execute(&mut **tx)
            .await
            .map(drop)?
        });
        Ok(())
    }

    /// Adds `delta` to the survey's summary of `day` (its row locked by the
    /// survey's lock); on PostgreSQL, tells every listening collector on
    /// commit.
    async fn add_to_day(
        &mut self,
        survey_id: &str,
        day: &str,
        delta: &SurveyStats,
    ) -> Result<(), StoreError> {
        self.change_day(Summary::Finished, survey_id, day, |stats| stats.merge(delta))
            .await
    }

    pub(super) async fn commit(self) -> Result<(), StoreError> {
        on_tx!(self, |tx| tx.commit().await?);
        Ok(())
    }
}

/// `INSERT … VALUES ($1, …, $9), ($10, …) ON CONFLICT (id) DO NOTHING RETURNING id`
/// for `rows` rows.
fn insert_sql(rows: usize) -> String {
    let mut sql = String::from(
        "INSERT INTO responses (id, survey_id, survey_version, received_at, locale, answers, context, page, release) VALUES ",
    );
    for row in 0..rows {
        if row > 0 {
            sql.push_str(", ");
        }
        sql.push_str(&placeholders(9 * row + 1, 9));
    }
    sql.push_str(" ON CONFLICT (id) DO NOTHING RETURNING id");
    sql
}

fn contact_of(response: &ValidResponse) -> Option<&ContactDetails> {
    response.answers().values().find_map(|answer| match answer {
        Answer::Contact(details) => Some(details),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_insert_numbers_nine_placeholders_per_row() {
        let sql = super::insert_sql(2);
        assert!(
            sql.contains("VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9), ($10, $11, $12, $13, $14, $15, $16, $17, $18) ON"),
            "{sql}"
        );
    }
}
