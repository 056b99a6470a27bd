//! The JSON form of a question: `kind` and the kind's own fields beside the
//! common ones, with unknown fields refused.
//!
//! Written through a tagged enum ([`QuestionRepr`]); read through one flat
//! struct ([`QuestionIn`]) whose kind-specific fields are checked after:
//! the same errors, but no buffering of each question to find its tag,
//! which made the widget's wasm larger (docs/benchmarks.md, "Measurements
//! behind the code").

use serde::{Deserialize, Serialize};

use super::{CsatDisplay, Kind, Labelled, Question, QuestionKind, Texts};
use crate::QuestionId;

fn five() -> u8 {
    5
}

fn is_false(value: &bool) -> bool {
    !value
}

#[derive(Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuestionRepr {
    Csat {
        id: QuestionId,
        text: Texts,
        #[serde(default, skip_serializing_if = "is_false")]
        required: bool,
        #[serde(default)]
        display: CsatDisplay,
        #[serde(default = "five")]
        points: u8,
    },
    Nps {
        id: QuestionId,
        text: Texts,
        #[serde(default, skip_serializing_if = "is_false")]
        required: bool,
    },
    Ces {
        id: QuestionId,
        text: Texts,
        #[serde(default, skip_serializing_if = "is_false")]
        required: bool,
    },
    ExpectationGap {
        id: QuestionId,
        text: Texts,
        #[serde(default, skip_serializing_if = "is_false")]
        required: bool,
        dimensions: Vec<Labelled>,
    },
    YesNo {
        id: QuestionId,
        text: Texts,
        #[serde(default, skip_serializing_if = "is_false")]
        required: bool,
    },
    SingleChoice {
        id: QuestionId,
        text: Texts,
        #[serde(default, skip_serializing_if = "is_false")]
        required: bool,
        options: Vec<Labelled>,
    },
    Comment {
        id: QuestionId,
        text: Texts,
        #[serde(default, skip_serializing_if = "is_false")]
        required: bool,
        max_length: u32,
    },
    ContactRequest {
        id: QuestionId,
        text: Texts,
        #[serde(default, skip_serializing_if = "is_false")]
        required: bool,
    },
}

/// A question as read: every kind's fields, each optional; which may and
/// must be present is checked by [`Question::try_from`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionIn {
    kind: Kind,
    id: QuestionId,
    text: Texts,
    #[serde(default)]
    required: bool,
    display: Option<CsatDisplay>,
    points: Option<u8>,
    dimensions: Option<Vec<Labelled>>,
    options: Option<Vec<Labelled>>,
    max_length: Option<u32>,
}

/// A field missing for, or foreign to, a question's kind, worded as serde
/// words its own (so both are classified alike, with the field's path).
#[derive(Debug)]
pub enum FieldMisfit {
    Missing(&'static str),
    Foreign(&'static str),
}

impl FieldMisfit {
    /// The first of the `present` fields (name, whether set) that is not
    /// `allowed`, as an error.
    pub fn check_foreign(present: &[(&'static str, bool)], allowed: &[&str]) -> Result<(), Self> {
        match present.iter().find(|(name, set)| *set && !allowed.contains(name)) {
            Some((name, _)) => Err(Self::Foreign(name)),
            None => Ok(()),
        }
    }
}

impl std::fmt::Display for FieldMisfit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Missing(name) => write!(f, "missing field `{name}`"),
            Self::Foreign(name) => write!(f, "unknown field `{name}` for this kind"),
        }
    }
}

impl TryFrom<QuestionIn> for Question {
    type Error = FieldMisfit;

    fn try_from(q: QuestionIn) -> Result<Self, FieldMisfit> {
        use Kind as K;
        // The kind-specific fields present, by name.
        let present = [
            ("display", q.display.is_some()),
            ("points", q.points.is_some()),
            ("dimensions", q.dimensions.is_some()),
            ("options", q.options.is_some()),
            ("max_length", q.max_length.is_some()),
        ];
        let allowed: &[&str] = match q.kind {
            K::Csat => &["display", "points"],
            K::ExpectationGap => &["dimensions"],
            K::SingleChoice => &["options"],
            K::Comment => &["max_length"],
            K::Nps | K::Ces | K::YesNo | K::ContactRequest => &[],
        };
        FieldMisfit::check_foreign(&present, allowed)?;
        let kind = match q.kind {
            K::Csat => QuestionKind::Csat {
                display: q.display.unwrap_or_default(),
                points: q.points.unwrap_or_else(five),
            },
            K::Nps => QuestionKind::Nps,
            K::Ces => QuestionKind::Ces,
            K::ExpectationGap => QuestionKind::ExpectationGap {
                dimensions: q.dimensions.ok_or(FieldMisfit::Missing("dimensions"))?,
            },
            K::YesNo => QuestionKind::YesNo,
            K::SingleChoice => QuestionKind::SingleChoice {
                options: q.options.ok_or(FieldMisfit::Missing("options"))?,
            },
            K::Comment => QuestionKind::Comment {
                max_length: q.max_length.ok_or(FieldMisfit::Missing("max_length"))?,
            },
            K::ContactRequest => QuestionKind::ContactRequest,
        };
        Ok(Self {
            id: q.id,
            text: q.text,
            required: q.required,
            kind,
        })
    }
}

impl From<Question> for QuestionRepr {
    fn from(q: Question) -> Self {
        let (id, text, required) = (q.id, q.text, q.required);
        match q.kind {
            QuestionKind::Csat { display, points } => Self::Csat {
                id,
                text,
                required,
                display,
                points,
            },
            QuestionKind::Nps => Self::Nps { id, text, required },
            QuestionKind::Ces => Self::Ces { id, text, required },
            QuestionKind::ExpectationGap { dimensions } => Self::ExpectationGap {
                id,
                text,
                required,
                dimensions,
            },
            QuestionKind::YesNo => Self::YesNo { id, text, required },
            QuestionKind::SingleChoice { options } => Self::SingleChoice {
                id,
                text,
                required,
                options,
            },
            QuestionKind::Comment { max_length } => Self::Comment {
                id,
                text,
                required,
                max_length,
            },
            QuestionKind::ContactRequest => Self::ContactRequest { id, text, required },
        }
    }
}
