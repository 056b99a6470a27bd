//! Identified visitors (`Candor.identify`): the page's id for a visitor,
//! hashed in the browser with the collector's salt before it leaves, so
//! the collector only ever holds the hash, and, per survey, the days that
//! visitor answered or dismissed it (`GET /v1/visitors/{hash}`), which make
//! recontact, dismissal and the site-wide cap hold across devices.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Day, ErrorCode, FieldError, SurveyId};

/// SHA-256 of the collector's salt, `:` and the page's id, as 64 lowercase
/// hexadecimal digits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct VisitorHash(String);

impl VisitorHash {
    /// Parses `raw`, naming `field` in the error.
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldError> {
        if raw.len() == 64
            && raw
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            Ok(Self(raw.to_owned()))
        } else {
            Err(FieldError::new(
                ErrorCode::InvalidValue,
                field,
                "must be a SHA-256 hash: 64 of 0-9 and a-f",
            ))
        }
    }

    /// The optional `visitor` field of a JSON body: absent or null is none.
    pub fn optional(value: Option<&serde_json::Value>) -> Result<Option<Self>, FieldError> {
        match value {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(raw)) => Self::parse("visitor", raw).map(Some),
            Some(_) => Err(FieldError::new(
                ErrorCode::InvalidType,
                "visitor",
                "must be a SHA-256 hash",
            )),
        }
    }

    /// The hash as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for VisitorHash {
    type Error = FieldError;
    fn try_from(raw: String) -> Result<Self, FieldError> {
        Self::parse("visitor", &raw)
    }
}

impl From<VisitorHash> for String {
    fn from(hash: VisitorHash) -> Self {
        hash.0
    }
}

impl fmt::Display for VisitorHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `GET /v1/visitors/{hash}`: what the collector knows of one visitor.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitorRecord {
    /// The surveys the visitor answered or dismissed, in id order.
    pub surveys: Vec<VisitorSeen>,
}

/// One survey a visitor answered or dismissed (days in UTC: no finer time
/// is kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitorSeen {
    /// The survey.
    pub survey: SurveyId,
    /// The last day a response was finished.
    pub answered_on: Option<Day>,
    /// The last day it was dismissed.
    pub dismissed_on: Option<Day>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_lowercase_sha256_is_a_visitor_hash() {
        let good = "a".repeat(64);
        assert_eq!(VisitorHash::parse("visitor", &good).unwrap().as_str(), good);
        for bad in [
            "A".repeat(64),
            "a".repeat(63),
            "g".repeat(64),
            "alice@example.com".into(),
        ] {
            let error = VisitorHash::parse("visitor", &bad).unwrap_err();
            assert_eq!(error.field, "visitor", "{bad}");
        }
    }
}
