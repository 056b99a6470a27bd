//! One transaction storing a batch of validated responses: one multi-row
//! insert, the contact requests of the new ones, one summary update per
//! survey and day, and their public release (`release.rs`). On PostgreSQL
//! the batch's surveys are locked first, in id order, so collectors sharing
//! the database take turns per survey and never wait on each other in a
//! cycle; SQLite's one writer takes its lock at `BEGIN IMMEDIATE`.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::Arc;

use candor_core::stats::SurveyStats;
use candor_core::{Answer, ContactDetails, Day, Survey, ValidResponse};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::changes::CHANNEL;
use super::erasure::tombstone;
use super::release::{self, OpenRow, placeholders};
use super::responses::Inserted;
use super::{Backend, StoreError, on_pool};

/// A response and the survey version it answers.
pub type Row<'a> = (&'a Arc<Survey>, &'a ValidResponse);

/// Stores `rows` in one transaction; what became of each, in their order.
pub async fn write(backend: &Backend, rows: &[Row<'_>]) -> Result<Vec<Inserted>, StoreError> {
    let received = OffsetDateTime::now_utc();
    let day = Day::from_unix_seconds(received.unix_timestamp()).to_string();
    let received = received.format(&Rfc3339)?;
    let postgres = matches!(backend, Backend::Postgres(_));
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| rows[i].1.id());
    let mut results = vec![Inserted::Duplicate; rows.len()];
    let surveys: Vec<String> = rows
        .iter()
        .map(|(_, response)| response.survey().to_string())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let tombstones: Vec<String> = order
        .iter()
        .map(|&i| tombstone(&rows[i].1.id().to_string()))
        .collect();
    on_pool!(backend, pool => {
        let mut tx = pool.begin_with(if postgres { "BEGIN" } else { "BEGIN IMMEDIATE" }).await?;
        if postgres {
            let sql = format!("SELECT id FROM surveys WHERE id IN {} ORDER BY id FOR UPDATE", placeholders(1, surveys.len()));
            let mut lock = sqlx::query(&sql);
            for survey in &surveys {
                lock = lock.bind(survey);
            }
            lock.execute(&mut *tx).await?;
        }
        // Erased responses stay erased: a retried post stores nothing.
        let sql = format!("SELECT id_hash FROM erased_responses WHERE id_hash IN {}", placeholders(1, tombstones.len()));
        let mut query = sqlx::query_scalar::<_, String>(&sql);
        for hash in &tombstones {
            query = query.bind(hash);
        }
        let erased: HashSet<String> = query.fetch_all(&mut *tx).await?.into_iter().collect();
        let (order, candidates): (Vec<usize>, Vec<Row<'_>>) = order
            .iter()
            .zip(&tombstones)
            .filter_map(|(&index, hash)| {
                if erased.contains(hash) {
                    results[index] = Inserted::Erased;
                    None
                } else {
                    Some((index, rows[index]))
                }
            })
            .unzip();
        if candidates.is_empty() {
            tx.commit().await?;
            return Ok(results);
        }
        // The release as if every candidate were new (nearly always so).
        let sql = format!("{} {}", release::SELECT_OPEN, placeholders(1, surveys.len()));
        let mut query = sqlx::query_as::<_, OpenRow>(&sql);
        for survey in &surveys {
            query = query.bind(survey);
        }
        let open = query.fetch_all(&mut *tx).await?;
        let sql = format!("{} {}", release::SELECT_DAYS, placeholders(2, surveys.len()));
        let mut query = sqlx::query_as::<_, (String, String, String)>(&sql).bind(&day);
        for survey in &surveys {
            query = query.bind(survey);
        }
        let days = query.fetch_all(&mut *tx).await?;
        let mut receipt = release::receive(open.clone(), days.clone(), &candidates, |_| &day)?;
        let sql = insert_sql(candidates.len());
        let mut insert = sqlx::query_scalar::<_, String>(&sql);
        for ((_, response), joined) in candidates.iter().zip(&receipt.joined) {
            insert = insert
                .bind(response.id().to_string())
                .bind(response.survey().as_str())
                .bind(i64::from(response.survey_version()))
                .bind(&received)
                .bind(response.locale())
                .bind(serde_json::to_string(response.answers())?)
                .bind(serde_json::to_string(response.context())?)
                .bind(response.page())
                .bind(joined);
        }
        // RETURNING names the rows that were new; the others were stored before.
        let mut new: HashSet<String> = insert.fetch_all(&mut *tx).await?.into_iter().collect();
        let fresh: Vec<Row<'_>> =
            candidates.iter().copied().filter(|(_, r)| new.contains(&r.id().to_string())).collect();
        if fresh.len() < candidates.len() {
            // Retries among them: release only the new ones.
            receipt = release::receive(open, days, &fresh, |_| &day)?;
            for ((_, response), joined) in fresh.iter().zip(&receipt.joined) {
                sqlx::query("UPDATE responses SET release = $2 WHERE id = $1")
                    .bind(response.id().to_string())
                    .bind(joined)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        for statement in &receipt.statements {
            statement.run(&mut tx).await?;
        }
        let mut deltas: BTreeMap<&str, SurveyStats> = BTreeMap::new();
        for (&index, (survey, response)) in order.iter().zip(&candidates) {
            let id = response.id().to_string();
            let survey_id = response.survey().as_str();
            // `remove`: a second copy of the same id in one batch is a retry.
            if !new.remove(&id) {
                let owner: String = sqlx::query_scalar("SELECT survey_id FROM responses WHERE id = $1")
                    .bind(&id)
                    .fetch_one(&mut *tx)
                    .await?;
                results[index] = if owner == survey_id { Inserted::Duplicate } else { Inserted::IdTaken };
                continue;
            }
            if let Some(contact) = contact_of(response) {
                sqlx::query(
                    "INSERT INTO contact_requests (response_id, survey_id, received_at, name, email, phone, status, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, 'open', $3)",
                )
                .bind(&id)
                .bind(survey_id)
                .bind(&received)
                .bind(contact.name.as_deref())
                .bind(contact.email.as_deref())
                .bind(contact.phone.as_deref())
                .execute(&mut *tx)
                .await?;
            }
            deltas.entry(survey_id).or_default().add(survey, response);
            results[index] = Inserted::New;
        }
        for (survey_id, delta) in &deltas {
            // Make sure the row exists, then read it (locked by the survey's lock).
            sqlx::query(
                "INSERT INTO daily_stats (survey_id, day, stats) VALUES ($1, $2, '{}')
                 ON CONFLICT (survey_id, day) DO NOTHING",
            )
            .bind(*survey_id)
            .bind(&day)
            .execute(&mut *tx)
            .await?;
            let stored: String = sqlx::query_scalar("SELECT stats FROM daily_stats WHERE survey_id = $1 AND day = $2")
                .bind(*survey_id)
                .bind(&day)
                .fetch_one(&mut *tx)
                .await?;
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
    });
    Ok(results)
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
