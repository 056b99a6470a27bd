//! The response funnel's counts, added up in memory as the widget reports
//! them and written every few seconds (and before the owner reads them):
//! reports cost no write each, and SQLite's one writer sees one small
//! transaction per interval. The table of counts is bounded: past
//! [`MAX_KEYS`] (survey, day, page) entries, new pages count as "not told".

use std::collections::HashMap;
use std::sync::Mutex;

use candor_core::admin::FunnelEvent;
use candor_core::visitor::VisitorHash;
use candor_core::{Day, SurveyId};

use crate::store::Dismissals;
use crate::{Store, StoreError};

/// Most (survey, day, page) entries held between writes.
pub const MAX_KEYS: usize = 10_000;

/// (survey, day, page) → shown, started, dismissed.
pub type Counts = HashMap<(SurveyId, Day, String), [u64; 3]>;

/// Counts not yet written.
#[derive(Debug, Default)]
pub struct Funnel {
    pending: Mutex<Counts>,
    /// Identified visitors' dismissals, bounded by [`MAX_KEYS`] too.
    dismissals: Mutex<Dismissals>,
    /// Held for a whole write, so a read's flush waits for the periodic
    /// one already writing instead of finding nothing pending and reading
    /// before that write commits.
    writing: tokio::sync::Mutex<()>,
}

impl Funnel {
    /// Counts one `event` of `survey` on `page` today.
    pub fn record(&self, survey: &SurveyId, day: Day, page: Option<&str>, event: FunnelEvent) {
        let slot = match event {
            FunnelEvent::Shown => 0,
            FunnelEvent::Started => 1,
            FunnelEvent::Dismissed => 2,
        };
        let Ok(mut pending) = self.pending.lock() else {
            return;
        };
        let mut key = (survey.clone(), day, page.unwrap_or_default().to_owned());
        if pending.len() >= MAX_KEYS && !pending.contains_key(&key) {
            key.2 = String::new();
            if !pending.contains_key(&key) {
                // Full even for "not told": dropped rather than grow.
                return;
            }
        }
        pending.entry(key).or_default()[slot] += 1;
    }

    /// Notes that the identified `visitor` dismissed `survey` on `day`.
    pub fn dismissed(&self, survey: &SurveyId, visitor: VisitorHash, day: Day) {
        let Ok(mut dismissals) = self.dismissals.lock() else {
            return;
        };
        let key = (survey.clone(), visitor);
        if dismissals.len() < MAX_KEYS || dismissals.contains_key(&key) {
            dismissals.insert(key, day);
        }
    }

    /// Writes what was counted; on failure the counts are kept for the
    /// next write.
    pub async fn flush(&self, store: &Store) -> Result<(), StoreError> {
        let _writing = self.writing.lock().await;
        let taken = match self.pending.lock() {
            Ok(mut pending) => std::mem::take(&mut *pending),
            Err(_) => return Ok(()),
        };
        let dismissals = match self.dismissals.lock() {
            Ok(mut dismissals) => std::mem::take(&mut *dismissals),
            Err(_) => Dismissals::default(),
        };
        if taken.is_empty() && dismissals.is_empty() {
            return Ok(());
        }
        if let Err(error) = store.add_funnel(&taken, &dismissals).await {
            if let Ok(mut kept) = self.dismissals.lock() {
                for (key, day) in dismissals {
                    kept.entry(key).or_insert(day);
                }
            }
            if let Ok(mut pending) = self.pending.lock() {
                for (key, counts) in taken {
                    let slot = pending.entry(key).or_default();
                    for i in 0..3 {
                        slot[i] += counts[i];
                    }
                }
            }
            return Err(error);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::pin::pin;
    use std::task::Context;

    use futures_util::FutureExt;

    use super::*;

    #[tokio::test]
    async fn a_flush_waits_for_the_write_already_under_way() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("funnel.db").display());
        let store = Store::open(&url).await.unwrap();
        let funnel = Funnel::default();
        let survey = candor_core::templates::checkout().id;
        let day = Day::from_days_since_epoch(20_000);
        funnel.record(&survey, day, Some("/a"), FunnelEvent::Shown);

        // The periodic write takes the counts and is writing them.
        let mut periodic = pin!(funnel.flush(&store));
        let mut context = Context::from_waker(futures_util::task::noop_waker_ref());
        assert!(
            periodic.as_mut().poll(&mut context).is_pending(),
            "the write is under way"
        );
        assert!(funnel.pending.lock().unwrap().is_empty(), "the counts were taken");

        // A read's flush must not return before that write commits.
        let mut read = pin!(funnel.flush(&store));
        assert!(
            read.as_mut().now_or_never().is_none(),
            "returned while the counts were unwritten"
        );
        periodic.await.unwrap();
        read.await.unwrap();
        assert_eq!(store.funnel_pages(&survey, None).await.unwrap()["/a"].shown, 1);
    }

    #[test]
    fn dismissals_keep_the_latest_day_and_stay_bounded() {
        let funnel = Funnel::default();
        let survey = SurveyId::parse("", "s").unwrap();
        let visitor = |n: usize| VisitorHash::parse("", &format!("{n:064x}")).unwrap();
        let (monday, tuesday) = (
            Day::from_days_since_epoch(20_000),
            Day::from_days_since_epoch(20_001),
        );
        funnel.dismissed(&survey, visitor(0), monday);
        funnel.dismissed(&survey, visitor(0), tuesday);
        for n in 1..MAX_KEYS + 50 {
            funnel.dismissed(&survey, visitor(n), monday);
        }
        let dismissals = funnel.dismissals.lock().unwrap();
        assert_eq!(dismissals.len(), MAX_KEYS, "bounded");
        assert_eq!(dismissals[&(survey, visitor(0))], tuesday, "the latest day");
    }

    #[test]
    fn counts_add_up_per_page_and_the_table_stays_bounded() {
        let funnel = Funnel::default();
        let survey = SurveyId::parse("", "s").unwrap();
        let day = Day::from_days_since_epoch(20_000);
        funnel.record(&survey, day, Some("/a"), FunnelEvent::Shown);
        funnel.record(&survey, day, Some("/a"), FunnelEvent::Shown);
        funnel.record(&survey, day, None, FunnelEvent::Dismissed);
        for n in 0..MAX_KEYS + 50 {
            funnel.record(&survey, day, Some(&format!("/p{n}")), FunnelEvent::Started);
        }
        let pending = funnel.pending.lock().unwrap();
        assert_eq!(pending.len(), MAX_KEYS, "bounded");
        assert_eq!(pending[&(survey.clone(), day, "/a".to_owned())], [2, 0, 0]);
        // Past the bound, new pages count as "not told".
        assert_eq!(pending[&(survey, day, String::new())][1], 52);
    }
}
