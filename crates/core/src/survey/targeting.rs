//! Who is offered a survey by the site-wide script, where and when: page
//! rules, a schedule and a response limit. The loader applies the page
//! rules (`pkg/candor.js`, the same grammar); the collector leaves closed
//! and not-yet-started surveys out of its public list.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Day, ErrorCode, FieldError};

/// Most rules in `include` or in `exclude`.
pub const MAX_PAGE_RULES: usize = 20;
/// Longest page rule.
const MAX_RULE: usize = 200;

/// The pages the site-wide script offers a survey on. A survey with
/// `pages` is in the collector's public list; without, it shows only where
/// a page names it (`data-survey`, `<candor-survey>`, `Candor.show`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Pages {
    /// Offered on a page matching any of these; empty means every page.
    pub include: Vec<PageRule>,
    /// Never offered on a page matching any of these.
    pub exclude: Vec<PageRule>,
}

impl Pages {
    /// Whether a page at `path` whose query string has the parameters
    /// `query` (names only: values may be personal) is offered the survey.
    pub fn offers(&self, path: &str, query: &[&str]) -> bool {
        let any = |rules: &[PageRule]| rules.iter().any(|r| r.matches(path, query));
        (self.include.is_empty() || any(&self.include)) && !any(&self.exclude)
    }
}

/// A page rule: a path pattern, `*` standing for any run of characters
/// (`/checkout` exact, `/orders/*` a prefix, `/shop/*/cart` a wildcard),
/// optionally followed by `?name`, a query parameter that must be present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PageRule {
    path: String,
    parameter: Option<String>,
}

/// Why a page rule or a moment does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unparsed(&'static str);

impl fmt::Display for Unparsed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl TryFrom<String> for PageRule {
    type Error = Unparsed;

    fn try_from(raw: String) -> Result<Self, Unparsed> {
        let (path, parameter) = match raw.split_once('?') {
            Some((path, name)) => (path, Some(name)),
            None => (raw.as_str(), None),
        };
        if raw.len() > MAX_RULE
            || !path.starts_with('/')
            || path.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(Unparsed(
                "must be a path such as /orders/* (at most 200 characters, no spaces)",
            ));
        }
        if let Some(name) = parameter
            && (name.is_empty()
                || name.len() > 64
                || !name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c)))
        {
            return Err(Unparsed(
                "a query parameter after ? must be a name of letters, digits, '_', '-' and '.'",
            ));
        }
        Ok(Self {
            path: path.to_owned(),
            parameter: parameter.map(str::to_owned),
        })
    }
}

impl From<PageRule> for String {
    fn from(rule: PageRule) -> Self {
        match rule.parameter {
            Some(name) => format!("{}?{name}", rule.path),
            None => rule.path,
        }
    }
}

impl PageRule {
    /// Whether the rule matches a page at `path` with the query parameters
    /// `query`.
    pub fn matches(&self, path: &str, query: &[&str]) -> bool {
        glob(self.path.as_bytes(), path.as_bytes())
            && self
                .parameter
                .as_ref()
                .is_none_or(|name| query.contains(&name.as_str()))
    }
}

/// `*` matches any run of bytes; everything else matches itself. Linear
/// backtracking on the last star, so no pattern is slow.
fn glob(pattern: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len() && pattern[p] == b'*' {
            star = Some((p, t));
            p += 1;
        } else if p < pattern.len() && pattern[p] == text[t] {
            p += 1;
            t += 1;
        } else if let Some((sp, st)) = star {
            p = sp + 1;
            t = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&c| c == b'*')
}

/// A moment in UTC, written `2027-01-31T09:00:00Z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Moment(i64);

impl Moment {
    /// The moment `seconds` after 1970-01-01T00:00:00Z.
    pub fn from_unix_seconds(seconds: i64) -> Self {
        Self(seconds)
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn unix_seconds(self) -> i64 {
        self.0
    }
}

impl TryFrom<String> for Moment {
    type Error = Unparsed;

    fn try_from(raw: String) -> Result<Self, Unparsed> {
        let invalid = Unparsed("must be a time in UTC such as 2027-01-31T09:00:00Z");
        let (date, time) = raw.split_once('T').ok_or(invalid.clone())?;
        let day = Day::parse("", date).map_err(|_| invalid.clone())?;
        let time = time.strip_suffix('Z').ok_or(invalid.clone())?;
        let parts: Vec<&str> = time.split(':').collect();
        let [h, m, s] = parts[..] else {
            return Err(invalid);
        };
        let number = |part: &str, below: i64| {
            (part.len() == 2)
                .then(|| part.parse::<i64>().ok())
                .flatten()
                .filter(|n| *n < below)
                .ok_or(invalid.clone())
        };
        let seconds = number(h, 24)? * 3600 + number(m, 60)? * 60 + number(s, 60)?;
        Ok(Self(i64::from(day.days_since_epoch()) * 86_400 + seconds))
    }
}

impl From<Moment> for String {
    fn from(moment: Moment) -> Self {
        let (y, mo, d) = Day::from_unix_seconds(moment.0).ymd();
        let s = moment.0.rem_euclid(86_400);
        format!(
            "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}Z",
            s / 3600,
            s / 60 % 60,
            s % 60
        )
    }
}

/// Whether a survey is open at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// Before its `starts_at`.
    NotStarted,
    /// Shown to those its rules pick.
    Open,
    /// After its `ends_at`, or its response limit reached.
    Closed,
}

impl super::Settings {
    /// Whether the survey is open at `now`, with `responses` stored.
    pub fn opening(&self, now: Moment, responses: u64) -> Opening {
        if self.starts_at.is_some_and(|start| now < start) {
            Opening::NotStarted
        } else if self.ends_at.is_some_and(|end| now >= end)
            || self
                .response_limit
                .is_some_and(|limit| responses >= u64::from(limit))
        {
            Opening::Closed
        } else {
            Opening::Open
        }
    }
}

/// Page rules within their count, a schedule that ends after it starts, a
/// limit of at least one response.
pub(super) fn check(settings: &super::Settings) -> Result<(), FieldError> {
    if let Some(pages) = &settings.pages {
        for (rules, field) in [
            (&pages.include, "settings.pages.include"),
            (&pages.exclude, "settings.pages.exclude"),
        ] {
            if rules.len() > MAX_PAGE_RULES {
                return Err(FieldError::new(ErrorCode::OutOfRange, field, "at most 20 rules"));
            }
        }
    }
    if let (Some(start), Some(end)) = (settings.starts_at, settings.ends_at)
        && end <= start
    {
        return Err(FieldError::new(
            ErrorCode::OutOfRange,
            "settings.ends_at",
            "must be after starts_at",
        ));
    }
    if settings.response_limit == Some(0) {
        return Err(FieldError::new(
            ErrorCode::OutOfRange,
            "settings.response_limit",
            "must be 1 or more",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(raw: &str) -> PageRule {
        PageRule::try_from(raw.to_owned()).unwrap()
    }

    #[test]
    fn rules_match_exactly_by_prefix_and_by_wildcard() {
        assert!(rule("/checkout").matches("/checkout", &[]));
        assert!(!rule("/checkout").matches("/checkout/done", &[]));
        assert!(rule("/orders/*").matches("/orders/17", &[]));
        assert!(rule("/orders/*").matches("/orders/", &[]));
        assert!(!rule("/orders/*").matches("/orders", &[]));
        assert!(rule("/shop/*/cart").matches("/shop/lv/cart", &[]));
        assert!(!rule("/shop/*/cart").matches("/shop/lv/cart/x", &[]));
        assert!(rule("/a*b*c").matches("/aXbYbc", &[]));
    }

    #[test]
    fn a_parameter_rule_needs_the_parameter_present() {
        let coupon = rule("/checkout?coupon");
        assert!(coupon.matches("/checkout", &["utm", "coupon"]));
        assert!(!coupon.matches("/checkout", &["utm"]));
        assert_eq!(String::from(coupon), "/checkout?coupon");
    }

    #[test]
    fn pages_include_then_exclude() {
        let pages = Pages {
            include: vec![rule("/orders/*")],
            exclude: vec![rule("/orders/export")],
        };
        assert!(pages.offers("/orders/1", &[]));
        assert!(!pages.offers("/orders/export", &[]));
        assert!(!pages.offers("/", &[]));
        assert!(Pages::default().offers("/anything", &[]));
    }

    #[test]
    fn bad_rules_are_refused() {
        for raw in [
            "orders",
            "/a b",
            "/x?",
            "/x?a=b",
            &format!("/{}", "a".repeat(200)),
        ] {
            assert!(PageRule::try_from(raw.to_owned()).is_err(), "{raw}");
        }
    }

    #[test]
    fn moments_parse_and_print_as_utc() {
        let raw = "2027-01-31T09:05:07Z";
        let moment = Moment::try_from(raw.to_owned()).unwrap();
        assert_eq!(moment.unix_seconds(), 1_801_386_307);
        assert_eq!(String::from(moment), raw);
        for bad in [
            "2027-01-31",
            "2027-01-31T09:05:07",
            "2027-01-31T24:00:00Z",
            "2027-02-30T00:00:00Z",
            "2027-01-31T9:05:07Z",
        ] {
            assert!(Moment::try_from(bad.to_owned()).is_err(), "{bad}");
        }
    }
}
