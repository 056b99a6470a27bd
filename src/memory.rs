//! What this browser remembers about the surveys it was shown: when it last
//! answered or dismissed each, so the loader can honour a survey's
//! recontact and dismissal days. Kept in localStorage under [`KEY`], never
//! in cookies. `pkg/candor.js` reads the same key and shape:
//! `{"<survey id>": {"answered": <ms>, "dismissed": <ms>, "sample": 0–1}}`.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::storage;

/// The localStorage key, shared with the loader.
pub const KEY: &str = "candor:seen";

/// How the visitor left a survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Answered,
    Dismissed,
}

/// Records that `survey` was answered or dismissed now. The record is read
/// and written as the browser's own objects: whatever else the loader keeps
/// in it (the sampling draw) stays, and the wasm carries no Rust type of it.
pub fn remember(survey: &str, outcome: Outcome) {
    let all = storage::read_js(KEY)
        .filter(is_record)
        .unwrap_or_else(|| Object::new().into());
    let key = JsValue::from_str(survey);
    let seen = Reflect::get(&all, &key)
        .ok()
        .filter(is_record)
        .unwrap_or_else(|| Object::new().into());
    let field = match outcome {
        Outcome::Answered => "answered",
        Outcome::Dismissed => "dismissed",
    };
    // Setting a property of a plain object cannot fail.
    let _ = Reflect::set(&seen, &field.into(), &storage::now_ms().into());
    let _ = Reflect::set(&all, &key, &seen);
    storage::write_js(KEY, &all);
}

/// An object of keys (not null, not an array): anything else is a corrupt
/// record, replaced.
fn is_record(value: &JsValue) -> bool {
    value.is_object() && !Array::is_array(value)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    /// A survey's record, as the loader reads it (Unix milliseconds).
    #[derive(Debug, Default, PartialEq, Deserialize)]
    struct Seen {
        answered: Option<f64>,
        dismissed: Option<f64>,
        sample: Option<f64>,
    }

    /// What is remembered about `survey`.
    fn recall(survey: &str) -> Seen {
        storage::read::<BTreeMap<String, Seen>>(KEY)
            .and_then(|mut all| all.remove(survey))
            .unwrap_or_default()
    }

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
    fn the_loaders_sampling_draw_stays() {
        storage::write(
            KEY,
            &serde_json::json!({"checkout": {"sample": 0.25}, "other": {"answered": 1.0}}),
        );
        remember("checkout", Outcome::Answered);
        let checkout = recall("checkout");
        assert_eq!(checkout.sample, Some(0.25));
        assert!(checkout.answered.is_some_and(|at| at > 1.0));
        assert_eq!(recall("other").answered, Some(1.0), "other surveys untouched");
        storage::remove(KEY);
    }

    #[wasm_bindgen_test]
    fn a_corrupt_record_is_replaced_not_fatal() {
        for corrupt in [
            serde_json::json!("not an object"),
            serde_json::json!(null),
            serde_json::json!([1, 2]),
            serde_json::json!({"checkout": [1]}),
        ] {
            storage::write(KEY, &corrupt);
            remember("checkout", Outcome::Answered);
            assert!(recall("checkout").answered.is_some(), "{corrupt}");
        }
        storage::remove(KEY);
    }
}
