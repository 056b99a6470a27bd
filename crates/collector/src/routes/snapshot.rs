//! `GET /v1/surveys/{survey}/snapshot?window=7d|30d|90d|all`: public figures
//! from daily summaries, compared with the window before; and
//! `/snapshot/stream`, the same as Server-Sent Events whenever responses
//! arrive.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use std::net::SocketAddr;

use axum::Extension;
use axum::extract::{ConnectInfo, State};
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use candor_core::{ErrorCode, Segment, Snapshot, Survey, Window};
use futures_util::stream;
use serde::Deserialize;
use tokio::sync::broadcast::error::RecvError;

use super::cache::cached_bytes;
use crate::ClientKey;
use crate::routes::extract::{PublishedSurvey, Query};
use crate::snapshot_cache::{Built, Key};
use crate::{ApiError, AppState, Figures};

/// Snapshots change often; clients may reuse one this long.
const MAX_AGE_SECONDS: u32 = 5;
/// How long a browser waits before reconnecting a stream that ended.
const RECONNECT: Duration = Duration::from_secs(3);

/// The query string.
#[derive(Debug, Deserialize)]
pub struct SnapshotQuery {
    window: Option<Window>,
}

/// The survey's public figures over the window (default: the survey's own).
pub async fn get_snapshot(
    State(state): State<AppState>,
    PublishedSurvey(survey): PublishedSurvey,
    Query(query): Query<SnapshotQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let window = public_window(&survey, query.window)?;
    let snapshot = build(&state, &survey, window).await?;
    Ok(cached_bytes(&headers, snapshot.json.clone(), MAX_AGE_SECONDS))
}

/// A new snapshot as an SSE `snapshot` event at once, then whenever the
/// survey gets responses (from this collector or, on PostgreSQL, any other),
/// at most one per 250 ms, with keep-alive comments in between, until the
/// stream's lifetime ends (the first event's `retry:` tells the browser
/// when to reconnect). Every stream of a survey and window shares one feed.
pub async fn stream_snapshot(
    State(state): State<AppState>,
    PublishedSurvey(survey): PublishedSurvey,
    Query(query): Query<SnapshotQuery>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    let window = public_window(&survey, query.window)?;
    let client = match peer {
        Some(Extension(ConnectInfo(peer))) => ClientKey::of(state.trusted.client(peer.ip(), &headers)),
        None => ClientKey::of(std::net::Ipv4Addr::UNSPECIFIED.into()),
    };
    let ticket = state
        .streams
        .admit(client)
        .inspect_err(|_| state.metrics.stream_refused())?;
    let feed = state.streams.feed(&state, &survey, window);
    let ends = tokio::time::Instant::now() + state.streams.lifetime();
    let events = stream::unfold(
        (feed.latest(), Some((feed, ticket)), true),
        move |(mut latest, held, first)| async move {
            // Ends with the lifetime (or the feed); the ticket and feed go with it.
            let held = held?;
            let next = async {
                if first {
                    latest.wait_for(Option::is_some).await.map(drop)
                } else {
                    latest.changed().await
                }
            };
            let changed = tokio::select! {
                changed = next => changed.is_ok(),
                () = tokio::time::sleep_until(ends) => false,
            };
            if !changed {
                return None;
            }
            let snapshot = latest.borrow_and_update().clone()?;
            let mut event = Event::default()
                .event("snapshot")
                .data(String::from_utf8_lossy(&snapshot.json));
            if first {
                event = event.retry(RECONNECT);
            }
            Some((Ok::<_, Infallible>(event), (latest, Some(held), false)))
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

/// The window asked for (the survey's own when none), if the survey's
/// figures are public.
fn public_window(survey: &Survey, asked: Option<Window>) -> Result<Window, ApiError> {
    let public = &survey.settings.public_aggregates;
    if !public.enabled {
        return Err(ApiError::new(
            ErrorCode::NotPublic,
            "survey",
            "this survey's results are not public",
        ));
    }
    Ok(asked.unwrap_or(public.window))
}

/// The public snapshot of `survey` over `window` ending today, compared with
/// the window before: from released groups only (`candor_core::release`),
/// with the survey's minimum sample.
pub async fn build(state: &AppState, survey: &Survey, window: Window) -> Result<Arc<Built>, ApiError> {
    build_for(state, survey, window, Figures::Public, &Segment::default()).await
}

/// The owner's snapshot: every response in `segment` (all when empty),
/// however few (the owner sees the intervals).
pub async fn build_owner(
    state: &AppState,
    survey: &Survey,
    window: Window,
    segment: &Segment,
) -> Result<Arc<Built>, ApiError> {
    build_for(state, survey, window, Figures::Owner, segment).await
}

/// Served from the cache until the survey changes.
async fn build_for(
    state: &AppState,
    survey: &Survey,
    window: Window,
    figures: Figures,
    segment: &Segment,
) -> Result<Arc<Built>, ApiError> {
    let today = super::today();
    let minimum = match figures {
        Figures::Public => survey.settings.public_aggregates.minimum_sample,
        Figures::Owner => 1,
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
