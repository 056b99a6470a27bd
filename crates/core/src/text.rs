//! Text a respondent or a host page sends is refused when it holds a control
//! character: NUL cannot be stored at all (PostgreSQL refuses it in text and
//! in JSON), and the other C0 controls and DEL only ever hide or garble what
//! an owner later reads. Tab and line breaks belong in a comment, nowhere
//! else. The widget and the collector refuse alike, through this one rule.

use crate::{ErrorCode, FieldError};

/// Whether the text may hold tab, line feed and carriage return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breaks {
    /// A comment: several lines, perhaps indented.
    Allowed,
    /// A name, an address, a context value: one line.
    Refused,
}

/// `Ok` when `text` holds no character [`Breaks`] forbids; the error names
/// `field` and the first such character.
pub fn check(field: &str, text: &str, breaks: Breaks) -> Result<(), FieldError> {
    match text.chars().find(|&c| forbidden(c, breaks)) {
        None => Ok(()),
        Some(c) => Err(FieldError::new(
            ErrorCode::InvalidValue,
            field,
            format!(
                "must not contain the control character U+{:04X}{}",
                u32::from(c),
                match breaks {
                    Breaks::Allowed => " (only tab and line breaks are allowed)",
                    Breaks::Refused => " (one line of text, no tab)",
                }
            ),
        )),
    }
}

fn forbidden(c: char, breaks: Breaks) -> bool {
    let control = c.is_ascii_control();
    match breaks {
        Breaks::Allowed => control && !matches!(c, '\t' | '\n' | '\r'),
        Breaks::Refused => control,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_and_other_controls_are_refused_naming_the_field() {
        for text in ["a\u{0}b", "\u{1}", "x\u{1b}[31m", "\u{7f}", "\u{1f}"] {
            for breaks in [Breaks::Allowed, Breaks::Refused] {
                let error = check("answers.comment", text, breaks).unwrap_err();
                assert_eq!(
                    (error.field.as_str(), error.code),
                    ("answers.comment", ErrorCode::InvalidValue)
                );
            }
        }
        assert!(
            check("f", "a\u{0}", Breaks::Refused)
                .unwrap_err()
                .message
                .contains("U+0000")
        );
    }

    #[test]
    fn tab_and_line_breaks_only_where_allowed() {
        let text = "Line one\r\n\tline two\n";
        assert!(check("f", text, Breaks::Allowed).is_ok());
        assert!(check("f", text, Breaks::Refused).is_err());
        assert!(check("f", "Ünïcødé — ไทย, ελληνικά, عربي 🙂", Breaks::Refused).is_ok());
    }
}
