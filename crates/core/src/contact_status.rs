//! Where a contact request stands in the team's follow-up queue.

use serde::{Deserialize, Serialize};

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
        }
        assert!(serde_json::from_str::<ContactStatus>("\"later\"").is_err());
    }
}
