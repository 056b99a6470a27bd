//! The page a response was given on: its path only. A query string or
//! fragment may carry an order number, an email address or a session token,
//! so they are refused rather than stored.

use serde_json::Value;

use crate::{ErrorCode, FieldError};

/// Longest path kept, in characters.
pub const MAX_PAGE: usize = 300;

/// Parses a response's `page`: a path such as `/checkout/done`.
pub fn parse(value: Value) -> Result<Option<String>, FieldError> {
    let path = match value {
        Value::Null => return Ok(None),
        Value::String(path) => path,
        _ => {
            return Err(FieldError::new(
                ErrorCode::InvalidType,
                "page",
                "must be a path such as \"/checkout\"",
            ));
        }
    };
    check(&path).map(|()| Some(path))
}

/// Whether `path` is a page path Candor keeps; the error names `page`.
pub fn check(path: &str) -> Result<(), FieldError> {
    let invalid = |message: &str| Err(FieldError::new(ErrorCode::InvalidValue, "page", message));
    if !path.starts_with('/') {
        return invalid("must be a path starting with /, such as \"/checkout\"");
    }
    if path.contains(['?', '#']) {
        return invalid(
            "must be the path alone: leave out the query string and fragment, which may hold personal data",
        );
    }
    if path.chars().any(char::is_control) {
        return invalid("must not contain control characters");
    }
    if path.chars().count() > MAX_PAGE {
        return Err(FieldError::new(
            ErrorCode::TooLong,
            "page",
            format!("is longer than {MAX_PAGE} characters"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_path_passes_and_null_means_none() {
        assert_eq!(
            parse(json!("/checkout/done")).unwrap().as_deref(),
            Some("/checkout/done")
        );
        assert_eq!(parse(json!(null)).unwrap(), None);
    }

    #[test]
    fn queries_fragments_and_other_shapes_are_refused() {
        for bad in [
            json!("/order?id=123"),
            json!("/a#top"),
            json!("checkout"),
            json!("https://shop.example/checkout"),
            json!("/a\nb"),
            json!(5),
            json!(format!("/{}", "a".repeat(MAX_PAGE))),
        ] {
            let error = parse(bad.clone()).unwrap_err();
            assert_eq!(error.field, "page", "{bad}");
        }
    }
}
