//! A response being answered, kept in localStorage as it is saved, so a
//! reload (or a later visit) resumes it under the same id and sequence
//! rather than starting again; gone once the response is sent. Holds only
//! what a partial save sends (never contact details), and is dropped after
//! seven days or when the survey has a newer version.

use candor_core::ResponseId;
use serde_json::{Map, Value, json};

use crate::storage::{self, now_ms};

/// How long a draft is resumed (as long as the outbox keeps a response).
const KEPT_MS: f64 = 7.0 * 24.0 * 3600.0 * 1000.0;

/// A saved, unfinished response, stored as plain JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The response's id.
    pub id: ResponseId,
    /// The survey version answered.
    pub version: u32,
    /// The last save's sequence.
    pub sequence: u32,
    /// Its answers, in wire form.
    pub answers: Map<String, Value>,
    /// When it was saved (Unix ms).
    pub saved: f64,
}

fn key(survey: &str) -> String {
    format!("candor:draft:{survey}")
}

/// The draft of `survey`'s `version`, if one is kept and recent.
pub fn load(survey: &str, version: u32) -> Option<Draft> {
    let stored: Value = storage::read(&key(survey))?;
    let number = |name: &str| stored.get(name).and_then(Value::as_f64);
    let draft = Draft {
        id: ResponseId::parse("id", stored.get("id")?.as_str()?).ok()?,
        version: number("version")? as u32,
        sequence: number("sequence")? as u32,
        answers: stored.get("answers")?.as_object()?.clone(),
        saved: number("saved")?,
    };
    let fresh = draft.version == version && now_ms() - draft.saved < KEPT_MS;
    if !fresh {
        clear(survey);
    }
    fresh.then_some(draft)
}

/// Keeps `draft` as `survey`'s.
pub fn store(survey: &str, draft: &Draft) {
    let stored = json!({
        "id": draft.id.to_string(),
        "version": draft.version,
        "sequence": draft.sequence,
        "answers": draft.answers,
        "saved": draft.saved,
    });
    storage::write(&key(survey), &stored);
}

/// Forgets `survey`'s draft (its response was sent).
pub fn clear(survey: &str) {
    storage::remove(&key(survey));
}
