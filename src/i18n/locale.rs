//! Which locale a survey or snapshot is shown in, and its direction.

use candor_core::locale::is_right_to_left;
use candor_core::{Survey, SurveyLabels};

/// The locale to show `survey` in: the survey's own setting, else the
/// page's `<html lang>`, else the browser's languages, else the survey's
/// default; only locales the survey has texts in count.
pub fn choose_locale(survey: &Survey) -> String {
    pick_locale(
        &survey.locales(),
        survey.settings.locale.as_deref(),
        &survey.default_locale,
    )
}

/// The locale to show a snapshot in, from the labels of its survey (as
/// [`choose_locale`]).
pub fn choose_snapshot_locale(labels: &SurveyLabels) -> String {
    pick_locale(
        &labels.locales(),
        labels.settings.locale.as_deref(),
        &labels.default_locale,
    )
}

/// [`choose_locale`] from what it reads of a survey: the locales it has
/// texts in, its own setting and its default.
fn pick_locale(available: &[&str], forced: Option<&str>, default: &str) -> String {
    let usable = |tag: &str| {
        let tag = tag.trim();
        let language = tag.split('-').next().unwrap_or("");
        available
            .iter()
            .find(|l| l.eq_ignore_ascii_case(tag))
            .or_else(|| available.iter().find(|l| l.eq_ignore_ascii_case(language)))
            .map(|l| (*l).to_owned())
    };
    if let Some(forced) = forced.and_then(usable) {
        return forced;
    }
    let window = web_sys::window();
    let page = window
        .as_ref()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"));
    if let Some(locale) = page.as_deref().and_then(usable) {
        return locale;
    }
    let browser = window
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|v| v.as_string()).collect::<Vec<_>>());
    browser
        .unwrap_or_default()
        .iter()
        .find_map(|tag| usable(tag))
        .unwrap_or_else(|| default.to_owned())
}

/// Whether `locale` is written right to left.
pub fn direction(locale: &str) -> &'static str {
    if is_right_to_left(locale) { "rtl" } else { "ltr" }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn arabic_is_right_to_left() {
        assert_eq!(direction("ar"), "rtl");
        assert_eq!(direction("th"), "ltr");
    }
}
