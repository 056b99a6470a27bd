//! The survey model: what a survey asks, in which languages, and how its
//! results may be shown.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use crate::{QuestionId, SurveyId};

/// A text in several languages, keyed by BCP 47 language tag (`en`, `th`).
pub type Texts = BTreeMap<String, String>;

/// A published survey definition, as served at `GET /v1/surveys/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Survey {
    /// The survey's id.
    pub id: SurveyId,
    /// Increases with every published change; a response names the version it
    /// answers.
    pub version: u32,
    /// The locale every text must have; the fallback for every other locale.
    pub default_locale: String,
    /// Heading shown above the questions.
    pub title: Texts,
    /// The questions, in the order they are asked.
    pub questions: Vec<Question>,
    /// Survey-level settings.
    #[serde(default)]
    pub settings: Settings,
}

/// Survey-level settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Whether aggregates are served publicly (and shown in the widget).
    pub public_aggregates: bool,
    /// Figures based on fewer responses than this are withheld. Default 10.
    pub minimum_sample: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            public_aggregates: true,
            minimum_sample: 10,
        }
    }
}

/// One question of a survey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// The key of this question's answer in a response.
    pub id: QuestionId,
    /// The question as asked.
    pub text: Texts,
    /// Whether a response must answer it.
    #[serde(default)]
    pub required: bool,
    /// What kind of answer it takes.
    #[serde(flatten)]
    pub kind: QuestionKind,
}

/// The kinds of question, each with its own answer shape and scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuestionKind {
    /// Customer satisfaction, 1 (very dissatisfied) to 5 (very satisfied).
    Csat,
    /// "What did you expect?" and "what did you get?" per service dimension,
    /// each on 1–7.
    ExpectationGap {
        /// The dimensions asked about, in order.
        dimensions: Vec<Dimension>,
    },
    /// Free text.
    Comment {
        /// Longest accepted answer, in characters (Unicode scalar values).
        max_length: u32,
    },
}

impl QuestionKind {
    /// The scale of a rating answer, for the kinds that have one.
    pub fn scale(&self) -> Option<RangeInclusive<u8>> {
        match self {
            Self::Csat => Some(1..=5),
            Self::ExpectationGap { .. } => Some(1..=7),
            Self::Comment { .. } => None,
        }
    }
}

/// A service dimension within an expectation-gap question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dimension {
    /// The key of this dimension's answer pair.
    pub id: QuestionId,
    /// The dimension's name as shown.
    pub label: Texts,
}

impl Survey {
    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id.as_str() == id)
    }

    /// `texts` in `locale`, else in the survey's default locale, else empty.
    pub fn text<'a>(&self, texts: &'a Texts, locale: &str) -> &'a str {
        texts
            .get(locale)
            .or_else(|| texts.get(&self.default_locale))
            .map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use crate::templates;

    #[test]
    fn text_falls_back_to_default_locale() {
        let survey = templates::checkout();
        let title = &survey.title;
        assert_eq!(survey.text(title, "xx"), survey.text(title, "en"));
        assert!(!survey.text(title, "en").is_empty());
    }

    #[test]
    fn survey_round_trips_through_json() {
        let survey = templates::checkout();
        let json = serde_json::to_string(&survey).unwrap();
        assert!(json.contains(r#""kind":"expectation_gap""#), "{json}");
        let back: crate::Survey = serde_json::from_str(&json).unwrap();
        assert_eq!(back, survey);
    }
}
