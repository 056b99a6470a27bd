//! The contact-request queue: respondents who asked to be contacted, and
//! where each request stands in the team's follow-up.

use serde::{Deserialize, Serialize};

/// One request to be contacted (`GET /v1/admin/contacts`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactRequest {
    /// The response that asked.
    pub response_id: String,
    /// Its survey.
    pub survey_id: String,
    /// When it arrived (RFC 3339).
    pub received_at: String,
    /// The name given, if any.
    pub name: Option<String>,
    /// The email given, if any.
    pub email: Option<String>,
    /// The phone number given, if any.
    pub phone: Option<String>,
    /// Where it stands.
    pub status: ContactStatus,
}

/// A contact request's status, as the admin API writes and reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactStatus {
    /// Waiting for someone to reach out.
    Open,
    /// Followed up.
    Done,
}

impl ContactStatus {
    /// The status as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Done => "done",
        }
    }

    /// The status stored as `stored`, if it is one.
    pub fn parse(stored: &str) -> Option<Self> {
        [Self::Open, Self::Done]
            .into_iter()
            .find(|status| status.as_str() == stored)
    }

    /// The other status: what the queue's button sets.
    pub fn toggled(self) -> Self {
        match self {
            Self::Open => Self::Done,
            Self::Done => Self::Open,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_read_and_write_as_their_names() {
        for status in [ContactStatus::Open, ContactStatus::Done] {
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.as_str()));
            assert_eq!(serde_json::from_str::<ContactStatus>(&json).unwrap(), status);
            assert_eq!(ContactStatus::parse(status.as_str()), Some(status));
            assert_eq!(status.toggled().toggled(), status);
            assert_ne!(status.toggled(), status);
        }
        assert_eq!(ContactStatus::parse("Open"), None);
        assert!(serde_json::from_str::<ContactStatus>("\"later\"").is_err());
    }
}
