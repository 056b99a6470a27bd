//! Hidden fields a host page attaches to a response (`Candor.context`):
//! the channel, an order-value band, a page. Short text only, and few, so
//! they cannot become a side door for personal data or large payloads.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::text::{self, Breaks};
use crate::{ErrorCode, FieldError};

/// Most fields in one context.
pub const MAX_FIELDS: usize = 20;
/// Longest field name, in characters (`a-z`, `0-9`, `_`).
pub const MAX_NAME: usize = 40;
/// Longest value, in characters.
pub const MAX_VALUE: usize = 200;

/// Whether `name` may name a context field (or an identified visitor's
/// attribute): 1–[`MAX_NAME`] of `a-z`, `0-9` and `_`.
pub fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_NAME
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Parses a response's `context` object: names of lowercase letters,
/// digits and `_`; string values.
pub fn parse(value: Value) -> Result<BTreeMap<String, String>, FieldError> {
    let Value::Object(fields) = value else {
        return Err(FieldError::new(
            ErrorCode::InvalidType,
            "context",
            "must be an object of short text fields",
        ));
    };
    if fields.len() > MAX_FIELDS {
        return Err(FieldError::new(
            ErrorCode::InvalidValue,
            "context",
            format!("has {} fields; at most {MAX_FIELDS} are kept", fields.len()),
        ));
    }
    crate::maps::try_map_of(fields.into_iter().map(|(name, value)| {
        let field = format!("context.{name}");
        if !is_name(&name) {
            return Err(FieldError::new(
                ErrorCode::InvalidValue,
                field,
                format!("a context field's name is 1–{MAX_NAME} of a-z, 0-9 and _"),
            ));
        }
        let Value::String(text) = value else {
            return Err(FieldError::new(ErrorCode::InvalidType, field, "must be text"));
        };
        text::check(&field, &text, Breaks::Refused)?;
        if text.chars().count() > MAX_VALUE {
            return Err(FieldError::new(
                ErrorCode::TooLong,
                field,
                format!("is longer than {MAX_VALUE} characters"),
            ));
        }
        Ok((name, text))
    }))
}

/// The fields of `fields` that [`parse`] accepts, and the errors of those
/// it does not, field by field: what a widget sends so the response itself
/// is never refused for its context (the first [`MAX_FIELDS`] good ones).
pub fn keep_valid(fields: BTreeMap<String, String>) -> (BTreeMap<String, String>, Vec<FieldError>) {
    let mut kept = BTreeMap::new();
    let mut refused = Vec::new();
    for (name, value) in fields {
        if kept.len() == MAX_FIELDS {
            refused.push(FieldError::new(
                ErrorCode::InvalidValue,
                format!("context.{name}"),
                format!("left out: at most {MAX_FIELDS} fields are kept"),
            ));
            continue;
        }
        match parse(serde_json::json!({ name: value })) {
            Ok(one) => kept.extend(one),
            Err(error) => refused.push(error),
        }
    }
    (kept, refused)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn short_named_text_fields_pass() {
        let context = parse(json!({"channel": "web", "order_band": "50_100"})).unwrap();
        assert_eq!(context["channel"], "web");
        assert_eq!(context.len(), 2);
    }

    #[test]
    fn every_problem_names_its_field() {
        let cases = [
            (json!(["web"]), "context", ErrorCode::InvalidType),
            (
                json!({"Channel": "web"}),
                "context.Channel",
                ErrorCode::InvalidValue,
            ),
            (json!({"channel": 5}), "context.channel", ErrorCode::InvalidType),
            (
                json!({"note": "x".repeat(201)}),
                "context.note",
                ErrorCode::TooLong,
            ),
            (
                json!({"band": "50\u{0}100"}),
                "context.band",
                ErrorCode::InvalidValue,
            ),
        ];
        for (value, field, code) in cases {
            let error = parse(value).unwrap_err();
            assert_eq!((error.field.as_str(), error.code), (field, code));
        }
        let many: serde_json::Map<String, Value> = (0..21).map(|i| (format!("f{i}"), json!("x"))).collect();
        assert_eq!(parse(Value::Object(many)).unwrap_err().field, "context");
    }

    #[test]
    fn keep_valid_drops_only_the_bad_fields() {
        let fields = [("channel", "chat"), ("note", "a\u{0}b"), ("Bad", "x")]
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .into_iter()
            .collect();
        let (kept, refused) = keep_valid(fields);
        assert_eq!(kept.keys().collect::<Vec<_>>(), ["channel"]);
        let fields: Vec<&str> = refused.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["context.Bad", "context.note"]);
        let many = (0..25).map(|i| (format!("f{i:02}"), "x".to_owned())).collect();
        let (kept, refused) = keep_valid(many);
        assert_eq!((kept.len(), refused.len()), (MAX_FIELDS, 5));
    }
}
