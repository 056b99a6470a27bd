//! The dashboard's words in English, Thai, Latvian, Greek and Arabic.
//!
//! The English text is the key: `tr("Sign out")` reads as what it shows,
//! and `trf("{n} responses", &[("n", &12)])` fills `{name}` placeholders
//! after translating. The chosen language is kept in localStorage (no
//! cookie); the first visit follows the browser's languages. Changing it
//! redraws the app, so lookups need not be reactive. A test checks every
//! key used in the sources has all four translations with the same
//! placeholders.

mod table;

use std::cell::Cell;
use std::fmt::Display;

/// The languages offered, with their own names.
pub const LANGUAGES: [(&str, &str); 5] = [
    ("en", "English"),
    ("th", "ไทย"),
    ("lv", "Latviešu"),
    ("el", "Ελληνικά"),
    ("ar", "العربية"),
];

const STORAGE_KEY: &str = "candor:dashboard-locale";

thread_local! {
    /// Index into [`LANGUAGES`].
    static CURRENT: Cell<usize> = Cell::new(initial());
}

/// The language in use (`en`, `th`, …).
pub fn locale() -> &'static str {
    LANGUAGES[CURRENT.with(Cell::get)].0
}

/// Uses `tag` from now on (remembered for the next visit), and sets the
/// page's `lang` and `dir`. Unknown tags are ignored.
pub fn set_locale(tag: &str) {
    let Some(index) = LANGUAGES.iter().position(|(t, _)| *t == tag) else {
        return;
    };
    CURRENT.with(|c| c.set(index));
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(STORAGE_KEY, tag);
    }
    apply_to_page();
}

/// Sets `<html lang dir>` for the language in use.
pub fn apply_to_page() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", locale());
        let _ = root.set_attribute("dir", if locale() == "ar" { "rtl" } else { "ltr" });
    }
}

/// `english` in the language in use (English when a translation is missing,
/// which the test forbids).
pub fn tr(english: &'static str) -> &'static str {
    let index = CURRENT.with(Cell::get);
    if index == 0 {
        return english;
    }
    table::TABLE
        .iter()
        .find(|(key, _)| *key == english)
        .map_or(english, |(_, translations)| translations[index - 1])
}

/// [`tr`], then each `{name}` replaced by its value.
pub fn trf(english: &'static str, args: &[(&str, &dyn Display)]) -> String {
    let mut text = tr(english).to_owned();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), &value.to_string());
    }
    text
}

/// The remembered language, else the first of the browser's that the
/// dashboard speaks, else English.
fn initial() -> usize {
    let window = web_sys::window();
    let stored = window
        .as_ref()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let browser = window
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    stored
        .into_iter()
        .chain(browser)
        .find_map(|tag| {
            let language = tag.split('-').next().unwrap_or_default().to_ascii_lowercase();
            LANGUAGES.iter().position(|(t, _)| *t == language)
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    /// The dashboard's sources, where `tr("…")` and `trf("…"` are used.
    const SOURCES: [&str; 13] = [
        include_str!("../charts.rs"),
        include_str!("../format.rs"),
        include_str!("../components/mod.rs"),
        include_str!("../components/comments.rs"),
        include_str!("../components/contacts.rs"),
        include_str!("../components/editor.rs"),
        include_str!("../components/figures.rs"),
        include_str!("../components/new_survey.rs"),
        include_str!("../components/question_editor.rs"),
        include_str!("../components/scope_bar.rs"),
        include_str!("../components/sign_in.rs"),
        include_str!("../components/survey_list.rs"),
        include_str!("../components/survey_view.rs"),
    ];

    /// The first argument of every `tr(` and `trf(` call that is a string
    /// literal (rustfmt may have moved it to the next line).
    fn keys() -> Vec<String> {
        let mut keys = Vec::new();
        for source in SOURCES {
            for call in ["tr(", "trf("] {
                let mut pieces = source.split(call);
                let mut before = pieces.next().unwrap_or_default();
                for rest in pieces {
                    let called = !before.ends_with(|c: char| c.is_alphanumeric() || c == '_');
                    before = rest;
                    let Some(literal) = rest.trim_start().strip_prefix('"') else {
                        continue;
                    };
                    if !called {
                        continue;
                    }
                    let mut key = String::new();
                    let mut chars = literal.chars();
                    while let Some(c) = chars.next() {
                        match c {
                            '"' => break,
                            '\\' => key.push(match chars.next() {
                                Some('n') => '\n',
                                Some(other) => other,
                                None => break,
                            }),
                            c => key.push(c),
                        }
                    }
                    keys.push(key);
                }
            }
        }
        keys.sort();
        keys.dedup();
        keys
    }

    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }

    #[wasm_bindgen_test]
    fn every_key_in_use_is_translated_with_the_same_placeholders() {
        let keys = keys();
        assert!(keys.len() > 100, "found {} keys: the scan is broken", keys.len());
        let missing: Vec<&String> = keys
            .iter()
            .filter(|k| !table::TABLE.iter().any(|(key, _)| key == k))
            .collect();
        assert!(missing.is_empty(), "untranslated: {missing:#?}");
        for (key, translations) in table::TABLE {
            assert!(keys.iter().any(|k| k == key), "unused entry: {key:?}");
            for (text, (tag, _)) in translations.iter().zip(&LANGUAGES[1..]) {
                assert!(!text.trim().is_empty(), "{tag} of {key:?} is empty");
                assert_eq!(placeholders(text), placeholders(key), "{tag} of {key:?}");
            }
        }
    }

    #[wasm_bindgen_test]
    fn translates_and_fills_placeholders() {
        set_locale("lv");
        assert_eq!(tr("Sign out"), "Iziet");
        set_locale("en");
        assert_eq!(trf("{n} responses", &[("n", &3)]), "3 responses");
        assert_eq!(tr("Sign out"), "Sign out");
    }
}
