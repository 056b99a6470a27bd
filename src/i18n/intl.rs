//! Numbers as a locale writes them, through the browser's Intl, for the
//! locales Candor ships (others get plain digits).

use candor_core::locale::SUPPORTED;
use wasm_bindgen::JsValue;

/// `value` with `decimals` decimals, as `locale` writes numbers
/// (`4,1` in Latvian and Greek, `4.1` in English).
pub fn number(locale: &str, value: f64, decimals: u32) -> String {
    let fallback = || format!("{value:.*}", decimals as usize);
    // Only locales we ship reach Intl: an invalid tag would throw.
    let language = locale.split('-').next().unwrap_or("en");
    if !SUPPORTED.contains(&language) {
        return fallback();
    }
    let options = js_sys::Object::new();
    for key in ["minimumFractionDigits", "maximumFractionDigits"] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &JsValue::from(decimals));
    }
    let format = js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&language.into()), &options).format();
    format
        .call1(&JsValue::NULL, &JsValue::from(value))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(fallback)
}

/// `share` (0–1) as a whole percentage, as `locale` writes it.
pub fn percent(locale: &str, share: f64) -> String {
    let language = locale.split('-').next().unwrap_or("en");
    let fallback = || format!("{:.0}%", share * 100.0);
    if !SUPPORTED.contains(&language) {
        return fallback();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"style".into(), &"percent".into());
    let _ = js_sys::Reflect::set(&options, &"maximumFractionDigits".into(), &JsValue::from(0));
    let format = js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&language.into()), &options).format();
    format
        .call1(&JsValue::NULL, &JsValue::from(share))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(fallback)
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
    fn percentages_follow_the_locale() {
        assert_eq!(percent("en", 0.873), "87%");
        assert_eq!(percent("xx", 0.5), "50%");
    }
}
