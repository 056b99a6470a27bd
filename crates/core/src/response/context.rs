//! Hidden fields a host page attaches to a response (`Candor.context`):
//! the channel, an order-value band, a page. Short text only, and few, so
//! they cannot become a side door for personal data or large payloads.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::{ErrorCode, FieldError};

/// Most fields in one context.
pub const MAX_FIELDS: usize = 20;
/// Longest field name, in characters (`a-z`, `0-9`, `_`).
pub const MAX_NAME: usize = 40;
/// Longest value, in characters.
pub const MAX_VALUE: usize = 200;

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
    fields
        .into_iter()
        .map(|(name, value)| {
            let field = format!("context.{name}");
            let good_name = !name.is_empty()
                && name.len() <= MAX_NAME
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !good_name {
                return Err(FieldError::new(
                    ErrorCode::InvalidValue,
                    field,
                    format!("a context field's name is 1–{MAX_NAME} of a-z, 0-9 and _"),
                ));
            }
            let Value::String(text) = value else {
                return Err(FieldError::new(ErrorCode::InvalidType, field, "must be text"));
            };
            if text.chars().count() > MAX_VALUE {
                return Err(FieldError::new(
                    ErrorCode::TooLong,
                    field,
                    format!("is longer than {MAX_VALUE} characters"),
                ));
            }
            Ok((name, text))
        })
        .collect()
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
        ];
        for (value, field, code) in cases {
            let error = parse(value).unwrap_err();
            assert_eq!((error.field.as_str(), error.code), (field, code));
        }
        let many: serde_json::Map<String, Value> = (0..21).map(|i| (format!("f{i}"), json!("x"))).collect();
        assert_eq!(parse(Value::Object(many)).unwrap_err().field, "context");
    }
}
