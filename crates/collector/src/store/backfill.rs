//! Responses stored before public figures were released in groups
//! (`release` is NULL) are put into groups at start, in the order they
//! arrived, each group released on the day its last member arrived, so an
//! upgraded collector keeps showing public figures. Done in pages of
//! [`PAGE`] rows, each in a transaction; a no-op once every response has
//! its groups.

use std::collections::BTreeMap;
use std::sync::Arc;

use candor_core::{Survey, SurveyId, ValidResponse};

use super::release::{self, OpenRow};
use super::segment_stats::revalidated_for_figures;
use super::{Backend, Store, StoreError, on_pool};

/// Responses read and grouped per transaction.
const PAGE: i64 = 5_000;

/// A response without groups: (id, version, received at, answers).
type Ungrouped = (String, i64, String, String);

impl Store {
    /// Groups every response that has none; how many there were.
    pub(super) async fn backfill_release(&self) -> Result<u64, StoreError> {
        let surveys: Vec<String> = on_pool!(self.backend, |pool| {
            sqlx::query_scalar(
                "SELECT DISTINCT survey_id FROM responses WHERE release IS NULL ORDER BY survey_id",
            )
            .fetch_all(pool)
            .await?
        });
        let mut grouped = 0;
        for survey in surveys {
            let Ok(id) = SurveyId::parse("survey", &survey) else {
                continue;
            };
            let versions: BTreeMap<u32, Arc<Survey>> = self
                .versions(&id)
                .await?
                .into_iter()
                .map(|(v, s)| (v, Arc::new(s)))
                .collect();
            loop {
                let page = self.backfill_page(&survey, &versions).await?;
                grouped += page;
                if page == 0 {
                    break;
                }
            }
            tracing::info!(survey, "earlier responses put into public release groups");
        }
        Ok(grouped)
    }

    /// Groups the next page of `survey`'s responses without groups; how many.
    async fn backfill_page(
        &self,
        survey: &str,
        versions: &BTreeMap<u32, Arc<Survey>>,
    ) -> Result<u64, StoreError> {
        let postgres = matches!(self.backend, Backend::Postgres(_));
        on_pool!(self.backend, |pool| {
            let mut tx = pool
                .begin_with(if postgres { "BEGIN" } else { "BEGIN IMMEDIATE" })
                .await?;
            if postgres {
                sqlx::query("SELECT id FROM surveys WHERE id = $1 FOR UPDATE")
                    .bind(survey)
                    .execute(&mut *tx)
                    .await?;
            }
            let rows: Vec<Ungrouped> = sqlx::query_as(
                "SELECT id, survey_version, received_at, answers FROM responses
                 WHERE survey_id = $1 AND release IS NULL ORDER BY received_at, id LIMIT $2",
            )
            .bind(survey)
            .bind(PAGE)
            .fetch_all(&mut *tx)
            .await?;
            // Responses that no longer validate join no group (`{}`): they
            // are in no public figure, and are never read again.
            let mut valid: Vec<(usize, &Arc<Survey>, ValidResponse)> = Vec::new();
            for (index, (_, version, _, answers)) in rows.iter().enumerate() {
                let definition = u32::try_from(*version).ok().and_then(|v| versions.get(&v));
                if let Some(definition) = definition
                    && let Some(response) = revalidated_for_figures(definition, answers)
                {
                    valid.push((index, definition, response));
                }
            }
            let open: Vec<OpenRow> = sqlx::query_as(&format!("{} ($1)", release::SELECT_OPEN))
                .bind(survey)
                .fetch_all(&mut *tx)
                .await?;
            let days: Vec<(String, String, String)> =
                sqlx::query_as("SELECT survey_id, day, stats FROM release_days WHERE survey_id = $1")
                    .bind(survey)
                    .fetch_all(&mut *tx)
                    .await?;
            let grouped: Vec<(&Arc<Survey>, &ValidResponse)> =
                valid.iter().map(|(_, s, r)| (*s, r)).collect();
            let receipt = release::receive(open, days, &grouped, |i| {
                rows[valid[i].0].2.get(..10).unwrap_or_default()
            })?;
            let mut joined = vec!["{}".to_owned(); rows.len()];
            for ((index, _, _), groups) in valid.iter().zip(receipt.joined) {
                joined[*index] = groups;
            }
            for ((id, ..), groups) in rows.iter().zip(&joined) {
                sqlx::query("UPDATE responses SET release = $2 WHERE id = $1")
                    .bind(id)
                    .bind(groups)
                    .execute(&mut *tx)
                    .await?;
            }
            for statement in &receipt.statements {
                statement.run(&mut tx).await?;
            }
            tx.commit().await?;
            Ok(rows.len() as u64)
        })
    }
}
