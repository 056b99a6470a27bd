//! The JSON form of a question: `kind` and the kind's own fields beside the
//! common ones, with unknown fields refused.
//!
//! Written through one flat struct ([`QuestionRepr`]) and read through
//! another ([`QuestionIn`]) whose kind-specific fields are checked after:
//! the same errors as a tagged enum, but no buffering of each question to
//! find its tag, which made the widget's wasm larger (docs/benchmarks.md,
//! "Measurements behind the code"). The logic (`show_if`, `jumps`) sits
//! beside the kind's fields.

use serde::{Deserialize, Serialize};

use super::logic::{Condition, Jump, Logic};
use super::{CsatDisplay, Kind, Labelled, Question, QuestionKind, Texts};
use crate::QuestionId;

fn five() -> u8 {
    5
}

fn is_false(value: &bool) -> bool {
    !value
}

/// A question as written: its kind's fields set, the others left out.
#[derive(Clone, Serialize)]
pub struct QuestionRepr {
    kind: Kind,
    id: QuestionId,
    text: Texts,
    #[serde(skip_serializing_if = "is_false")]
    required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    display: Option<CsatDisplay>,
    #[serde(skip_serializing_if = "Option::is_none")]
    points: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dimensions: Option<Vec<Labelled>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    options: Option<Vec<Labelled>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_selections: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_selections: Option<u8>,
    #[serde(skip_serializing_if = "is_false")]
    other: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    statements: Option<Vec<Labelled>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_length: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    show_if: Option<Condition>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    jumps: Vec<Jump>,
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
    min_selections: Option<u8>,
    max_selections: Option<u8>,
    other: Option<bool>,
    statements: Option<Vec<Labelled>>,
    max_length: Option<u32>,
    show_if: Option<Condition>,
    #[serde(default)]
    jumps: Vec<Jump>,
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
            ("min_selections", q.min_selections.is_some()),
            ("max_selections", q.max_selections.is_some()),
            ("other", q.other.is_some()),
            ("statements", q.statements.is_some()),
            ("max_length", q.max_length.is_some()),
        ];
        let allowed: &[&str] = match q.kind {
            K::Csat => &["display", "points"],
            K::ExpectationGap => &["dimensions"],
            K::SingleChoice => &["options"],
            K::MultipleChoice => &["options", "min_selections", "max_selections", "other"],
            K::Likert => &["points", "statements"],
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
            K::MultipleChoice => QuestionKind::MultipleChoice {
                options: q.options.ok_or(FieldMisfit::Missing("options"))?,
                min_selections: q.min_selections,
                max_selections: q.max_selections,
                other: q.other.unwrap_or(false),
            },
            K::Likert => QuestionKind::Likert {
                points: q.points.unwrap_or_else(five),
                statements: q.statements.ok_or(FieldMisfit::Missing("statements"))?,
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
            logic: Logic {
                show_if: q.show_if,
                jumps: q.jumps,
            },
        })
    }
}

impl From<Question> for QuestionRepr {
    fn from(q: Question) -> Self {
        let mut repr = Self {
            kind: q.kind.kind(),
            id: q.id,
            text: q.text,
            required: q.required,
            display: None,
            points: None,
            dimensions: None,
            options: None,
            min_selections: None,
            max_selections: None,
            other: false,
            statements: None,
            max_length: None,
            show_if: q.logic.show_if,
            jumps: q.logic.jumps,
        };
        match q.kind {
            QuestionKind::Csat { display, points } => {
                repr.display = Some(display);
                repr.points = Some(points);
            }
            QuestionKind::ExpectationGap { dimensions } => repr.dimensions = Some(dimensions),
            QuestionKind::SingleChoice { options } => repr.options = Some(options),
            QuestionKind::MultipleChoice {
                options,
                min_selections,
                max_selections,
                other,
            } => {
                repr.options = Some(options);
                repr.min_selections = min_selections;
                repr.max_selections = max_selections;
                repr.other = other;
            }
            QuestionKind::Likert { points, statements } => {
                repr.points = Some(points);
                repr.statements = Some(statements);
            }
            QuestionKind::Comment { max_length } => repr.max_length = Some(max_length),
            QuestionKind::Nps | QuestionKind::Ces | QuestionKind::YesNo | QuestionKind::ContactRequest => {}
        }
        repr
    }
}
