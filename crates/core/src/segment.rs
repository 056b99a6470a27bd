//! A segment of a survey's responses: those answered in one locale, on one
//! page, with given context fields. The owner's figures, comments, words and
//! exports can all be narrowed to one; in a query string it reads
//! `locale=th&page=%2Fcheckout&context.channel=app`.

use std::collections::BTreeMap;

use crate::locale::is_language_tag;
use crate::response::{context, page};
use crate::{ErrorCode, FieldError};

/// Most context fields one segment may name.
pub const MAX_CONTEXT_FILTERS: usize = 5;

/// Which responses count. Empty: all of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Segment {
    /// Answered in this locale.
    pub locale: Option<String>,
    /// Given on this page path.
    pub page: Option<String>,
    /// With each of these context fields set to exactly this value.
    pub context: BTreeMap<String, String>,
}

impl Segment {
    /// Whether it narrows nothing.
    pub fn is_empty(&self) -> bool {
        self.locale.is_none() && self.page.is_none() && self.context.is_empty()
    }

    /// Reads a segment from decoded query pairs: `locale`, `page` and
    /// `context.<name>`. Other keys belong to someone else and are skipped;
    /// empty values mean "any". Errors name the query key.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, FieldError> {
        let mut segment = Self::default();
        for (key, value) in pairs {
            if value.is_empty() {
                continue;
            }
            match key {
                "locale" if is_language_tag(value) => segment.locale = Some(value.to_owned()),
                "locale" => {
                    return Err(FieldError::new(
                        ErrorCode::InvalidValue,
                        "locale",
                        "must be a language tag such as \"th\"",
                    ));
                }
                "page" => {
                    page::check(value)?;
                    segment.page = Some(value.to_owned());
                }
                _ => {
                    let Some(name) = key.strip_prefix("context.") else {
                        continue;
                    };
                    let one = serde_json::json!({ name: value });
                    segment.context.extend(context::parse(one)?);
                    if segment.context.len() > MAX_CONTEXT_FILTERS {
                        return Err(FieldError::new(
                            ErrorCode::InvalidValue,
                            key,
                            format!(
                                "at most {MAX_CONTEXT_FILTERS} context fields can be filtered on at once"
                            ),
                        ));
                    }
                }
            }
        }
        Ok(segment)
    }

    /// The query-string form, percent-encoded, without a leading `?`;
    /// empty for an empty segment.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(String, &str)> = Vec::new();
        if let Some(locale) = &self.locale {
            pairs.push(("locale".to_owned(), locale));
        }
        if let Some(page) = &self.page {
            pairs.push(("page".to_owned(), page));
        }
        for (name, value) in &self.context {
            pairs.push((format!("context.{name}"), value));
        }
        pairs
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Whether a response with these fields belongs to the segment.
    pub fn contains(
        &self,
        locale: Option<&str>,
        page: Option<&str>,
        context: &BTreeMap<String, String>,
    ) -> bool {
        (self.locale.is_none() || self.locale.as_deref() == locale)
            && (self.page.is_none() || self.page.as_deref() == page)
            && self.context.iter().all(|(k, v)| context.get(k) == Some(v))
    }
}

/// Percent-encodes everything but the characters `encodeURIComponent`
/// leaves alone.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(pairs: &[(&str, &str)]) -> Result<Segment, FieldError> {
        Segment::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn reads_locale_page_and_context_and_skips_other_keys() {
        let s = segment(&[
            ("window", "30d"),
            ("locale", "th"),
            ("page", "/checkout"),
            ("context.channel", "app"),
            ("context.band", ""),
        ])
        .unwrap();
        assert_eq!(s.locale.as_deref(), Some("th"));
        assert_eq!(s.page.as_deref(), Some("/checkout"));
        assert_eq!(s.context.len(), 1);
        assert!(!s.is_empty());
        assert!(segment(&[("window", "7d"), ("locale", "")]).unwrap().is_empty());
    }

    #[test]
    fn bad_values_name_their_key() {
        assert_eq!(segment(&[("locale", "not a tag")]).unwrap_err().field, "locale");
        assert_eq!(segment(&[("page", "/a?b=c")]).unwrap_err().field, "page");
        assert_eq!(
            segment(&[("context.Bad-Name", "x")]).unwrap_err().field,
            "context.Bad-Name"
        );
        let many: Vec<(String, String)> = (0..6)
            .map(|i| (format!("context.f{i}"), "x".to_owned()))
            .collect();
        let error = Segment::from_pairs(many.iter().map(|(k, v)| (k.as_str(), v.as_str()))).unwrap_err();
        assert_eq!(error.field, "context.f5");
    }

    #[test]
    fn the_query_form_encodes_and_reads_back() {
        let s = segment(&[("locale", "th"), ("page", "/สั่ง ซื้อ&x"), ("context.channel", "a=b")]).unwrap();
        let query = s.to_query();
        assert_eq!(
            query,
            "locale=th&page=%2F%E0%B8%AA%E0%B8%B1%E0%B9%88%E0%B8%87%20%E0%B8%8B%E0%B8%B7%E0%B9%89%E0%B8%AD%26x&context.channel=a%3Db"
        );
        assert_eq!(Segment::default().to_query(), "");
    }

    #[test]
    fn contains_checks_every_named_field() {
        let s = segment(&[("locale", "th"), ("context.channel", "app")]).unwrap();
        let app: BTreeMap<String, String> = [("channel".to_owned(), "app".to_owned())].into();
        assert!(s.contains(Some("th"), Some("/x"), &app));
        assert!(!s.contains(Some("en"), Some("/x"), &app));
        assert!(!s.contains(Some("th"), None, &BTreeMap::new()));
        assert!(Segment::default().contains(None, None, &BTreeMap::new()));
    }
}
