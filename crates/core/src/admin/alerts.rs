//! Alert rules: what about a response (or a day) should reach someone now
//! (`/v1/admin/surveys/{id}/alerts`). A rule fires at most once per
//! response (a drop: once per day) and sends `alert.fired` to its chosen
//! destinations.

use serde::{Deserialize, Serialize};

use super::body::Body;
use crate::{Answer, ErrorCode, FieldError, QuestionId, QuestionKind, Survey, ValidResponse};

/// Most words a comment rule watches for.
const MAX_WORDS: usize = 20;
/// Longest watched word or phrase.
const MAX_WORD: usize = 50;

/// When a rule fires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum AlertCondition {
    /// A rating question (CSAT, NPS, CES) answered at or below `value`.
    RatingAtMost {
        /// The question.
        question: QuestionId,
        /// The highest rating that fires.
        value: u8,
    },
    /// An NPS question answered 0–6.
    Detractor {
        /// The question.
        question: QuestionId,
    },
    /// A yes/no question (first-contact resolution) answered no.
    AnsweredNo {
        /// The question.
        question: QuestionId,
    },
    /// Any comment holding one of `words` (case and accents as written;
    /// letters compared without regard to case).
    CommentContains {
        /// Words or phrases.
        words: Vec<String>,
    },
    /// The respondent asked to be contacted.
    ContactRequested,
    /// The question's headline figure fell significantly today against the
    /// seven days before (the trend's shift test, p < 0.05).
    SignificantDrop {
        /// The question.
        question: QuestionId,
    },
}

/// What the owner sets on a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertRuleSpec {
    /// What the owner calls it (shown in the alert).
    pub name: String,
    /// When it fires.
    pub condition: AlertCondition,
    /// The destinations it sends to (their ids), at least one.
    pub destinations: Vec<String>,
    /// Off: it does not fire.
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

/// A rule as the admin API sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertRule {
    /// Its id.
    pub id: String,
    /// The survey it watches.
    pub survey_id: String,
    /// What the owner set.
    #[serde(flatten)]
    pub spec: AlertRuleSpec,
    /// When it was added (RFC 3339).
    pub created_at: String,
}

impl AlertRuleSpec {
    /// Parses a rule for `survey`, naming the field at fault; the
    /// destinations' existence is for the caller to check.
    pub fn parse(body: serde_json::Value, survey: &Survey) -> Result<Self, FieldError> {
        let body = Body::of(&body, &["name", "condition", "destinations", "enabled"], "a rule")?;
        let mut spec = Self {
            name: body.required("name", "must be text")?,
            condition: body.required("condition", "must be a condition of a kind the rules know")?,
            destinations: body.required("destinations", "must list destination ids")?,
            enabled: body.optional("enabled", "must be true or false")?.unwrap_or(true),
        };
        spec.name = spec.name.trim().to_owned();
        if spec.name.is_empty() {
            return Err(FieldError::new(
                ErrorCode::Required,
                "name",
                "give the rule a name",
            ));
        }
        if spec.name.chars().count() > 100 {
            return Err(FieldError::new(
                ErrorCode::TooLong,
                "name",
                "at most 100 characters",
            ));
        }
        if spec.destinations.is_empty() {
            return Err(FieldError::new(
                ErrorCode::Required,
                "destinations",
                "choose at least one destination",
            ));
        }
        spec.destinations.sort();
        spec.destinations.dedup();
        spec.condition.check(survey)?;
        Ok(spec)
    }
}

impl AlertCondition {
    /// Whether the condition can hold on `survey` (its question exists and
    /// is of the right kind, the value on its scale).
    fn check(&mut self, survey: &Survey) -> Result<(), FieldError> {
        let kind_of = |question: &QuestionId| {
            survey
                .question(question.as_str())
                .map(|q| &q.kind)
                .ok_or_else(|| {
                    FieldError::new(
                        ErrorCode::UnknownQuestion,
                        "condition.question",
                        format!("the survey has no question {question}"),
                    )
                })
        };
        let wrong = |what: &str| {
            FieldError::new(
                ErrorCode::InvalidValue,
                "condition.question",
                format!("must be {what}"),
            )
        };
        match self {
            Self::RatingAtMost { question, value } => {
                let scale = kind_of(question)?
                    .scale()
                    .ok_or_else(|| wrong("a rating question"))?;
                if !scale.contains(value) {
                    return Err(FieldError::new(
                        ErrorCode::OutOfRange,
                        "condition.value",
                        format!("must be from {} to {}", scale.start(), scale.end()),
                    ));
                }
            }
            Self::Detractor { question } => {
                if !matches!(kind_of(question)?, QuestionKind::Nps) {
                    return Err(wrong("an NPS question"));
                }
            }
            Self::AnsweredNo { question } => {
                if !matches!(kind_of(question)?, QuestionKind::YesNo) {
                    return Err(wrong("a yes/no question"));
                }
            }
            Self::SignificantDrop { question } => {
                let kind = kind_of(question)?;
                if kind.scale().is_none()
                    && !matches!(kind, QuestionKind::YesNo | QuestionKind::ExpectationGap { .. })
                {
                    return Err(wrong("a question with a headline figure (rating, yes/no or gap)"));
                }
            }
            Self::CommentContains { words } => {
                words.iter_mut().for_each(|w| *w = w.trim().to_lowercase());
                words.retain(|w| !w.is_empty());
                words.sort();
                words.dedup();
                if words.is_empty() {
                    return Err(FieldError::new(
                        ErrorCode::Required,
                        "condition.words",
                        "list at least one word",
                    ));
                }
                if words.len() > MAX_WORDS || words.iter().any(|w| w.chars().count() > MAX_WORD) {
                    return Err(FieldError::new(
                        ErrorCode::TooLong,
                        "condition.words",
                        format!("at most {MAX_WORDS} words of {MAX_WORD} characters"),
                    ));
                }
            }
            Self::ContactRequested => {
                if !survey
                    .questions
                    .iter()
                    .any(|q| matches!(q.kind, QuestionKind::ContactRequest))
                {
                    return Err(FieldError::new(
                        ErrorCode::InvalidValue,
                        "condition.kind",
                        "the survey asks no contact request",
                    ));
                }
            }
        }
        Ok(())
    }

    /// Whether a stored finished response makes the rule fire. A drop is
    /// about a day, never one response.
    pub fn fires_on(&self, response: &ValidResponse) -> bool {
        match self {
            Self::RatingAtMost { question, value } => {
                matches!(response.answer(question.as_str()), Some(Answer::Rating(r)) if r <= value)
            }
            Self::Detractor { question } => {
                matches!(response.answer(question.as_str()), Some(Answer::Rating(r)) if *r <= 6)
            }
            Self::AnsweredNo { question } => {
                matches!(response.answer(question.as_str()), Some(Answer::YesNo(false)))
            }
            Self::CommentContains { words } => response.answers().values().any(|answer| match answer {
                Answer::Text(text) => {
                    let text = text.to_lowercase();
                    words.iter().any(|word| text.contains(word.as_str()))
                }
                _ => false,
            }),
            Self::ContactRequested => response
                .answers()
                .values()
                .any(|a| matches!(a, Answer::Contact(_))),
            Self::SignificantDrop { .. } => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::{ResponseSubmission, templates};

    fn response(survey: &Survey, answers: serde_json::Value) -> ValidResponse {
        let body =
            json!({"id": "00000000-0000-4000-8000-000000000001", "survey_version": 1, "answers": answers});
        survey
            .validate(ResponseSubmission::from_json(body.to_string().as_bytes()).unwrap())
            .unwrap()
    }

    fn rule(survey: &Survey, condition: serde_json::Value) -> Result<AlertRuleSpec, FieldError> {
        AlertRuleSpec::parse(
            json!({"name": "Unhappy", "condition": condition, "destinations": ["d"]}),
            survey,
        )
    }

    #[test]
    fn each_condition_fires_on_what_it_names() {
        let survey = templates::after_support();
        let unhappy = response(
            &survey,
            json!({"satisfaction": 2, "resolved": false, "recommend": 3, "comment": "The courier was RUDE",
                   "contact": {"consent": true, "email": "a@example.lv"}}),
        );
        let happy = response(
            &survey,
            json!({"satisfaction": 5, "resolved": true, "recommend": 10, "comment": "Fine"}),
        );
        for condition in [
            json!({"kind": "rating_at_most", "question": "satisfaction", "value": 2}),
            json!({"kind": "detractor", "question": "recommend"}),
            json!({"kind": "answered_no", "question": "resolved"}),
            json!({"kind": "comment_contains", "words": [" Rude ", "late"]}),
            json!({"kind": "contact_requested"}),
        ] {
            let spec = rule(&survey, condition.clone()).unwrap();
            assert!(spec.condition.fires_on(&unhappy), "{condition}");
            assert!(!spec.condition.fires_on(&happy), "{condition}");
        }
        let drop = rule(
            &survey,
            json!({"kind": "significant_drop", "question": "satisfaction"}),
        )
        .unwrap();
        assert!(!drop.condition.fires_on(&unhappy), "a drop is about a day");
    }

    #[test]
    fn a_rule_is_refused_with_the_field_named() {
        let survey = templates::after_support();
        for (condition, field) in [
            (
                json!({"kind": "rating_at_most", "question": "satisfaction", "value": 9}),
                "condition.value",
            ),
            (
                json!({"kind": "rating_at_most", "question": "nobody", "value": 2}),
                "condition.question",
            ),
            (
                json!({"kind": "detractor", "question": "satisfaction"}),
                "condition.question",
            ),
            (
                json!({"kind": "answered_no", "question": "recommend"}),
                "condition.question",
            ),
            (
                json!({"kind": "comment_contains", "words": [" "]}),
                "condition.words",
            ),
            (
                json!({"kind": "significant_drop", "question": "comment"}),
                "condition.question",
            ),
            (json!({"kind": "louder"}), "condition"),
        ] {
            assert_eq!(
                rule(&survey, condition.clone()).unwrap_err().field,
                field,
                "{condition}"
            );
        }
        let checkout = templates::checkout();
        assert_eq!(
            rule(&checkout, json!({"kind": "contact_requested"}))
                .unwrap_err()
                .field,
            "condition.kind"
        );
        let none = AlertRuleSpec::parse(
            json!({"name": "x", "condition": {"kind": "contact_requested"}, "destinations": []}),
            &survey,
        );
        assert_eq!(none.unwrap_err().field, "destinations");
        let spec = rule(&survey, json!({"kind": "contact_requested"})).unwrap();
        let stored = AlertRule {
            id: "r".into(),
            survey_id: "after-support".into(),
            spec,
            created_at: "t".into(),
        };
        let json = serde_json::to_string(&stored).unwrap();
        assert_eq!(serde_json::from_str::<AlertRule>(&json).unwrap(), stored);
    }
}
