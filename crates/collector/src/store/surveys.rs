//! Survey definitions.

use candor_core::{Survey, SurveyId};
use sqlx::Row;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{Store, StoreError, on_pool};

impl Store {
    pub(super) async fn add_survey_if_missing(&self, survey: &Survey) -> Result<(), StoreError> {
        let definition = serde_json::to_string(survey)?;
        let now = OffsetDateTime::now_utc().format(&Rfc3339)?;
        on_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO surveys (id, version, definition, updated_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (id) DO NOTHING",
            )
            .bind(survey.id.as_str())
            .bind(i64::from(survey.version))
            .bind(&definition)
            .bind(&now)
            .execute(pool)
            .await
            .map(drop)
        })?;
        Ok(())
    }

    /// The published survey with this id.
    pub async fn survey(&self, id: &SurveyId) -> Result<Option<Survey>, StoreError> {
        let row = on_pool!(self, pool => {
            sqlx::query("SELECT definition FROM surveys WHERE id = $1")
                .bind(id.as_str())
                .fetch_optional(pool)
                .await?
                .map(|row| row.get::<String, _>("definition"))
        });
        row.map(|definition| Ok(serde_json::from_str(&definition)?))
            .transpose()
    }
}
