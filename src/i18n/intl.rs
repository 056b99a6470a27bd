//! Numbers and plural categories as a locale has them, through the
//! browser's Intl, for the locales Candor ships (others get plain digits
//! and English's plural rule). The dashboard formats through these too.
//!
//! Arabic is written with Latin digits (`ar-u-nu-latn`), everywhere: the
//! fixed texts, the scales' points, the number fields and every export use
//! them, and they read the same from the Maghreb to the Gulf (docs/glossary.md).

use candor_core::locale::SUPPORTED;
use wasm_bindgen::JsValue;

/// A CLDR plural category, as `Intl.PluralRules.select` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// Each category's text, "other" always among them; a list holding only
/// "other" is a text whose count stands apart from its noun ("Atbildes: {n}").
pub type Forms = &'static [(Category, &'static str)];

/// The language of `locale`, if Candor ships it.
fn shipped(locale: &str) -> Option<&'static str> {
    let language = locale.split('-').next().unwrap_or("");
    SUPPORTED.iter().find(|l| **l == language).copied()
}

/// The tag Intl is given for `locale`, if Candor ships its language.
fn intl_tag(locale: &str) -> Option<&'static str> {
    let shipped = shipped(locale)?;
    Some(if shipped == "ar" { "ar-u-nu-latn" } else { shipped })
}

// Counts are written out here rather than asked of Intl: a page's first
// `Intl` object loads the browser's locale data, a long task on a slow
// phone (docs/benchmarks.md), and a survey shows counts (characters left,
// question 2 of 5) before it shows any figure. Tests hold both to Intl's
// answers.

/// The category the count `n` falls in for `locale` (CLDR's rules for
/// whole numbers; English's for a language Candor does not ship).
pub fn plural(locale: &str, n: u64) -> Category {
    use Category::*;
    match shipped(locale) {
        Some("th") => Other,
        Some("lv") => match (n % 10, n % 100) {
            (0, _) | (_, 11..=19) => Zero,
            (1, _) => One,
            _ => Other,
        },
        Some("ar") => match (n, n % 100) {
            (0, _) => Zero,
            (1, _) => One,
            (2, _) => Two,
            (_, 3..=10) => Few,
            (_, 11..=99) => Many,
            _ => Other,
        },
        // English and Greek.
        _ => {
            if n == 1 {
                One
            } else {
                Other
            }
        }
    }
}

/// The count `n` as `locale` writes it: Latin digits in every language
/// Candor ships, grouped in thousands as Intl groups them (Latvian only
/// from five digits on); plain digits for any other language.
pub fn integer(locale: &str, n: u64) -> String {
    let digits = n.to_string();
    let (separator, fewest_before) = match shipped(locale) {
        Some("lv") => ('\u{a0}', 2),
        Some("el") => ('.', 1),
        Some(_) => (',', 1),
        None => return digits,
    };
    if digits.len() < 3 + fewest_before {
        return digits;
    }
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

/// The text of `forms` for `n` in `locale`, `{n}` filled in.
pub fn counted(locale: &str, forms: Forms, n: u64) -> String {
    let find = |wanted: Category| forms.iter().find(|(c, _)| *c == wanted).map(|(_, text)| *text);
    find(plural(locale, n))
        .or_else(|| find(Category::Other))
        .unwrap_or("{n}")
        .replace("{n}", &integer(locale, n))
}

/// `value` with `decimals` decimals, as `locale` writes numbers
/// (`4,1` in Latvian and Greek, `4.1` in English).
pub fn number(locale: &str, value: f64, decimals: u32) -> String {
    let options = js_sys::Object::new();
    for key in ["minimumFractionDigits", "maximumFractionDigits"] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &JsValue::from(decimals));
    }
    format(locale, &options, value).unwrap_or_else(|| format!("{value:.*}", decimals as usize))
}

/// `share` (0–1) as a whole percentage, as `locale` writes it.
pub fn percent(locale: &str, share: f64) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"style".into(), &"percent".into());
    let _ = js_sys::Reflect::set(&options, &"maximumFractionDigits".into(), &JsValue::from(0));
    format(locale, &options, share).unwrap_or_else(|| format!("{:.0}%", share * 100.0))
}

/// `value` through `Intl.NumberFormat` with `options`; nothing for a
/// locale Candor does not ship (an invalid tag would throw).
fn format(locale: &str, options: &js_sys::Object, value: f64) -> Option<String> {
    let tag = intl_tag(locale)?;
    let format = js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&tag.into()), options).format();
    format
        .call1(&JsValue::NULL, &JsValue::from(value))
        .ok()?
        .as_string()
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn numbers_follow_the_locale() {
        assert_eq!(number("lv", 4.1, 1), "4,1");
        assert_eq!(number("el", 4.1, 1), "4,1");
        assert_eq!(number("en", 1234.0, 0), "1,234");
        assert_eq!(number("xx", 4.1, 1), "4.1");
    }

    #[wasm_bindgen_test]
    fn arabic_numbers_use_latin_digits_and_the_arabic_separator() {
        assert_eq!(number("ar", 4.2, 1), "4.2");
        assert_eq!(number("ar", 212.0, 0), "212");
        assert!(percent("ar", 0.87).starts_with("87"), "{}", percent("ar", 0.87));
    }

    #[wasm_bindgen_test]
    fn percentages_follow_the_locale() {
        assert_eq!(percent("en", 0.873), "87%");
        assert_eq!(percent("xx", 0.5), "50%");
    }

    /// What `Intl.PluralRules` answers for `n` in `locale`.
    fn intl_plural(locale: &str, n: u64) -> Category {
        let tag = intl_tag(locale).unwrap();
        let rules = js_sys::Intl::PluralRules::new(&js_sys::Array::of1(&tag.into()), &js_sys::Object::new());
        match String::from(rules.select(n as f64)).as_str() {
            "zero" => Category::Zero,
            "one" => Category::One,
            "two" => Category::Two,
            "few" => Category::Few,
            "many" => Category::Many,
            _ => Category::Other,
        }
    }

    #[wasm_bindgen_test]
    fn counts_are_written_and_categorised_as_intl_does_in_every_language() {
        let counts = (0..=1_200).chain([9_999, 10_000, 12_345, 100_000, 1_234_567, 21_000_001]);
        for locale in SUPPORTED {
            for n in counts.clone() {
                assert_eq!(integer(locale, n), number(locale, n as f64, 0), "{n} in {locale}");
                assert_eq!(
                    plural(locale, n),
                    intl_plural(locale, n),
                    "{n}'s category in {locale}"
                );
            }
        }
        assert_eq!(integer("lv", 1000), "1000");
        assert_eq!(integer("lv", 10_000), "10\u{a0}000");
        assert_eq!(integer("xx", 12_345), "12345");
    }

    #[wasm_bindgen_test]
    fn categories_are_cldr_s() {
        use Category::*;
        assert_eq!(plural("en", 1), One);
        assert_eq!(plural("en", 0), Other);
        assert_eq!(plural("lv", 21), One);
        assert_eq!(plural("lv", 11), Zero);
        assert_eq!(plural("ar", 2), Two);
        assert_eq!(plural("ar", 11), Many);
        assert_eq!(plural("th", 1), Other);
        assert_eq!(plural("xx", 1), One);
    }
}
