//! One transaction storing a batch of validated responses: one multi-row
//! insert, the contact requests of the new ones, and one summary update per
//! survey and day. Rows and summaries are touched in sorted order, so two
//! collectors writing to one PostgreSQL never wait on each other in a cycle.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use candor_core::stats::SurveyStats;
use candor_core::{Answer, ContactDetails, Day, Survey, ValidResponse};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::changes::CHANNEL;
use super::erasure::tombstone;
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
    // Locks in id order: the index entries of the insert, then the summaries
    // in survey order (a BTreeMap).
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| rows[i].1.id());
    let sorted: Vec<Row<'_>> = order.iter().map(|&i| rows[i]).collect();
    let mut results = vec![Inserted::Duplicate; rows.len()];
    on_pool!(backend, pool => {
        let mut tx = pool.begin().await?;
        // Erased responses stay erased: a retried post stores nothing.
        let erased: HashSet<String> = if sorted.is_empty() {
            HashSet::new()
        } else {
            let placeholders: Vec<String> = (1..=sorted.len()).map(|n| format!("${n}")).collect();
            let sql = format!("SELECT id_hash FROM erased_responses WHERE id_hash IN ({})", placeholders.join(", "));
            let mut query = sqlx::query_scalar::<_, String>(&sql);
            for (_, response) in &sorted {
                query = query.bind(tombstone(&response.id().to_string()));
            }
            query.fetch_all(&mut *tx).await?.into_iter().collect()
        };
        let (order, sorted): (Vec<usize>, Vec<Row<'_>>) = order
            .into_iter()
            .zip(sorted)
            .filter(|(index, (_, response))| {
                let gone = erased.contains(&tombstone(&response.id().to_string()));
                if gone {
                    results[*index] = Inserted::Erased;
                }
                !gone
            })
            .unzip();
        if sorted.is_empty() {
            tx.commit().await?;
            return Ok(results);
        }
        let sql = insert_sql(sorted.len());
        let mut insert = sqlx::query_scalar::<_, String>(&sql);
        for (_, response) in &sorted {
            insert = insert
                .bind(response.id().to_string())
                .bind(response.survey().as_str())
                .bind(i64::from(response.survey_version()))
                .bind(&received)
                .bind(response.locale())
                .bind(serde_json::to_string(response.answers())?)
                .bind(serde_json::to_string(response.context())?)
                .bind(response.page());
        }
        // RETURNING names the rows that were new; the others were stored before.
        let mut new: HashSet<String> = insert.fetch_all(&mut *tx).await?.into_iter().collect();
        let mut deltas: BTreeMap<&str, SurveyStats> = BTreeMap::new();
        for (&index, (survey, response)) in order.iter().zip(&sorted) {
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
        let select = if postgres {
            "SELECT stats FROM daily_stats WHERE survey_id = $1 AND day = $2 FOR UPDATE"
        } else {
            // SQLite has one writer at a time, taken by the insert above.
            "SELECT stats FROM daily_stats WHERE survey_id = $1 AND day = $2"
        };
        for (survey_id, delta) in &deltas {
            // Make sure the row exists so it can be locked, then read it.
            sqlx::query(
                "INSERT INTO daily_stats (survey_id, day, stats) VALUES ($1, $2, '{}')
                 ON CONFLICT (survey_id, day) DO NOTHING",
            )
            .bind(*survey_id)
            .bind(&day)
            .execute(&mut *tx)
            .await?;
            let stored: String = sqlx::query_scalar(select).bind(*survey_id).bind(&day).fetch_one(&mut *tx).await?;
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

/// `INSERT … VALUES ($1, …, $8), ($9, …) ON CONFLICT (id) DO NOTHING RETURNING id`
/// for `rows` rows.
fn insert_sql(rows: usize) -> String {
    let mut sql = String::from(
        "INSERT INTO responses (id, survey_id, survey_version, received_at, locale, answers, context, page) VALUES ",
    );
    for row in 0..rows {
        let first = 8 * row + 1;
        let placeholders: Vec<String> = (first..first + 8).map(|n| format!("${n}")).collect();
        if row > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        sql.push_str(&placeholders.join(", "));
        sql.push(')');
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
    fn the_insert_numbers_eight_placeholders_per_row() {
        let sql = super::insert_sql(2);
        assert!(
            sql.contains(
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8), ($9, $10, $11, $12, $13, $14, $15, $16) ON"
            )
        );
    }
}
