//! Responses: the wire form a client sends, and the validated form that exists
//! only after checking it against the survey version it answers.

pub(crate) mod answer;
mod choices;
pub mod context;
pub mod page;

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::locale::is_language_tag;
use crate::visitor::VisitorHash;
use crate::{ErrorCode, FieldError, QuestionId, ResponseId, Survey, SurveyId};

pub use answer::{Answer, ContactDetails, GapPair};
pub use choices::{MAX_OTHER, Selections};

/// A response as it travels: the body of
/// `POST /v1/surveys/{survey}/responses`.
///
/// Answers stay raw JSON here because their shape depends on the survey;
/// [`Survey::validate`] turns a submission into a [`ValidResponse`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResponseSubmission {
    /// Chosen by the client; sending the same id twice stores one response.
    pub id: ResponseId,
    /// The survey version the respondent saw.
    pub survey_version: u32,
    /// The language the survey was shown in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// The path of the page it was given on (no query string or fragment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// Answers keyed by question id.
    pub answers: Map<String, Value>,
    /// Hidden fields from the host page (channel, order band…).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub context: BTreeMap<String, String>,
    /// Whether this is the finished response (the default) or a partial
    /// save of one still being answered.
    #[serde(skip_serializing_if = "is_true")]
    pub complete: bool,
    /// The save's number within the response: a save never replaces one
    /// with a higher number (a late retry of an older save changes
    /// nothing). Required for a partial save.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sequence: Option<u32>,
    /// The identified visitor's hash (`Candor.identify`): recorded as
    /// having answered, never stored with the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visitor: Option<VisitorHash>,
}

fn is_true(value: &bool) -> bool {
    *value
}

/// A response checked against the survey version it answers. Only
/// [`Survey::validate`] makes one, so holding one proves the check passed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidResponse {
    id: ResponseId,
    survey: SurveyId,
    survey_version: u32,
    locale: Option<String>,
    page: Option<String>,
    answers: BTreeMap<QuestionId, Answer>,
    context: BTreeMap<String, String>,
    progress: Progress,
    /// Never written out with the response (exports, webhooks): it only
    /// records that the visitor answered.
    #[serde(skip)]
    visitor: Option<VisitorHash>,
}

/// Whether a response is finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Progress {
    /// The finished response: every required question it was asked is
    /// answered.
    Complete,
    /// A partial save, numbered: the respondent is still answering (or
    /// left). Required questions may be unanswered, and it holds no
    /// contact details (those come only with the finished response).
    Partial {
        /// The save's number; a higher one replaces it.
        sequence: u32,
    },
}

impl ValidResponse {
    /// The client-chosen id.
    pub fn id(&self) -> ResponseId {
        self.id
    }

    /// The survey answered.
    pub fn survey(&self) -> &SurveyId {
        &self.survey
    }

    /// The version answered.
    pub fn survey_version(&self) -> u32 {
        self.survey_version
    }

    /// The language shown, if the client said.
    pub fn locale(&self) -> Option<&str> {
        self.locale.as_deref()
    }

    /// The path of the page it was given on, if the client said.
    pub fn page(&self) -> Option<&str> {
        self.page.as_deref()
    }

    /// Answers to the questions the respondent answered.
    pub fn answers(&self) -> &BTreeMap<QuestionId, Answer> {
        &self.answers
    }

    /// The host page's hidden fields.
    pub fn context(&self) -> &BTreeMap<String, String> {
        &self.context
    }

    /// The identified visitor who gave it, if the page said.
    pub fn visitor(&self) -> Option<&VisitorHash> {
        self.visitor.as_ref()
    }

    /// Whether it is finished, or which partial save it is.
    pub fn progress(&self) -> Progress {
        self.progress
    }

    /// The answer to question `id`.
    pub fn answer(&self, id: &str) -> Option<&Answer> {
        self.answers
            .iter()
            .find(|(k, _)| k.as_str() == id)
            .map(|(_, a)| a)
    }

    /// The normalised wire form: what the widget sends once the form passes
    /// validation (blank answers dropped, text as typed).
    pub fn to_submission(&self) -> ResponseSubmission {
        let answers = crate::maps::object_of(self.answers.iter().map(|(id, answer)| {
            (
                id.to_string(),
                serde_json::to_value(answer).unwrap_or(Value::Null),
            )
        }));
        ResponseSubmission {
            id: self.id,
            survey_version: self.survey_version,
            locale: self.locale.clone(),
            page: self.page.clone(),
            answers,
            context: self.context.clone(),
            complete: self.progress == Progress::Complete,
            sequence: match self.progress {
                Progress::Complete => None,
                Progress::Partial { sequence } => Some(sequence),
            },
            visitor: self.visitor.clone(),
        }
    }
}

impl ResponseSubmission {
    /// Parses a request body. Every error names the field at fault.
    pub fn from_json(body: &[u8]) -> Result<Self, FieldError> {
        let value: Value = serde_json::from_slice(body).map_err(|e| {
            FieldError::new(
                ErrorCode::InvalidJson,
                "",
                format!("the body is not valid JSON: {e}"),
            )
        })?;
        let Value::Object(mut fields) = value else {
            return Err(FieldError::new(
                ErrorCode::InvalidType,
                "",
                "the body must be a JSON object",
            ));
        };
        if let Some(unknown) = fields.keys().find(|k| !FIELDS.contains(&k.as_str())) {
            return Err(FieldError::new(
                ErrorCode::UnknownField,
                unknown.clone(),
                "is not a field of a response",
            ));
        }
        let id = match fields.remove("id") {
            Some(Value::String(raw)) => ResponseId::parse("id", &raw)?,
            Some(_) => return Err(wrong_type("id", "a UUID string")),
            None => return Err(missing("id")),
        };
        let survey_version = match fields.remove("survey_version") {
            Some(Value::Number(n)) => n
                .as_u64()
                .and_then(|v| u32::try_from(v).ok())
                .ok_or_else(|| wrong_type("survey_version", "a positive whole number"))?,
            Some(_) => return Err(wrong_type("survey_version", "a positive whole number")),
            None => return Err(missing("survey_version")),
        };
        let locale = match fields.remove("locale") {
            None | Some(Value::Null) => None,
            Some(Value::String(tag)) => Some(parse_locale(tag)?),
            Some(_) => return Err(wrong_type("locale", "a language tag such as \"en\"")),
        };
        let page = page::parse(fields.remove("page").unwrap_or(Value::Null))?;
        let answers = match fields.remove("answers") {
            Some(Value::Object(answers)) => answers,
            Some(_) => return Err(wrong_type("answers", "an object keyed by question id")),
            None => return Err(missing("answers")),
        };
        let context = match fields.remove("context") {
            None | Some(Value::Null) => BTreeMap::new(),
            Some(value) => context::parse(value)?,
        };
        let complete = match fields.remove("complete") {
            None | Some(Value::Null) => true,
            Some(Value::Bool(complete)) => complete,
            Some(_) => return Err(wrong_type("complete", "true or false")),
        };
        let sequence = match fields.remove("sequence") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => Some(
                n.as_u64()
                    .and_then(|v| u32::try_from(v).ok())
                    .filter(|v| *v >= 1)
                    .ok_or_else(|| wrong_type("sequence", "a whole number from 1"))?,
            ),
            Some(_) => return Err(wrong_type("sequence", "a whole number from 1")),
        };
        if !complete && sequence.is_none() {
            return Err(missing("sequence"));
        }
        let visitor = VisitorHash::optional(fields.get("visitor"))?;
        Ok(Self {
            id,
            survey_version,
            locale,
            page,
            answers,
            context,
            complete,
            sequence,
            visitor,
        })
    }
}

fn parse_locale(tag: String) -> Result<String, FieldError> {
    if is_language_tag(&tag) {
        Ok(tag)
    } else {
        Err(FieldError::new(
            ErrorCode::InvalidValue,
            "locale",
            "must be a language tag such as \"en\" or \"pt-BR\"",
        ))
    }
}

/// The fields of a response's wire form.
const FIELDS: [&str; 9] = [
    "id",
    "survey_version",
    "locale",
    "page",
    "answers",
    "context",
    "complete",
    "sequence",
    "visitor",
];

pub(crate) fn wrong_type(field: &str, expected: &str) -> FieldError {
    FieldError::new(ErrorCode::InvalidType, field, format!("must be {expected}"))
}

pub(crate) fn missing(field: &str) -> FieldError {
    FieldError::new(ErrorCode::Required, field, "is required")
}

impl Survey {
    /// Checks a submission against this survey: the version matches, every
    /// answer belongs to a question the logic asks and fits its kind and
    /// scale, and (when it is the finished response) every required
    /// question the logic asks is answered; a partial save may not carry
    /// contact details. `null` and blank text count as unanswered.
    pub fn validate(&self, submission: ResponseSubmission) -> Result<ValidResponse, FieldError> {
        if submission.survey_version != self.version {
            return Err(FieldError::new(
                ErrorCode::WrongVersion,
                "survey_version",
                format!(
                    "answers version {} but the published version is {}",
                    submission.survey_version, self.version
                ),
            ));
        }
        let mut answers = BTreeMap::new();
        for (key, value) in submission.answers {
            let field = format!("answers.{key}");
            let question = self.question(&key).ok_or_else(|| {
                FieldError::new(
                    ErrorCode::UnknownQuestion,
                    &field,
                    "this survey has no such question",
                )
            })?;
            if let Some(answer) = answer::parse(&question.kind, &field, value)? {
                answers.insert(question.id.clone(), answer);
            }
        }
        // The logic decides which questions were asked: only those may be
        // answered, and only those are required.
        let applies = self.applicable(&answers);
        let asked = || self.questions.iter().zip(&applies);
        if let Some((hidden, _)) = asked().find(|(q, asked)| !**asked && answers.contains_key(&q.id)) {
            return Err(FieldError::new(
                ErrorCode::NotAsked,
                format!("answers.{}", hidden.id),
                "the survey's logic skips this question for these answers",
            ));
        }
        let progress = match submission.sequence {
            Some(sequence) if !submission.complete => Progress::Partial { sequence },
            _ => Progress::Complete,
        };
        match progress {
            Progress::Complete => {
                if let Some((unanswered, _)) =
                    asked().find(|(q, asked)| **asked && q.required && !answers.contains_key(&q.id))
                {
                    return Err(missing(&format!("answers.{}", unanswered.id)));
                }
            }
            Progress::Partial { .. } => {
                if let Some((id, _)) = answers.iter().find(|(_, a)| matches!(a, Answer::Contact(_))) {
                    return Err(FieldError::new(
                        ErrorCode::InvalidValue,
                        format!("answers.{id}"),
                        "contact details are sent only with the finished response (\"complete\": true)",
                    ));
                }
            }
        }
        Ok(ValidResponse {
            id: submission.id,
            survey: self.id.clone(),
            survey_version: self.version,
            locale: submission.locale,
            page: submission.page,
            answers,
            context: submission.context,
            progress,
            visitor: submission.visitor,
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::templates;

    const ID: &str = "7d4f7c1e-2d5b-4c1e-9a53-1f1f0b8f6a10";

    fn submit(body: Value) -> Result<ValidResponse, FieldError> {
        let submission = ResponseSubmission::from_json(body.to_string().as_bytes())?;
        templates::checkout().validate(submission)
    }

    fn valid_body() -> Value {
        json!({
            "id": ID,
            "survey_version": 1,
            "locale": "en",
            "answers": {
                "satisfaction": 4,
                "delivery": {"promise": {"expected": 5, "experienced": 3}},
                "comment": "Late, but the courier was kind"
            }
        })
    }

    fn error_of(body: Value) -> (ErrorCode, String) {
        let err = submit(body).unwrap_err();
        (err.code, err.field)
    }

    #[test]
    fn accepts_a_complete_response() {
        let response = submit(valid_body()).unwrap();
        assert_eq!(response.survey.as_str(), "checkout");
        let gap = &response.answers[&QuestionId::parse("", "delivery").unwrap()];
        let Answer::Gap(pairs) = gap else {
            panic!("{gap:?}")
        };
        assert_eq!(pairs.values().next().unwrap().gap(), -2);
    }

    #[test]
    fn the_page_path_is_kept_and_a_query_string_refused() {
        let mut body = valid_body();
        body["page"] = json!("/checkout/done");
        assert_eq!(submit(body.clone()).unwrap().page(), Some("/checkout/done"));
        body["page"] = json!("/checkout?email=a@b.example");
        assert_eq!(error_of(body), (ErrorCode::InvalidValue, "page".to_owned()));
        assert_eq!(submit(valid_body()).unwrap().page(), None);
    }

    #[test]
    fn optional_questions_may_be_missing_null_or_blank() {
        let response = submit(json!({
            "id": ID, "survey_version": 1,
            "answers": {"satisfaction": 5, "delivery": null, "comment": "   "}
        }))
        .unwrap();
        assert_eq!(response.answers.len(), 1);
    }

    #[test]
    fn submission_round_trips_from_valid_answers() {
        let response = submit(valid_body()).unwrap();
        let body = serde_json::to_vec(&response.to_submission()).unwrap();
        let reparsed = templates::checkout().validate(ResponseSubmission::from_json(&body).unwrap());
        assert_eq!(reparsed.unwrap(), response);
    }

    #[test]
    fn each_bad_input_names_its_field() {
        let mut cases: Vec<(Value, ErrorCode, &str)> = Vec::new();
        let mut with = |path: &[&str], value: Value, code, field| {
            let mut body = valid_body();
            let mut target = &mut body;
            for key in &path[..path.len() - 1] {
                target = &mut target[*key];
            }
            target[path[path.len() - 1]] = value;
            cases.push((body, code, field));
        };
        with(
            &["answers", "satisfaction"],
            json!(6),
            ErrorCode::OutOfRange,
            "answers.satisfaction",
        );
        with(
            &["answers", "satisfaction"],
            json!(0),
            ErrorCode::OutOfRange,
            "answers.satisfaction",
        );
        with(
            &["answers", "satisfaction"],
            json!(-1),
            ErrorCode::OutOfRange,
            "answers.satisfaction",
        );
        with(
            &["answers", "satisfaction"],
            json!(4.5),
            ErrorCode::InvalidType,
            "answers.satisfaction",
        );
        with(
            &["answers", "satisfaction"],
            json!("4"),
            ErrorCode::InvalidType,
            "answers.satisfaction",
        );
        with(
            &["answers", "satisfaction"],
            Value::Null,
            ErrorCode::Required,
            "answers.satisfaction",
        );
        with(
            &["answers", "comment"],
            json!("x".repeat(2001)),
            ErrorCode::TooLong,
            "answers.comment",
        );
        with(
            &["answers", "comment"],
            json!(5),
            ErrorCode::InvalidType,
            "answers.comment",
        );
        with(
            &["answers", "colour"],
            json!(1),
            ErrorCode::UnknownQuestion,
            "answers.colour",
        );
        with(
            &["answers", "delivery", "promise", "expected"],
            json!(8),
            ErrorCode::OutOfRange,
            "answers.delivery.promise.expected",
        );
        with(
            &["answers", "delivery", "speed"],
            json!({}),
            ErrorCode::UnknownField,
            "answers.delivery.speed",
        );
        with(&["id"], json!("not-a-uuid"), ErrorCode::InvalidValue, "id");
        with(&["id"], json!(7), ErrorCode::InvalidType, "id");
        with(
            &["survey_version"],
            json!(2),
            ErrorCode::WrongVersion,
            "survey_version",
        );
        with(&["locale"], json!("en US<"), ErrorCode::InvalidValue, "locale");
        with(&["answers"], json!([]), ErrorCode::InvalidType, "answers");
        with(&["extra"], json!(true), ErrorCode::UnknownField, "extra");
        for (body, code, field) in cases {
            assert_eq!(error_of(body.clone()), (code, field.to_owned()), "{body}");
        }
    }

    #[test]
    fn comment_length_counts_characters_not_bytes() {
        let mut body = valid_body();
        body["answers"]["comment"] = json!("ข".repeat(2000));
        assert!(submit(body).is_ok());
    }

    #[test]
    fn half_a_gap_pair_is_required_to_be_whole() {
        let mut body = valid_body();
        body["answers"]["delivery"]["promise"] = json!({"expected": 4});
        assert_eq!(
            error_of(body),
            (ErrorCode::Required, "answers.delivery.promise.experienced".into())
        );
    }

    #[test]
    fn non_json_and_non_objects_are_rejected_at_the_body() {
        let err = ResponseSubmission::from_json(b"{nope").unwrap_err();
        assert_eq!((err.code, err.field.as_str()), (ErrorCode::InvalidJson, ""));
        let err = ResponseSubmission::from_json(b"[1]").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidType);
        let err = ResponseSubmission::from_json(br#"{"survey_version":1,"answers":{}}"#).unwrap_err();
        assert_eq!((err.code, err.field.as_str()), (ErrorCode::Required, "id"));
    }
}
