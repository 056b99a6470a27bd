//! The widget's words and numbers: its own texts in every locale Candor
//! ships (`texts.rs`; the survey's texts come with the survey), which locale
//! to show (`locale.rs`), and locale-aware numbers (`intl.rs`).

mod intl;
mod locale;
mod texts;

pub use intl::{number, percent};
pub use locale::{choose_locale, choose_snapshot_locale, direction};
pub use texts::Strings;
use texts::{AR, EL, EN, LV, TH};

/// The interface texts for `locale` (its language), English otherwise.
pub fn strings(locale: &str) -> &'static Strings {
    match locale.split('-').next().unwrap_or("") {
        "th" => &TH,
        "lv" => &LV,
        "el" => &EL,
        "ar" => &AR,
        _ => &EN,
    }
}

/// "12 responses · average 4.2 / 5", in `locale`.
pub fn summary(locale: &str, responses: u64, mean: f64) -> String {
    let strings = strings(locale);
    let template = if responses == 1 {
        strings.summary_one
    } else {
        strings.summary_other
    };
    template
        .replace("{n}", &number(locale, responses as f64, 0))
        .replace("{mean}", &number(locale, mean, 1))
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use candor_core::locale::SUPPORTED;

    use super::*;

    #[wasm_bindgen_test]
    fn summary_rounds_to_one_decimal_and_pluralises() {
        assert_eq!(summary("en", 12, 4.25), "12 responses · average 4.3 / 5");
        assert_eq!(summary("en", 1, 5.0), "1 response · average 5.0 / 5");
    }

    #[wasm_bindgen_test]
    fn every_locale_has_every_text() {
        for locale in SUPPORTED {
            let s = strings(locale);
            for text in [
                s.submit,
                s.thanks,
                s.required,
                s.consent,
                s.summary_other,
                s.characters_left,
                s.close,
                s.tab,
                s.queued,
            ] {
                assert!(!text.is_empty(), "{locale}");
            }
            assert!(
                s.characters_left.contains("{n}") && s.summary_other.contains("{mean}"),
                "{locale}"
            );
        }
    }
}
