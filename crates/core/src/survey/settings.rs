//! Survey-level settings: how and when the survey shows, how often, and what
//! of its results is public. Every field has a default, so `{}` is valid.

use serde::{Deserialize, Serialize};

use super::audience::AudienceRule;
use super::targeting::{Moment, Pages};
use crate::{ErrorCode, FieldError, Window};

/// Days before a browser that answered is asked again, when a survey does
/// not say.
pub const DEFAULT_RECONTACT_DAYS: u32 = 90;
/// Days before a browser that dismissed a survey is asked again, when it
/// does not say.
pub const DEFAULT_DISMISSAL_DAYS: u32 = 14;

/// Survey-level settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Show the survey in this locale whatever the page says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// Where on the page it shows. Default `inline`.
    pub display: DisplayMode,
    /// All questions at once, or one step at a time with progress, back and
    /// next. Default `all`.
    pub layout: Layout,
    /// When it shows. Default `{"on": "immediately"}`.
    #[cfg_attr(candor_lean, serde(deserialize_with = "unread"))]
    pub trigger: Trigger,
    /// Share of eligible visitors who are asked, 0–1. Default 1.
    pub sampling_rate: f64,
    /// Days before a browser that answered is asked again. Default
    /// [`DEFAULT_RECONTACT_DAYS`].
    pub recontact_days: u32,
    /// Days before a browser that dismissed the survey is asked again.
    /// Default [`DEFAULT_DISMISSAL_DAYS`].
    pub dismissal_days: u32,
    /// What of the results is public.
    pub public_aggregates: PublicAggregates,
    /// Colours and shape.
    pub theme: Theme,
    /// Origins allowed to show the survey and post responses
    /// (`https://shop.example`); empty allows any.
    pub allowed_origins: Vec<String>,
    /// The pages the site-wide script offers it on; without, only pages
    /// that name it show it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(candor_lean, serde(deserialize_with = "unread"))]
    pub pages: Option<Pages>,
    /// Rules on an identified visitor's attributes, all of which must
    /// pass; a survey with any is never asked of an anonymous visitor.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(candor_lean, serde(deserialize_with = "unread"))]
    pub audience: Vec<AudienceRule>,
    /// Not offered before this moment.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(candor_lean, serde(deserialize_with = "unread"))]
    pub starts_at: Option<Moment>,
    /// Not offered from this moment on.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(candor_lean, serde(deserialize_with = "unread"))]
    pub ends_at: Option<Moment>,
    /// Not offered once this many responses are stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_limit: Option<u32>,
}

/// In the survey module's build (`--cfg candor_lean`, xtask's
/// `Trim::Survey`), a field only the loader and the collector act on (the
/// trigger, page rules, audience, schedule) is skipped unread: the collector checked it when the survey was published,
/// and its reader would cost every respondent kilobytes (docs/benchmarks.md).
#[cfg(candor_lean)]
fn unread<'de, D: serde::Deserializer<'de>, T: Default>(deserializer: D) -> Result<T, D::Error> {
    serde::de::IgnoredAny::deserialize(deserializer)?;
    Ok(T::default())
}

impl Settings {
    /// Whether a page of `origin` may show the survey and post to it: any,
    /// when the survey names no origins.
    pub fn allows_origin(&self, origin: &str) -> bool {
        self.allowed_origins.is_empty() || self.allowed_origins.iter().any(|a| a == origin)
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            locale: None,
            display: DisplayMode::default(),
            layout: Layout::default(),
            trigger: Trigger::default(),
            sampling_rate: 1.0,
            recontact_days: DEFAULT_RECONTACT_DAYS,
            dismissal_days: DEFAULT_DISMISSAL_DAYS,
            public_aggregates: PublicAggregates::default(),
            theme: Theme::default(),
            allowed_origins: Vec::new(),
            pages: None,
            audience: Vec::new(),
            starts_at: None,
            ends_at: None,
            response_limit: None,
        }
    }
}

/// Where the survey shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisplayMode {
    /// In the page, where the snippet is.
    #[default]
    Inline,
    /// A card in a corner.
    Popover,
    /// A panel sliding in from the side.
    SlideIn,
    /// An always-visible "Feedback" tab that opens the survey.
    SideTab,
}

/// How the questions are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// Every question on one page.
    #[default]
    All,
    /// One question per step: "2 of 5", back and next.
    Steps,
}

/// When the survey shows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "on", rename_all = "snake_case", try_from = "TriggerIn")]
pub enum Trigger {
    /// As soon as the page loads.
    #[default]
    Immediately,
    /// After the visitor has been on the page this long.
    Delay {
        /// Seconds, at most 3600.
        seconds: u32,
    },
    /// After the visitor scrolls this far down.
    Scroll {
        /// Percent of the page, 0–100.
        percent: u8,
    },
    /// When the pointer leaves towards the browser's chrome.
    ExitIntent,
    /// When the page dispatches this DOM event (`order-placed`).
    Event {
        /// The event's name.
        name: String,
    },
    /// When the visitor clicks an element matching a CSS selector (also
    /// one added to the page later).
    Click {
        /// The selector (`#help`, `.chat-end`).
        selector: String,
    },
    /// On the visitor's `count`th page view in this browser session on a
    /// page the survey is offered on (route changes of a single-page app
    /// count), and on every later one.
    PageView {
        /// From 1 to 100.
        count: u32,
    },
    /// Only when the page calls `Candor.show()`.
    Api,
}

impl Trigger {
    /// Details within their bounds: seconds, percent, an event name, a
    /// selector, a page-view count.
    pub(super) fn check(&self) -> Result<(), FieldError> {
        match self {
            Trigger::Delay { seconds } if *seconds > 3600 => {
                return Err(FieldError::new(
                    ErrorCode::OutOfRange,
                    "settings.trigger.seconds",
                    "at most 3600",
                ));
            }
            Trigger::Scroll { percent } if *percent > 100 => {
                return Err(FieldError::new(
                    ErrorCode::OutOfRange,
                    "settings.trigger.percent",
                    "must be from 0 to 100",
                ));
            }
            Trigger::Event { name }
                if name.is_empty()
                    || name.len() > 64
                    || !name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || ":._-".contains(c)) =>
            {
                return Err(FieldError::new(
                    ErrorCode::InvalidValue,
                    "settings.trigger.name",
                    "1-64 characters of letters, digits, ':', '.', '_' and '-'",
                ));
            }
            Trigger::Click { selector }
                if selector.trim().is_empty()
                    || selector.len() > 200
                    || selector.chars().any(char::is_control) =>
            {
                return Err(FieldError::new(
                    ErrorCode::InvalidValue,
                    "settings.trigger.selector",
                    "a CSS selector of 1-200 characters",
                ));
            }
            Trigger::PageView { count } if !(1..=100).contains(count) => {
                return Err(FieldError::new(
                    ErrorCode::OutOfRange,
                    "settings.trigger.count",
                    "must be from 1 to 100",
                ));
            }
            // In bounds, or without a detail.
            Trigger::Delay { .. }
            | Trigger::Scroll { .. }
            | Trigger::Event { .. }
            | Trigger::Click { .. }
            | Trigger::PageView { .. }
            | Trigger::Immediately
            | Trigger::ExitIntent
            | Trigger::Api => {}
        }
        Ok(())
    }
}

/// The trigger names.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum TriggerName {
    Immediately,
    Delay,
    Scroll,
    ExitIntent,
    Event,
    Click,
    PageView,
    Api,
}

/// A trigger as read: one flat struct, its detail checked against `on`
/// after (as for questions, this spares the widget a buffering decoder).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerIn {
    on: TriggerName,
    seconds: Option<u32>,
    percent: Option<u8>,
    name: Option<String>,
    selector: Option<String>,
    count: Option<u32>,
}

impl TryFrom<TriggerIn> for Trigger {
    type Error = super::repr::FieldMisfit;

    fn try_from(t: TriggerIn) -> Result<Self, Self::Error> {
        use super::repr::FieldMisfit;
        use FieldMisfit::Missing;
        use TriggerName as N;
        let allowed: &[&str] = match t.on {
            N::Delay => &["seconds"],
            N::Scroll => &["percent"],
            N::Event => &["name"],
            N::Click => &["selector"],
            N::PageView => &["count"],
            N::Immediately | N::ExitIntent | N::Api => &[],
        };
        let present = [
            ("seconds", t.seconds.is_some()),
            ("percent", t.percent.is_some()),
            ("name", t.name.is_some()),
            ("selector", t.selector.is_some()),
            ("count", t.count.is_some()),
        ];
        FieldMisfit::check_foreign(&present, allowed)?;
        Ok(match t.on {
            N::Immediately => Self::Immediately,
            N::Delay => Self::Delay {
                seconds: t.seconds.ok_or(Missing("seconds"))?,
            },
            N::Scroll => Self::Scroll {
                percent: t.percent.ok_or(Missing("percent"))?,
            },
            N::ExitIntent => Self::ExitIntent,
            N::Event => Self::Event {
                name: t.name.ok_or(Missing("name"))?,
            },
            N::Click => Self::Click {
                selector: t.selector.ok_or(Missing("selector"))?,
            },
            N::PageView => Self::PageView {
                count: t.count.ok_or(Missing("count"))?,
            },
            N::Api => Self::Api,
        })
    }
}

/// Public aggregates: shown in the widget after answering, and served by the
/// snapshot API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PublicAggregates {
    /// Whether any figure is public. Default true.
    pub enabled: bool,
    /// Figures based on fewer answers are withheld. Default 10.
    pub minimum_sample: u32,
    /// The window shown by default. Default 30 days.
    pub window: Window,
}

impl Default for PublicAggregates {
    fn default() -> Self {
        Self {
            enabled: true,
            minimum_sample: 10,
            window: Window::Days30,
        }
    }
}

/// Colours and shape.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Theme {
    /// Light, dark, or following the visitor's system. Default `auto`.
    pub scheme: ColorScheme,
    /// Accent colour as `#rrggbb`; adjusted if it fails contrast.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accent: Option<String>,
    /// Corner radius in px, 0–24.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub radius_px: Option<u8>,
}

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColorScheme {
    /// Follows `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}
