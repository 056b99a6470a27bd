//! What a survey's responses can be narrowed by: the locales, pages and
//! context values that occur, with how often
//! (`GET /v1/admin/surveys/{id}/facets`).

use serde::{Deserialize, Serialize};

/// A value and how many responses have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    pub value: String,
    pub responses: u64,
}

/// One context field's values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContextFacet {
    pub name: String,
    pub values: Vec<FacetValue>,
}

/// The facets of a survey's responses, most frequent values first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub locales: Vec<FacetValue>,
    pub pages: Vec<FacetValue>,
    pub context: Vec<ContextFacet>,
}
