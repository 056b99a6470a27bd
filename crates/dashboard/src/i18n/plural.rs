//! Counted nouns: each language's forms by CLDR plural category, the
//! category chosen as the browser's `Intl.PluralRules` chooses it
//! (`candor::intl::plural`), so "1 response",
//! "21 atbilde" (Latvian) and "ردّان" (Arabic, two) each read as their
//! language counts.

use super::{LANGUAGES, locale};

use candor::intl;

/// `n` and the noun of `key` (the English plural: `"{n} responses"`) in
/// the language in use.
pub fn count(key: &'static str, n: u64) -> String {
    counted(locale(), key, n)
}

/// [`count`] in `language`: its forms for `key`, chosen as the widget
/// chooses (`candor::intl::counted`).
pub fn counted(language: &str, key: &'static str, n: u64) -> String {
    let index = LANGUAGES
        .iter()
        .position(|(tag, _)| *tag == language)
        .unwrap_or(0);
    match super::plurals::PLURALS
        .iter()
        .find(|(english, _)| *english == key)
    {
        Some((_, forms)) => intl::counted(language, forms[index], n),
        None => key.replace("{n}", &intl::integer(language, n)),
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use candor::intl::Category;

    use super::super::plurals::PLURALS;
    use super::*;

    const COUNTS: [u64; 8] = [0, 1, 2, 3, 5, 11, 21, 101];

    #[wasm_bindgen_test]
    fn every_language_has_the_form_cldr_gives_for_every_count() {
        for (key, forms) in PLURALS {
            for (i, (language, _)) in LANGUAGES.iter().enumerate() {
                for n in COUNTS {
                    let wanted = intl::plural(language, n);
                    assert!(
                        forms[i].iter().any(|(c, _)| *c == wanted),
                        "{key} in {language} has no {wanted:?} form, which {n} takes"
                    );
                }
                assert!(
                    forms[i].iter().any(|(c, _)| *c == Category::Other),
                    "{key} in {language}: other"
                );
            }
        }
    }

    #[wasm_bindgen_test]
    fn counts_read_as_each_language_counts() {
        assert_eq!(counted("en", "{n} responses", 1), "1 response");
        assert_eq!(counted("en", "{n} responses", 0), "0 responses");
        assert_eq!(counted("lv", "{n} responses", 21), "21 atbilde");
        assert_eq!(counted("lv", "{n} responses", 11), "11 atbilžu");
        assert_eq!(counted("lv", "{n} responses", 3), "3 atbildes");
        assert_eq!(counted("el", "{n} responses", 1), "1 απάντηση");
        assert_eq!(counted("ar", "{n} responses", 2), "ردّان");
        assert_eq!(counted("ar", "{n} responses", 3), "3 ردود");
        assert_eq!(counted("ar", "{n} responses", 11), "11 ردًّا");
        assert_eq!(counted("ar", "{n} responses", 101), "101 ردّ");
        assert_eq!(counted("th", "{n} answers", 1), "คำตอบ 1 รายการ");
        assert_eq!(counted("en", "{n} points", 7), "7 points");
    }
}
