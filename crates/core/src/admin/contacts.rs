//! The contact-request queue: respondents who asked to be contacted, and
//! where each request stands in the team's follow-up (who has it, what was
//! said, when someone first followed up, and whether that is overdue).

use serde::{Deserialize, Serialize};

use super::body::Body;
use crate::{ErrorCode, FieldError};

/// Longest assignee.
pub const MAX_ASSIGNEE: usize = 100;
/// Longest notes.
pub const MAX_NOTES: usize = 5000;
/// The follow-up target when a survey sets none, in hours.
pub const DEFAULT_TARGET_HOURS: u32 = 24;

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
    /// Who on the team has it (free text).
    #[serde(default)]
    pub assignee: Option<String>,
    /// What the team noted.
    #[serde(default)]
    pub notes: String,
    /// When it first left "open" (RFC 3339).
    #[serde(default)]
    pub first_follow_up_at: Option<String>,
    /// When the first follow-up is due: arrival plus the survey's target
    /// (RFC 3339).
    pub due_at: String,
    /// Still open past `due_at`.
    pub overdue: bool,
}

/// A contact request's status, as the admin API writes and reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactStatus {
    /// Waiting for someone to reach out.
    Open,
    /// Someone is on it.
    InProgress,
    /// Followed up.
    Done,
}

impl ContactStatus {
    /// Every status, in the order a request moves through them.
    pub const ALL: [Self; 3] = [Self::Open, Self::InProgress, Self::Done];

    /// The status as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::InProgress => "in_progress",
            Self::Done => "done",
        }
    }

    /// The status stored as `stored`, if it is one.
    pub fn parse(stored: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == stored)
    }
}

/// A change to a request (`PUT /v1/admin/contacts/{response}`): each field
/// given is set, the others kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactUpdate {
    /// The new status.
    pub status: Option<ContactStatus>,
    /// The new assignee; `Some(None)` clears it.
    pub assignee: Option<Option<String>>,
    /// The new notes.
    pub notes: Option<String>,
}

impl ContactUpdate {
    /// Parses an update body, naming the field at fault.
    pub fn parse(body: &serde_json::Value) -> Result<Self, FieldError> {
        use serde_json::Value;
        let fields = Body::of(body, &["status", "assignee", "notes"], "a contact request")?;
        let mut update = Self::default();
        if let Some(status) = fields.raw("status") {
            update.status = Some(status.as_str().and_then(ContactStatus::parse).ok_or_else(|| {
                FieldError::new(
                    ErrorCode::InvalidValue,
                    "status",
                    "must be open, in_progress or done",
                )
            })?);
        }
        if let Some(assignee) = body.get("assignee") {
            update.assignee = Some(match assignee {
                Value::Null => None,
                Value::String(text) => {
                    let text = text.trim();
                    if text.chars().count() > MAX_ASSIGNEE {
                        return Err(FieldError::new(
                            ErrorCode::TooLong,
                            "assignee",
                            format!("at most {MAX_ASSIGNEE} characters"),
                        ));
                    }
                    (!text.is_empty()).then(|| text.to_owned())
                }
                _ => {
                    return Err(FieldError::new(
                        ErrorCode::InvalidType,
                        "assignee",
                        "must be text or null",
                    ));
                }
            });
        }
        if let Some(notes) = fields.raw("notes") {
            let Value::String(text) = notes else {
                return Err(FieldError::new(ErrorCode::InvalidType, "notes", "must be text"));
            };
            if text.chars().count() > MAX_NOTES {
                return Err(FieldError::new(
                    ErrorCode::TooLong,
                    "notes",
                    format!("at most {MAX_NOTES} characters"),
                ));
            }
            update.notes = Some(text.clone());
        }
        if update == Self::default() {
            return Err(FieldError::new(
                ErrorCode::Required,
                "status",
                "give a status, an assignee or notes",
            ));
        }
        Ok(update)
    }
}

/// How the team follows up (`GET /v1/admin/contacts/summary?window=`):
/// requests received in the window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpSummary {
    /// The window.
    pub window: crate::Window,
    /// Requests per status.
    pub open: u64,
    /// Someone is on it.
    pub in_progress: u64,
    /// Followed up.
    pub done: u64,
    /// Still open past their target.
    pub overdue: u64,
    /// The median time from arrival to first follow-up, in hours, over the
    /// requests followed up.
    pub median_hours_to_first_follow_up: Option<f64>,
}

/// A survey's follow-up target (`/v1/admin/surveys/{id}/follow-up`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpTarget {
    /// Hours from arrival within which someone should follow up, 1–720.
    pub target_hours: u32,
}

impl FollowUpTarget {
    /// Parses a target body, naming the field at fault.
    pub fn parse(body: &serde_json::Value) -> Result<Self, FieldError> {
        let hours = body
            .get("target_hours")
            .ok_or_else(|| FieldError::new(ErrorCode::Required, "target_hours", "is required"))?;
        match hours.as_u64() {
            Some(hours @ 1..=720) => Ok(Self {
                target_hours: u32::try_from(hours).unwrap_or(DEFAULT_TARGET_HOURS),
            }),
            _ => Err(FieldError::new(
                ErrorCode::OutOfRange,
                "target_hours",
                "must be a whole number of hours from 1 to 720",
            )),
        }
    }
}

/// The median of `values` (none when empty).
pub fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[middle - 1] + values[middle]) / 2.0
    } else {
        values[middle]
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn statuses_read_and_write_as_their_names() {
        for status in ContactStatus::ALL {
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.as_str()));
            assert_eq!(serde_json::from_str::<ContactStatus>(&json).unwrap(), status);
            assert_eq!(ContactStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(ContactStatus::parse("Open"), None);
        assert!(serde_json::from_str::<ContactStatus>("\"later\"").is_err());
    }

    #[test]
    fn an_update_sets_what_it_names_and_refuses_the_rest() {
        let update =
            ContactUpdate::parse(&json!({"status": "in_progress", "assignee": "  Ieva ", "notes": "Called"}))
                .unwrap();
        assert_eq!(update.status, Some(ContactStatus::InProgress));
        assert_eq!(update.assignee, Some(Some("Ieva".into())));
        assert_eq!(update.notes.as_deref(), Some("Called"));
        assert_eq!(
            ContactUpdate::parse(&json!({"assignee": null})).unwrap().assignee,
            Some(None)
        );
        for (body, field) in [
            (json!({"status": "later"}), "status"),
            (json!({"assignee": 3}), "assignee"),
            (json!({"assignee": "x".repeat(101)}), "assignee"),
            (json!({"notes": "x".repeat(5001)}), "notes"),
            (json!({"colour": 1}), "colour"),
            (json!({}), "status"),
        ] {
            assert_eq!(ContactUpdate::parse(&body).unwrap_err().field, field, "{body}");
        }
        assert_eq!(
            FollowUpTarget::parse(&json!({"target_hours": 4}))
                .unwrap()
                .target_hours,
            4
        );
        assert_eq!(
            FollowUpTarget::parse(&json!({"target_hours": 0}))
                .unwrap_err()
                .field,
            "target_hours"
        );
    }

    #[test]
    fn the_median_is_the_middle_or_the_mean_of_the_two() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }
}
