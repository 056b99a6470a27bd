//! Storage: surveys, responses and daily summaries in SQLite.
//!
//! Every response is stored with its day's summary in one transaction, so the
//! summaries always agree with the responses and a snapshot never rescans them.

use std::str::FromStr;
use std::time::Duration;

use candor_core::stats::SurveyStats;
use candor_core::{Day, Survey, SurveyId, ValidResponse, templates};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Row, SqlitePool};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// A storage failure. Never shown to clients (they get a generic 500).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database refused or failed.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// Migrations failed at start.
    #[error("migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// Stored JSON did not parse: the database was edited by hand or by a
    /// newer collector.
    #[error("corrupt stored JSON: {0}")]
    Corrupt(#[from] serde_json::Error),
    /// The database directory could not be created.
    #[error("creating the database directory: {0}")]
    Io(#[from] std::io::Error),
    /// A stored day did not parse.
    #[error("corrupt stored day: {0}")]
    CorruptDay(String),
    /// A timestamp failed to format (cannot happen with UTC now).
    #[error("time: {0}")]
    Time(#[from] time::error::Format),
}

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

/// The collector's database.
#[derive(Debug, Clone)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    /// Opens (creating when missing) the database at `url`, applies pending
    /// migrations and adds any built-in survey it lacks.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a 201 promises the response survives a power cut.
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(Duration::from_secs(5))
            .foreign_keys(true);
        if let Some(dir) = options.get_filename().parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir)?;
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        let store = Self { pool };
        for survey in templates::all() {
            store.add_survey_if_missing(&survey).await?;
        }
        Ok(store)
    }

    async fn add_survey_if_missing(&self, survey: &Survey) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO surveys (id, version, definition, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(survey.id.as_str())
        .bind(survey.version)
        .bind(serde_json::to_string(survey)?)
        .bind(OffsetDateTime::now_utc().format(&Rfc3339)?)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The published survey with this id.
    pub async fn survey(&self, id: &SurveyId) -> Result<Option<Survey>, StoreError> {
        let row = sqlx::query("SELECT definition FROM surveys WHERE id = ?")
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| Ok(serde_json::from_str(row.get("definition"))?))
            .transpose()
    }

    /// Stores a validated response of `survey` and adds it to today's summary,
    /// in one transaction. Returns once the transaction is committed.
    pub async fn insert_response(
        &self,
        survey: &Survey,
        response: &ValidResponse,
    ) -> Result<Inserted, StoreError> {
        let received = OffsetDateTime::now_utc();
        let day = Day::from_unix_seconds(received.unix_timestamp()).to_string();
        let mut tx = self.pool.begin().await?;
        // The insert comes first: it takes SQLite's write lock before the
        // summary is read, so two writers never read the same summary and
        // one overwrite the other.
        let inserted = sqlx::query(
            "INSERT INTO responses (id, survey_id, survey_version, received_at, locale, answers)
             VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        )
        .bind(response.id().to_string())
        .bind(response.survey().as_str())
        .bind(response.survey_version())
        .bind(received.format(&Rfc3339)?)
        .bind(response.locale())
        .bind(serde_json::to_string(response.answers())?)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 0 {
            let owner: String = sqlx::query_scalar("SELECT survey_id FROM responses WHERE id = ?")
                .bind(response.id().to_string())
                .fetch_one(&mut *tx)
                .await?;
            return Ok(if owner == response.survey().as_str() {
                Inserted::Duplicate
            } else {
                Inserted::IdTaken
            });
        }
        let stored: Option<String> =
            sqlx::query_scalar("SELECT stats FROM daily_stats WHERE survey_id = ? AND day = ?")
                .bind(response.survey().as_str())
                .bind(&day)
                .fetch_optional(&mut *tx)
                .await?;
        let mut stats: SurveyStats = stored
            .as_deref()
            .map(serde_json::from_str)
            .transpose()?
            .unwrap_or_default();
        stats.add(survey, response);
        sqlx::query(
            "INSERT INTO daily_stats (survey_id, day, stats) VALUES (?, ?, ?)
             ON CONFLICT (survey_id, day) DO UPDATE SET stats = excluded.stats",
        )
        .bind(response.survey().as_str())
        .bind(&day)
        .bind(serde_json::to_string(&stats)?)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Inserted::New)
    }

    /// The daily summaries of `survey` from `first` to `last` (inclusive;
    /// open ends when `None`), oldest first.
    pub async fn days(
        &self,
        survey: &SurveyId,
        first: Option<Day>,
        last: Option<Day>,
    ) -> Result<Vec<(Day, SurveyStats)>, StoreError> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT day, stats FROM daily_stats
             WHERE survey_id = ? AND day >= ? AND day <= ? ORDER BY day",
        )
        .bind(survey.as_str())
        .bind(first.map_or_else(|| "0000-00-00".to_owned(), |d| d.to_string()))
        .bind(last.map_or_else(|| "9999-99-99".to_owned(), |d| d.to_string()))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(day, stats)| {
                let day = Day::parse("day", &day).map_err(|e| StoreError::CorruptDay(e.to_string()))?;
                Ok((day, serde_json::from_str(&stats)?))
            })
            .collect()
    }

    /// The merged summary of `survey` from `first` to `last` (inclusive;
    /// open ends when `None`).
    pub async fn merged(
        &self,
        survey: &SurveyId,
        first: Option<Day>,
        last: Option<Day>,
    ) -> Result<SurveyStats, StoreError> {
        let mut total = SurveyStats::default();
        for (_, day) in self.days(survey, first, last).await? {
            total.merge(&day);
        }
        Ok(total)
    }

    /// How many responses are stored for `survey` (for tests and operators).
    pub async fn count_responses(&self, survey: &SurveyId) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM responses WHERE survey_id = ?")
            .bind(survey.as_str())
            .fetch_one(&self.pool)
            .await?;
        Ok(n.unsigned_abs())
    }
}
