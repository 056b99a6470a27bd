//! Answers: parsed per question kind from their wire form.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use serde::Serialize;
use serde_json::{Map, Value};

use super::choices::{self, Selections};
use super::{missing, wrong_type};
use crate::email;
use crate::text::{self, Breaks};
use crate::{ErrorCode, FieldError, Labelled, QuestionId, QuestionKind};

/// Longest accepted name of a person asking to be contacted.
const MAX_NAME: usize = 200;

/// A validated answer. Serialises to its wire form (a number, an object, a
/// boolean or a string, as the question's kind dictates).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// A point on the question's scale (csat, nps, ces).
    Rating(u8),
    /// Expected and experienced scores per dimension.
    Gap(BTreeMap<QuestionId, GapPair>),
    /// Yes (true) or no.
    YesNo(bool),
    /// The id of the chosen option.
    Choice(QuestionId),
    /// The chosen options of a multiple-choice question, and "Other".
    Selections(Selections),
    /// Agreement per statement of a Likert question (1 = strongly
    /// disagree).
    Agreement(BTreeMap<QuestionId, u8>),
    /// Free text, within the question's length limit.
    Text(String),
    /// A consented request to be contacted.
    Contact(ContactDetails),
}

/// One dimension's answer: what the customer expected and what they got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GapPair {
    /// "What did you expect?", 1–7.
    pub expected: u8,
    /// "What did you get?", 1–7.
    pub experienced: u8,
}

impl GapPair {
    /// Experienced minus expected: positive when expectations were exceeded.
    pub fn gap(self) -> i8 {
        // Both are at most 7, so the casts and the difference cannot overflow.
        self.experienced as i8 - self.expected as i8
    }
}

/// How to reach a respondent who asked to be contacted. Exists only with
/// consent and at least one way to reach them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactDetails {
    /// Always true: the respondent ticked the consent box.
    pub consent: bool,
    /// Their name, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Their email address, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Their phone number, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// Parses one answer; `None` when the respondent left it blank.
pub fn parse(kind: &QuestionKind, field: &str, value: Value) -> Result<Option<Answer>, FieldError> {
    if value.is_null() {
        return Ok(None);
    }
    let answer = match kind {
        QuestionKind::Csat { .. } | QuestionKind::Nps | QuestionKind::Ces => {
            let scale = kind.scale().unwrap_or(0..=10);
            Some(Answer::Rating(rating(&value, field, scale)?))
        }
        QuestionKind::ExpectationGap { dimensions } => gap(dimensions, field, value)?,
        QuestionKind::YesNo => match value {
            Value::Bool(yes) => Some(Answer::YesNo(yes)),
            _ => return Err(wrong_type(field, "true or false")),
        },
        QuestionKind::SingleChoice { options } => {
            let Value::String(choice) = value else {
                return Err(wrong_type(field, "the id of an option"));
            };
            let option = find(options, &choice).ok_or_else(|| {
                FieldError::new(
                    ErrorCode::InvalidValue,
                    field,
                    format!("{choice:?} is not an option"),
                )
            })?;
            Some(Answer::Choice(option.id.clone()))
        }
        QuestionKind::MultipleChoice { options, other, .. } => {
            let range = kind.selections().unwrap_or(1..=options.len());
            choices::selections(options, *other, range, field, value)?.map(Answer::Selections)
        }
        QuestionKind::Likert { points, statements } => {
            choices::agreement(statements, *points, field, value)?.map(Answer::Agreement)
        }
        QuestionKind::Comment { max_length } => {
            let text = string(value, field, *max_length as usize, Breaks::Allowed)?;
            (!text.trim().is_empty()).then_some(Answer::Text(text))
        }
        QuestionKind::ContactRequest => contact(field, value)?.map(Answer::Contact),
    };
    Ok(answer)
}

pub(super) fn find<'a>(items: &'a [Labelled], id: &str) -> Option<&'a Labelled> {
    items.iter().find(|item| item.id.as_str() == id)
}

fn gap(dimensions: &[Labelled], field: &str, value: Value) -> Result<Option<Answer>, FieldError> {
    let Value::Object(pairs) = value else {
        return Err(wrong_type(field, "an object keyed by dimension id"));
    };
    let mut gap = BTreeMap::new();
    for (key, pair) in pairs {
        let pair_field = format!("{field}.{key}");
        let dimension = find(dimensions, &key).ok_or_else(|| {
            FieldError::new(
                ErrorCode::UnknownField,
                &pair_field,
                "this question has no such dimension",
            )
        })?;
        if !pair.is_null() {
            gap.insert(dimension.id.clone(), gap_pair(&pair, &pair_field)?);
        }
    }
    Ok((!gap.is_empty()).then_some(Answer::Gap(gap)))
}

fn gap_pair(value: &Value, field: &str) -> Result<GapPair, FieldError> {
    let Value::Object(pair) = value else {
        return Err(wrong_type(
            field,
            "an object with \"expected\" and \"experienced\"",
        ));
    };
    only_fields(pair, field, &["expected", "experienced"])?;
    let score = |name: &str| {
        let field = format!("{field}.{name}");
        pair.get(name)
            .ok_or_else(|| missing(&field))
            .and_then(|v| rating(v, &field, 1..=7))
    };
    Ok(GapPair {
        expected: score("expected")?,
        experienced: score("experienced")?,
    })
}

fn contact(field: &str, value: Value) -> Result<Option<ContactDetails>, FieldError> {
    let Value::Object(mut object) = value else {
        return Err(wrong_type(
            field,
            "an object with \"consent\" and \"email\" or \"phone\"",
        ));
    };
    only_fields(&object, field, &["consent", "name", "email", "phone"])?;
    let consent = match object.remove("consent") {
        Some(Value::Bool(consent)) => consent,
        Some(_) => return Err(wrong_type(&format!("{field}.consent"), "true or false")),
        None => false,
    };
    let mut text = |name: &str, max: usize| -> Result<Option<String>, FieldError> {
        match object.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => {
                let text = string(value, &format!("{field}.{name}"), max, Breaks::Refused)?;
                Ok((!text.trim().is_empty()).then(|| text.trim().to_owned()))
            }
        }
    };
    let name = text("name", MAX_NAME)?;
    let email = text("email", email::MAX_EMAIL)?;
    let phone = text("phone", 32)?;
    if !consent {
        // Details without consent are refused, never silently stored.
        if let Some(given) = [("email", &email), ("phone", &phone), ("name", &name)]
            .iter()
            .find(|(_, v)| v.is_some())
        {
            return Err(FieldError::new(
                ErrorCode::InvalidValue,
                format!("{field}.{}", given.0),
                "contact details need consent (\"consent\": true)",
            ));
        }
        return Ok(None);
    }
    if email.is_none() && phone.is_none() {
        return Err(missing(&format!("{field}.email")));
    }
    if let Some(email) = &email
        && !email::is_email(email)
    {
        return Err(FieldError::new(
            ErrorCode::InvalidValue,
            format!("{field}.email"),
            "must be a plain email address such as name@example.com (no spaces, quotes, ?, & or %)",
        ));
    }
    if let Some(phone) = &phone
        && !is_phone(phone)
    {
        return Err(FieldError::new(
            ErrorCode::InvalidValue,
            format!("{field}.phone"),
            "must be a phone number of 6 to 15 digits, optionally with +, spaces, dashes or brackets",
        ));
    }
    Ok(Some(ContactDetails {
        consent,
        name,
        email,
        phone,
    }))
}

fn is_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&digits) && phone.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c))
}

pub(super) fn only_fields(
    object: &Map<String, Value>,
    field: &str,
    allowed: &[&str],
) -> Result<(), FieldError> {
    match object.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(unknown) => Err(FieldError::new(
            ErrorCode::UnknownField,
            format!("{field}.{unknown}"),
            format!("only {} are allowed", allowed.join(", ")),
        )),
        None => Ok(()),
    }
}

pub(super) fn string(value: Value, field: &str, max: usize, breaks: Breaks) -> Result<String, FieldError> {
    let Value::String(text) = value else {
        return Err(wrong_type(field, "a string"));
    };
    text::check(field, &text, breaks)?;
    let length = text.chars().count();
    if length > max {
        return Err(FieldError::new(
            ErrorCode::TooLong,
            field,
            format!("is {length} characters; at most {max} are allowed"),
        ));
    }
    Ok(text)
}

pub(super) fn rating(value: &Value, field: &str, scale: RangeInclusive<u8>) -> Result<u8, FieldError> {
    let out_of_range = || {
        FieldError::new(
            ErrorCode::OutOfRange,
            field,
            format!("must be from {} to {}", scale.start(), scale.end()),
        )
    };
    let Value::Number(number) = value else {
        return Err(wrong_type(field, "a whole number"));
    };
    if let Some(whole) = number.as_i64() {
        return u8::try_from(whole)
            .ok()
            .filter(|r| scale.contains(r))
            .ok_or_else(out_of_range);
    }
    if number.is_u64() {
        return Err(out_of_range());
    }
    Err(wrong_type(field, "a whole number"))
}
