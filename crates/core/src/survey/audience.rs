//! Who among identified visitors is asked: rules on the attributes a page
//! gives `Candor.identify(id, attributes)` (`plan is "pro"`, `orders at
//! least 3`). The loader applies them (`pkg/identity.js`, the same
//! meaning); a survey with an audience is never asked of an anonymous
//! visitor.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::response_context::{self, MAX_NAME};
use crate::{ErrorCode, FieldError};

/// Most rules in a survey's audience.
pub const MAX_AUDIENCE_RULES: usize = 10;
/// Longest text an `is` or `is_not` rule compares with.
const MAX_TEXT: usize = 200;

/// An attribute's value: text, a number or true/false.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Attribute {
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// Text.
    Text(String),
}

/// Read by the JSON type it has, without serde's untagged buffering (which
/// would cost the widget's wasm kilobytes).
impl<'de> Deserialize<'de> for Attribute {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Value;
        impl serde::de::Visitor<'_> for Value {
            type Value = Attribute;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("text, a number, true or false")
            }
            fn visit_bool<E>(self, b: bool) -> Result<Attribute, E> {
                Ok(Attribute::Bool(b))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Attribute, E> {
                Ok(Attribute::Number(n as f64))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Attribute, E> {
                Ok(Attribute::Number(n as f64))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Attribute, E> {
                Ok(Attribute::Number(n))
            }
            fn visit_str<E>(self, text: &str) -> Result<Attribute, E> {
                Ok(Attribute::Text(text.to_owned()))
            }
        }
        deserializer.deserialize_any(Value)
    }
}

/// One rule: an attribute and what it must be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RuleIn", into = "RuleIn")]
pub struct AudienceRule {
    /// The attribute's name (`a-z`, `0-9`, `_`, as a context field's).
    pub attribute: String,
    /// What it must be.
    pub test: AttributeTest,
}

/// What an attribute must be.
#[derive(Debug, Clone, PartialEq)]
pub enum AttributeTest {
    /// Equal to the value (of the same type).
    Is(Attribute),
    /// Present and not equal to the value.
    IsNot(Attribute),
    /// A number at least this.
    AtLeast(f64),
    /// A number at most this.
    AtMost(f64),
}

impl AudienceRule {
    /// Whether a visitor with `attributes` passes: an attribute the visitor
    /// lacks passes no rule.
    pub fn admits(&self, attributes: &BTreeMap<String, Attribute>) -> bool {
        let Some(value) = attributes.get(&self.attribute) else {
            return false;
        };
        match (&self.test, value) {
            (AttributeTest::Is(wanted), value) => wanted == value,
            (AttributeTest::IsNot(unwanted), value) => unwanted != value,
            (AttributeTest::AtLeast(least), Attribute::Number(n)) => n >= least,
            (AttributeTest::AtMost(most), Attribute::Number(n)) => n <= most,
            (
                AttributeTest::AtLeast(_) | AttributeTest::AtMost(_),
                Attribute::Bool(_) | Attribute::Text(_),
            ) => false,
        }
    }
}

/// The wire form: `{"attribute": "plan", "is": "pro"}`, with exactly one
/// of `is`, `is_not`, `at_least` and `at_most`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleIn {
    attribute: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    is: Option<Attribute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    is_not: Option<Attribute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at_least: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at_most: Option<f64>,
}

impl TryFrom<RuleIn> for AudienceRule {
    type Error = String;

    fn try_from(rule: RuleIn) -> Result<Self, String> {
        if !response_context::is_name(&rule.attribute) {
            return Err(format!("an attribute's name is 1–{MAX_NAME} of a-z, 0-9 and _"));
        }
        let test = match (rule.is, rule.is_not, rule.at_least, rule.at_most) {
            (Some(value), None, None, None) => AttributeTest::Is(checked(value)?),
            (None, Some(value), None, None) => AttributeTest::IsNot(checked(value)?),
            (None, None, Some(n), None) if n.is_finite() => AttributeTest::AtLeast(n),
            (None, None, None, Some(n)) if n.is_finite() => AttributeTest::AtMost(n),
            _ => {
                return Err("a rule has exactly one of is, is_not, at_least and at_most \
                            (a number for the last two)"
                    .into());
            }
        };
        Ok(Self {
            attribute: rule.attribute,
            test,
        })
    }
}

fn checked(value: Attribute) -> Result<Attribute, String> {
    match &value {
        Attribute::Text(text) if text.chars().count() > MAX_TEXT => {
            Err(format!("a value is at most {MAX_TEXT} characters"))
        }
        Attribute::Number(n) if !n.is_finite() => Err("a number must be finite".into()),
        Attribute::Bool(_) | Attribute::Number(_) | Attribute::Text(_) => Ok(value),
    }
}

impl From<AudienceRule> for RuleIn {
    fn from(rule: AudienceRule) -> Self {
        let mut wire = RuleIn {
            attribute: rule.attribute,
            is: None,
            is_not: None,
            at_least: None,
            at_most: None,
        };
        match rule.test {
            AttributeTest::Is(value) => wire.is = Some(value),
            AttributeTest::IsNot(value) => wire.is_not = Some(value),
            AttributeTest::AtLeast(n) => wire.at_least = Some(n),
            AttributeTest::AtMost(n) => wire.at_most = Some(n),
        }
        wire
    }
}

/// The operators of a rule's text form, two-character ones first.
const OPERATORS: [&str; 4] = [">=", "<=", "!=", "="];

impl AudienceRule {
    /// Parses a rule's text form, as the editor takes it: `plan = pro`,
    /// `plan != free`, `orders >= 3`, `orders <= 10`, `beta = true`. A value
    /// is a number, `true`/`false`, or text (in quotes when it would read as
    /// one of those: `code = "42"`).
    pub fn from_line(line: &str) -> Result<Self, String> {
        let (at, operator) = OPERATORS
            .iter()
            .filter_map(|op| line.find(op).map(|at| (at, *op)))
            .min_by_key(|(at, op)| (*at, std::cmp::Reverse(op.len())))
            .ok_or("a rule is an attribute, =, !=, >= or <=, and a value")?;
        let attribute = line[..at].trim().to_owned();
        let raw = line[at + operator.len()..].trim();
        let value = match raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
            Some(text) => Attribute::Text(text.to_owned()),
            None => match raw {
                "true" => Attribute::Bool(true),
                "false" => Attribute::Bool(false),
                "" => return Err("a rule needs a value".into()),
                _ => raw
                    .parse::<f64>()
                    .map_or_else(|_| Attribute::Text(raw.to_owned()), Attribute::Number),
            },
        };
        let number = |value: Attribute| match value {
            Attribute::Number(n) => Ok(n),
            Attribute::Bool(_) | Attribute::Text(_) => Err("compare a number with >= and <=".to_owned()),
        };
        let test = match operator {
            ">=" => AttributeTest::AtLeast(number(value)?),
            "<=" => AttributeTest::AtMost(number(value)?),
            "!=" => AttributeTest::IsNot(value),
            _ => AttributeTest::Is(value),
        };
        // Checked as the wire form is: the name, the value's length.
        Self::try_from(RuleIn::from(Self { attribute, test }))
    }
}

impl std::fmt::Display for Attribute {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Bool(b) => write!(f, "{b}"),
            Self::Number(n) => write!(f, "{n}"),
            // Quoted when it would read back as something else.
            Self::Text(text) => {
                let reads_back = !text.is_empty()
                    && text.trim() == text
                    && !matches!(text.as_str(), "true" | "false")
                    && text.parse::<f64>().is_err();
                if reads_back {
                    f.write_str(text)
                } else {
                    write!(f, "\"{text}\"")
                }
            }
        }
    }
}

impl std::fmt::Display for AudienceRule {
    /// The text form [`AudienceRule::from_line`] reads.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let attribute = &self.attribute;
        match &self.test {
            AttributeTest::Is(value) => write!(f, "{attribute} = {value}"),
            AttributeTest::IsNot(value) => write!(f, "{attribute} != {value}"),
            AttributeTest::AtLeast(n) => write!(f, "{attribute} >= {n}"),
            AttributeTest::AtMost(n) => write!(f, "{attribute} <= {n}"),
        }
    }
}

/// At most [`MAX_AUDIENCE_RULES`] rules.
pub(super) fn check(audience: &[AudienceRule]) -> Result<(), FieldError> {
    if audience.len() > MAX_AUDIENCE_RULES {
        return Err(FieldError::new(
            ErrorCode::OutOfRange,
            "settings.audience",
            format!("at most {MAX_AUDIENCE_RULES} rules"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn rule(value: serde_json::Value) -> Result<AudienceRule, serde_json::Error> {
        serde_json::from_value(value)
    }

    fn visitor() -> BTreeMap<String, Attribute> {
        BTreeMap::from([
            ("plan".to_owned(), Attribute::Text("pro".into())),
            ("orders".to_owned(), Attribute::Number(3.0)),
            ("beta".to_owned(), Attribute::Bool(true)),
        ])
    }

    #[test]
    fn rules_compare_text_numbers_and_booleans() {
        let admits = |value| rule(value).unwrap().admits(&visitor());
        assert!(admits(json!({"attribute": "plan", "is": "pro"})));
        assert!(!admits(json!({"attribute": "plan", "is": "free"})));
        assert!(admits(json!({"attribute": "plan", "is_not": "free"})));
        assert!(admits(json!({"attribute": "orders", "at_least": 3})));
        assert!(!admits(json!({"attribute": "orders", "at_least": 4})));
        assert!(admits(json!({"attribute": "orders", "at_most": 3})));
        assert!(admits(json!({"attribute": "beta", "is": true})));
        // A number is not the text of it, and a missing attribute passes nothing.
        assert!(!admits(json!({"attribute": "orders", "is": "3"})));
        assert!(!admits(json!({"attribute": "plan", "at_least": 1})));
        assert!(!admits(json!({"attribute": "region", "is_not": "eu"})));
    }

    #[test]
    fn the_text_form_reads_and_writes_every_test() {
        for (line, wire) in [
            ("plan = pro", json!({"attribute": "plan", "is": "pro"})),
            ("plan != free", json!({"attribute": "plan", "is_not": "free"})),
            ("orders >= 3", json!({"attribute": "orders", "at_least": 3.0})),
            ("orders <= 2.5", json!({"attribute": "orders", "at_most": 2.5})),
            ("beta = true", json!({"attribute": "beta", "is": true})),
            ("code = \"42\"", json!({"attribute": "code", "is": "42"})),
            ("note = a = b", json!({"attribute": "note", "is": "a = b"})),
        ] {
            let parsed = AudienceRule::from_line(line).unwrap();
            assert_eq!(serde_json::to_value(&parsed).unwrap(), wire, "{line}");
            assert_eq!(parsed.to_string(), line, "written back");
        }
        for bad in ["plan", "plan =", "Plan = pro", "orders >= many", "= pro"] {
            assert!(AudienceRule::from_line(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_rule_round_trips_and_bad_rules_are_refused() {
        let wire = json!({"attribute": "orders", "at_least": 3.0});
        assert_eq!(serde_json::to_value(rule(wire.clone()).unwrap()).unwrap(), wire);
        for bad in [
            json!({"attribute": "Plan", "is": "pro"}),
            json!({"attribute": "plan"}),
            json!({"attribute": "plan", "is": "pro", "is_not": "free"}),
            json!({"attribute": "orders", "at_least": "3"}),
            json!({"attribute": "plan", "is": "x".repeat(201)}),
            json!({"attribute": "plan", "is": ["pro"]}),
            json!({"attribute": "plan", "equals": "pro"}),
        ] {
            assert!(rule(bad.clone()).is_err(), "{bad}");
        }
    }
}
