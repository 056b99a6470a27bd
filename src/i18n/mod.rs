//! The widget's words and numbers: its own texts in every locale Candor
//! ships (`texts.rs`; the survey's texts come with the survey), which locale
//! to show (`locale.rs`), and locale-aware numbers (`intl.rs`).

mod intl;
mod locale;
mod texts;

pub use intl::{Category, Forms, counted, integer, number, percent, plural};
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
    counted(locale, strings(locale).summary, responses).replace("{mean}", &number(locale, mean, 1))
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
        assert_eq!(summary("el", 1, 4.0), "1 απάντηση · μέσος όρος 4,0 / 5");
        assert_eq!(summary("th", 1, 4.0), "คำตอบ 1 รายการ · เฉลี่ย 4.0 จาก 5");
    }

    /// The counts the issue names: every CLDR category each language has
    /// among them is reached.
    const COUNTS: [u64; 8] = [0, 1, 2, 3, 5, 11, 21, 101];

    #[wasm_bindgen_test]
    fn counted_texts_have_the_form_cldr_gives_for_every_count() {
        for locale in SUPPORTED {
            let s = strings(locale);
            for (name, forms) in [("characters_left", s.characters_left), ("summary", s.summary)] {
                assert!(
                    forms.iter().any(|(c, _)| *c == Category::Other),
                    "{name} in {locale}: other"
                );
                // A label ("Atbildes: {n}") reads alike for every count.
                if forms.len() == 1 && forms[0].1.contains(": {n}") {
                    continue;
                }
                for n in COUNTS {
                    let wanted = plural(locale, n);
                    assert!(
                        forms.iter().any(|(c, _)| *c == wanted),
                        "{name} in {locale} has no {wanted:?} form, which {n} takes"
                    );
                }
            }
        }
        assert_eq!(counted("en", EN.characters_left, 1), "1 character left");
        assert_eq!(counted("en", EN.characters_left, 21), "21 characters left");
        assert_eq!(counted("en", EN.characters_left, 1000), "1,000 characters left");
    }

    #[wasm_bindgen_test]
    fn every_locale_has_every_text() {
        for locale in SUPPORTED {
            let s = strings(locale);
            for text in [
                s.submit, s.thanks, s.required, s.consent, s.close, s.tab, s.queued,
            ] {
                assert!(!text.is_empty(), "{locale}");
            }
            assert!(
                s.characters_left.iter().all(|(_, text)| text.contains("{n}"))
                    && s.summary
                        .iter()
                        .all(|(_, text)| text.contains("{n}") && text.contains("{mean}")),
                "{locale}"
            );
        }
    }
}
