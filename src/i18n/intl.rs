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

impl Category {
    /// What `Intl.PluralRules.select` answered; anything else is "other".
    fn parse(name: &str) -> Self {
        match name {
            "zero" => Self::Zero,
            "one" => Self::One,
            "two" => Self::Two,
            "few" => Self::Few,
            "many" => Self::Many,
            _ => Self::Other,
        }
    }
}

/// Each category's text, "other" always among them; a list holding only
/// "other" is a text whose count stands apart from its noun ("Atbildes: {n}").
pub type Forms = &'static [(Category, &'static str)];

/// The tag Intl is given for `locale`, if Candor ships its language.
fn intl_tag(locale: &str) -> Option<&'static str> {
    let language = locale.split('-').next().unwrap_or("");
    let shipped = SUPPORTED.iter().find(|l| **l == language)?;
    Some(if *shipped == "ar" { "ar-u-nu-latn" } else { shipped })
}

/// The category `n` falls in for `locale`.
pub fn plural(locale: &str, n: u64) -> Category {
    let Some(tag) = intl_tag(locale) else {
        return if n == 1 { Category::One } else { Category::Other };
    };
    let rules = js_sys::Intl::PluralRules::new(&js_sys::Array::of1(&tag.into()), &js_sys::Object::new());
    Category::parse(&String::from(rules.select(n as f64)))
}

/// The text of `forms` for `n` in `locale`, `{n}` filled in.
pub fn counted(locale: &str, forms: Forms, n: u64) -> String {
    let find = |wanted: Category| forms.iter().find(|(c, _)| *c == wanted).map(|(_, text)| *text);
    find(plural(locale, n))
        .or_else(|| find(Category::Other))
        .unwrap_or("{n}")
        .replace("{n}", &number(locale, n as f64, 0))
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
