//! Surveys as the owner sees them: the list and one survey's definitions.

use serde::{Deserialize, Serialize};

use crate::Survey;

/// A survey in the admin list (`GET /v1/admin/surveys`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveySummary {
    /// The published definition.
    pub survey: Survey,
    /// Stored responses, all versions.
    pub responses: u64,
    /// Whether an unpublished draft exists.
    pub has_draft: bool,
}

/// A survey's published definition and its unpublished draft
/// (`GET /v1/admin/surveys/{id}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Definitions {
    pub published: Survey,
    pub draft: Option<Survey>,
}
