//! Where the collector sends what happens: webhook and Slack destinations,
//! the events they subscribe to, and the deliveries of those events
//! (`/v1/admin/destinations`). The payloads themselves are documented in
//! docs/api.md.

use serde::{Deserialize, Serialize};

use super::body::Body;
use crate::{ErrorCode, FieldError, SurveyId};

/// Longest destination name.
const MAX_NAME: usize = 100;
/// Longest destination URL.
const MAX_URL: usize = 2048;

/// What a destination is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DestinationKind {
    /// The owner's own endpoint: the event as JSON, signed as the Standard
    /// Webhooks specification describes.
    Webhook,
    /// A Slack incoming webhook: a Block Kit message.
    Slack,
}

impl DestinationKind {
    /// The kind as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Webhook => "webhook",
            Self::Slack => "slack",
        }
    }

    /// The kind stored as `stored`, if it is one.
    pub fn parse(stored: &str) -> Option<Self> {
        [Self::Webhook, Self::Slack]
            .into_iter()
            .find(|kind| kind.as_str() == stored)
    }
}

/// What a destination may subscribe to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventKind {
    /// A finished response was stored.
    #[serde(rename = "response.completed")]
    ResponseCompleted,
    /// An unfinished response was saved (a partial save).
    #[serde(rename = "response.partial")]
    ResponsePartial,
    /// A respondent asked to be contacted.
    #[serde(rename = "contact.requested")]
    ContactRequested,
    /// One of the survey's alert rules fired.
    #[serde(rename = "alert.fired")]
    AlertFired,
}

impl EventKind {
    /// Every kind, in the order the dashboard lists them.
    pub const ALL: [Self; 4] = [
        Self::ResponseCompleted,
        Self::ResponsePartial,
        Self::ContactRequested,
        Self::AlertFired,
    ];

    /// The event's `type`, as sent and stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ResponseCompleted => "response.completed",
            Self::ResponsePartial => "response.partial",
            Self::ContactRequested => "contact.requested",
            Self::AlertFired => "alert.fired",
        }
    }

    /// The kind whose type is `stored`, if it is one.
    pub fn parse(stored: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == stored)
    }
}

/// The `type` of a test send (`POST /v1/admin/destinations/{id}/test`):
/// not a subscription, sent only when asked.
pub const TEST_EVENT: &str = "destination.test";

/// What the owner sets on a destination (the body of a create or an
/// update). Read with [`DestinationSpec::parse`], which names the field at
/// fault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DestinationSpec {
    /// Webhook or Slack.
    pub kind: DestinationKind,
    /// What the owner calls it.
    pub name: String,
    /// Where to send (`http://` or `https://`; no user name or password in
    /// it).
    pub url: String,
    /// The events sent there, at least one.
    pub events: Vec<EventKind>,
    /// The surveys whose events are sent; empty: every survey.
    #[serde(default)]
    pub surveys: Vec<SurveyId>,
    /// Off: nothing new is queued for it (what is queued is still sent).
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

impl DestinationSpec {
    /// Parses a create or update body, naming the field at fault.
    pub fn parse(body: serde_json::Value) -> Result<Self, FieldError> {
        let body = Body::of(
            &body,
            &["kind", "name", "url", "events", "surveys", "enabled"],
            "a destination",
        )?;
        Self {
            kind: body.required("kind", "must be \"webhook\" or \"slack\"")?,
            name: body.required("name", "must be text")?,
            url: body.required("url", "must be text")?,
            events: body.required(
                "events",
                "must list events: response.completed, response.partial, contact.requested, alert.fired",
            )?,
            surveys: body
                .optional("surveys", "must list survey ids")?
                .unwrap_or_default(),
            enabled: body.optional("enabled", "must be true or false")?.unwrap_or(true),
        }
        .checked()
    }

    fn checked(mut self) -> Result<Self, FieldError> {
        self.name = self.name.trim().to_owned();
        if self.name.is_empty() {
            return Err(FieldError::new(
                ErrorCode::Required,
                "name",
                "give the destination a name",
            ));
        }
        if self.name.chars().count() > MAX_NAME {
            return Err(FieldError::new(
                ErrorCode::TooLong,
                "name",
                format!("at most {MAX_NAME} characters"),
            ));
        }
        check_url(&self.url)?;
        if self.events.is_empty() {
            return Err(FieldError::new(
                ErrorCode::Required,
                "events",
                "choose at least one event",
            ));
        }
        self.events.sort();
        if self.events.windows(2).any(|pair| pair[0] == pair[1]) {
            return Err(FieldError::new(
                ErrorCode::Duplicate,
                "events",
                "an event is listed twice",
            ));
        }
        self.surveys.sort();
        if self.surveys.windows(2).any(|pair| pair[0] == pair[1]) {
            return Err(FieldError::new(
                ErrorCode::Duplicate,
                "surveys",
                "a survey is listed twice",
            ));
        }
        Ok(self)
    }

    /// Whether `event` of `survey` goes to this destination.
    pub fn wants(&self, event: EventKind, survey: &SurveyId) -> bool {
        self.enabled
            && self.events.contains(&event)
            && (self.surveys.is_empty() || self.surveys.contains(survey))
    }
}

/// `url` if it is an absolute `http` or `https` URL with a host and no
/// credentials; what it resolves to is checked when it is sent to.
fn check_url(url: &str) -> Result<(), FieldError> {
    let invalid = |why: &str| FieldError::new(ErrorCode::InvalidValue, "url", why);
    if url.len() > MAX_URL {
        return Err(FieldError::new(
            ErrorCode::TooLong,
            "url",
            format!("at most {MAX_URL} characters"),
        ));
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| invalid("must start with https:// or http://"))?;
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(invalid("must not hold spaces or control characters"));
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err(invalid("must not hold a user name or password"));
    }
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => authority.split(':').next().unwrap_or_default(),
    };
    if host.is_empty() {
        return Err(invalid("must name a host"));
    }
    Ok(())
}

/// A destination as the admin API sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Destination {
    /// Its id.
    pub id: String,
    /// What the owner set.
    #[serde(flatten)]
    pub spec: DestinationSpec,
    /// A webhook's signing secret (`whsec_…`, Standard Webhooks' form), for
    /// the receiver to verify with; Slack destinations have none.
    pub secret: Option<String>,
    /// When it was added (RFC 3339).
    pub created_at: String,
}

/// Where one event's delivery to one destination stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    /// Not yet accepted by the receiver: waiting for its next attempt.
    Pending,
    /// The receiver answered 2xx.
    Delivered,
    /// Every attempt failed for a day: given up (a replay tries again).
    Failed,
}

impl DeliveryStatus {
    /// The status as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Delivered => "delivered",
            Self::Failed => "failed",
        }
    }

    /// The status stored as `stored`, if it is one.
    pub fn parse(stored: &str) -> Option<Self> {
        [Self::Pending, Self::Delivered, Self::Failed]
            .into_iter()
            .find(|status| status.as_str() == stored)
    }
}

/// One event's delivery to one destination
/// (`GET /v1/admin/destinations/{id}/deliveries`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    /// The event's id: the `webhook-id` of every attempt.
    pub event_id: String,
    /// The event's `type` (an [`EventKind`] or [`TEST_EVENT`]).
    pub event: String,
    /// The survey it concerns, if any.
    pub survey_id: Option<String>,
    /// The response it concerns, if any.
    pub response_id: Option<String>,
    /// Where it stands.
    pub status: DeliveryStatus,
    /// Attempts made.
    pub attempts: u32,
    /// When the event happened (RFC 3339).
    pub created_at: String,
    /// When it was last tried (RFC 3339).
    pub last_attempt_at: Option<String>,
    /// When it is tried next, while pending (RFC 3339).
    pub next_attempt_at: Option<String>,
    /// The receiver's last HTTP status, if it answered.
    pub response_code: Option<u16>,
    /// How long the last attempt took, in milliseconds.
    pub latency_ms: Option<u64>,
    /// Why the last attempt failed, if it did.
    pub error: Option<String>,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn spec(url: &str) -> serde_json::Value {
        json!({"kind": "webhook", "name": "CRM", "url": url, "events": ["response.completed"]})
    }

    #[test]
    fn a_destination_is_read_with_the_faulty_field_named() {
        let ok = DestinationSpec::parse(spec("https://crm.example.com/hooks/candor?x=1")).unwrap();
        assert!(ok.enabled && ok.surveys.is_empty());
        let checkout = SurveyId::parse("", "checkout").unwrap();
        assert!(ok.wants(EventKind::ResponseCompleted, &checkout));
        assert!(!ok.wants(EventKind::ContactRequested, &checkout));
        for (url, field) in [
            ("ftp://crm.example.com/", "url"),
            ("https://", "url"),
            ("https://user:pw@crm.example.com/", "url"),
            ("https://crm.example.com/a b", "url"),
            ("https://[::1]:8080/", ""),
        ] {
            let parsed = DestinationSpec::parse(spec(url));
            match field {
                "" => assert!(parsed.is_ok(), "{url}"),
                field => assert_eq!(parsed.unwrap_err().field, field, "{url}"),
            }
        }
        let refused = |body: serde_json::Value| DestinationSpec::parse(body).unwrap_err();
        let no_events = refused(json!({"kind": "slack", "name": "x", "url": "https://h/", "events": []}));
        assert_eq!(
            (no_events.code, no_events.field.as_str()),
            (ErrorCode::Required, "events")
        );
        let unknown = refused(
            json!({"kind": "slack", "name": "x", "url": "https://h/", "events": ["response.completed"], "colour": 1}),
        );
        assert_eq!(
            (unknown.code, unknown.field.as_str()),
            (ErrorCode::UnknownField, "colour")
        );
        let event =
            refused(json!({"kind": "slack", "name": "x", "url": "https://h/", "events": ["clicked"]}));
        assert_eq!(event.field, "events");
        let twice = refused(
            json!({"kind": "slack", "name": "x", "url": "https://h/", "events": ["alert.fired", "alert.fired"]}),
        );
        assert_eq!(
            (twice.code, twice.field.as_str()),
            (ErrorCode::Duplicate, "events")
        );
        let unnamed =
            refused(json!({"kind": "slack", "name": " ", "url": "https://h/", "events": ["alert.fired"]}));
        assert_eq!(unnamed.field, "name");
    }

    #[test]
    fn a_destination_reads_what_it_writes() {
        let destination = Destination {
            id: "d".into(),
            spec: DestinationSpec::parse(spec("https://crm.example.com/")).unwrap(),
            secret: Some("whsec_c2VjcmV0".into()),
            created_at: "2026-12-02T10:00:00Z".into(),
        };
        let json = serde_json::to_string(&destination).unwrap();
        assert_eq!(serde_json::from_str::<Destination>(&json).unwrap(), destination);
        assert!(
            json.contains("\"url\":\"https://crm.example.com/\""),
            "flattened: {json}"
        );
    }

    #[test]
    fn kinds_and_statuses_read_and_write_as_their_names() {
        for kind in EventKind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
            assert_eq!(EventKind::parse(kind.as_str()), Some(kind));
        }
        for kind in [DestinationKind::Webhook, DestinationKind::Slack] {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
            assert_eq!(DestinationKind::parse(kind.as_str()), Some(kind));
        }
        for status in [
            DeliveryStatus::Pending,
            DeliveryStatus::Delivered,
            DeliveryStatus::Failed,
        ] {
            assert_eq!(serde_json::to_value(status).unwrap(), status.as_str());
            assert_eq!(DeliveryStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(EventKind::parse(TEST_EVENT), None);
    }
}
