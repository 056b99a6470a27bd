//! Which surveys are open now: the published definitions the site-wide
//! list is made from, and the response counts limits are held to. Both are
//! public reads any visitor can cause: the definitions are read at most
//! once per TTL however many ask (as the survey cache does for one
//! survey), a count once per new response (the survey's generation).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use candor_core::{Moment, Opening, Survey, SurveyId};
use time::OffsetDateTime;

use super::forgets::{Forgets, Mark};
use super::{Store, StoreError, on_pool};

const TTL: Duration = Duration::from_secs(5);
/// Most counts kept (one per survey with a response limit).
const COUNTS_KEPT: usize = 10_000;

/// Every published survey, by id, shared.
pub type Published = Arc<Vec<Arc<Survey>>>;

/// The published surveys and the counts, as last read.
#[derive(Default)]
pub struct OpenCache {
    published: Mutex<Option<(Instant, Published)>>,
    counts: Mutex<HashMap<SurveyId, (u64, u64)>>,
    /// Moves on every `forget`: definitions read before it are not kept
    /// (a sweep reading them as a survey is published would otherwise keep
    /// the list without it for a TTL).
    forgotten: Forgets,
    /// Held while the definitions are read, so a flood reads them once.
    reading: tokio::sync::Mutex<()>,
}

impl OpenCache {
    /// Forgets the definitions: one was published.
    pub fn forget(&self) {
        if let Ok(mut published) = self.published.lock() {
            self.forgotten.count();
            *published = None;
        }
    }

    /// A mark to pass to [`OpenCache::keep`], taken before reading.
    fn mark(&self) -> Mark {
        self.forgotten.mark()
    }

    /// Keeps the definitions read after `mark`, unless one was published
    /// meanwhile.
    fn keep(&self, surveys: Published, mark: Mark) {
        if let Ok(mut published) = self.published.lock()
            && self.forgotten.none_since(mark)
        {
            *published = Some((Instant::now(), surveys));
        }
    }

    fn fresh_published(&self) -> Option<Published> {
        let published = self.published.lock().ok()?;
        let (read, surveys) = published.as_ref()?;
        (read.elapsed() < TTL).then(|| surveys.clone())
    }

    /// The count read at `generation`, if it was.
    fn fresh_count(&self, id: &SurveyId, generation: u64) -> Option<u64> {
        let counts = self.counts.lock().ok()?;
        let (read_at, n) = counts.get(id)?;
        (*read_at == generation).then_some(*n)
    }
}

/// Now, as a survey's schedule counts it.
pub fn now() -> Moment {
    Moment::from_unix_seconds(OffsetDateTime::now_utc().unix_timestamp())
}

impl Store {
    /// Whether `survey` is open now.
    pub async fn opening(&self, survey: &Survey) -> Result<Opening, StoreError> {
        let responses = match survey.settings.response_limit {
            Some(limit) => self.responses_up_to(&survey.id, limit).await?,
            None => 0,
        };
        Ok(survey.settings.opening(now(), responses))
    }

    /// Every published survey, by id.
    pub async fn published(&self) -> Result<Published, StoreError> {
        if let Some(surveys) = self.open.fresh_published() {
            return Ok(surveys);
        }
        let _reading = self.open.reading.lock().await;
        if let Some(surveys) = self.open.fresh_published() {
            return Ok(surveys);
        }
        let mark = self.open.mark();
        let definitions: Vec<String> = on_pool!(self.backend, |pool| {
            sqlx::query_scalar("SELECT definition FROM surveys ORDER BY id")
                .fetch_all(pool)
                .await?
        });
        let surveys = definitions
            .iter()
            .map(|d| Ok(Arc::new(serde_json::from_str(d)?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        let surveys = Arc::new(surveys);
        self.open.keep(surveys.clone(), mark);
        Ok(surveys)
    }

    /// How many responses `survey` has, counting no further than `limit`
    /// (all a limit needs to know, and a bounded read however many there
    /// are).
    async fn responses_up_to(&self, survey: &SurveyId, limit: u32) -> Result<u64, StoreError> {
        // Read before counting: a response stored meanwhile moves it on,
        // so the count is read again next time.
        let generation = self.generation(survey);
        if let Some(n) = self.open.fresh_count(survey, generation) {
            return Ok(n);
        }
        let n: i64 = on_pool!(self.backend, |pool| {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM (SELECT 1 FROM responses WHERE survey_id = $1 LIMIT $2) AS r",
            )
            .bind(survey.as_str())
            .bind(i64::from(limit))
            .fetch_one(pool)
            .await?
        });
        if let Ok(mut counts) = self.open.counts.lock() {
            if counts.len() >= COUNTS_KEPT {
                counts.clear();
            }
            counts.insert(survey.clone(), (generation, n.unsigned_abs()));
        }
        Ok(n.unsigned_abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_read_before_a_publication_are_not_kept() {
        let cache = OpenCache::default();
        let mark = cache.mark();
        cache.forget();
        cache.keep(Arc::default(), mark);
        assert!(
            cache.fresh_published().is_none(),
            "the list read before may miss the new survey"
        );

        cache.keep(Arc::default(), cache.mark());
        assert!(cache.fresh_published().is_some());
    }
}
