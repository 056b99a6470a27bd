//! The dashboard's words in English, Thai, Latvian, Greek and Arabic.
//!
//! The English text is the key: `tr("Sign out")` reads as what it shows,
//! and `trf("Published as version {version}.", &[("version", &3)])` fills `{name}` placeholders
//! after translating. The chosen language is kept in localStorage (no
//! cookie); the first visit follows the browser's languages. Changing it
//! redraws the app, so lookups need not be reactive. A test checks every
//! key used in the sources has all four translations with the same
//! placeholders. A count beside a noun goes through [`count`], which picks
//! the language's plural form (`plurals.rs`).

mod errors;
mod plural;
mod plurals;
mod table;

pub use errors::failure;
pub use plural::count;

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

/// [`tr`], then each `{name}` replaced by its value. Right to left, each
/// value is a first-strong isolate, so a number, a range ("22–64%") or a
/// signed figure keeps its order inside the Arabic sentence while an
/// Arabic value still reads right to left.
pub fn trf(english: &'static str, args: &[(&str, &dyn Display)]) -> String {
    let mut text = tr(english).to_owned();
    let rtl = candor_core::locale::is_right_to_left(locale());
    for (name, value) in args {
        let value = if rtl {
            format!("\u{2068}{value}\u{2069}")
        } else {
            value.to_string()
        };
        text = text.replace(&format!("{{{name}}}"), &value);
    }
    text
}

/// `text` (a formula: "4.1 / 5", "n = 40") as a left-to-right isolate when
/// the language in use is written right to left, so it keeps its order.
pub fn formula(text: &str) -> String {
    if candor_core::locale::is_right_to_left(locale()) {
        format!("\u{2066}{text}\u{2069}")
    } else {
        text.to_owned()
    }
}

/// The language `code` (a response's locale: `th`, `pt-BR`) named in the
/// language in use, as the browser's `Intl.DisplayNames` names it; the code
/// itself when it is not a language tag (which `Intl` would throw on).
pub fn language_name(code: &str) -> String {
    if !candor_core::locale::is_language_tag(code) {
        return code.to_owned();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"type".into(), &"language".into());
    js_sys::Intl::DisplayNames::new(&js_sys::Array::of1(&locale().into()), &options)
        .of(code)
        .map(String::from)
        .unwrap_or_else(|| code.to_owned())
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

    // That every text is translated is checked by `cargo xtask tidy`.

    #[wasm_bindgen_test]
    fn translates_and_fills_placeholders() {
        set_locale("lv");
        assert_eq!(tr("Sign out"), "Iziet");
        set_locale("en");
        assert_eq!(
            trf("Published as version {version}.", &[("version", &3)]),
            "Published as version 3."
        );
        assert_eq!(tr("Sign out"), "Sign out");
    }

    #[wasm_bindgen_test]
    fn right_to_left_values_and_formulae_are_isolated() {
        set_locale("ar");
        let text = trf("Published as version {version}.", &[("version", &3)]);
        let isolated = formula("4.1 / 5");
        set_locale("en");
        assert!(text.contains("\u{2068}3\u{2069}"), "{text:?}");
        assert_eq!(isolated, "\u{2066}4.1 / 5\u{2069}");
        assert_eq!(formula("4.1 / 5"), "4.1 / 5", "left to right, as it is");
    }

    #[wasm_bindgen_test]
    fn names_languages_in_the_language_in_use() {
        set_locale("en");
        assert_eq!(language_name("th"), "Thai");
        assert_eq!(language_name("pt-BR"), "Brazilian Portuguese");
        assert_eq!(
            language_name("not a tag!"),
            "not a tag!",
            "left as it came, never thrown on"
        );
        set_locale("lv");
        assert_eq!(language_name("el"), "grieķu");
        set_locale("en");
    }
}
