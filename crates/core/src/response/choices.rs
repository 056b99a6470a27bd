//! Answers holding several values: a multiple-choice answer's options and
//! "Other", and a Likert answer's rating per statement.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use serde::Serialize;
use serde_json::Value;

use super::answer::{find, only_fields, rating, string};
use super::wrong_type;
use crate::text::Breaks;
use crate::{ErrorCode, FieldError, Labelled, QuestionId};

/// Longest accepted "Other" of a multiple-choice answer.
pub const MAX_OTHER: usize = 200;

/// A multiple-choice answer: at least one choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Selections {
    /// The options chosen, in the question's order.
    pub selected: Vec<QuestionId>,
    /// "Other", in the respondent's words, if they chose it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
}

impl Selections {
    /// How many choices it makes ("Other" counts as one).
    pub fn count(&self) -> usize {
        self.selected.len() + usize::from(self.other.is_some())
    }
}

pub(super) fn selections(
    options: &[Labelled],
    other_offered: bool,
    range: RangeInclusive<usize>,
    field: &str,
    value: Value,
) -> Result<Option<Selections>, FieldError> {
    let Value::Object(mut object) = value else {
        return Err(wrong_type(
            field,
            "an object with \"selected\" (option ids) and perhaps \"other\"",
        ));
    };
    let allowed: &[&str] = if other_offered {
        &["selected", "other"]
    } else {
        &["selected"]
    };
    only_fields(&object, field, allowed)?;
    let chosen = match object.remove("selected") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(chosen)) => chosen,
        Some(_) => return Err(wrong_type(&format!("{field}.selected"), "a list of option ids")),
    };
    let mut picked = vec![false; options.len()];
    for (i, choice) in chosen.into_iter().enumerate() {
        let at = format!("{field}.selected[{i}]");
        let Value::String(choice) = choice else {
            return Err(wrong_type(&at, "the id of an option"));
        };
        let Some(index) = options.iter().position(|o| o.id.as_str() == choice) else {
            return Err(FieldError::new(
                ErrorCode::InvalidValue,
                at,
                format!("{choice:?} is not an option"),
            ));
        };
        if std::mem::replace(&mut picked[index], true) {
            return Err(FieldError::new(
                ErrorCode::Duplicate,
                at,
                format!("{choice:?} is chosen twice"),
            ));
        }
    }
    let other = match object.remove("other") {
        None | Some(Value::Null) => None,
        Some(value) => {
            let text = string(value, &format!("{field}.other"), MAX_OTHER, Breaks::Refused)?;
            (!text.trim().is_empty()).then(|| text.trim().to_owned())
        }
    };
    let answer = Selections {
        selected: options
            .iter()
            .zip(picked)
            .filter(|(_, picked)| *picked)
            .map(|(option, _)| option.id.clone())
            .collect(),
        other,
    };
    let count = answer.count();
    if count == 0 {
        return Ok(None);
    }
    if !range.contains(&count) {
        let (min, max) = (range.start(), range.end());
        let allowed = if min == max {
            format!("exactly {min}")
        } else {
            format!("from {min} to {max}")
        };
        return Err(FieldError::new(
            ErrorCode::OutOfRange,
            format!("{field}.selected"),
            format!("makes {count} choices; {allowed} are allowed"),
        ));
    }
    Ok(Some(answer))
}

pub(super) fn agreement(
    statements: &[Labelled],
    points: u8,
    field: &str,
    value: Value,
) -> Result<Option<BTreeMap<QuestionId, u8>>, FieldError> {
    let Value::Object(ratings) = value else {
        return Err(wrong_type(field, "an object keyed by statement id"));
    };
    let mut agreement = BTreeMap::new();
    for (key, rated) in ratings {
        let statement_field = format!("{field}.{key}");
        let statement = find(statements, &key).ok_or_else(|| {
            FieldError::new(
                ErrorCode::UnknownField,
                &statement_field,
                "this question has no such statement",
            )
        })?;
        if !rated.is_null() {
            agreement.insert(
                statement.id.clone(),
                rating(&rated, &statement_field, 1..=points)?,
            );
        }
    }
    Ok((!agreement.is_empty()).then_some(agreement))
}
