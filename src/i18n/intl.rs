//! Numbers and plural categories as the browser's Intl writes and
//! categorises them for the locales Candor ships, written here without it
//! (others get plain digits and English's plural rule). The dashboard
//! formats through these too.
//!
//! Arabic is written with Latin digits (`ar-u-nu-latn`), everywhere: the
//! fixed texts, the scales' points, the number fields and every export use
//! them, and they read the same from the Maghreb to the Gulf (docs/glossary.md).

use candor_core::locale::SUPPORTED;

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
#[cfg(test)]
fn intl_tag(locale: &str) -> Option<&'static str> {
    let shipped = shipped(locale)?;
    Some(if shipped == "ar" { "ar-u-nu-latn" } else { shipped })
}

// Numbers are written out here rather than asked of Intl: a page's first
// `Intl` object loads the browser's locale data, a long task on a slow
// phone (docs/benchmarks.md), met at the moments that count: a survey's
// first question (characters left, question 2 of 5) and the respondent's
// submit (the figures after it). Tests hold every function to Intl's
// answers in every shipped language.

/// How a language writes numbers with Latin digits.
struct Symbols {
    group: char,
    /// Digits before the first group separator, at the fewest (Latvian
    /// writes 1000 but 10 000).
    fewest_before: usize,
    decimal: char,
    minus: &'static str,
    percent: &'static str,
}

/// How `locale` writes numbers; `None` for a language Candor does not ship
/// (plain digits, a full stop, a hyphen, no groups).
fn symbols(locale: &str) -> Option<Symbols> {
    let latin = Symbols {
        group: ',',
        fewest_before: 1,
        decimal: '.',
        minus: "-",
        percent: "%",
    };
    Some(match shipped(locale)? {
        "lv" => Symbols {
            group: '\u{a0}',
            fewest_before: 2,
            decimal: ',',
            ..latin
        },
        "el" => Symbols {
            group: '.',
            decimal: ',',
            ..latin
        },
        // Left-to-right marks keep the sign and the percent sign beside
        // their digits inside right-to-left text, as Intl writes them.
        "ar" => Symbols {
            minus: "\u{200e}-",
            percent: "\u{200e}%\u{200e}",
            ..latin
        },
        _ => latin,
    })
}

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

/// `digits` (an integer's, no sign) grouped in thousands as `symbols` do.
fn grouped(digits: &str, symbols: Option<&Symbols>) -> String {
    let Some(symbols) = symbols.filter(|s| digits.len() >= 3 + s.fewest_before) else {
        return digits.to_owned();
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(symbols.group);
        }
        out.push(digit);
    }
    out
}

/// The count `n` as `locale` writes it: Latin digits in every language
/// Candor ships, grouped in thousands as Intl groups them (Latvian only
/// from five digits on); plain digits for any other language.
pub fn integer(locale: &str, n: u64) -> String {
    grouped(&n.to_string(), symbols(locale).as_ref())
}

/// The text of `forms` for `n` in `locale`, `{n}` filled in.
pub fn counted(locale: &str, forms: Forms, n: u64) -> String {
    let find = |wanted: Category| forms.iter().find(|(c, _)| *c == wanted).map(|(_, text)| *text);
    find(plural(locale, n))
        .or_else(|| find(Category::Other))
        .unwrap_or("{n}")
        .replace("{n}", &integer(locale, n))
}

/// The digits of `value.abs() × 10^shift` rounded to `decimals` places:
/// (whole part, fraction of exactly `decimals` digits). As Intl rounds:
/// the shortest decimal that reads back as `value` (Rust's `Display`),
/// halves away from zero, so 4.35 is 4.4 though its binary value is just
/// under it.
fn rounded(value: f64, shift: usize, decimals: usize) -> (String, String) {
    let shortest = value.abs().to_string();
    let (whole, fraction) = shortest.split_once('.').unwrap_or((&shortest, ""));
    // All the digits, the point `point` digits in.
    let mut digits: Vec<u8> = whole.bytes().chain(fraction.bytes()).map(|d| d - b'0').collect();
    let point = whole.len() + shift;
    digits.resize(digits.len().max(point + decimals), 0);
    let round_up = digits.get(point + decimals).is_some_and(|d| *d >= 5);
    digits.truncate(point + decimals);
    if round_up {
        let mut carry = true;
        for digit in digits.iter_mut().rev() {
            if !carry {
                break;
            }
            *digit = (*digit + 1) % 10;
            carry = *digit == 0;
        }
        if carry {
            digits.insert(0, 1);
        }
    }
    let point = digits.len() - decimals;
    let text = |part: &[u8]| part.iter().map(|d| char::from(b'0' + d)).collect::<String>();
    let whole = text(&digits[..point]);
    let whole = whole.trim_start_matches('0');
    (
        if whole.is_empty() {
            "0".to_owned()
        } else {
            whole.to_owned()
        },
        text(&digits[point..]),
    )
}

/// `value × 10^shift` with `decimals` decimals as `locale` writes it, a
/// percent sign after it if `percent`. A figure is never infinite or not
/// a number; those are written as Rust writes them.
fn written(locale: &str, value: f64, shift: usize, decimals: usize, percent: bool) -> String {
    let symbols = symbols(locale);
    if !value.is_finite() {
        return value.to_string();
    }
    let (whole, fraction) = rounded(value, shift, decimals);
    let mut out = String::new();
    if value.is_sign_negative() {
        out.push_str(symbols.as_ref().map_or("-", |s| s.minus));
    }
    out.push_str(&grouped(&whole, symbols.as_ref()));
    if decimals > 0 {
        out.push(symbols.as_ref().map_or('.', |s| s.decimal));
        out.push_str(&fraction);
    }
    if percent {
        out.push_str(symbols.as_ref().map_or("%", |s| s.percent));
    }
    out
}

/// `value` with `decimals` decimals, as `locale` writes numbers
/// (`4,1` in Latvian and Greek, `4.1` in English).
pub fn number(locale: &str, value: f64, decimals: u32) -> String {
    written(locale, value, 0, decimals as usize, false)
}

/// `share` (0–1) as a whole percentage, as `locale` writes it.
pub fn percent(locale: &str, share: f64) -> String {
    written(locale, share, 2, 0, true)
}

#[cfg(test)]
mod tests {
    use wasm_bindgen::JsValue;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    /// What `Intl.NumberFormat` writes for `value` in `locale` with `options`.
    fn intl_format(locale: &str, value: f64, options: &[(&str, JsValue)]) -> String {
        let tag = intl_tag(locale).unwrap();
        let object = js_sys::Object::new();
        for (key, option) in options {
            js_sys::Reflect::set(&object, &(*key).into(), option).unwrap();
        }
        let format = js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&tag.into()), &object).format();
        format
            .call1(&JsValue::NULL, &value.into())
            .unwrap()
            .as_string()
            .unwrap()
    }

    fn intl_number(locale: &str, value: f64, decimals: u32) -> String {
        let digits = JsValue::from(decimals);
        intl_format(
            locale,
            value,
            &[
                ("minimumFractionDigits", digits.clone()),
                ("maximumFractionDigits", digits),
            ],
        )
    }

    fn intl_percent(locale: &str, share: f64) -> String {
        intl_format(
            locale,
            share,
            &[("style", "percent".into()), ("maximumFractionDigits", 0.into())],
        )
    }

    /// Means, gaps, shares and p-values as the figures have them: every
    /// twentieth (a mean of twenty ratings), eighths (exact binary halves),
    /// thousandths, and some that carry.
    fn figures() -> impl Iterator<Item = f64> {
        let twentieths = (-200..=2_000).map(|k| f64::from(k) / 20.0);
        let eighths = (-80..=80).map(|k| f64::from(k) / 8.0);
        let thousandths = (0..=1_000).map(|k| f64::from(k) / 1_000.0);
        let others = [
            0.0,
            -0.0,
            0.0005,
            0.00049,
            0.9995,
            9.95,
            99.95,
            999.95,
            9_999.5,
            12_345.678,
            123_456.5,
            0.1 + 0.2,
            1.0 / 3.0,
            2.0 / 3.0,
            -0.04,
            1e-7,
            4.35,
            1.005,
            2.675,
        ];
        twentieths.chain(eighths).chain(thousandths).chain(others)
    }

    #[wasm_bindgen_test]
    fn numbers_are_written_as_intl_writes_them_in_every_language() {
        for locale in SUPPORTED {
            for value in figures() {
                for decimals in 0..=3 {
                    assert_eq!(
                        number(locale, value, decimals),
                        intl_number(locale, value, decimals),
                        "{value} with {decimals} decimals in {locale}"
                    );
                }
            }
        }
        assert_eq!(number("lv", 4.1, 1), "4,1");
        assert_eq!(number("el", 1234.5, 1), "1.234,5");
        assert_eq!(number("en", 4.35, 1), "4.4", "halves away from zero");
        assert_eq!(number("ar", -1.25, 1), "\u{200e}-1.3");
        assert_eq!(number("xx", 1234.56, 1), "1234.6");
    }

    #[wasm_bindgen_test]
    fn percentages_are_written_as_intl_writes_them_in_every_language() {
        for locale in SUPPORTED {
            for share in figures() {
                assert_eq!(
                    percent(locale, share),
                    intl_percent(locale, share),
                    "{share} in {locale}"
                );
            }
        }
        assert_eq!(percent("en", 0.873), "87%");
        assert_eq!(percent("en", 0.125), "13%");
        assert_eq!(percent("ar", 0.87), "87\u{200e}%\u{200e}");
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
                assert_eq!(
                    integer(locale, n),
                    intl_number(locale, n as f64, 0),
                    "{n} in {locale}"
                );
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
