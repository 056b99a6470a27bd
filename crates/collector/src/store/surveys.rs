//! Survey definitions: the published version, every earlier version, and an
//! unpublished draft.

use std::sync::Arc;

use candor_core::admin::SurveySummary;
use candor_core::{Survey, SurveyId};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{Store, StoreError, on_pool};

/// Records a published version: (survey id, version, definition, time).
const INSERT_VERSION: &str =
    "INSERT INTO survey_versions (survey_id, version, definition, published_at) VALUES ($1, $2, $3, $4)";

fn now() -> Result<String, StoreError> {
    Ok(OffsetDateTime::now_utc().format(&Rfc3339)?)
}

impl Store {
    pub(super) async fn add_survey_if_missing(&self, survey: &Survey) -> Result<(), StoreError> {
        self.create_survey(survey).await.map(drop)
    }

    /// Publishes a new survey as version `survey.version`; `false` when the
    /// id is taken.
    pub async fn create_survey(&self, survey: &Survey) -> Result<bool, StoreError> {
        let definition = serde_json::to_string(survey)?;
        let now = now()?;
        let created = on_pool!(self.backend, |pool| {
            let mut tx = pool.begin().await?;
            let created = sqlx::query(
                "INSERT INTO surveys (id, version, definition, updated_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (id) DO NOTHING",
            )
            .bind(survey.id.as_str())
            .bind(i64::from(survey.version))
            .bind(&definition)
            .bind(&now)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if created {
                sqlx::query(INSERT_VERSION)
                    .bind(survey.id.as_str())
                    .bind(i64::from(survey.version))
                    .bind(&definition)
                    .bind(&now)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            created
        });
        self.surveys.forget(&survey.id);
        self.open.forget();
        Ok(created)
    }

    /// The published survey with this id, from memory when it was read in
    /// the last few seconds (every response and snapshot needs it; shared,
    /// not copied, on that hot path).
    pub async fn survey(&self, id: &SurveyId) -> Result<Option<Arc<Survey>>, StoreError> {
        if let Some(survey) = self.surveys.get(id) {
            return Ok(Some(survey));
        }
        if !self.survey_exists(id).await? {
            return Ok(None);
        }
        let mark = self.surveys.mark();
        let survey = self.read_survey(id).await?.map(Arc::new);
        if let Some(survey) = &survey {
            self.surveys.put(survey.clone(), mark);
        }
        Ok(survey)
    }

    /// Whether a survey `id` exists, from the ids kept in memory (read
    /// again once they are older than the cache's TTL).
    async fn survey_exists(&self, id: &SurveyId) -> Result<bool, StoreError> {
        if let Some(exists) = self.surveys.exists(id) {
            return Ok(exists);
        }
        let _reading = self.surveys.refreshing.lock().await;
        if let Some(exists) = self.surveys.exists(id) {
            return Ok(exists);
        }
        let mark = self.surveys.mark();
        let ids: Vec<String> = on_pool!(self.backend, |pool| {
            sqlx::query_scalar("SELECT id FROM surveys")
                .fetch_all(pool)
                .await?
        });
        let ids: std::collections::HashSet<SurveyId> = ids
            .iter()
            .filter_map(|id| SurveyId::parse("survey", id).ok())
            .collect();
        let exists = ids.contains(id);
        self.surveys.put_ids(ids, mark);
        Ok(exists)
    }

    async fn read_survey(&self, id: &SurveyId) -> Result<Option<Survey>, StoreError> {
        let definition: Option<String> = on_pool!(self.backend, |pool| {
            sqlx::query_scalar("SELECT definition FROM surveys WHERE id = $1")
                .bind(id.as_str())
                .fetch_optional(pool)
                .await?
        });
        definition.map(|d| Ok(serde_json::from_str(&d)?)).transpose()
    }

    /// A published version of a survey (current or earlier).
    pub async fn survey_version(&self, id: &SurveyId, version: u32) -> Result<Option<Survey>, StoreError> {
        let definition: Option<String> = on_pool!(self.backend, |pool| {
            sqlx::query_scalar("SELECT definition FROM survey_versions WHERE survey_id = $1 AND version = $2")
                .bind(id.as_str())
                .bind(i64::from(version))
                .fetch_optional(pool)
                .await?
        });
        definition.map(|d| Ok(serde_json::from_str(&d)?)).transpose()
    }

    /// Every survey with its response count, by id.
    pub async fn surveys(&self) -> Result<Vec<SurveySummary>, StoreError> {
        let rows: Vec<(String, Option<String>, i64)> = on_pool!(self.backend, |pool| {
            sqlx::query_as(
                "SELECT s.definition, s.draft, (SELECT COUNT(*) FROM responses r WHERE r.survey_id = s.id)
                 FROM surveys s ORDER BY s.id",
            )
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(definition, draft, responses)| {
                Ok(SurveySummary {
                    survey: serde_json::from_str(&definition)?,
                    responses: responses.unsigned_abs(),
                    has_draft: draft.is_some(),
                })
            })
            .collect()
    }

    /// Saves an unpublished edit; `false` when there is no such survey.
    pub async fn save_draft(&self, draft: &Survey) -> Result<bool, StoreError> {
        let definition = serde_json::to_string(draft)?;
        let now = now()?;
        let updated = on_pool!(self.backend, |pool| {
            sqlx::query("UPDATE surveys SET draft = $2, updated_at = $3 WHERE id = $1")
                .bind(draft.id.as_str())
                .bind(&definition)
                .bind(&now)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(updated == 1)
    }

    /// The unpublished draft, if any.
    pub async fn draft(&self, id: &SurveyId) -> Result<Option<Survey>, StoreError> {
        let draft: Option<Option<String>> = on_pool!(self.backend, |pool| {
            sqlx::query_scalar("SELECT draft FROM surveys WHERE id = $1")
                .bind(id.as_str())
                .fetch_optional(pool)
                .await?
        });
        draft.flatten().map(|d| Ok(serde_json::from_str(&d)?)).transpose()
    }

    /// Publishes the draft as the next version; the published survey, or
    /// `None` when there is no draft.
    pub async fn publish(&self, id: &SurveyId) -> Result<Option<Survey>, StoreError> {
        let Some(mut draft) = self.draft(id).await? else {
            return Ok(None);
        };
        let now = now()?;
        let published = on_pool!(self.backend, |pool| {
            let mut tx = pool.begin().await?;
            let current: i64 =
                sqlx::query_scalar("SELECT MAX(version) FROM survey_versions WHERE survey_id = $1")
                    .bind(id.as_str())
                    .fetch_one(&mut *tx)
                    .await?;
            draft.version = u32::try_from(current + 1).unwrap_or(u32::MAX);
            let definition = serde_json::to_string(&draft)?;
            sqlx::query("UPDATE surveys SET version = $2, definition = $3, draft = NULL, updated_at = $4 WHERE id = $1")
                .bind(id.as_str())
                .bind(i64::from(draft.version))
                .bind(&definition)
                .bind(&now)
                .execute(&mut *tx)
                .await?;
            sqlx::query(INSERT_VERSION)
                .bind(id.as_str())
                .bind(i64::from(draft.version))
                .bind(&definition)
                .bind(&now)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            draft
        });
        self.surveys.forget(id);
        self.open.forget();
        Ok(Some(published))
    }
}
