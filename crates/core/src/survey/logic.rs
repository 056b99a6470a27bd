//! Logic: which questions a respondent is asked, from their earlier answers.
//!
//! One model, two parts, both on a question: `show_if`, a condition on
//! earlier answers without which the question is skipped, and `jumps`,
//! tried in order once the question is reached: the first whose condition
//! holds skips ahead to a later question, or ends the survey. Conditions
//! compare one answer (`equals`, `one_of`, `at_most`, `at_least`,
//! `answered`) or combine others (`all`, `any`). Conditions look back and
//! jumps go forward, so every definition has one answer path and no
//! cycle; [`Survey::applicable`] walks it, the same in the widget and the
//! collector. The format is in docs/survey-format.md.

use std::collections::BTreeMap;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value as Json};

use super::Survey;
use crate::QuestionId;
use crate::response::Answer;

/// A question's logic; empty (always asked, never jumps) by default.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Logic {
    /// Asked only when this holds.
    pub show_if: Option<Condition>,
    /// Tried in order after the question; the first that holds is taken.
    pub jumps: Vec<Jump>,
}

impl Logic {
    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.show_if.is_none() && self.jumps.is_empty()
    }
}

/// A test of earlier answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// One question's answer passes `test`.
    Answer {
        /// The question.
        question: QuestionId,
        /// What its answer must be.
        test: Test,
    },
    /// Every one holds (and there is at least one).
    All(Vec<Condition>),
    /// At least one holds.
    Any(Vec<Condition>),
}

/// What one answer is tested for.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// It is this value.
    Equals(Value),
    /// It is one of these values.
    OneOf(Vec<Value>),
    /// A rating no higher than this.
    AtMost(u8),
    /// A rating no lower than this.
    AtLeast(u8),
    /// The question was answered (true) or left blank (false).
    Answered(bool),
}

/// A value an answer is compared with: a rating, yes or no, an option id
/// (which a multiple-choice answer equals when it chose that option).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A point on a rating scale.
    Rating(u8),
    /// Yes (true) or no.
    YesNo(bool),
    /// A single choice's option.
    Option(QuestionId),
}

/// Where a jump leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A later question, skipping those between.
    Question(QuestionId),
    /// Past the last question: the survey ends here.
    End,
}

/// A jump: when `condition` holds after the question, go to `to`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jump {
    /// When to jump.
    #[serde(rename = "if")]
    pub condition: Condition,
    /// Where.
    pub to: Target,
}

/// The reserved target that ends the survey.
pub const END: &str = "end";

impl Survey {
    /// Which questions apply to a respondent who gave `answers`, by
    /// position: the path the logic takes. Answers to questions off the
    /// path are ignored, as if never given.
    pub fn applicable(&self, answers: &BTreeMap<QuestionId, Answer>) -> Vec<bool> {
        let mut applies = vec![false; self.questions.len()];
        let mut at = 0;
        while let Some(question) = self.questions.get(at) {
            let shown = question
                .logic
                .show_if
                .as_ref()
                .is_none_or(|c| c.holds(&|id| self.on_path(&applies, answers, id)));
            if !shown {
                at += 1;
                continue;
            }
            // On the path now, so its own answer counts in its jumps.
            applies[at] = true;
            let jump = question
                .logic
                .jumps
                .iter()
                .find(|jump| jump.condition.holds(&|id| self.on_path(&applies, answers, id)));
            at = match jump.map(|jump| &jump.to) {
                Some(Target::End) => break,
                Some(Target::Question(id)) => match self.questions.iter().position(|q| &q.id == id) {
                    // Checked to be later; a definition that was not is
                    // walked on rather than looped.
                    Some(next) if next > at => next,
                    _ => at + 1,
                },
                None => at + 1,
            };
        }
        applies
    }

    /// [`Survey::applicable`] for answers as sent (a form's, in wire
    /// form): each read as the collector reads it, one that does not parse
    /// (yet) counted as not given.
    pub fn applicable_raw(&self, answers: &Map<String, Json>) -> Vec<bool> {
        let parsed = crate::maps::map_of(answers.iter().filter_map(|(id, value)| {
            let question = self.question(id)?;
            let answer = crate::response::answer::parse(&question.kind, id, value.clone()).ok()??;
            Some((question.id.clone(), answer))
        }));
        self.applicable(&parsed)
    }

    /// `answers` (in wire form) without those the logic skips: what a form
    /// sends, while it keeps them in case the respondent changes their mind.
    pub fn asked_only(&self, mut answers: Map<String, Json>) -> Map<String, Json> {
        let applies = self.applicable_raw(&answers);
        let mut asked = Map::new();
        for (question, applies) in self.questions.iter().zip(applies) {
            if let Some(value) = answers.remove(question.id.as_str()).filter(|_| applies) {
                asked.insert(question.id.to_string(), value);
            }
        }
        asked
    }

    /// The answer to question `id` if it is on the path so far.
    fn on_path<'a>(
        &self,
        applies: &[bool],
        answers: &'a BTreeMap<QuestionId, Answer>,
        id: &QuestionId,
    ) -> Option<&'a Answer> {
        let index = self.questions.iter().position(|q| &q.id == id)?;
        if applies[index] { answers.get(id) } else { None }
    }
}

impl Condition {
    /// Whether it holds, reading answers through `answer` (`None`: not
    /// answered, or not on the path).
    pub fn holds<'a>(&self, answer: &dyn Fn(&QuestionId) -> Option<&'a Answer>) -> bool {
        match self {
            Self::Answer { question, test } => test.passes(answer(question)),
            Self::All(all) => all.iter().all(|c| c.holds(answer)),
            Self::Any(any) => any.iter().any(|c| c.holds(answer)),
        }
    }
}

impl Test {
    fn passes(&self, answer: Option<&Answer>) -> bool {
        let rating = match answer {
            Some(Answer::Rating(n)) => Some(*n),
            _ => None,
        };
        match self {
            Self::Answered(wanted) => answer.is_some() == *wanted,
            Self::Equals(value) => answer.is_some_and(|a| value.is(a)),
            Self::OneOf(values) => answer.is_some_and(|a| values.iter().any(|v| v.is(a))),
            Self::AtMost(limit) => rating.is_some_and(|n| n <= *limit),
            Self::AtLeast(limit) => rating.is_some_and(|n| n >= *limit),
        }
    }
}

impl Value {
    /// Whether `answer` is this value.
    fn is(&self, answer: &Answer) -> bool {
        match (self, answer) {
            (Self::Rating(value), Answer::Rating(n)) => value == n,
            (Self::YesNo(value), Answer::YesNo(yes)) => value == yes,
            (Self::Option(value), Answer::Choice(id)) => value == id,
            // A multiple-choice answer "is" each option it chose.
            (Self::Option(value), Answer::Selections(chosen)) => chosen.selected.contains(value),
            _ => false,
        }
    }
}

/// A condition as written: one shape's fields, which
/// [`Condition::try_from`] checks are the only ones present.
#[derive(Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConditionRepr {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    question: Option<QuestionId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    equals: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    one_of: Option<Vec<Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at_most: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at_least: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answered: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    all: Option<Vec<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    any: Option<Vec<Condition>>,
}

impl TryFrom<ConditionRepr> for Condition {
    type Error = String;

    fn try_from(c: ConditionRepr) -> Result<Self, String> {
        let tests = [
            c.equals.map(Test::Equals),
            c.one_of.map(Test::OneOf),
            c.at_most.map(Test::AtMost),
            c.at_least.map(Test::AtLeast),
            c.answered.map(Test::Answered),
        ];
        let mut tests = tests.into_iter().flatten();
        let shapes = "a condition is {\"question\", and one of \"equals\", \"one_of\", \"at_most\", \
                      \"at_least\", \"answered\"}, or {\"all\": […]} or {\"any\": […]}";
        match (c.question, tests.next(), tests.next(), c.all, c.any) {
            (Some(question), Some(test), None, None, None) => Ok(Self::Answer { question, test }),
            (None, None, None, Some(all), None) => Ok(Self::All(all)),
            (None, None, None, None, Some(any)) => Ok(Self::Any(any)),
            _ => Err(shapes.to_owned()),
        }
    }
}

impl From<&Condition> for ConditionRepr {
    fn from(condition: &Condition) -> Self {
        match condition {
            Condition::All(all) => Self {
                all: Some(all.clone()),
                ..Self::default()
            },
            Condition::Any(any) => Self {
                any: Some(any.clone()),
                ..Self::default()
            },
            Condition::Answer { question, test } => {
                let mut repr = Self {
                    question: Some(question.clone()),
                    ..Self::default()
                };
                match test {
                    Test::Equals(value) => repr.equals = Some(value.clone()),
                    Test::OneOf(values) => repr.one_of = Some(values.clone()),
                    Test::AtMost(limit) => repr.at_most = Some(*limit),
                    Test::AtLeast(limit) => repr.at_least = Some(*limit),
                    Test::Answered(wanted) => repr.answered = Some(*wanted),
                }
                repr
            }
        }
    }
}

impl Serialize for Condition {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ConditionRepr::from(self).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Self::try_from(ConditionRepr::deserialize(deserializer)?).map_err(de::Error::custom)
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Rating(n) => serializer.serialize_u8(*n),
            Self::YesNo(yes) => serializer.serialize_bool(*yes),
            Self::Option(id) => id.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Expect;
        impl Visitor<'_> for Expect {
            type Value = Value;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a rating (0–10), true or false, or an option id")
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Value, E> {
                u8::try_from(n)
                    .ok()
                    .filter(|n| *n <= 10)
                    .map(Value::Rating)
                    .ok_or_else(|| E::custom("a rating is from 0 to 10"))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Value, E> {
                u64::try_from(n)
                    .map_err(|_| E::custom("a rating is from 0 to 10"))
                    .and_then(|n| self.visit_u64(n))
            }
            fn visit_bool<E: de::Error>(self, yes: bool) -> Result<Value, E> {
                Ok(Value::YesNo(yes))
            }
            fn visit_str<E: de::Error>(self, id: &str) -> Result<Value, E> {
                QuestionId::parse("", id)
                    .map(Value::Option)
                    .map_err(|e| E::custom(e.message))
            }
        }
        deserializer.deserialize_any(Expect)
    }
}

impl Serialize for Target {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Question(id) => id.serialize(serializer),
            Self::End => serializer.serialize_str(END),
        }
    }
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = QuestionId::deserialize(deserializer)?;
        Ok(if id.as_str() == END {
            Self::End
        } else {
            Self::Question(id)
        })
    }
}

#[cfg(test)]
#[path = "logic_tests.rs"]
mod tests;
