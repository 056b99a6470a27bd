//! Sufficient statistics: small, mergeable summaries of many responses.
//!
//! The collector keeps one [`SurveyStats`] per survey and day, updated with
//! each stored response. Merging is associative and commutative, so any window
//! of days is the merge of its days, and every figure in a [`crate::Snapshot`]
//! is computed from merged summaries, never by rescanning responses.

mod interval;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Answer, QuestionId, Survey, ValidResponse};

pub use interval::wilson;

/// Everything needed for a survey's figures over some set of responses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Counts per scale point: `counts[i]` answered `min + i`.
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
    /// Free text: only how many answered (the text itself is never aggregated).
    Text {
        /// How many answered.
        n: u64,
    },
}

/// Paired-gap sums for one dimension (d = experienced − expected).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GapStats {
    /// Respondents who gave both scores.
    pub n: u64,
    /// Σ expected.
    pub sum_expected: u64,
    /// Σ experienced.
    pub sum_experienced: u64,
    /// Σ d.
    pub sum_d: i64,
    /// Σ d².
    pub sum_d2: u64,
    /// How many had d ≥ 0 (expectations met or exceeded).
    pub met: u64,
}

impl SurveyStats {
    /// Adds one validated response of `survey`.
    pub fn add(&mut self, survey: &Survey, response: &ValidResponse) {
        self.responses += 1;
        for (id, answer) in &response.answers {
            let single = match answer {
                Answer::Rating(value) => {
                    let min = survey
                        .question(id.as_str())
                        .and_then(|q| q.kind.scale())
                        .map_or(0, |s| *s.start());
                    let mut counts = vec![0; usize::from(value.saturating_sub(min)) + 1];
                    if let Some(last) = counts.last_mut() {
                        *last = 1;
                    }
                    QuestionStats::Rating { min, counts }
                }
                Answer::Gap(pairs) => QuestionStats::Gap {
                    dimensions: pairs
                        .iter()
                        .map(|(dimension, pair)| {
                            let d = i64::from(pair.gap());
                            let stats = GapStats {
                                n: 1,
                                sum_expected: pair.expected.into(),
                                sum_experienced: pair.experienced.into(),
                                sum_d: d,
                                sum_d2: d.unsigned_abs().pow(2),
                                met: u64::from(d >= 0),
                            };
                            (dimension.clone(), stats)
                        })
                        .collect(),
                },
                Answer::Text(_) => QuestionStats::Text { n: 1 },
            };
            self.merge_question(id, single);
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
                let mut merged = vec![0; 0];
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
                    mine.sum_expected += stats.sum_expected;
                    mine.sum_experienced += stats.sum_experienced;
                    mine.sum_d += stats.sum_d;
                    mine.sum_d2 += stats.sum_d2;
                    mine.met += stats.met;
                }
            }
            (Self::Text { n }, Self::Text { n: other }) => *n += other,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{GapPair, ResponseId, templates};

    fn response(rating: u8, expected: u8, experienced: u8) -> ValidResponse {
        let q = |s: &str| QuestionId::parse("", s).unwrap();
        let mut answers = BTreeMap::new();
        answers.insert(q("satisfaction"), Answer::Rating(rating));
        answers.insert(
            q("delivery"),
            Answer::Gap(
                [(
                    q("promise"),
                    GapPair {
                        expected,
                        experienced,
                    },
                )]
                .into(),
            ),
        );
        ValidResponse {
            id: ResponseId::from_random_bytes([rating; 16]),
            survey: templates::checkout().id,
            survey_version: 1,
            locale: None,
            answers,
        }
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
    }

    #[test]
    fn merging_split_days_equals_adding_all() {
        let all: Vec<_> = (0..12)
            .map(|i| response(1 + i % 5, 1 + i % 7, 7 - i % 7))
            .collect();
        let whole = stats_of(&all);
        for split in 0..all.len() {
            let mut left = stats_of(&all[..split]);
            let right = stats_of(&all[split..]);
            let mut reversed = right.clone();
            reversed.merge(&left);
            left.merge(&right);
            assert_eq!(left, whole, "split at {split}");
            assert_eq!(reversed, whole, "reversed split at {split}");
        }
    }
}
