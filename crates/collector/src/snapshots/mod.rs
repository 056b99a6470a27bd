//! Snapshots as the routes and the streams get them: the public figures
//! (released groups only, with the survey's minimum sample) or the owner's
//! (every response in a segment), built from daily summaries, compared
//! with the window before, and served from [`cache`] until the survey's
//! data changes. [`streams`] shares one build per change among every
//! stream of a survey and window.

pub mod cache;
pub mod streams;

use std::sync::Arc;

use candor_core::{Segment, Snapshot, Survey, Window};
use tokio::sync::broadcast::error::RecvError;

use self::cache::{Built, Key};
use crate::{AppState, Figures, StoreError};

/// The public snapshot of `survey` over `window` ending today, compared with
/// the window before: from released groups only (`candor_core::release`),
/// with the survey's minimum sample.
pub async fn public(state: &AppState, survey: &Survey, window: Window) -> Result<Arc<Built>, StoreError> {
    build(state, survey, window, Figures::Public, &Segment::default()).await
}

/// The owner's snapshot: every finished response in `segment` (all when
/// empty), and with `partial` the latest save of every unfinished one,
/// however few (the owner sees the intervals).
pub async fn owner(
    state: &AppState,
    survey: &Survey,
    window: Window,
    segment: &Segment,
    partial: bool,
) -> Result<Arc<Built>, StoreError> {
    let figures = if partial {
        Figures::OwnerWithPartial
    } else {
        Figures::Owner
    };
    build(state, survey, window, figures, segment).await
}

/// Served from the cache until the survey changes.
async fn build(
    state: &AppState,
    survey: &Survey,
    window: Window,
    figures: Figures,
    segment: &Segment,
) -> Result<Arc<Built>, StoreError> {
    let today = crate::routes::today();
    let minimum = match figures {
        Figures::Public => survey.settings.public_aggregates.minimum_sample,
        Figures::Owner | Figures::OwnerWithPartial => 1,
    };
    let key = Key {
        survey: survey.id.clone(),
        version: survey.version,
        window,
        figures,
        today,
        segment: segment.clone(),
    };
    // Read before the data: a change during the build makes it stale at once.
    let generation = state.store.generation(&survey.id);
    if let Some(snapshot) = state.snapshots.get(&key, generation) {
        return Ok(snapshot);
    }
    state.metrics.snapshot_built();
    let store = &state.store;
    let first = window.first_day(today);
    let (days, previous) = if segment.is_empty() {
        let days = store.days_of(figures, &survey.id, first, None).await?;
        let previous = match window.previous(today) {
            Some((first, last)) => Some(store.merged(figures, &survey.id, Some(first), Some(last)).await?),
            None => None,
        };
        (days, previous)
    } else {
        let days = store
            .segment_days(figures, &survey.id, segment, first, None)
            .await?;
        let previous = match window.previous(today) {
            Some((first, last)) => Some(
                store
                    .segment_merged(figures, &survey.id, segment, Some(first), Some(last))
                    .await?,
            ),
            None => None,
        };
        (days, previous)
    };
    let snapshot = Arc::new(Built::new(Snapshot::build_with_minimum(
        survey,
        window,
        &days,
        previous.as_ref(),
        minimum,
    )));
    state.snapshots.put(key, generation, snapshot.clone());
    Ok(snapshot)
}

/// Waits until `survey` changes; `None` when the feed is gone (shutdown).
pub async fn wait_for_change(
    changes: &mut tokio::sync::broadcast::Receiver<candor_core::SurveyId>,
    survey: &Survey,
) -> Option<()> {
    loop {
        match changes.recv().await {
            Ok(id) if id == survey.id => return Some(()),
            Ok(_) => {}
            // Missed some: one of them may have been ours.
            Err(RecvError::Lagged(_)) => return Some(()),
            Err(RecvError::Closed) => return None,
        }
    }
}
