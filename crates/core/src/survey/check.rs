//! Strict parsing of survey definitions: shape errors from serde with their
//! JSON path, then the rules serde cannot express.

use std::collections::BTreeSet;

use super::{Labelled, QuestionKind, Settings, Survey, Texts};
use crate::locale::is_language_tag;
use crate::{ErrorCode, FieldError};

/// Longest accepted text of a survey (a question, a label, a title).
const MAX_TEXT: usize = 500;
/// Most questions in one survey.
const MAX_QUESTIONS: usize = 50;

/// Deserializes `body`, turning serde's messages into a [`FieldError`] whose
/// field is the JSON path (`questions[1].dimensions[0].label`).
#[cfg(not(target_arch = "wasm32"))]
pub fn deserialize<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, FieldError> {
    let mut json = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut json).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        if !inner.is_data() {
            return FieldError::new(ErrorCode::InvalidJson, "", format!("not valid JSON: {inner}"));
        }
        classify(if path == "." { "" } else { &path }, &inner.to_string())
    })?;
    json.end()
        .map_err(|e| FieldError::new(ErrorCode::InvalidJson, "", format!("not valid JSON: {e}")))?;
    Ok(value)
}

/// Deserializes `body` in the widget: the same codes, but a shape error names
/// the line and column rather than the JSON path (tracking it costs the
/// widget's wasm dearly: docs/benchmarks.md). Rule errors, checked afterwards, still name their path, and the
/// collector, through which definitions are published, names every path.
#[cfg(target_arch = "wasm32")]
pub fn deserialize<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, FieldError> {
    serde_json::from_slice(body).map_err(|error| {
        if !error.is_data() {
            return FieldError::new(ErrorCode::InvalidJson, "", format!("not valid JSON: {error}"));
        }
        shape_error(&error.to_string())
    })
}

/// A shape error from any serde deserializer as a [`FieldError`]: its code,
/// and the field named in `message` when it names one; the message as serde
/// wrote it.
pub fn shape_error(message: &str) -> FieldError {
    let mut classified = classify("", message);
    classified.message = message.to_owned();
    classified
}

/// Maps serde's data error messages onto codes; a field named in the message
/// (unknown or missing) is appended to the path.
fn classify(path: &str, message: &str) -> FieldError {
    let message = message.split(" at line ").next().unwrap_or(message);
    let named = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(|name| join(path, name))
    };
    if let Some(field) = named("unknown field `") {
        return FieldError::new(ErrorCode::UnknownField, field, "is not a field here");
    }
    if let Some(field) = named("missing field `") {
        return FieldError::new(ErrorCode::Required, field, "is required");
    }
    let code = if message.starts_with("invalid type") {
        ErrorCode::InvalidType
    } else {
        ErrorCode::InvalidValue
    };
    FieldError::new(code, path, message)
}

/// `path.name`, unless serde's path already ends at `name` (it does for
/// plain structs, not inside a buffered, internally tagged enum).
fn join(path: &str, name: &str) -> String {
    if path.is_empty() || path == name {
        name.to_owned()
    } else if path.ends_with(&format!(".{name}")) {
        path.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

fn error(code: ErrorCode, field: impl Into<String>, message: impl Into<String>) -> Result<(), FieldError> {
    Err(FieldError::new(code, field, message))
}

impl Survey {
    /// The rules beyond the JSON shape: known locales, every text in the
    /// default locale, unique ids, scales and limits in range.
    pub(super) fn check(&self) -> Result<(), FieldError> {
        if self.version == 0 {
            return error(ErrorCode::OutOfRange, "version", "must be 1 or more");
        }
        if !is_language_tag(&self.default_locale) {
            return error(
                ErrorCode::InvalidValue,
                "default_locale",
                "must be a language tag such as \"en\"",
            );
        }
        let texts = |texts: &Texts, path: &str| check_texts(texts, path, &self.default_locale);
        texts(&self.title, "title")?;
        if self.questions.is_empty() {
            return error(
                ErrorCode::Required,
                "questions",
                "a survey needs at least one question",
            );
        }
        if self.questions.len() > MAX_QUESTIONS {
            return error(
                ErrorCode::OutOfRange,
                "questions",
                format!("at most {MAX_QUESTIONS} questions"),
            );
        }
        let mut ids = BTreeSet::new();
        for (i, question) in self.questions.iter().enumerate() {
            let path = format!("questions[{i}]");
            if !ids.insert(question.id.as_str()) {
                return error(
                    ErrorCode::Duplicate,
                    format!("{path}.id"),
                    format!("another question already has the id {:?}", question.id.as_str()),
                );
            }
            texts(&question.text, &format!("{path}.text"))?;
            match &question.kind {
                QuestionKind::Csat { points, .. } => check_points(*points, &path)?,
                QuestionKind::ExpectationGap { dimensions } => {
                    check_labelled(
                        dimensions,
                        &format!("{path}.dimensions"),
                        1..=12,
                        &self.default_locale,
                    )?;
                }
                QuestionKind::SingleChoice { options } => {
                    check_labelled(options, &format!("{path}.options"), 2..=20, &self.default_locale)?;
                }
                QuestionKind::MultipleChoice {
                    options,
                    max_selections,
                    ..
                } => {
                    check_labelled(options, &format!("{path}.options"), 2..=20, &self.default_locale)?;
                    let all = question.kind.choices().unwrap_or(0);
                    let min = question.kind.selections().map_or(1, |range| *range.start());
                    if !(1..=all).contains(&min) {
                        return error(
                            ErrorCode::OutOfRange,
                            format!("{path}.min_selections"),
                            format!("must be from 1 to {all}, the number of choices"),
                        );
                    }
                    if max_selections.is_some_and(|max| !(min..=all).contains(&usize::from(max))) {
                        return error(
                            ErrorCode::OutOfRange,
                            format!("{path}.max_selections"),
                            format!("must be from {min} (min_selections) to {all}, the number of choices"),
                        );
                    }
                }
                QuestionKind::Likert { points, statements } => {
                    check_points(*points, &path)?;
                    check_labelled(
                        statements,
                        &format!("{path}.statements"),
                        1..=12,
                        &self.default_locale,
                    )?;
                }
                QuestionKind::Comment { max_length } => {
                    if !(1..=10_000).contains(max_length) {
                        return error(
                            ErrorCode::OutOfRange,
                            format!("{path}.max_length"),
                            "must be from 1 to 10000",
                        );
                    }
                }
                QuestionKind::Nps
                | QuestionKind::Ces
                | QuestionKind::YesNo
                | QuestionKind::ContactRequest => {}
            }
        }
        // The widget trusts the collector, which checked the logic when it
        // was published (6.5 KB of wasm): its walk is safe on any
        // definition.
        #[cfg(not(target_arch = "wasm32"))]
        self.check_logic()?;
        check_settings(&self.settings)
    }
}

/// A scale of 5 or 7 points (`path` is the question's).
fn check_points(points: u8, path: &str) -> Result<(), FieldError> {
    if points == 5 || points == 7 {
        Ok(())
    } else {
        error(ErrorCode::OutOfRange, format!("{path}.points"), "must be 5 or 7")
    }
}

fn check_texts(texts: &Texts, path: &str, default_locale: &str) -> Result<(), FieldError> {
    for (locale, text) in texts {
        if !is_language_tag(locale) {
            return error(
                ErrorCode::InvalidValue,
                format!("{path}.{locale}"),
                "is not a language tag",
            );
        }
        if text.chars().count() > MAX_TEXT {
            return error(
                ErrorCode::TooLong,
                format!("{path}.{locale}"),
                format!("at most {MAX_TEXT} characters"),
            );
        }
    }
    if texts.get(default_locale).is_none_or(|t| t.trim().is_empty()) {
        return error(
            ErrorCode::MissingText,
            format!("{path}.{default_locale}"),
            format!("every text needs the default locale {default_locale:?}"),
        );
    }
    Ok(())
}

fn check_labelled(
    items: &[Labelled],
    path: &str,
    count: std::ops::RangeInclusive<usize>,
    default_locale: &str,
) -> Result<(), FieldError> {
    if !count.contains(&items.len()) {
        return error(
            ErrorCode::OutOfRange,
            path,
            format!("needs {} to {} entries", count.start(), count.end()),
        );
    }
    let mut ids = BTreeSet::new();
    for (i, item) in items.iter().enumerate() {
        if !ids.insert(item.id.as_str()) {
            return error(
                ErrorCode::Duplicate,
                format!("{path}[{i}].id"),
                "ids must be unique",
            );
        }
        check_texts(&item.label, &format!("{path}[{i}].label"), default_locale)?;
    }
    Ok(())
}

fn check_settings(settings: &Settings) -> Result<(), FieldError> {
    if let Some(locale) = &settings.locale
        && !is_language_tag(locale)
    {
        return error(
            ErrorCode::InvalidValue,
            "settings.locale",
            "is not a language tag",
        );
    }
    if !(0.0..=1.0).contains(&settings.sampling_rate) {
        return error(
            ErrorCode::OutOfRange,
            "settings.sampling_rate",
            "must be from 0 to 1",
        );
    }
    settings.trigger.check()?;
    super::targeting::check(settings)?;
    super::audience::check(&settings.audience)?;
    for (days, field) in [
        (settings.recontact_days, "settings.recontact_days"),
        (settings.dismissal_days, "settings.dismissal_days"),
    ] {
        if days > 3650 {
            return error(ErrorCode::OutOfRange, field, "at most 3650 days");
        }
    }
    if settings.public_aggregates.minimum_sample == 0 {
        return error(
            ErrorCode::OutOfRange,
            "settings.public_aggregates.minimum_sample",
            "must be 1 or more",
        );
    }
    if let Some(accent) = &settings.theme.accent
        && !(accent.len() == 7
            && accent.starts_with('#')
            && accent[1..].chars().all(|c| c.is_ascii_hexdigit()))
    {
        return error(
            ErrorCode::InvalidValue,
            "settings.theme.accent",
            "must be a colour such as #1d4ed8",
        );
    }
    if settings.theme.radius_px.is_some_and(|r| r > 24) {
        return error(
            ErrorCode::OutOfRange,
            "settings.theme.radius_px",
            "must be from 0 to 24",
        );
    }
    for (i, origin) in settings.allowed_origins.iter().enumerate() {
        if !is_origin(origin) {
            return error(
                ErrorCode::InvalidValue,
                format!("settings.allowed_origins[{i}]"),
                "must be an origin such as https://shop.example",
            );
        }
    }
    Ok(())
}

/// `scheme://host[:port]` with nothing after it.
fn is_origin(origin: &str) -> bool {
    let Some((scheme, rest)) = origin.split_once("://") else {
        return false;
    };
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || host.starts_with('[') => (host, Some(port)),
        _ => (rest, None),
    };
    (scheme == "https" || scheme == "http")
        && !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-[]:".contains(c))
        && port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()))
}
