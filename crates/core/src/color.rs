//! Colours and WCAG contrast, so a survey's custom accent never makes its
//! buttons unreadable: an accent that fails is adjusted, and the widget says
//! so in the console.

use std::fmt;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// White, the text on accent buttons in the light theme.
pub const WHITE: Rgb = Rgb(255, 255, 255);
/// The text on accent buttons in the dark theme.
pub const DARK_TEXT: Rgb = Rgb(0x0b, 0x12, 0x20);
/// WCAG 2.2 AA for normal text.
pub const AA_TEXT: f64 = 4.5;

impl Rgb {
    /// Parses `#rrggbb`.
    pub fn parse(hex: &str) -> Option<Self> {
        let hex = hex.strip_prefix('#')?;
        if hex.len() != 6 {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        Some(Self(channel(0)?, channel(2)?, channel(4)?))
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// The WCAG contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: Self) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// `self` moved towards `target` by `t` (0–1).
    fn mix(self, target: Self, t: f64) -> Self {
        let blend = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Self(
            blend(self.0, target.0),
            blend(self.1, target.1),
            blend(self.2, target.2),
        )
    }

    /// The colour closest to `self` (darkened or lightened, away from
    /// `text`) whose contrast with `text` is at least `minimum`.
    pub fn with_contrast(self, text: Self, minimum: f64) -> Self {
        if self.contrast(text) >= minimum {
            return self;
        }
        let away = if text.luminance() > 0.5 {
            Rgb(0, 0, 0)
        } else {
            WHITE
        };
        (1..=100)
            .map(|step| self.mix(away, f64::from(step) / 100.0))
            .find(|c| c.contrast(text) >= minimum)
            .unwrap_or(away)
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_known_values() {
        assert!((WHITE.contrast(Rgb(0, 0, 0)) - 21.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        assert!((Rgb::parse("#767676").unwrap().contrast(WHITE) - 4.54).abs() < 0.01);
        assert_eq!(Rgb::parse("#1d4ed8").unwrap().to_string(), "#1d4ed8");
        assert_eq!(Rgb::parse("1d4ed8"), None);
    }

    #[test]
    fn a_pale_accent_is_darkened_until_white_text_reads() {
        let yellow = Rgb::parse("#ffd60a").unwrap();
        assert!(yellow.contrast(WHITE) < AA_TEXT);
        let fixed = yellow.with_contrast(WHITE, AA_TEXT);
        assert!(fixed.contrast(WHITE) >= AA_TEXT);
        assert!(fixed.luminance() < yellow.luminance());
        let blue = Rgb::parse("#1d4ed8").unwrap();
        assert_eq!(blue.with_contrast(WHITE, AA_TEXT), blue, "a good accent is kept");
        let dark = Rgb::parse("#1e3a8a").unwrap().with_contrast(DARK_TEXT, AA_TEXT);
        assert!(
            dark.contrast(DARK_TEXT) >= AA_TEXT,
            "lightened for the dark theme"
        );
    }
}
