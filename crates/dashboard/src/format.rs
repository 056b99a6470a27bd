//! Numbers as the dashboard prints them: through the widget's number
//! formatting (as Intl writes them), in the dashboard's language (`4,1` for a Latvian reader, as
//! the widget shows it).

use candor::intl;
use candor_core::snapshot::Share;

use crate::i18n::locale;

/// `0.8234` → `82%`.
pub fn percent(share: f64) -> String {
    intl::percent(locale(), share)
}

/// A share with its interval: `82% (62–93%)`.
pub fn share_with_interval(share: &Share) -> String {
    let low = intl::number(locale(), (share.low * 100.0).round(), 0);
    format!("{} ({low}–{})", percent(share.share), percent(share.high))
}

/// A count, as the dashboard's language groups its digits (`1,234`).
pub fn integer(n: u64) -> String {
    intl::integer(locale(), n)
}

/// A p-value to three decimals, as the dashboard's language writes them.
pub fn p_value(p: f64) -> String {
    intl::number(locale(), p, 3)
}

/// One decimal, with a sign when asked: `+1.2`, `-0.5`, `4.1`.
pub fn decimal(value: f64, signed: bool) -> String {
    let digits = intl::number(locale(), value.abs(), 1);
    // The sign of what is shown: −0.04 shows as 0.0, unsigned.
    let shown = (value * 10.0).round();
    match (signed, value < 0.0) {
        (_, true) if shown != 0.0 => format!("-{digits}"),
        (true, false) if shown != 0.0 => format!("+{digits}"),
        _ => digits,
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;
    use crate::i18n::set_locale;

    #[wasm_bindgen_test]
    fn shares_and_decimals() {
        set_locale("en");
        let share = Share {
            k: 0,
            share: 0.8234,
            low: 0.6171,
            high: 0.9349,
        };
        assert_eq!(share_with_interval(&share), "82% (62–93%)");
        assert_eq!(decimal(1.25, true), "+1.3");
        assert_eq!(decimal(-0.46, true), "-0.5");
        assert_eq!(decimal(4.09, false), "4.1");
        assert_eq!(decimal(-0.04, true), "0.0");
    }

    #[wasm_bindgen_test]
    fn numbers_follow_the_dashboard_language_as_the_widget_does() {
        set_locale("lv");
        let (mean, gap, p) = (decimal(4.1, false), decimal(-1.2, true), p_value(0.0123));
        set_locale("en");
        assert_eq!(
            (mean.as_str(), gap.as_str(), p.as_str()),
            ("4,1", "-1,2", "0,012")
        );
        assert_eq!(p_value(0.0123), "0.012");
        assert_eq!(candor::intl::number("lv", 4.1, 1), mean, "the widget's own");
    }
}
