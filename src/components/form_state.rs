//! The answers being given, kept raw (as they will be sent) so the same core
//! validation as the collector's decides what is missing or wrong.

use candor_core::FieldError;
use leptos::prelude::*;
use serde_json::{Map, Value};

/// Raw answers and the current validation error, shared by a form's questions.
#[derive(Clone, Copy)]
pub struct FormState {
    /// Answers keyed by question id, in wire form.
    pub answers: RwSignal<Map<String, Value>>,
    /// The first problem found at the last attempt to send.
    pub error: RwSignal<Option<FieldError>>,
}

impl FormState {
    pub fn new() -> Self {
        Self {
            answers: RwSignal::new(Map::new()),
            error: RwSignal::new(None),
        }
    }

    /// Sets the answer at `path` (question id, then nested keys), creating
    /// objects on the way, and clears an error about that question.
    pub fn set(&self, path: &[&str], value: Value) {
        self.answers.update(|answers| {
            let Some((last, parents)) = path.split_last() else {
                return;
            };
            let mut target = answers;
            for key in parents {
                let entry = target.entry(*key).or_insert_with(|| Value::Object(Map::new()));
                if !entry.is_object() {
                    *entry = Value::Object(Map::new());
                }
                let Value::Object(next) = entry else { return };
                target = next;
            }
            target.insert((*last).to_owned(), value);
        });
        if let Some(question) = path.first()
            && self.error_for(question).get_untracked().is_some()
        {
            self.error.set(None);
        }
    }

    /// The number at `path`, if answered.
    pub fn rating(&self, path: &[&str]) -> Option<u8> {
        self.answers.with(|answers| {
            let (first, rest) = path.split_first()?;
            let mut value = answers.get(*first)?;
            for key in rest {
                value = value.get(key)?;
            }
            value.as_u64().and_then(|v| u8::try_from(v).ok())
        })
    }

    /// The current error, when it concerns `question`.
    pub fn error_for(&self, question: &str) -> Signal<Option<FieldError>> {
        let error = self.error;
        let prefix = format!("answers.{question}");
        Signal::derive(move || {
            error.get().filter(|e| {
                e.field == prefix
                    || e.field
                        .strip_prefix(&prefix)
                        .is_some_and(|rest| rest.starts_with('.'))
            })
        })
    }
}
