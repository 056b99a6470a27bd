//! JSON read and written by the browser (`JSON.parse`, `JSON.stringify`),
//! values crossing into Rust through serde-wasm-bindgen: the wasm carries no
//! JSON parser or printer of its own.

use candor_core::{ErrorCode, FieldError, Survey};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

mod strict;
use strict::Strict;

/// Why a text was not the JSON of a value.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct JsonError(String);

/// `text` read as a `T`.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    from_js(parse_js(text)?)
}

/// A value the browser parsed, as a `T`.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, JsonError> {
    serde_wasm_bindgen::from_value(value).map_err(|error| JsonError(error.to_string()))
}

/// `value` as JSON text, as serde_json would write it (objects for maps,
/// `null` for nothing).
pub fn stringify<T: Serialize>(value: &T) -> Result<String, JsonError> {
    let value = value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| JsonError(error.to_string()))?;
    js_sys::JSON::stringify(&value)
        .map(String::from)
        .map_err(|_| JsonError("not representable as JSON".to_owned()))
}

/// A survey definition, parsed and checked by core. Strictly: an unknown
/// field (a typo in an inline definition) is refused, as core refuses it.
pub fn survey(text: &str) -> Result<Survey, FieldError> {
    let invalid = |error: JsonError| FieldError::new(ErrorCode::InvalidJson, "", error.0);
    let value = parse_js(text).map_err(invalid)?;
    let read = Survey::deserialize(Strict(serde_wasm_bindgen::Deserializer::from(value)));
    // serde-wasm-bindgen's errors are JS `Error`s: serde's message is their
    // `message` (their `Display` adds "Error: ").
    Survey::from_read(read.map_err(|error| {
        JsValue::from(error)
            .unchecked_into::<js_sys::Error>()
            .message()
            .into()
    }))
}

fn parse_js(text: &str) -> Result<JsValue, JsonError> {
    js_sys::JSON::parse(text).map_err(|_| JsonError("not valid JSON".to_owned()))
}

#[cfg(test)]
mod tests {
    use serde_json::{Map, Value, json};
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn values_go_through_the_browser_and_back_unchanged() {
        let value = json!({"satisfaction": 5, "share": 0.25, "words": "«ยอดเยี่ยม»", "none": null, "list": [true, false]});
        let text = stringify(&value).unwrap();
        assert_eq!(parse::<Value>(&text).unwrap(), value);
        assert_eq!(
            serde_json::from_str::<Value>(&text).unwrap(),
            value,
            "what serde_json reads too"
        );
        assert!(parse::<Map<String, Value>>("[1]").is_err());
        assert!(parse::<Value>("{").is_err());
    }

    #[wasm_bindgen_test]
    fn a_survey_is_read_as_core_reads_it_with_its_errors() {
        let text = include_str!("../warm_up.json");
        assert_eq!(survey(text).unwrap(), Survey::from_json(text.as_bytes()).unwrap());
        assert_eq!(survey("{").unwrap_err().code, ErrorCode::InvalidJson);
        // The same codes and fields as core's own JSON reader.
        let question = r#"{"id": "q", "kind": "csat", "text": {"en": "Q"}, "colour": 1}"#;
        for bad in [
            format!(
                r#"{{"id": "x", "version": 1, "default_locale": "en", "title": {{"en": "T"}}, "questions": [{question}]}}"#
            ),
            r#"{"id": "x", "version": 1, "title": {"en": "T"}, "questions": []}"#.to_owned(),
            r#"{"id": "x", "version": 1, "default_locale": "en", "title": {"en": "T"}, "questions": []}"#
                .to_owned(),
        ] {
            let (ours, core) = (
                survey(&bad).unwrap_err(),
                Survey::from_json(bad.as_bytes()).unwrap_err(),
            );
            assert_eq!(
                (ours.code, ours.field),
                (core.code, core.field),
                "{bad}: {}",
                ours.message
            );
        }
        // Unknown fields, at the top, in a question, and in settings, are
        // refused as core refuses them.
        let good = r#"{"id": "q", "kind": "csat", "text": {"en": "Q"}}"#;
        for bad in [
            format!(
                r#"{{"id": "x", "version": 1, "default_locale": "en", "title": {{"en": "T"}}, "questions": [{question}]}}"#
            ),
            format!(
                r#"{{"id": "x", "version": 1, "default_locale": "en", "title": {{"en": "T"}}, "questions": [{good}], "colour": 1}}"#
            ),
            format!(
                r#"{{"id": "x", "version": 1, "default_locale": "en", "title": {{"en": "T"}}, "questions": [{good}], "settings": {{"colour": 1}}}}"#
            ),
        ] {
            let (ours, core) = (
                survey(&bad).unwrap_err(),
                Survey::from_json(bad.as_bytes()).unwrap_err(),
            );
            assert_eq!(ours.code, ErrorCode::UnknownField, "{bad}: {}", ours.message);
            assert_eq!((ours.code, ours.field), (core.code, core.field), "{bad}");
        }
    }
}
