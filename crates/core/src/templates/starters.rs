//! Building blocks for surveys made from scratch: an empty-looking survey
//! and a ready-worded question of each kind, in every supported language,
//! so an owner edits words instead of starting from blank fields.

use super::texts::*;
use super::{labelled, question, slug, survey};
use crate::{CsatDisplay, Kind, Question, QuestionKind, Survey};

/// The name a blank survey is asked for by (`{"template": "blank"}`).
pub const BLANK: &str = "blank";

/// A survey with one satisfaction question.
pub fn blank() -> Survey {
    survey(BLANK, BLANK_TITLE, vec![starter(&[], Kind::Csat)])
}

/// A new question of `kind`, worded in every supported language, with an id
/// no question in `taken` has.
pub fn starter(taken: &[Question], kind: Kind) -> Question {
    let (base, text, required, kind) = match kind {
        Kind::Csat => (
            "satisfaction",
            SERVICE_SATISFACTION,
            true,
            QuestionKind::Csat {
                display: CsatDisplay::Stars,
                points: 5,
            },
        ),
        Kind::Nps => ("recommend", SUPPORT_RECOMMEND, false, QuestionKind::Nps),
        Kind::Ces => ("effort", SUPPORT_EFFORT, false, QuestionKind::Ces),
        Kind::ExpectationGap => (
            "quality",
            SERVICE_GAP,
            false,
            QuestionKind::ExpectationGap {
                dimensions: DIMENSIONS.iter().map(|(id, label)| labelled(id, label)).collect(),
            },
        ),
        Kind::YesNo => ("resolved", RESOLVED, false, QuestionKind::YesNo),
        Kind::SingleChoice => (
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
        Kind::MultipleChoice => (
            "improve",
            IMPROVE_CHOICES,
            false,
            QuestionKind::MultipleChoice {
                options: IMPROVE_OPTIONS
                    .iter()
                    .map(|(id, label)| labelled(id, label))
                    .collect(),
                min_selections: None,
                max_selections: None,
                other: true,
            },
        ),
        Kind::Likert => (
            "agreement",
            AGREEMENT,
            false,
            QuestionKind::Likert {
                points: 5,
                statements: AGREEMENT_STATEMENTS
                    .iter()
                    .map(|(id, label)| labelled(id, label))
                    .collect(),
            },
        ),
        Kind::Comment => (
            "comment",
            SERVICE_COMMENT,
            false,
            QuestionKind::Comment { max_length: 2000 },
        ),
        Kind::ContactRequest => ("contact", CONTACT, false, QuestionKind::ContactRequest),
    };
    let free = |id: &str| !taken.iter().any(|q| q.id.as_str() == id);
    let id = std::iter::once(base.to_owned())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|id| free(id))
        .unwrap_or_else(|| base.to_owned());
    let mut question = question(&id, text, required, kind);
    question.id = slug(&id);
    question
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_starts_worded_and_a_survey_of_all_of_them_parses() {
        let mut survey = blank();
        for kind in Kind::ALL {
            let question = starter(&survey.questions, kind);
            assert_eq!(question.kind.kind(), kind);
            assert_eq!(question.text.len(), 5, "{kind:?} in every language");
            survey.questions.push(question);
        }
        let ids: Vec<&str> = survey.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids[..3], ["satisfaction", "satisfaction-2", "recommend"]);
        let json = serde_json::to_vec(&survey).unwrap();
        let parsed = Survey::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(parsed.questions.len(), 11);
    }
}
