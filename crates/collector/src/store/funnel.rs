//! The funnel's stored counts: added in one transaction per write, and
//! read back per page over a window, with the finished responses per page
//! and the answers of the unfinished ones (where they stopped).

use std::collections::BTreeMap;

use candor_core::admin::FunnelCounts;
use candor_core::{Day, SurveyId};

use super::visitors::{self, Dismissals};
use super::{Backend, Store, StoreError, on_pool};
use crate::funnel::Counts;

/// A page's summed reports: (page, shown, started, dismissed).
type PageEvents = (String, i64, i64, i64);

impl Store {
    /// Adds `counts` to the stored ones and records identified visitors'
    /// `dismissals`, in one transaction.
    pub async fn add_funnel(&self, counts: &Counts, dismissals: &Dismissals) -> Result<(), StoreError> {
        let begin = match self.backend {
            Backend::Sqlite(_) => "BEGIN IMMEDIATE",
            Backend::Postgres(_) => "BEGIN",
        };
        on_pool!(self.backend, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            for ((survey, day, page), [shown, started, dismissed]) in counts {
                sqlx::query(
                    "INSERT INTO funnel_daily (survey_id, day, page, shown, started, dismissed)
                     VALUES ($1, $2, $3, $4, $5, $6)
                     ON CONFLICT (survey_id, day, page) DO UPDATE SET
                       shown = funnel_daily.shown + excluded.shown,
                       started = funnel_daily.started + excluded.started,
                       dismissed = funnel_daily.dismissed + excluded.dismissed",
                )
                .bind(survey.as_str())
                .bind(day.to_string())
                .bind(page)
                .bind(i64::try_from(*shown).unwrap_or(i64::MAX))
                .bind(i64::try_from(*started).unwrap_or(i64::MAX))
                .bind(i64::try_from(*dismissed).unwrap_or(i64::MAX))
                .execute(&mut *tx)
                .await?;
            }
            for ((survey, visitor), day) in dismissals {
                sqlx::query(visitors::DISMISSED)
                    .bind(visitor.as_str())
                    .bind(survey.as_str())
                    .bind(day.to_string())
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Per page (`""`: not told), the funnel's counts of `survey` from day
    /// `first` on (all time when `None`), finished responses included.
    pub async fn funnel_pages(
        &self,
        survey: &SurveyId,
        first: Option<Day>,
    ) -> Result<BTreeMap<String, FunnelCounts>, StoreError> {
        let from = first.map_or_else(|| "0000-00-00".to_owned(), |d| d.to_string());
        let (events, finished): (Vec<PageEvents>, Vec<(String, i64)>) = on_pool!(self.backend, |pool| {
            let events = sqlx::query_as(
                "SELECT page, CAST(SUM(shown) AS BIGINT), CAST(SUM(started) AS BIGINT), CAST(SUM(dismissed) AS BIGINT)
                 FROM funnel_daily WHERE survey_id = $1 AND day >= $2 GROUP BY page",
            )
            .bind(survey.as_str())
            .bind(&from)
            .fetch_all(pool)
            .await?;
            let finished = sqlx::query_as(
                "SELECT COALESCE(page, ''), COUNT(*) FROM responses WHERE survey_id = $1 AND received_at >= $2
                 GROUP BY COALESCE(page, '')",
            )
            .bind(survey.as_str())
            .bind(&from)
            .fetch_all(pool)
            .await?;
            (events, finished)
        });
        let mut pages: BTreeMap<String, FunnelCounts> = BTreeMap::new();
        let count = |n: i64| n.unsigned_abs();
        for (page, shown, started, dismissed) in events {
            let counts = pages.entry(page).or_default();
            counts.shown = count(shown);
            counts.started = count(started);
            counts.dismissed = count(dismissed);
        }
        for (page, completed) in finished {
            pages.entry(page).or_default().completed = count(completed);
        }
        Ok(pages)
    }

    /// The answers (as stored JSON) of `survey`'s unfinished responses
    /// started from day `first` on.
    pub async fn unfinished_answers(
        &self,
        survey: &SurveyId,
        first: Option<Day>,
    ) -> Result<Vec<String>, StoreError> {
        let from = first.map_or_else(|| "0000-00-00".to_owned(), |d| d.to_string());
        Ok(on_pool!(self.backend, |pool| {
            sqlx::query_scalar("SELECT answers FROM partial_responses WHERE survey_id = $1 AND day >= $2")
                .bind(survey.as_str())
                .bind(&from)
                .fetch_all(pool)
                .await?
        }))
    }
}
