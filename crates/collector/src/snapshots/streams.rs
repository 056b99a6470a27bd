//! Live snapshot streams, shared: all streams of one survey, version and
//! window read one feed, whose task rebuilds the snapshot once per change
//! (coalesced) and hands it to every stream at once, so a thousand open
//! streams cost one build per change, not a thousand. Streams are capped
//! in all and per client, and each lasts a bounded (jittered) time, after
//! which the browser's EventSource reconnects on its own.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use candor_core::{Survey, SurveyId, Window};
use tokio::sync::watch;
use tokio::task::AbortHandle;

use super::cache::Built;
use crate::client::ClientKey;
use crate::counts::{Counted, Counts, Over};
use crate::{ApiError, AppState};

/// A feed waits this long after a change before rebuilding, so a burst of
/// responses costs one build.
pub const COALESCE: Duration = Duration::from_millis(250);

/// What a snapshot stream's feed is for.
type FeedKey = (SurveyId, u32, Window);

/// The latest snapshot of one feed (`None` until the first is built).
pub type Latest = watch::Receiver<Option<Arc<Built>>>;

/// Every open stream and feed.
pub struct StreamHub {
    counts: Arc<Counts>,
    max_per_client: usize,
    lifetime: Duration,
    feeds: Mutex<HashMap<FeedKey, Weak<Feed>>>,
}

/// One feed: its task runs while any stream holds it.
pub struct Feed {
    latest: Latest,
    task: AbortHandle,
}

impl Drop for Feed {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Feed {
    /// The latest snapshot, for a stream to follow.
    pub fn latest(&self) -> Latest {
        self.latest.clone()
    }
}

/// One admitted stream; counted out when dropped.
pub type Ticket = Counted;

impl StreamHub {
    /// At most `max_total` streams, `max_per_client` from one client, each
    /// lasting about `lifetime`.
    pub fn new(max_total: usize, max_per_client: usize, lifetime: Duration) -> Arc<Self> {
        Arc::new(Self {
            counts: Counts::new(max_total, max_per_client),
            max_per_client,
            lifetime,
            feeds: Mutex::new(HashMap::new()),
        })
    }

    /// Admits a stream from `client`, or answers why not: 429 when the
    /// client holds its share, 503 when the server holds all it may.
    pub fn admit(&self, client: ClientKey) -> Result<Ticket, ApiError> {
        self.counts.admit(Some(client)).map_err(|over| match over {
            Over::Total => ApiError::unavailable("too many live snapshot streams are open; retry later", 30),
            Over::PerClient => ApiError::too_many(
                format!(
                    "this client has {} live snapshot streams open already",
                    self.max_per_client
                ),
                Duration::from_secs(30),
            ),
        })
    }

    /// How long a new stream lasts: the lifetime, ±20% so streams opened
    /// together do not all reconnect together.
    pub fn lifetime(&self) -> Duration {
        let jitter = (uuid::Uuid::new_v4().as_u128() % 401) as f64 / 1000.0 - 0.2;
        self.lifetime.mul_f64(1.0 + jitter)
    }

    /// Streams open now.
    pub fn open(&self) -> usize {
        self.counts.open()
    }

    /// The feed of `survey`'s public snapshot over `window`, started if no
    /// stream follows it yet.
    pub fn feed(&self, state: &AppState, survey: &Arc<Survey>, window: Window) -> Arc<Feed> {
        let key = (survey.id.clone(), survey.version, window);
        let Ok(mut feeds) = self.feeds.lock() else {
            return start_feed(state, survey, window);
        };
        if let Some(feed) = feeds.get(&key).and_then(Weak::upgrade) {
            return feed;
        }
        // Surveys × versions × windows bound the map; drop the dead first.
        feeds.retain(|_, feed| feed.strong_count() > 0);
        let feed = start_feed(state, survey, window);
        feeds.insert(key, Arc::downgrade(&feed));
        feed
    }
}

fn start_feed(state: &AppState, survey: &Arc<Survey>, window: Window) -> Arc<Feed> {
    let (sender, latest) = watch::channel(None);
    let task = tokio::spawn(run_feed(state.clone(), survey.clone(), window, sender));
    Arc::new(Feed {
        latest,
        task: task.abort_handle(),
    })
}

/// Builds the snapshot, then again after each change of the survey, until
/// every stream has gone (the task is aborted) or the store closes.
async fn run_feed(
    state: AppState,
    survey: Arc<Survey>,
    window: Window,
    sender: watch::Sender<Option<Arc<Built>>>,
) {
    let mut changes = state.store.subscribe();
    loop {
        match super::public(&state, &survey, window).await {
            // Streams hear only of figures that changed: most responses
            // release nothing, and an event for each would tell when
            // someone answered.
            Ok(built) => {
                sender.send_if_modified(|latest| {
                    let changed = latest.as_ref().is_none_or(|old| old.json != built.json);
                    if changed {
                        *latest = Some(built);
                    }
                    changed
                });
            }
            // Streams keep the last one; the next change tries again.
            Err(error) => tracing::warn!(%error, survey = %survey.id, "a live snapshot could not be built"),
        }
        if super::wait_for_change(&mut changes, &survey).await.is_none() {
            return;
        }
        tokio::time::sleep(COALESCE).await;
        // Everything that arrived meanwhile is in the next snapshot.
        while changes.try_recv().is_ok() {}
    }
}

#[cfg(test)]
mod tests {
    use std::net::{IpAddr, Ipv4Addr};

    use super::*;

    fn client(n: u8) -> ClientKey {
        ClientKey::of(IpAddr::V4(Ipv4Addr::new(192, 0, 2, n)))
    }

    #[test]
    fn streams_are_capped_per_client_and_in_all() {
        let hub = StreamHub::new(3, 2, Duration::from_secs(60));
        let a = hub.admit(client(1)).unwrap();
        let _a2 = hub.admit(client(1)).unwrap();
        assert!(hub.admit(client(1)).is_err(), "per client");
        let _b = hub.admit(client(2)).unwrap();
        assert!(hub.admit(client(3)).is_err(), "in all");
        drop(a);
        assert_eq!(hub.open(), 2);
        assert!(hub.admit(client(3)).is_ok());
        let lifetimes: Vec<Duration> = (0..50).map(|_| hub.lifetime()).collect();
        assert!(
            lifetimes.iter().all(|l| (48..=72).contains(&l.as_secs())),
            "{lifetimes:?}"
        );
        assert!(lifetimes.iter().any(|l| *l != lifetimes[0]), "jittered");
    }
}
