//! Identifiers, each parsed once at the boundary so the rest of the code can
//! trust them.

use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{ErrorCode, FieldError};

/// Longest accepted identifier. Ids end up in URLs, file names and SQL keys.
const MAX_ID_LEN: usize = 64;

/// Parses a slug: 1–64 characters of `a-z`, `0-9`, `-` and `_`, starting with
/// a letter or digit.
fn parse_slug(field: &str, raw: &str) -> Result<String, FieldError> {
    let valid = !raw.is_empty()
        && raw.len() <= MAX_ID_LEN
        && raw.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && raw
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if valid {
        Ok(raw.to_owned())
    } else {
        Err(FieldError::new(
            ErrorCode::InvalidValue,
            field,
            format!(
                "must be 1-{MAX_ID_LEN} characters of a-z, 0-9, '-' and '_', starting with a letter or digit"
            ),
        ))
    }
}

macro_rules! slug_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Parses `raw`, naming `field` in the error.
            pub fn parse(field: &str, raw: &str) -> Result<Self, FieldError> {
                parse_slug(field, raw).map(Self)
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = FieldError;
            fn try_from(raw: String) -> Result<Self, FieldError> {
                Self::parse("", &raw)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

slug_id!(
    /// A survey's id, as it appears in `/v1/surveys/{id}`.
    SurveyId
);
slug_id!(
    /// A question's id within its survey, the key of its answer.
    QuestionId
);

/// A response's id: a UUID the client generates, so a retried send can never
/// store a response twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ResponseId(Uuid);

impl ResponseId {
    /// A random (version 4) id from 16 bytes of the caller's randomness source:
    /// the browser's `crypto.getRandomValues`, or the OS on native targets.
    pub fn from_random_bytes(bytes: [u8; 16]) -> Self {
        Self(uuid::Builder::from_random_bytes(bytes).into_uuid())
    }

    /// Parses the hyphenated text form.
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldError> {
        Uuid::try_parse(raw).map(Self).map_err(|_| {
            FieldError::new(
                ErrorCode::InvalidValue,
                field,
                "must be a UUID such as 7d4f7c1e-2d5b-4c1e-9a53-1f1f0b8f6a10",
            )
        })
    }
}

impl fmt::Display for ResponseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_accept_lowercase_digits_dash_underscore() {
        assert_eq!(
            SurveyId::parse("s", "checkout-2_b").unwrap().as_str(),
            "checkout-2_b"
        );
    }

    #[test]
    fn slugs_reject_empty_upper_long_and_leading_dash() {
        for bad in ["", "Checkout", "-x", "a b", "é", &"a".repeat(65)] {
            let err = SurveyId::parse("survey", bad).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidValue, "{bad:?}");
            assert_eq!(err.field, "survey");
        }
    }

    #[test]
    fn random_response_ids_are_version_4() {
        let id = ResponseId::from_random_bytes([0xff; 16]);
        let text = id.to_string();
        assert_eq!(&text[14..15], "4");
        assert_eq!(ResponseId::parse("id", &text).unwrap(), id);
    }

    #[test]
    fn response_id_rejects_non_uuid() {
        assert_eq!(ResponseId::parse("id", "123").unwrap_err().field, "id");
    }
}
