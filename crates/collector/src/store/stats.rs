//! Daily summaries, the owner's and the public's: read for snapshots.

use candor_core::stats::SurveyStats;
use candor_core::{Day, SurveyId};

use super::{Store, StoreError, on_pool};

/// Whose figures: every finished response's, those and the partial ones',
/// or the public's (released groups only, see `candor_core::release`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Figures {
    /// The owner's: every finished response.
    Owner,
    /// The owner's with partial responses: every finished response and the
    /// latest save of every unfinished one.
    OwnerWithPartial,
    /// The public's: released groups only (of finished responses).
    Public,
}

impl Store {
    /// The daily summaries of `survey` from `first` to `last` (inclusive;
    /// open ends when `None`), oldest first.
    pub async fn days(
        &self,
        survey: &SurveyId,
        first: Option<Day>,
        last: Option<Day>,
    ) -> Result<Vec<(Day, SurveyStats)>, StoreError> {
        self.days_of(Figures::Owner, survey, first, last).await
    }

    /// The days `figures` are built from: the daily summaries of every
    /// response (the owner's), or the released groups merged per day (the
    /// public's).
    pub async fn days_of(
        &self,
        figures: Figures,
        survey: &SurveyId,
        first: Option<Day>,
        last: Option<Day>,
    ) -> Result<Vec<(Day, SurveyStats)>, StoreError> {
        let sql = match figures {
            Figures::Owner => {
                "SELECT day, stats FROM daily_stats WHERE survey_id = $1 AND day >= $2 AND day <= $3 ORDER BY day"
            }
            Figures::OwnerWithPartial => {
                "SELECT day, stats FROM daily_stats WHERE survey_id = $1 AND day >= $2 AND day <= $3
                 UNION ALL
                 SELECT day, stats FROM partial_daily_stats WHERE survey_id = $1 AND day >= $2 AND day <= $3
                 ORDER BY day"
            }
            Figures::Public => {
                "SELECT day, stats FROM release_days WHERE survey_id = $1 AND day >= $2 AND day <= $3 ORDER BY day"
            }
        };
        let first = first.map_or_else(|| "0000-00-00".to_owned(), |d| d.to_string());
        let last = last.map_or_else(|| "9999-99-99".to_owned(), |d| d.to_string());
        let rows: Vec<(String, String)> = on_pool!(self.backend, |pool| {
            sqlx::query_as(sql)
                .bind(survey.as_str())
                .bind(&first)
                .bind(&last)
                .fetch_all(pool)
                .await?
        });
        // A day in both tables comes twice, one after the other: merged.
        let mut days: Vec<(Day, SurveyStats)> = Vec::with_capacity(rows.len());
        for (day, stats) in rows {
            let day = Day::parse("day", &day).map_err(|e| StoreError::CorruptDay(e.to_string()))?;
            let stats: SurveyStats = serde_json::from_str(&stats)?;
            match days.last_mut() {
                Some((last, merged)) if *last == day => merged.merge(&stats),
                _ => days.push((day, stats)),
            }
        }
        Ok(days)
    }

    /// The merged summary of `survey` from `first` to `last` (inclusive;
    /// open ends when `None`).
    pub async fn merged(
        &self,
        figures: Figures,
        survey: &SurveyId,
        first: Option<Day>,
        last: Option<Day>,
    ) -> Result<SurveyStats, StoreError> {
        let mut total = SurveyStats::default();
        for (_, day) in self.days_of(figures, survey, first, last).await? {
            total.merge(&day);
        }
        Ok(total)
    }
}
