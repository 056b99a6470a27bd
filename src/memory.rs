//! What this browser remembers about the surveys it was shown: when it last
//! answered or dismissed each, so the loader can honour a survey's
//! recontact and dismissal days. Kept in localStorage under [`KEY`], never
//! in cookies. `pkg/candor.js` reads the same key and shape:
//! `{"<survey id>": {"answered": <ms>, "dismissed": <ms>, "sample": 0–1}}`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::storage;

/// The localStorage key, shared with the loader.
pub const KEY: &str = "candor:seen";

/// When a survey was last answered or dismissed here (Unix milliseconds).
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct Seen {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dismissed: Option<f64>,
    /// The loader's sampling draw for this browser (0–1), kept as is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample: Option<f64>,
}

/// How the visitor left a survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Answered,
    Dismissed,
}

/// Records that `survey` was answered or dismissed now.
pub fn remember(survey: &str, outcome: Outcome) {
    let mut all: BTreeMap<String, Seen> = storage::read(KEY).unwrap_or_default();
    let seen = all.entry(survey.to_owned()).or_default();
    let now = Some(storage::now_ms());
    match outcome {
        Outcome::Answered => seen.answered = now,
        Outcome::Dismissed => seen.dismissed = now,
    }
    storage::write(KEY, &all);
}

/// What is remembered about `survey`.
#[cfg(test)]
pub fn recall(survey: &str) -> Seen {
    storage::read::<BTreeMap<String, Seen>>(KEY)
        .and_then(|mut all| all.remove(survey))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn answers_and_dismissals_are_remembered_per_survey() {
        storage::remove(KEY);
        remember("checkout", Outcome::Dismissed);
        remember("support", Outcome::Answered);
        let checkout = recall("checkout");
        assert!(checkout.dismissed.is_some() && checkout.answered.is_none());
        assert!(recall("support").answered.is_some());
        assert_eq!(recall("other"), Seen::default());
        storage::remove(KEY);
    }

    #[wasm_bindgen_test]
    fn a_corrupt_record_is_replaced_not_fatal() {
        storage::write(KEY, &"not an object");
        remember("checkout", Outcome::Answered);
        assert!(recall("checkout").answered.is_some());
        storage::remove(KEY);
    }
}
