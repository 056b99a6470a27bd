//! Storing responses exactly once, with their day's summary.

use candor_core::stats::SurveyStats;
use candor_core::{Answer, Day, Survey, SurveyId, ValidResponse};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::changes::CHANNEL;
use super::{Backend, Store, StoreError, on_pool};

/// What happened to a response handed to [`Store::insert_response`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    /// Stored now.
    New,
    /// Already stored for this survey; nothing changed.
    Duplicate,
    /// The id is taken by a response to another survey.
    IdTaken,
}

impl Store {
    /// Stores a validated response of `survey` and adds it to today's summary,
    /// in one transaction. Returns once the transaction is committed.
    pub async fn insert_response(
        &self,
        survey: &Survey,
        response: &ValidResponse,
    ) -> Result<Inserted, StoreError> {
        let received = OffsetDateTime::now_utc();
        let day = Day::from_unix_seconds(received.unix_timestamp()).to_string();
        let received = received.format(&Rfc3339)?;
        let id = response.id().to_string();
        let survey_id = response.survey().as_str();
        let answers = serde_json::to_string(response.answers())?;
        let postgres = matches!(self.backend, Backend::Postgres(_));
        // PostgreSQL locks the summary row; SQLite has one writer at a time,
        // taken by the insert that comes first.
        let select = if postgres {
            "SELECT stats FROM daily_stats WHERE survey_id = $1 AND day = $2 FOR UPDATE"
        } else {
            "SELECT stats FROM daily_stats WHERE survey_id = $1 AND day = $2"
        };
        let outcome = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let inserted = sqlx::query(
                "INSERT INTO responses (id, survey_id, survey_version, received_at, locale, answers)
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
            )
            .bind(&id)
            .bind(survey_id)
            .bind(i64::from(response.survey_version()))
            .bind(&received)
            .bind(response.locale())
            .bind(&answers)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if inserted == 0 {
                let owner: String = sqlx::query_scalar("SELECT survey_id FROM responses WHERE id = $1")
                    .bind(&id)
                    .fetch_one(&mut *tx)
                    .await?;
                if owner == survey_id { Inserted::Duplicate } else { Inserted::IdTaken }
            } else {
                // Make sure the row exists so it can be locked, then read it.
                sqlx::query(
                    "INSERT INTO daily_stats (survey_id, day, stats) VALUES ($1, $2, '{}')
                     ON CONFLICT (survey_id, day) DO NOTHING",
                )
                .bind(survey_id)
                .bind(&day)
                .execute(&mut *tx)
                .await?;
                let stored: String = sqlx::query_scalar(select).bind(survey_id).bind(&day).fetch_one(&mut *tx).await?;
                let mut stats: SurveyStats = serde_json::from_str(&stored)?;
                stats.add(survey, response);
                sqlx::query("UPDATE daily_stats SET stats = $3 WHERE survey_id = $1 AND day = $2")
                    .bind(survey_id)
                    .bind(&day)
                    .bind(serde_json::to_string(&stats)?)
                    .execute(&mut *tx)
                    .await?;
                if let Some(contact) = response.answers().values().find_map(|a| match a {
                    Answer::Contact(details) => Some(details),
                    _ => None,
                }) {
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
                if postgres {
                    // Delivered to every listening collector on commit.
                    sqlx::query("SELECT pg_notify($1, $2)")
                        .bind(CHANNEL)
                        .bind(survey_id)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Inserted::New
            }
        });
        if outcome == Inserted::New && !postgres {
            let _ = self.changes.send(response.survey().clone());
        }
        Ok(outcome)
    }

    /// Whether a response with this id is stored.
    pub async fn response_exists(&self, id: &str) -> Result<bool, StoreError> {
        let n: i64 = on_pool!(self, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM responses WHERE id = $1").bind(id).fetch_one(pool).await?
        });
        Ok(n == 1)
    }

    /// How many responses are stored for `survey` (for tests and operators).
    pub async fn count_responses(&self, survey: &SurveyId) -> Result<u64, StoreError> {
        let n: i64 = on_pool!(self, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM responses WHERE survey_id = $1")
                .bind(survey.as_str())
                .fetch_one(pool)
                .await?
        });
        Ok(n.unsigned_abs())
    }
}
