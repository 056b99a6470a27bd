//! Language tags, and texts by locale.

use crate::Texts;

/// The locales Candor's own interface and templates ship in.
pub const SUPPORTED: [&str; 5] = ["en", "th", "lv", "el", "ar"];

/// `texts` in `locale`, else in `default`, else empty.
pub fn text_in<'a>(texts: &'a Texts, locale: &str, default: &str) -> &'a str {
    texts
        .get(locale)
        .or_else(|| texts.get(default))
        .map_or("", String::as_str)
}

/// The locales of `title` that every one of `texts` is also in.
pub fn common<'a>(title: &'a Texts, texts: impl Iterator<Item = &'a Texts> + Clone) -> Vec<&'a str> {
    let mut all: Vec<&str> = title.keys().map(String::as_str).collect();
    all.retain(|locale| texts.clone().all(|t| t.contains_key(*locale)));
    all
}

/// Whether `tag` looks like a BCP 47 language tag: a 2–3 letter language,
/// then subtags of 1–8 letters or digits (`en`, `pt-BR`, `zh-Hant-TW`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()));
    language_ok
        && tag.len() <= 35
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Whether a text in `locale` is written right to left.
pub fn is_right_to_left(locale: &str) -> bool {
    let language = locale.split('-').next().unwrap_or("");
    ["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb"].contains(&language)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        for ok in ["en", "th", "pt-BR", "zh-Hant-TW", "ar-001"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in [
            "",
            "e",
            "english",
            "en_US",
            "en-",
            "en--US",
            "<en>",
            "en-toolongsubtag",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
        assert!(is_right_to_left("ar") && is_right_to_left("ar-EG") && !is_right_to_left("en"));
    }
}
