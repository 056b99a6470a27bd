//! Built snapshots, kept until the store's data changes or five seconds pass,
//! whichever comes first. Many readers of a live snapshot then cost one build
//! per change, not one per request.
//!
//! Freshness comes from the store's generation counter, which the response
//! writer bumps after each commit and before acknowledging it: a client that
//! got its 201 never reads a snapshot from before its response.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use candor_core::{Day, Segment, Snapshot, SurveyId, Window};

/// Longest a snapshot is served from memory (another collector's change may
/// reach this one a moment late).
const TTL: Duration = Duration::from_secs(5);
/// Most snapshots kept.
const CAPACITY: usize = 10_000;

/// What a snapshot depends on besides the data.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    /// The survey.
    pub survey: SurveyId,
    /// Its published version.
    pub version: u32,
    /// The window.
    pub window: Window,
    /// Whose figures (the public's are built from released groups).
    pub figures: crate::Figures,
    /// The day the window ends.
    pub today: Day,
    /// The responses counted (the owner's filters; empty for public ones).
    pub segment: Segment,
}

/// A snapshot and its JSON, serialised once per change.
#[derive(Debug)]
pub struct Built {
    /// The figures.
    pub snapshot: Snapshot,
    /// Their JSON.
    pub json: axum::body::Bytes,
}

impl Built {
    /// Serialises `snapshot` once.
    pub fn new(snapshot: Snapshot) -> Self {
        let json = serde_json::to_vec(&snapshot).unwrap_or_default().into();
        Self { snapshot, json }
    }
}

/// A snapshot with the store generation it was built at and when.
type Entry = (u64, Instant, Arc<Built>);

/// The cache.
#[derive(Default)]
pub struct SnapshotCache {
    entries: Mutex<HashMap<Key, Entry>>,
}

impl SnapshotCache {
    /// The snapshot for `key` if it was built at store generation
    /// `generation` less than five seconds ago.
    pub fn get(&self, key: &Key, generation: u64) -> Option<Arc<Built>> {
        let entries = self.entries.lock().ok()?;
        let (built_at, built, snapshot) = entries.get(key)?;
        (*built_at == generation && built.elapsed() < TTL).then(|| snapshot.clone())
    }

    /// Keeps `snapshot`, built from the data of store generation `generation`.
    pub fn put(&self, key: Key, generation: u64, snapshot: Arc<Built>) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= CAPACITY {
                entries.retain(|_, (at, _, _)| *at == generation);
            }
            entries.insert(key, (generation, Instant::now(), snapshot));
        }
    }
}
