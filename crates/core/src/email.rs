//! Email addresses a respondent leaves so the team can reach them: one rule
//! for the widget and the collector, strict enough that an address can
//! never smuggle anything into the owner's tools. A plain `local@domain`
//! only: no quoted local parts, no `?`, `&` or `%` (which a `mailto:` link
//! would read as extra headers or encoded characters), no spaces, control or
//! bidirectional-formatting characters. Letters of any script are welcome.

/// Longest accepted address (RFC 5321's path limit).
pub const MAX_EMAIL: usize = 254;

/// ASCII symbols an unquoted local part may hold (RFC 5322's atext) less
/// `?`, `&` and `%`.
const LOCAL_SYMBOLS: &str = "!#$'*+-/=^_`{|}~.";

/// Whether `email` is an address Candor keeps.
pub fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || LOCAL_SYMBOLS.contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| letter(c) || c == '-')
        });
    email.chars().count() <= MAX_EMAIL && local_ok && domain_ok
}

/// A letter or digit of any script, with its marks (Thai vowel signs and
/// tone marks are marks, not letters): any non-ASCII character but
/// controls, spaces and the invisible formatting characters (bidirectional
/// overrides and isolates, zero-width spaces and joiners, soft hyphens).
fn letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let invisible = matches!(
        c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}'
    );
    !(c.is_control() || c.is_whitespace() || invisible)
}

/// A `mailto:` link to `email`, every character outside RFC 3986's
/// unreserved set percent-encoded, so no address can add a recipient, a
/// header or a body to the message.
pub fn mailto(email: &str) -> String {
    let mut href = String::from("mailto:");
    for byte in email.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~@".contains(&byte) {
            href.push(char::from(byte));
        } else {
            href.push_str(&format!("%{byte:02X}"));
        }
    }
    href
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_addresses_of_any_script_pass() {
        for email in [
            "anna@example.lv",
            "o'brien+shop@mail.example.co.uk",
            "σοφία@παράδειγμα.ελ",
            "สมชาย@ตัวอย่าง.ไทย",
        ] {
            assert!(is_email(email), "{email}");
        }
    }

    #[test]
    fn addresses_that_could_smuggle_something_are_refused() {
        for email in [
            "anna%40x.lv?bcc=me%40evil.test&a@b.cc",
            "a?cc=x@b.cc",
            "a&b@c.cc",
            "a%b@c.cc",
            "\"quoted\"@c.cc",
            "anna@x.lv\u{202e}",
            "an\u{200f}na@x.lv",
            "an\u{2066}na@x.lv",
            "anna@x\u{200b}y.lv",
            "an na@x.lv",
            "anna@x..lv",
            "anna@-x.lv",
            ".anna@x.lv",
            "anna@lv",
            "a@b@c.cc",
            "anna@x.lv\n",
        ] {
            assert!(!is_email(email), "{email:?}");
        }
    }

    #[test]
    fn mailto_links_encode_what_could_add_headers() {
        assert_eq!(mailto("anna@example.lv"), "mailto:anna@example.lv");
        assert_eq!(mailto("o'brien+x@a.co"), "mailto:o%27brien%2Bx@a.co");
        let hostile = mailto("x@y.z?bcc=me@evil.test&body=hi");
        assert!(!hostile.contains('?') && !hostile.contains('&'), "{hostile}");
        assert_eq!(mailto("σ@x.el"), "mailto:%CF%83@x.el");
    }
}
