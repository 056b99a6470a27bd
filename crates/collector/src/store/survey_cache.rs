//! Published survey definitions kept in memory for a few seconds: every
//! posted response and every snapshot needs its survey, which changes only
//! when an owner publishes. The ids of every survey are kept too, so an id
//! that names no survey is answered from memory: a flood of made-up ids
//! costs one query per TTL, not one each. This collector forgets what it
//! publishes; another collector's publication is seen within the TTL.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use candor_core::{Survey, SurveyId};

const TTL: Duration = Duration::from_secs(5);
/// Most definitions kept.
const CAPACITY: usize = 10_000;

/// The cache.
#[derive(Default)]
pub struct SurveyCache {
    entries: Mutex<HashMap<SurveyId, (Instant, Arc<Survey>)>>,
    ids: Mutex<Option<(Instant, Arc<HashSet<SurveyId>>)>>,
    /// Moves on every `forget`: ids read before it are not kept.
    forgotten: AtomicU64,
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

    /// Keeps a survey just read.
    pub fn put(&self, survey: Arc<Survey>) {
        if let Ok(mut entries) = self.entries.lock() {
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

    /// A mark to pass to [`SurveyCache::put_ids`], taken before reading.
    pub fn mark(&self) -> u64 {
        self.forgotten.load(Ordering::Acquire)
    }

    /// Keeps every survey id, read after `mark`, unless a survey changed
    /// meanwhile (the read may have missed it).
    pub fn put_ids(&self, ids: HashSet<SurveyId>, mark: u64) {
        if let Ok(mut kept) = self.ids.lock()
            && self.mark() == mark
        {
            *kept = Some((Instant::now(), Arc::new(ids)));
        }
    }

    /// Drops a survey that changed (and the ids, which may have too).
    pub fn forget(&self, id: &SurveyId) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.remove(id);
        }
        if let Ok(mut ids) = self.ids.lock() {
            self.forgotten.fetch_add(1, Ordering::AcqRel);
            *ids = None;
        }
    }
}
