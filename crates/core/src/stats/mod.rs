//! Sufficient statistics: small, mergeable summaries of many responses.
//!
//! The collector keeps one [`SurveyStats`] per survey and day, updated with
//! each stored response. Merging is associative and commutative and uses only
//! integer sums, so any window of days is the exact merge of its days, and
//! every figure in a [`crate::Snapshot`] is computed from merged summaries,
//! never by rescanning responses.

mod compare;
mod interval;
mod keyness;
mod moments;
pub mod special;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Answer, QuestionId, Survey, ValidResponse};

pub use compare::{Comparison, Test, two_proportion_z, welch_t};
pub use interval::{Z95, nps_interval, t_interval, wilson};
pub use keyness::{Keyness, keyness};
pub use moments::Moments;

/// Everything needed for a survey's figures over some set of responses.
/// `{}` is the empty summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SurveyStats {
    /// How many responses.
    pub responses: u64,
    /// Per question, for the questions that were answered.
    pub questions: BTreeMap<QuestionId, QuestionStats>,
}

/// One question's summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuestionStats {
    /// Counts per scale point: `counts[i]` answered `min + i` (csat, nps, ces).
    Rating {
        /// The lowest scale point.
        min: u8,
        /// Counts from `min` upwards.
        counts: Vec<u64>,
    },
    /// Expected/experienced pairs per dimension.
    Gap {
        /// Per dimension id.
        dimensions: BTreeMap<QuestionId, GapStats>,
    },
    /// Yes/no counts.
    YesNo {
        /// Answered yes.
        yes: u64,
        /// Answered no.
        no: u64,
    },
    /// Counts per option id.
    Choice {
        /// Per option id.
        counts: BTreeMap<QuestionId, u64>,
    },
    /// Multiple choice: how many answered, and how many chose each option.
    Selections {
        /// Respondents who chose anything.
        n: u64,
        /// Per option id.
        counts: BTreeMap<QuestionId, u64>,
        /// How many chose "Other" (its text is never aggregated).
        other: u64,
    },
    /// Likert: per statement the counts per point (index 0 is point 1).
    /// Each statement is counted on its own, as a gap question's
    /// dimensions are, so public figures release each in whole groups.
    Agreement {
        /// Per statement id.
        statements: BTreeMap<QuestionId, Vec<u64>>,
    },
    /// Free text or contact requests: only how many answered (the text itself
    /// is never aggregated).
    Count {
        /// How many answered.
        n: u64,
    },
}

/// Paired-gap sums for one dimension (d = experienced − expected), plus the
/// histograms of both scores (index 0 is point 1).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GapStats {
    /// Respondents who gave both scores.
    pub n: u64,
    /// Counts of expected scores 1–7.
    pub expected: [u64; 7],
    /// Counts of experienced scores 1–7.
    pub experienced: [u64; 7],
    /// Σ d.
    pub sum_d: i64,
    /// Σ d².
    pub sum_d2: u64,
    /// How many had d ≥ 0 (expectations met or exceeded).
    pub met: u64,
    /// How many had d > 0 (expectations exceeded).
    pub exceeded: u64,
}

impl SurveyStats {
    /// Adds one validated response of `survey`.
    pub fn add(&mut self, survey: &Survey, response: &ValidResponse) {
        self.responses += 1;
        for (id, answer) in response.answers() {
            let min = survey
                .question(id.as_str())
                .and_then(|q| q.kind.scale())
                .map_or(0, |s| *s.start());
            self.merge_question(id, QuestionStats::of(answer, min));
        }
    }

    /// Takes one response of `survey` back out (when a respondent's data is
    /// deleted): the exact inverse of [`SurveyStats::add`].
    pub fn remove(&mut self, survey: &Survey, response: &ValidResponse) {
        self.responses = self.responses.saturating_sub(1);
        for (id, answer) in response.answers() {
            let min = survey
                .question(id.as_str())
                .and_then(|q| q.kind.scale())
                .map_or(0, |s| *s.start());
            if let Some(existing) = self.questions.get_mut(id) {
                existing.subtract(QuestionStats::of(answer, min));
            }
        }
    }

    /// Takes `other`, a part of this summary, back out: the inverse of
    /// [`SurveyStats::merge`] (saturating: never below zero).
    pub fn subtract(&mut self, other: &Self) {
        self.responses = self.responses.saturating_sub(other.responses);
        for (id, stats) in &other.questions {
            if let Some(existing) = self.questions.get_mut(id) {
                existing.subtract(stats.clone());
            }
        }
    }

    /// Merges `other` into `self`. Associative and commutative.
    pub fn merge(&mut self, other: &Self) {
        self.responses += other.responses;
        for (id, stats) in &other.questions {
            self.merge_question(id, stats.clone());
        }
    }

    fn merge_question(&mut self, id: &QuestionId, incoming: QuestionStats) {
        match self.questions.get_mut(id) {
            Some(existing) => existing.merge(incoming),
            None => {
                self.questions.insert(id.clone(), incoming);
            }
        }
    }
}

impl QuestionStats {
    /// The summary of a single answer; `min` is the low end of its scale.
    fn of(answer: &Answer, min: u8) -> Self {
        match answer {
            Answer::Rating(value) => {
                let mut counts = vec![0; usize::from(value.saturating_sub(min)) + 1];
                if let Some(last) = counts.last_mut() {
                    *last = 1;
                }
                Self::Rating { min, counts }
            }
            Answer::Gap(pairs) => Self::Gap {
                dimensions: pairs
                    .iter()
                    .map(|(dimension, pair)| {
                        let d = i64::from(pair.gap());
                        let mut stats = GapStats {
                            n: 1,
                            sum_d: d,
                            sum_d2: d.unsigned_abs().pow(2),
                            met: u64::from(d >= 0),
                            exceeded: u64::from(d > 0),
                            ..GapStats::default()
                        };
                        stats.expected[usize::from(pair.expected.clamp(1, 7) - 1)] = 1;
                        stats.experienced[usize::from(pair.experienced.clamp(1, 7) - 1)] = 1;
                        (dimension.clone(), stats)
                    })
                    .collect(),
            },
            Answer::YesNo(yes) => Self::YesNo {
                yes: u64::from(*yes),
                no: u64::from(!yes),
            },
            Answer::Choice(option) => Self::Choice {
                counts: [(option.clone(), 1)].into(),
            },
            Answer::Selections(chosen) => Self::Selections {
                n: 1,
                counts: chosen.selected.iter().map(|id| (id.clone(), 1)).collect(),
                other: u64::from(chosen.other.is_some()),
            },
            Answer::Agreement(ratings) => Self::Agreement {
                statements: ratings
                    .iter()
                    .map(|(id, point)| {
                        let point = usize::from((*point).max(1));
                        let mut counts = vec![0; point];
                        counts[point - 1] = 1;
                        (id.clone(), counts)
                    })
                    .collect(),
            },
            Answer::Text(_) | Answer::Contact(_) => Self::Count { n: 1 },
        }
    }

    /// Merges `other` into `self`. Summaries of different kinds (a question
    /// whose kind changed between survey versions) keep `self`'s kind.
    fn merge(&mut self, other: Self) {
        match (self, other) {
            (
                Self::Rating { min, counts },
                Self::Rating {
                    min: other_min,
                    counts: other_counts,
                },
            ) => {
                let low = (*min).min(other_min);
                let mut merged = Vec::new();
                for (start, source) in [(*min, &*counts), (other_min, &other_counts)] {
                    let offset = usize::from(start - low);
                    if merged.len() < offset + source.len() {
                        merged.resize(offset + source.len(), 0);
                    }
                    for (i, count) in source.iter().enumerate() {
                        merged[offset + i] += count;
                    }
                }
                *min = low;
                *counts = merged;
            }
            (Self::Gap { dimensions }, Self::Gap { dimensions: other }) => {
                for (id, stats) in other {
                    let mine = dimensions.entry(id).or_default();
                    mine.n += stats.n;
                    mine.sum_d += stats.sum_d;
                    mine.sum_d2 += stats.sum_d2;
                    mine.met += stats.met;
                    mine.exceeded += stats.exceeded;
                    for i in 0..7 {
                        mine.expected[i] += stats.expected[i];
                        mine.experienced[i] += stats.experienced[i];
                    }
                }
            }
            (Self::YesNo { yes, no }, Self::YesNo { yes: y, no: n }) => {
                *yes += y;
                *no += n;
            }
            (Self::Choice { counts }, Self::Choice { counts: other }) => {
                for (id, count) in other {
                    *counts.entry(id).or_default() += count;
                }
            }
            (
                Self::Selections { n, counts, other },
                Self::Selections {
                    n: their_n,
                    counts: theirs,
                    other: their_other,
                },
            ) => {
                *n += their_n;
                *other += their_other;
                for (id, count) in theirs {
                    *counts.entry(id).or_default() += count;
                }
            }
            (Self::Agreement { statements }, Self::Agreement { statements: theirs }) => {
                for (id, counts) in theirs {
                    let mine = statements.entry(id).or_default();
                    if mine.len() < counts.len() {
                        mine.resize(counts.len(), 0);
                    }
                    for (slot, count) in mine.iter_mut().zip(counts) {
                        *slot += count;
                    }
                }
            }
            (Self::Count { n }, Self::Count { n: other }) => *n += other,
            // A question whose kind changed between versions: kept as it was.
            _ => {}
        }
    }

    /// Subtracts a summary of some of these answers (saturating: never
    /// below zero).
    fn subtract(&mut self, one: Self) {
        match (self, one) {
            (Self::Rating { min, counts }, Self::Rating { min: m, counts: c }) => {
                for (i, count) in c.iter().enumerate() {
                    let value = usize::from(m) + i;
                    if let Some(slot) = value
                        .checked_sub(usize::from(*min))
                        .and_then(|j| counts.get_mut(j))
                    {
                        *slot = slot.saturating_sub(*count);
                    }
                }
            }
            (Self::Gap { dimensions }, Self::Gap { dimensions: other }) => {
                for (id, stats) in other {
                    if let Some(mine) = dimensions.get_mut(&id) {
                        mine.n = mine.n.saturating_sub(stats.n);
                        mine.sum_d -= stats.sum_d;
                        mine.sum_d2 = mine.sum_d2.saturating_sub(stats.sum_d2);
                        mine.met = mine.met.saturating_sub(stats.met);
                        mine.exceeded = mine.exceeded.saturating_sub(stats.exceeded);
                        for i in 0..7 {
                            mine.expected[i] = mine.expected[i].saturating_sub(stats.expected[i]);
                            mine.experienced[i] = mine.experienced[i].saturating_sub(stats.experienced[i]);
                        }
                    }
                }
            }
            (Self::YesNo { yes, no }, Self::YesNo { yes: y, no: n }) => {
                *yes = yes.saturating_sub(y);
                *no = no.saturating_sub(n);
            }
            (Self::Choice { counts }, Self::Choice { counts: other }) => {
                for (id, count) in other {
                    if let Some(mine) = counts.get_mut(&id) {
                        *mine = mine.saturating_sub(count);
                    }
                }
            }
            (
                Self::Selections { n, counts, other },
                Self::Selections {
                    n: their_n,
                    counts: theirs,
                    other: their_other,
                },
            ) => {
                *n = n.saturating_sub(their_n);
                *other = other.saturating_sub(their_other);
                for (id, count) in theirs {
                    if let Some(mine) = counts.get_mut(&id) {
                        *mine = mine.saturating_sub(count);
                    }
                }
            }
            (Self::Agreement { statements }, Self::Agreement { statements: theirs }) => {
                for (id, counts) in theirs {
                    if let Some(mine) = statements.get_mut(&id) {
                        for (slot, count) in mine.iter_mut().zip(counts) {
                            *slot = slot.saturating_sub(count);
                        }
                    }
                }
            }
            (Self::Count { n }, Self::Count { n: other }) => *n = n.saturating_sub(other),
            // A question whose kind changed between versions: kept as it was.
            _ => {}
        }
    }

    /// How many answered (a gap or Likert question: its most answered
    /// dimension or statement).
    pub fn answered(&self) -> u64 {
        match self {
            Self::Rating { counts, .. } => counts.iter().sum(),
            Self::Gap { dimensions } => dimensions.values().map(|d| d.n).max().unwrap_or(0),
            Self::YesNo { yes, no } => yes + no,
            Self::Choice { counts } => counts.values().sum(),
            Self::Selections { n, .. } | Self::Count { n } => *n,
            Self::Agreement { statements } => statements.values().map(|c| c.iter().sum()).max().unwrap_or(0),
        }
    }

    /// The counts of a rating question as (value, count) pairs.
    pub fn rating_counts(&self) -> Option<impl Iterator<Item = (u8, u64)> + '_> {
        match self {
            Self::Rating { min, counts } => {
                Some(counts.iter().zip(*min..).map(|(count, value)| (value, *count)))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates;

    fn response(rating: u8, expected: u8, experienced: u8) -> ValidResponse {
        let body = serde_json::json!({
            "id": "7d4f7c1e-2d5b-4c1e-9a53-1f1f0b8f6a10", "survey_version": 1,
            "answers": {"satisfaction": rating, "delivery": {"promise": {"expected": expected, "experienced": experienced}}}
        });
        let submission = crate::ResponseSubmission::from_json(body.to_string().as_bytes()).unwrap();
        templates::checkout().validate(submission).unwrap()
    }

    fn stats_of(responses: &[ValidResponse]) -> SurveyStats {
        let survey = templates::checkout();
        let mut stats = SurveyStats::default();
        for r in responses {
            stats.add(&survey, r);
        }
        stats
    }

    #[test]
    fn ratings_count_per_scale_point() {
        let stats = stats_of(&[response(5, 4, 4), response(3, 4, 4), response(5, 4, 4)]);
        let q = QuestionId::parse("", "satisfaction").unwrap();
        assert_eq!(
            stats.questions[&q],
            QuestionStats::Rating {
                min: 1,
                counts: vec![0, 0, 1, 0, 2]
            }
        );
        assert_eq!(stats.responses, 3);
    }

    #[test]
    fn remove_undoes_add() {
        let survey = templates::checkout();
        let kept = [response(5, 4, 4), response(3, 6, 2)];
        let mut stats = stats_of(&kept);
        let extra = response(1, 7, 1);
        stats.add(&survey, &extra);
        stats.remove(&survey, &extra);
        assert_eq!(stats, stats_of(&kept));
    }

    #[test]
    fn gap_sums_track_paired_differences() {
        let stats = stats_of(&[response(4, 5, 3), response(4, 2, 6)]);
        let q = QuestionId::parse("", "delivery").unwrap();
        let QuestionStats::Gap { dimensions } = &stats.questions[&q] else {
            panic!()
        };
        let promise = dimensions.values().next().unwrap();
        assert_eq!(
            (promise.n, promise.sum_d, promise.sum_d2, promise.met),
            (2, 2, 20, 1)
        );
        assert_eq!(promise.expected, [0, 1, 0, 0, 1, 0, 0]);
    }
}
