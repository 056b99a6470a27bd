//! Reading an admin request's JSON object field by field, so each error
//! names the field at fault (serde's own messages name none for a wrong
//! enum value or a wrong type inside one).

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::{ErrorCode, FieldError};

/// A request body's fields, checked against the names it may have.
pub(super) struct Body(Map<String, Value>);

impl Body {
    /// `value` if it is an object holding no field but `known` (`what` names
    /// the thing in the error: "a destination").
    pub(super) fn of(value: &Value, known: &[&str], what: &str) -> Result<Self, FieldError> {
        let Value::Object(fields) = value else {
            return Err(FieldError::new(
                ErrorCode::InvalidType,
                "",
                "must be a JSON object",
            ));
        };
        if let Some(unknown) = fields.keys().find(|key| !known.contains(&key.as_str())) {
            return Err(FieldError::new(
                ErrorCode::UnknownField,
                unknown.as_str(),
                format!("is not a field of {what}"),
            ));
        }
        Ok(Self(fields.clone()))
    }

    /// The raw value of `field`, when given and not null.
    pub(super) fn raw(&self, field: &str) -> Option<&Value> {
        self.0.get(field).filter(|value| !value.is_null())
    }

    /// `field` read as a `T`, when given; `expected` says what it must be.
    pub(super) fn optional<T: DeserializeOwned>(
        &self,
        field: &str,
        expected: &str,
    ) -> Result<Option<T>, FieldError> {
        self.raw(field)
            .map(|value| {
                serde_json::from_value(value.clone())
                    .map_err(|_| FieldError::new(ErrorCode::InvalidValue, field, expected))
            })
            .transpose()
    }

    /// `field` read as a `T`, which must be given.
    pub(super) fn required<T: DeserializeOwned>(&self, field: &str, expected: &str) -> Result<T, FieldError> {
        self.optional(field, expected)?
            .ok_or_else(|| FieldError::new(ErrorCode::Required, field, "is required"))
    }
}
