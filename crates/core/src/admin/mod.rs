//! What the admin API sends and the dashboard reads, defined once: the
//! collector serializes these types and the dashboard deserializes them,
//! so a change to one side that the other does not follow is a compile
//! error, not a blank table. The shapes are documented in docs/api.md.

mod alerts;
mod body;
mod contacts;
mod destinations;
mod export;
mod facets;
mod funnel;
mod responses;
mod surveys;
mod words;

pub use alerts::{AlertCondition, AlertRule, AlertRuleSpec};
pub use contacts::{
    ContactRequest, ContactStatus, ContactUpdate, DEFAULT_TARGET_HOURS, FollowUpSummary, FollowUpTarget,
    median,
};
pub use destinations::{
    Delivery, DeliveryStatus, Destination, DestinationKind, DestinationSpec, EventKind, TEST_EVENT,
};
pub use export::ExportFormat;
pub use facets::{ContextFacet, FacetValue, Facets};
pub use funnel::{Funnel, FunnelCounts, FunnelEvent, PageFunnel, QuestionReach};
pub use responses::{ResponsePage, StoredResponse};
pub use surveys::{Definitions, SurveySummary};
pub use words::WordsReport;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates;

    fn round_trip<T>(value: &T) -> T
    where
        T: serde::Serialize + serde::de::DeserializeOwned,
    {
        serde_json::from_str(&serde_json::to_string(value).unwrap()).unwrap()
    }

    /// The dashboard reads exactly what the collector writes.
    #[test]
    fn every_admin_type_reads_what_it_writes() {
        let summary = SurveySummary {
            survey: templates::checkout(),
            responses: 12,
            has_draft: true,
        };
        assert_eq!(round_trip(&summary), summary);
        let definitions = Definitions {
            published: templates::checkout(),
            draft: None,
        };
        assert_eq!(round_trip(&definitions), definitions);
        let response = StoredResponse {
            id: "00000000-0000-4000-8000-000000000001".into(),
            survey_version: 2,
            received_at: "2026-12-01T10:00:00Z".into(),
            locale: Some("lv".into()),
            page: None,
            answers: serde_json::json!({"satisfaction": 4})
                .as_object()
                .unwrap()
                .clone(),
            context: [("channel".to_owned(), "web".to_owned())].into(),
            complete: true,
        };
        let unfinished = StoredResponse {
            complete: false,
            ..response.clone()
        };
        assert_eq!(round_trip(&unfinished), unfinished);
        let page = ResponsePage {
            responses: vec![response],
            next: Some("cursor".into()),
        };
        assert_eq!(round_trip(&page), page);
        let contact = ContactRequest {
            response_id: "r".into(),
            survey_id: "checkout".into(),
            received_at: "2026-12-01T10:00:00Z".into(),
            name: None,
            email: Some("a@example.lv".into()),
            phone: None,
            status: ContactStatus::Open,
            assignee: Some("Ieva".into()),
            notes: "Called, no answer".into(),
            first_follow_up_at: None,
            due_at: "2026-12-02T10:00:00Z".into(),
            overdue: true,
        };
        assert_eq!(round_trip(&contact), contact);
        let facets = Facets {
            locales: vec![FacetValue {
                value: "en".into(),
                responses: 3,
            }],
            pages: Vec::new(),
            context: vec![ContextFacet {
                name: "channel".into(),
                values: Vec::new(),
            }],
        };
        assert_eq!(round_trip(&facets), facets);
        let words = WordsReport {
            low_comments: 4,
            high_comments: 9,
            words: Vec::new(),
        };
        assert_eq!(round_trip(&words), words);
    }

    /// The wire names are the documented ones.
    #[test]
    fn a_contact_request_is_written_with_its_status_as_text() {
        let contact = ContactRequest {
            response_id: "r".into(),
            survey_id: "s".into(),
            received_at: "t".into(),
            name: None,
            email: None,
            phone: None,
            status: ContactStatus::Done,
            assignee: None,
            notes: String::new(),
            first_follow_up_at: Some("t".into()),
            due_at: "t".into(),
            overdue: false,
        };
        let json = serde_json::to_value(&contact).unwrap();
        assert_eq!(json["status"], "done");
        assert_eq!(json["response_id"], "r");
    }
}
