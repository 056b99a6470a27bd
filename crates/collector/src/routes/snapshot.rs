//! `GET /v1/surveys/{survey}/snapshot?window=7d|30d|90d|all`: public figures
//! from daily summaries, compared with the window before; and
//! `/snapshot/stream`, the same as Server-Sent Events whenever responses
//! arrive.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use candor_core::{ErrorCode, Segment, Snapshot, Survey, Window};
use futures_util::stream;
use serde::Deserialize;
use tokio::sync::broadcast::error::RecvError;

use super::cache::cached_bytes;
use super::load_survey;
use crate::routes::extract::Query;
use crate::snapshot_cache::{Built, Key};
use crate::{ApiError, AppState};

/// Snapshots change often; clients may reuse one this long.
const MAX_AGE_SECONDS: u32 = 5;
/// A stream sends at most one snapshot per this interval, however many
/// responses arrive.
const COALESCE: Duration = Duration::from_millis(250);

/// The query string.
#[derive(Debug, Deserialize)]
pub struct SnapshotQuery {
    window: Option<String>,
}

/// The survey's public figures over the window (default: the survey's own).
pub async fn get_snapshot(
    State(state): State<AppState>,
    Path(survey): Path<String>,
    Query(query): Query<SnapshotQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let survey = load_survey(&state.store, &survey).await?;
    let window = public_window(&survey, query.window.as_deref())?;
    let snapshot = build(&state, &survey, window).await?;
    Ok(cached_bytes(&headers, snapshot.json.clone(), MAX_AGE_SECONDS))
}

/// A new snapshot as an SSE `snapshot` event at once, then whenever the
/// survey gets responses (from this collector or, on PostgreSQL, any other),
/// at most one per 250 ms, with keep-alive comments in between.
pub async fn stream_snapshot(
    State(state): State<AppState>,
    Path(survey): Path<String>,
    Query(query): Query<SnapshotQuery>,
) -> Result<impl IntoResponse, ApiError> {
    let survey = load_survey(&state.store, &survey).await?;
    let window = public_window(&survey, query.window.as_deref())?;
    let changes = state.store.subscribe();
    let events = stream::unfold(
        (state, survey, changes, true),
        move |(state, survey, mut changes, first)| async move {
            if !first {
                wait_for_change(&mut changes, &survey).await?;
                tokio::time::sleep(COALESCE).await;
                // Everything that arrived meanwhile is in the next snapshot.
                while changes.try_recv().is_ok() {}
            }
            let event = match build(&state, &survey, window).await {
                Ok(snapshot) => Event::default()
                    .event("snapshot")
                    .data(String::from_utf8_lossy(&snapshot.json)),
                Err(_) => Event::default().comment("snapshot unavailable; retrying on the next response"),
            };
            Some((Ok::<_, Infallible>(event), (state, survey, changes, false)))
        },
    );
    Ok(Sse::new(events).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

/// Waits until `survey` changes; `None` when the feed is gone (shutdown).
pub(crate) async fn wait_for_change(
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

/// The window asked for, if the survey's figures are public.
fn public_window(survey: &Survey, raw: Option<&str>) -> Result<Window, ApiError> {
    let public = &survey.settings.public_aggregates;
    if !public.enabled {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::NotPublic,
            "survey",
            "this survey's results are not public",
        ));
    }
    Ok(match raw {
        Some(raw) => raw.parse::<Window>()?,
        None => public.window,
    })
}

/// The public snapshot of `survey` over `window` ending today, compared with
/// the window before.
pub async fn build(state: &AppState, survey: &Survey, window: Window) -> Result<Arc<Built>, ApiError> {
    build_with_minimum(
        state,
        survey,
        window,
        survey.settings.public_aggregates.minimum_sample,
        &Segment::default(),
    )
    .await
}

/// As [`build`] with an explicit minimum sample (the owner's dashboard uses
/// 1), over the responses in `segment` only. Served from the cache until the
/// survey changes.
pub async fn build_with_minimum(
    state: &AppState,
    survey: &Survey,
    window: Window,
    minimum: u32,
    segment: &Segment,
) -> Result<Arc<Built>, ApiError> {
    let today = super::today();
    let key = Key {
        survey: survey.id.clone(),
        version: survey.version,
        window,
        minimum,
        today,
        segment: segment.clone(),
    };
    // Read before the data: a change during the build makes it stale at once.
    let generation = state.store.generation(&survey.id);
    if let Some(snapshot) = state.snapshots.get(&key, generation) {
        return Ok(snapshot);
    }
    let store = &state.store;
    let first = window.first_day(today);
    let (days, previous) = if segment.is_empty() {
        let days = store.days(&survey.id, first, None).await?;
        let previous = match window.previous(today) {
            Some((first, last)) => Some(store.merged(&survey.id, Some(first), Some(last)).await?),
            None => None,
        };
        (days, previous)
    } else {
        let days = store.segment_days(&survey.id, segment, first, None).await?;
        let previous = match window.previous(today) {
            Some((first, last)) => Some(
                store
                    .segment_merged(&survey.id, segment, Some(first), Some(last))
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
