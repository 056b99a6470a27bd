//! `GET /v1/surveys/{survey}/snapshot?window=7d|30d|90d|all`: public figures
//! from daily summaries, compared with the window before; and
//! `/snapshot/stream`, the same as Server-Sent Events whenever responses
//! arrive.

use std::convert::Infallible;
use std::time::Duration;

use std::net::SocketAddr;

use axum::Extension;
use axum::extract::{ConnectInfo, State};
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use candor_core::{ErrorCode, Survey, Window};
use futures_util::stream;
use serde::Deserialize;

use super::cache::cached_bytes;
use crate::ClientKey;
use crate::routes::extract::{PublishedSurvey, Query};
use crate::{ApiError, AppState, snapshots};

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
    let snapshot = snapshots::public(&state, &survey, window).await?;
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
