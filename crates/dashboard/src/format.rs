//! Numbers as the dashboard prints them.

/// `0.8234` → `82%`.
pub fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// A share with its interval: `82% (62–93%)`.
pub fn share_with_interval(share: f64, low: f64, high: f64) -> String {
    format!("{} ({:.0}–{:.0}%)", percent(share), low * 100.0, high * 100.0)
}

/// One decimal, with a sign when asked: `+1.2`, `-0.5`, `4.1`.
pub fn decimal(value: f64, signed: bool) -> String {
    if signed {
        format!("{value:+.1}")
    } else {
        format!("{value:.1}")
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn shares_and_decimals() {
        assert_eq!(share_with_interval(0.8234, 0.6171, 0.9349), "82% (62–93%)");
        assert_eq!(decimal(1.25, true), "+1.2");
        assert_eq!(decimal(-0.46, true), "-0.5");
        assert_eq!(decimal(4.09, false), "4.1");
    }
}
