//! What a survey's page is looking at: a window of days, a segment of
//! responses (locale, page, context values), and whether unfinished
//! (partial) responses count in the figures. It lives in the address
//! (`#/surveys/checkout/comments?window=7d&locale=th`), so a view can be
//! bookmarked, shared and reloaded, and every tab, figure and export reads
//! the same one.

use candor_core::{Day, Segment, Window};

/// A window and a segment; the survey's own window when none is chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub window: Option<Window>,
    pub segment: Segment,
    /// The figures count partial responses too (`responses=all`).
    pub partial: bool,
}

impl Scope {
    /// Reads the query part of an address (after `?`). Anything invalid,
    /// as a hand-edited address may be, falls back to showing everything.
    pub fn parse(query: &str) -> Self {
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| (decode(k), decode(v)))
            .collect();
        let window = pairs
            .iter()
            .find(|(k, _)| k == "window")
            .and_then(|(_, v)| v.parse().ok());
        let segment =
            Segment::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).unwrap_or_default();
        let partial = pairs.iter().any(|(k, v)| k == "responses" && v == "all");
        Self {
            window,
            segment,
            partial,
        }
    }

    /// The query form, with a leading `?`; empty when nothing is chosen.
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(window) = self.window {
            parts.push(format!("window={window}"));
        }
        if !self.segment.is_empty() {
            parts.push(self.segment.to_query());
        }
        if self.partial {
            parts.push("responses=all".to_owned());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The first day of `window` as the admin API's `from`, or nothing for
    /// all time.
    pub fn from_day(window: Window) -> Option<Day> {
        let now = js_sys::Date::now() / 1000.0;
        // Whole seconds since 1970 fit an i64 for millions of years.
        #[allow(clippy::cast_possible_truncation)]
        window.first_day(Day::from_unix_seconds(now as i64))
    }
}

fn decode(text: &str) -> String {
    js_sys::decode_uri_component(&text.replace('+', " "))
        .map(String::from)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn reads_back_what_it_writes() {
        let scope =
            Scope::parse("window=7d&locale=th&page=%2Fcheckout%20now&context.channel=app&responses=all");
        assert_eq!(scope.window, Some(Window::Days7));
        assert!(scope.partial);
        assert_eq!(scope.segment.page.as_deref(), Some("/checkout now"));
        assert_eq!(Scope::parse(scope.query().trim_start_matches('?')), scope);
        assert_eq!(Scope::default().query(), "");
    }

    #[wasm_bindgen_test]
    fn an_invalid_address_shows_everything() {
        let scope = Scope::parse("window=5y&locale=%%&page=no-slash");
        assert_eq!(scope, Scope::default());
    }
}
