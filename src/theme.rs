//! A survey's theme on the widget: light or dark, corner radius, and an
//! accent colour that is adjusted, with a console warning, when text on it
//! would fail WCAG AA contrast. Applied through the CSSOM (custom
//! properties on the widget's root), which a strict style-src allows.

use candor_core::color::{AA_TEXT, DARK_TEXT, Rgb, WHITE};
use candor_core::{ColorScheme, Theme};

/// What to set on the widget's root element.
#[derive(Debug, Default, PartialEq)]
pub struct Applied {
    /// `data-scheme`, when the survey forces one.
    pub scheme: Option<&'static str>,
    /// Custom properties to set.
    pub properties: Vec<(&'static str, String)>,
    /// Said once in the console when the accent had to change.
    pub warning: Option<String>,
}

/// The settings for `theme`; `prefers_dark` is the visitor's system choice.
pub fn resolve(theme: &Theme, prefers_dark: bool) -> Applied {
    let dark = match theme.scheme {
        ColorScheme::Light => false,
        ColorScheme::Dark => true,
        ColorScheme::Auto => prefers_dark,
    };
    let mut applied = Applied {
        scheme: match theme.scheme {
            ColorScheme::Auto => None,
            ColorScheme::Light => Some("light"),
            ColorScheme::Dark => Some("dark"),
        },
        ..Applied::default()
    };
    if let Some(accent) = theme.accent.as_deref().and_then(Rgb::parse) {
        let text = if dark { DARK_TEXT } else { WHITE };
        let usable = accent.with_contrast(text, AA_TEXT);
        if usable != accent {
            applied.warning = Some(format!(
                "Candor: the accent {accent} has a contrast of {:.1}:1 with its button text; using {usable} ({:.1}:1) instead.",
                accent.contrast(text),
                usable.contrast(text)
            ));
        }
        applied.properties.push(("--candor-accent", usable.to_string()));
    }
    if let Some(radius) = theme.radius_px {
        applied
            .properties
            .push(("--candor-radius", format!("{radius}px")));
    }
    applied
}

/// Applies `theme` to `root` (the widget's section).
pub fn apply(root: &web_sys::HtmlElement, theme: &Theme) {
    let prefers_dark = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|query| query.matches());
    let applied = resolve(theme, prefers_dark);
    if let Some(scheme) = applied.scheme {
        let _ = root.set_attribute("data-scheme", scheme);
    }
    for (name, value) in &applied.properties {
        let _ = root.style().set_property(name, value);
    }
    if let Some(warning) = applied.warning {
        web_sys::console::warn_1(&warning.into());
    }
    // The page may theme the widget through custom properties on its
    // element; an accent from there gets the same contrast check.
    if theme.accent.is_none() {
        check_page_accent(root);
    }
}

/// Reads the accent the widget will use (the page's, or the default) and
/// replaces it on `root` when its button text would fail contrast.
fn check_page_accent(root: &web_sys::HtmlElement) {
    let Some(style) = web_sys::window().and_then(|w| w.get_computed_style(root).ok().flatten()) else {
        return;
    };
    let read = |name: &str| style.get_property_value(name).unwrap_or_default();
    if let Some((usable, warning)) = page_accent_fix(&read("--candor-accent"), &read("--candor-accent-text"))
    {
        let _ = root.style().set_property("--candor-accent", &usable);
        web_sys::console::warn_1(&warning.into());
    }
}

/// A usable replacement for a page-supplied `accent` (hex) whose `text`
/// fails WCAG AA on it, with the warning to give; `None` when it passes or
/// either colour is not hex.
pub fn page_accent_fix(accent: &str, text: &str) -> Option<(String, String)> {
    let (accent, text) = (Rgb::parse(accent.trim())?, Rgb::parse(text.trim())?);
    let usable = accent.with_contrast(text, AA_TEXT);
    (usable != accent).then(|| {
        let warning = format!(
            "Candor: the page's --candor-accent {accent} has a contrast of {:.1}:1 with --candor-accent-text {text}; using {usable} ({:.1}:1) instead.",
            accent.contrast(text),
            usable.contrast(text)
        );
        (usable.to_string(), warning)
    })
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn a_failing_accent_is_adjusted_and_reported() {
        let theme = Theme {
            accent: Some("#ffd60a".into()),
            radius_px: Some(4),
            ..Theme::default()
        };
        let applied = resolve(&theme, false);
        let (_, accent) = &applied.properties[0];
        assert_ne!(accent, "#ffd60a");
        assert!(Rgb::parse(accent).unwrap().contrast(WHITE) >= AA_TEXT);
        assert!(applied.warning.unwrap().contains("#ffd60a"));
        assert_eq!(applied.properties[1], ("--candor-radius", "4px".to_owned()));
    }

    #[wasm_bindgen_test]
    fn a_page_accent_that_fails_contrast_is_replaced() {
        let (usable, warning) = page_accent_fix(" #ffd60a", "#ffffff").unwrap();
        assert!(Rgb::parse(&usable).unwrap().contrast(WHITE) >= AA_TEXT);
        assert!(warning.contains("#ffd60a"), "{warning}");
        assert_eq!(page_accent_fix("#1d4ed8", "#ffffff"), None, "the default passes");
        assert_eq!(
            page_accent_fix("rebeccapurple", "#ffffff"),
            None,
            "only hex is checked"
        );
    }

    #[wasm_bindgen_test]
    fn a_good_accent_and_a_forced_scheme_pass_through() {
        let theme = Theme {
            accent: Some("#1d4ed8".into()),
            scheme: ColorScheme::Light,
            ..Theme::default()
        };
        let applied = resolve(&theme, true);
        assert_eq!(applied.scheme, Some("light"));
        assert_eq!(
            applied.properties,
            vec![("--candor-accent", "#1d4ed8".to_owned())]
        );
        assert_eq!(applied.warning, None);
    }
}
