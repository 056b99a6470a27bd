//! The survey model: what a survey asks, in which languages, and how it is
//! shown. Parsed strictly from JSON by [`Survey::from_json`]; the format is
//! documented in docs/survey-format.md.

mod audience;
mod check;
mod labels;
mod logic;
mod logic_check;
mod repr;
mod settings;
mod targeting;

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use crate::{FieldError, QuestionId, SurveyId};

pub use audience::{Attribute, AttributeTest, AudienceRule, MAX_AUDIENCE_RULES};
pub use labels::{DimensionLabel, LabelSettings, QuestionLabels, SurveyLabels};
pub use logic::{Condition, END, Jump, Logic, Target, Test, Value};
pub use settings::{
    ColorScheme, DEFAULT_DISMISSAL_DAYS, DEFAULT_RECONTACT_DAYS, DisplayMode, Layout, PublicAggregates,
    Settings, Theme, Trigger,
};
pub use targeting::{MAX_PAGE_RULES, Moment, Opening, PageRule, Pages};

/// A text in several languages, keyed by language tag (`en`, `th`, `pt-BR`).
pub type Texts = BTreeMap<String, String>;

/// A published survey definition, as served at `GET /v1/surveys/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    /// Survey-level settings; every field has a default.
    #[serde(default)]
    pub settings: Settings,
}

/// One question of a survey. In JSON its `kind` and the kind's own fields sit
/// beside `id`, `text` and `required`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "repr::QuestionIn", into = "repr::QuestionRepr")]
pub struct Question {
    /// The key of this question's answer in a response.
    pub id: QuestionId,
    /// The question as asked.
    pub text: Texts,
    /// Whether a response must answer it.
    pub required: bool,
    /// What kind of answer it takes.
    pub kind: QuestionKind,
    /// When it is asked, and where the survey goes after it.
    pub logic: Logic,
}

/// The kinds of question, each with its own answer shape and scale.
#[derive(Debug, Clone, PartialEq)]
pub enum QuestionKind {
    /// Customer satisfaction on 1–5 (or 1–7); top-2-box counts as satisfied.
    Csat {
        /// How the points are drawn.
        display: CsatDisplay,
        /// 5 or 7 points.
        points: u8,
    },
    /// Net Promoter: "how likely are you to recommend us?", 0–10.
    Nps,
    /// Customer effort: "it was easy to get what I needed", 1–7.
    Ces,
    /// "What did you expect?" and "what did you get?" per service dimension,
    /// each on 1–7.
    ExpectationGap {
        /// The dimensions asked about, in order.
        dimensions: Vec<Labelled>,
    },
    /// Yes or no ("was it solved on first contact?").
    YesNo,
    /// One option from a list.
    SingleChoice {
        /// The options, in order.
        options: Vec<Labelled>,
    },
    /// Any number of options from a list, within limits, and perhaps an
    /// "Other" answered in the respondent's own words.
    MultipleChoice {
        /// The options, in order.
        options: Vec<Labelled>,
        /// Fewest choices a response may make (counting "Other"); absent: 1.
        min_selections: Option<u8>,
        /// Most choices a response may make (counting "Other"); absent: all.
        max_selections: Option<u8>,
        /// Whether an "Other" choice with its own text is offered.
        other: bool,
    },
    /// Statements each rated on one agreement scale, from "strongly
    /// disagree" (1) to "strongly agree" (5 or 7).
    Likert {
        /// 5 or 7 points.
        points: u8,
        /// The statements, in order.
        statements: Vec<Labelled>,
    },
    /// Free text.
    Comment {
        /// Longest accepted answer, in characters (Unicode scalar values).
        max_length: u32,
    },
    /// The respondent asks to be contacted: consent, then email or phone.
    ContactRequest,
}

/// How CSAT points are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CsatDisplay {
    /// Stars.
    #[default]
    Stars,
    /// Faces from frowning to smiling.
    Faces,
    /// Plain numbers.
    Numbers,
}

/// A service dimension of a gap question, or an option of a choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labelled {
    /// Its key in answers and statistics.
    pub id: QuestionId,
    /// Its name as shown.
    pub label: Texts,
}

/// Kept for readability where a dimension is meant.
pub type Dimension = Labelled;

impl QuestionKind {
    /// The scale of a rating answer, for the kinds that have one.
    pub fn scale(&self) -> Option<RangeInclusive<u8>> {
        match self {
            Self::Csat { points, .. } => Some(1..=*points),
            Self::Nps => Some(0..=10),
            Self::Ces | Self::ExpectationGap { .. } => Some(1..=7),
            Self::YesNo
            | Self::SingleChoice { .. }
            | Self::MultipleChoice { .. }
            | Self::Likert { .. }
            | Self::Comment { .. }
            | Self::ContactRequest => None,
        }
    }

    /// The kind without its settings.
    pub fn kind(&self) -> Kind {
        match self {
            Self::Csat { .. } => Kind::Csat,
            Self::Nps => Kind::Nps,
            Self::Ces => Kind::Ces,
            Self::ExpectationGap { .. } => Kind::ExpectationGap,
            Self::YesNo => Kind::YesNo,
            Self::SingleChoice { .. } => Kind::SingleChoice,
            Self::MultipleChoice { .. } => Kind::MultipleChoice,
            Self::Likert { .. } => Kind::Likert,
            Self::Comment { .. } => Kind::Comment,
            Self::ContactRequest => Kind::ContactRequest,
        }
    }

    /// The kind's name in JSON.
    pub fn name(&self) -> &'static str {
        self.kind().name()
    }
}

/// What kind a question is, without its settings: what an editor offers,
/// a starter question is made of, and a question's `kind` field reads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Satisfaction on a 1–5 or 1–7 scale.
    Csat,
    /// Net Promoter Score, 0–10.
    Nps,
    /// Customer effort, 1–7.
    Ces,
    /// Expected and experienced, 1–7, per dimension.
    ExpectationGap,
    /// Yes or no.
    YesNo,
    /// One option of several.
    SingleChoice,
    /// Any options of several.
    MultipleChoice,
    /// Agreement with statements.
    Likert,
    /// Free text.
    Comment,
    /// A consented request to be contacted.
    ContactRequest,
}

impl Kind {
    /// Every kind, in the order an editor lists them.
    pub const ALL: [Self; 10] = [
        Self::Csat,
        Self::Nps,
        Self::Ces,
        Self::ExpectationGap,
        Self::YesNo,
        Self::SingleChoice,
        Self::MultipleChoice,
        Self::Likert,
        Self::Comment,
        Self::ContactRequest,
    ];

    /// The kind's name in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Self::Csat => "csat",
            Self::Nps => "nps",
            Self::Ces => "ces",
            Self::ExpectationGap => "expectation_gap",
            Self::YesNo => "yes_no",
            Self::SingleChoice => "single_choice",
            Self::MultipleChoice => "multiple_choice",
            Self::Likert => "likert",
            Self::Comment => "comment",
            Self::ContactRequest => "contact_request",
        }
    }

    /// The kind named `name` in JSON.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// Its place in [`Kind::ALL`]; the match makes a new kind take one
    /// (checked by the tests, which see `ALL` list each at its place).
    #[cfg(test)]
    fn position(self) -> usize {
        match self {
            Self::Csat => 0,
            Self::Nps => 1,
            Self::Ces => 2,
            Self::ExpectationGap => 3,
            Self::YesNo => 4,
            Self::SingleChoice => 5,
            Self::MultipleChoice => 6,
            Self::Likert => 7,
            Self::Comment => 8,
            Self::ContactRequest => 9,
        }
    }
}

impl QuestionKind {
    /// How many choices a multiple-choice question offers (its options,
    /// and "Other" when offered); `None` for other kinds.
    pub fn choices(&self) -> Option<usize> {
        let Self::MultipleChoice { options, other, .. } = self else {
            return None;
        };
        Some(options.len() + usize::from(*other))
    }

    /// How many choices a multiple-choice question's answer may make, at
    /// least and at most (counting "Other"); `None` for other kinds.
    pub fn selections(&self) -> Option<RangeInclusive<usize>> {
        let (
            Self::MultipleChoice {
                min_selections,
                max_selections,
                ..
            },
            Some(all),
        ) = (self, self.choices())
        else {
            return None;
        };
        let min = min_selections.map_or(1, usize::from);
        Some(min..=max_selections.map_or(all, usize::from))
    }
}

impl Survey {
    /// Parses and checks a survey definition. Every error names the JSON path
    /// at fault (`questions[2].max_length`) and the reason.
    pub fn from_json(body: &[u8]) -> Result<Self, FieldError> {
        let survey: Self = check::deserialize(body)?;
        survey.check()?;
        Ok(survey)
    }

    /// Parses and checks a survey definition from any self-describing serde
    /// format (the widget reads JSON with the browser's own parser). The
    /// rules name their JSON path; a shape error names the field serde
    /// names (the collector, through which definitions are published, names
    /// every path).
    pub fn from_deserializer<'de, D>(deserializer: D) -> Result<Self, FieldError>
    where
        D: serde::Deserializer<'de>,
    {
        Self::from_read(Self::deserialize(deserializer).map_err(|error| error.to_string()))
    }

    /// A survey as a serde reader read it, or the reader's error message,
    /// checked as [`Survey::from_deserializer`] checks it (for readers whose
    /// errors' `Display` is not serde's message alone).
    pub fn from_read(read: Result<Self, String>) -> Result<Self, FieldError> {
        let survey = read.map_err(|message| check::shape_error(&message))?;
        survey.check()?;
        Ok(survey)
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id.as_str() == id)
    }

    /// `texts` in `locale`, else in the survey's default locale, else empty.
    pub fn text<'a>(&self, texts: &'a Texts, locale: &str) -> &'a str {
        crate::locale::text_in(texts, locale, &self.default_locale)
    }

    /// The locales every text of the survey is available in (always
    /// including the default).
    pub fn locales(&self) -> Vec<&str> {
        crate::locale::common(&self.title, self.questions.iter().map(|q| &q.text))
    }
}

#[cfg(test)]
mod kind_tests {
    use super::Kind;

    #[test]
    fn every_kind_is_listed_once_and_named_both_ways() {
        for (at, kind) in Kind::ALL.into_iter().enumerate() {
            assert_eq!(kind.position(), at, "{kind:?} listed at its place");
            assert_eq!(Kind::parse(kind.name()), Some(kind));
            // A definition's `kind` field reads as the same name.
            assert_eq!(
                serde_json::from_value::<Kind>(kind.name().into()).ok(),
                Some(kind)
            );
        }
        assert_eq!(Kind::parse("essay"), None);
    }
}
