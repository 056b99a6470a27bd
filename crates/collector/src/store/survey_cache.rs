//! Published survey definitions kept in memory for a few seconds: every
//! posted response and every snapshot needs its survey, which changes only
//! when an owner publishes. This collector forgets a survey when it
//! publishes one; another collector's publication is seen within the TTL.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use candor_core::{Survey, SurveyId};

const TTL: Duration = Duration::from_secs(5);

/// The cache.
#[derive(Default)]
pub struct SurveyCache {
    entries: Mutex<HashMap<SurveyId, (Instant, Arc<Survey>)>>,
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
            if entries.len() > 10_000 {
                entries.retain(|_, (read, _)| read.elapsed() < TTL);
            }
            entries.insert(survey.id.clone(), (Instant::now(), survey));
        }
    }

    /// Drops a survey that changed.
    pub fn forget(&self, id: &SurveyId) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.remove(id);
        }
    }
}
