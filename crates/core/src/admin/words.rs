//! The words report (`GET /v1/admin/surveys/{id}/words`).

use serde::{Deserialize, Serialize};

use crate::stats::Keyness;

/// Words over-represented in low-rated comments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordsReport {
    /// Comments with a low rating (the bottom two points) and a high one
    /// (the top two).
    pub low_comments: u64,
    pub high_comments: u64,
    /// Over-represented in low-rated comments, strongest first (z > 0).
    pub words: Vec<Keyness>,
}
