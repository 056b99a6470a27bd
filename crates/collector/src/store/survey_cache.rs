//! Published survey definitions kept in memory for a few seconds: every
//! posted response and every snapshot needs its survey, which changes only
//! when an owner publishes. The ids of every survey are kept too, so an id
//! that names no survey is answered from memory: a flood of made-up ids
//! costs one query per TTL, not one each. This collector forgets what it
//! publishes; another collector's publication is seen within the TTL.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use candor_core::{Survey, SurveyId};

use super::forgets::{Forgets, Mark};

const TTL: Duration = Duration::from_secs(5);
/// Most definitions kept.
const CAPACITY: usize = 10_000;

/// The cache.
#[derive(Default)]
pub struct SurveyCache {
    entries: Mutex<HashMap<SurveyId, (Instant, Arc<Survey>)>>,
    ids: Mutex<Option<(Instant, Arc<HashSet<SurveyId>>)>>,
    /// Moves on every `forget`: ids read before it are not kept.
    forgotten: Forgets,
    /// Held while the ids are read, so a flood at expiry reads them once.
    pub refreshing: tokio::sync::Mutex<()>,
}

impl SurveyCache {
    /// The survey, if read less than the TTL ago.
    pub fn get(&self, id: &SurveyId) -> Option<Arc<Survey>> {
        let entries = self.entries.lock().ok()?;
        let (read, survey) = entries.get(id)?;
        (read.elapsed() < TTL).then(|| survey.clone())
    }

    /// Keeps a survey read after `mark`, unless one changed meanwhile
    /// (the read may have been of the version before).
    pub fn put(&self, survey: Arc<Survey>, mark: Mark) {
        if let Ok(mut entries) = self.entries.lock()
            && self.forgotten.none_since(mark)
        {
            if entries.len() >= CAPACITY {
                entries.retain(|_, (read, _)| read.elapsed() < TTL);
            }
            if entries.len() < CAPACITY {
                entries.insert(survey.id.clone(), (Instant::now(), survey));
            }
        }
    }

    /// Whether a survey `id` exists, if the ids were read less than the TTL
    /// ago.
    pub fn exists(&self, id: &SurveyId) -> Option<bool> {
        let ids = self.ids.lock().ok()?;
        let (read, ids) = ids.as_ref()?;
        (read.elapsed() < TTL).then(|| ids.contains(id))
    }

    /// A mark to pass to [`SurveyCache::put`] or [`SurveyCache::put_ids`],
    /// taken before reading.
    pub fn mark(&self) -> Mark {
        self.forgotten.mark()
    }

    /// Keeps every survey id, read after `mark`, unless a survey changed
    /// meanwhile (the read may have missed it).
    pub fn put_ids(&self, ids: HashSet<SurveyId>, mark: Mark) {
        if let Ok(mut kept) = self.ids.lock()
            && self.forgotten.none_since(mark)
        {
            *kept = Some((Instant::now(), Arc::new(ids)));
        }
    }

    /// Drops a survey that changed (and the ids, which may have too).
    pub fn forget(&self, id: &SurveyId) {
        if let Ok(mut entries) = self.entries.lock() {
            self.forgotten.count();
            entries.remove(id);
        }
        if let Ok(mut ids) = self.ids.lock() {
            *ids = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn survey(id: &str) -> Arc<Survey> {
        let definition = serde_json::json!({
            "id": id, "version": 1, "default_locale": "en", "title": {"en": "T"},
            "questions": [{"id": "rating", "kind": "csat", "text": {"en": "How was it?"}}],
        });
        Arc::new(serde_json::from_value(definition).unwrap())
    }

    fn id(id: &str) -> SurveyId {
        SurveyId::parse("survey", id).unwrap()
    }

    #[test]
    fn a_read_begun_before_a_publication_is_not_kept() {
        let cache = SurveyCache::default();
        let mark = cache.mark();
        cache.forget(&id("checkout"));
        cache.put(survey("checkout"), mark);
        cache.put_ids(HashSet::from([id("checkout")]), mark);
        assert!(
            cache.get(&id("checkout")).is_none(),
            "the definition read before may be the old one"
        );
        assert_eq!(
            cache.exists(&id("checkout")),
            None,
            "the ids read before may miss the new one"
        );

        let mark = cache.mark();
        cache.put(survey("checkout"), mark);
        cache.put_ids(HashSet::from([id("checkout")]), mark);
        assert!(cache.get(&id("checkout")).is_some());
        assert_eq!(cache.exists(&id("checkout")), Some(true));
    }
}
