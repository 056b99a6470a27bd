//! Data generations: a number per survey that moves whenever that survey's
//! stored data may have changed, so a response to one survey leaves every
//! other survey's cached snapshots valid. An epoch shared by all moves when
//! changes may have been missed (another collector's notifications lost
//! while reconnecting) or touched surveys not named (an erasure).

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use candor_core::SurveyId;

/// The counters.
#[derive(Debug, Default)]
pub struct Generations {
    epoch: AtomicU64,
    surveys: Mutex<HashMap<SurveyId, u64>>,
}

impl Generations {
    /// The generation of `survey`'s data. Both parts only grow, so their sum
    /// changes whenever either does.
    pub fn of(&self, survey: &SurveyId) -> u64 {
        // Read the epoch first: a bump of both between the reads makes the
        // answer stale, never too new.
        let epoch = self.epoch.load(Ordering::Acquire);
        let own = self
            .surveys
            .lock()
            .map(|surveys| surveys.get(survey).copied().unwrap_or(0))
            .unwrap_or(0);
        epoch + own
    }

    /// `survey` changed.
    pub fn bump(&self, survey: &SurveyId) {
        match self.surveys.lock() {
            Ok(mut surveys) => *surveys.entry(survey.clone()).or_default() += 1,
            // A poisoned map is no reason to serve stale figures.
            Err(_) => self.bump_all(),
        }
    }

    /// Anything may have changed.
    pub fn bump_all(&self) {
        self.epoch.fetch_add(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_survey_moves_alone_and_the_epoch_moves_all() {
        let generations = Generations::default();
        let a = SurveyId::parse("", "a").unwrap();
        let b = SurveyId::parse("", "b").unwrap();
        let (a0, b0) = (generations.of(&a), generations.of(&b));
        generations.bump(&a);
        assert_ne!(generations.of(&a), a0);
        assert_eq!(generations.of(&b), b0, "another survey's change");
        let (a1, b1) = (generations.of(&a), generations.of(&b));
        generations.bump_all();
        assert!(generations.of(&a) > a1 && generations.of(&b) > b1);
    }
}
