//! Building blocks for surveys made from scratch: an empty-looking survey
//! and a ready-worded question of each kind, in every supported language,
//! so an owner edits words instead of starting from blank fields.

use super::texts::*;
use super::{labelled, question, slug, survey};
use crate::{CsatDisplay, Question, QuestionKind, Survey};

/// The kinds a question can be, as the survey format names them.
pub const KINDS: [&str; 8] = [
    "csat",
    "nps",
    "ces",
    "expectation_gap",
    "yes_no",
    "single_choice",
    "comment",
    "contact_request",
];

/// The name a blank survey is asked for by (`{"template": "blank"}`).
pub const BLANK: &str = "blank";

/// A survey with one satisfaction question.
pub fn blank() -> Survey {
    survey(
        BLANK,
        BLANK_TITLE,
        vec![starter(&[], "csat").expect("csat is a kind")],
    )
}

/// A new question of `kind` (one of [`KINDS`]), worded in every supported
/// language, with an id no question in `taken` has; `None` for an unknown
/// kind.
pub fn starter(taken: &[Question], kind: &str) -> Option<Question> {
    let (base, text, required, kind) = match kind {
        "csat" => (
            "satisfaction",
            SERVICE_SATISFACTION,
            true,
            QuestionKind::Csat {
                display: CsatDisplay::Stars,
                points: 5,
            },
        ),
        "nps" => ("recommend", SUPPORT_RECOMMEND, false, QuestionKind::Nps),
        "ces" => ("effort", SUPPORT_EFFORT, false, QuestionKind::Ces),
        "expectation_gap" => (
            "quality",
            SERVICE_GAP,
            false,
            QuestionKind::ExpectationGap {
                dimensions: DIMENSIONS.iter().map(|(id, label)| labelled(id, label)).collect(),
            },
        ),
        "yes_no" => ("resolved", RESOLVED, false, QuestionKind::YesNo),
        "single_choice" => (
            "choice",
            CHOICE,
            false,
            QuestionKind::SingleChoice {
                options: vec![
                    labelled("first", &OPTION_FIRST),
                    labelled("second", &OPTION_SECOND),
                ],
            },
        ),
        "comment" => (
            "comment",
            SERVICE_COMMENT,
            false,
            QuestionKind::Comment { max_length: 2000 },
        ),
        "contact_request" => ("contact", CONTACT, false, QuestionKind::ContactRequest),
        _ => return None,
    };
    let free = |id: &str| !taken.iter().any(|q| q.id.as_str() == id);
    let id = std::iter::once(base.to_owned())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|id| free(id))?;
    let mut question = question(&id, text, required, kind);
    question.id = slug(&id);
    Some(question)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_starts_worded_and_a_survey_of_all_of_them_parses() {
        let mut survey = blank();
        for kind in KINDS {
            let question = starter(&survey.questions, kind).unwrap();
            assert_eq!(question.kind.name(), kind);
            assert_eq!(question.text.len(), 5, "{kind} in every language");
            survey.questions.push(question);
        }
        let ids: Vec<&str> = survey.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids[..3], ["satisfaction", "satisfaction-2", "recommend"]);
        let json = serde_json::to_vec(&survey).unwrap();
        let parsed = Survey::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(parsed.questions.len(), 9);
        assert!(starter(&[], "essay").is_none());
    }
}
