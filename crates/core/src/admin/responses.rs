//! Stored responses as the admin API lists and exports them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One stored response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredResponse {
    /// The client-chosen id.
    pub id: String,
    /// The survey version it answered.
    pub survey_version: u32,
    /// When it arrived (RFC 3339, UTC).
    pub received_at: String,
    /// The language it was answered in.
    pub locale: Option<String>,
    /// The path of the page it was given on.
    pub page: Option<String>,
    /// The validated answers in wire form, by question id.
    pub answers: Map<String, Value>,
    /// The host page's hidden fields.
    pub context: BTreeMap<String, String>,
    /// False for a response not finished: its latest partial save.
    #[serde(default = "finished", skip_serializing_if = "is_finished")]
    pub complete: bool,
}

fn finished() -> bool {
    true
}

fn is_finished(complete: &bool) -> bool {
    *complete
}

impl StoredResponse {
    /// The answer value at `path` (a question id, then keys inside its
    /// answer: `["delivery", "promise", "expected"]`).
    pub fn answer_at<S: AsRef<str>>(&self, path: &[S]) -> Option<&Value> {
        let (question, inside) = path.split_first()?;
        let answer = self.answers.get(question.as_ref())?;
        inside
            .iter()
            .try_fold(answer, |value, key| value.get(key.as_ref()))
    }
}

/// A page of responses, newest first
/// (`GET /v1/admin/surveys/{id}/responses`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResponsePage {
    pub responses: Vec<StoredResponse>,
    /// Pass as `cursor` for the next page; absent on the last.
    pub next: Option<String>,
}
