//! The public aggregate of a survey: what `GET /v1/surveys/{id}/snapshot`
//! serves and the widget draws. Built only from merged [`SurveyStats`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::stats::{GapStats, QuestionStats, SurveyStats, wilson};
use crate::{QuestionId, QuestionKind, Survey, SurveyId};

/// Public figures for one survey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The survey.
    pub survey: SurveyId,
    /// Responses counted.
    pub responses: u64,
    /// Figures below this many answers are withheld.
    pub minimum_sample: u32,
    /// Figures per question. Free-text questions never appear.
    pub questions: BTreeMap<QuestionId, Figures>,
}

/// One question's public figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Figures {
    /// Satisfaction on 1–5.
    Csat {
        /// Answers.
        n: u64,
        /// Mean rating.
        mean: f64,
        /// Counts for 1, 2, 3, 4, 5.
        histogram: Vec<u64>,
        /// Share answering 4 or 5 (top-2-box) with its Wilson interval.
        satisfied: Proportion,
    },
    /// Expectation versus experience per dimension.
    Gap {
        /// Per dimension, in the survey's order.
        dimensions: BTreeMap<QuestionId, GapFigures>,
    },
    /// Fewer answers than the survey's minimum sample: nothing is shown.
    Withheld {
        /// Answers so far.
        n: u64,
    },
}

/// A share with its 95% interval, all in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Proportion {
    /// The observed share.
    pub share: f64,
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

impl Proportion {
    fn wilson(k: u64, n: u64) -> Self {
        let (low, high) = wilson(k, n);
        Self {
            share: if n == 0 { 0.0 } else { k as f64 / n as f64 },
            low,
            high,
        }
    }
}

/// One dimension's gap figures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GapFigures {
    /// Respondents who gave both scores.
    pub n: u64,
    /// Mean "what did you expect?".
    pub mean_expected: f64,
    /// Mean "what did you get?".
    pub mean_experienced: f64,
    /// Mean of experienced − expected: positive means expectations exceeded.
    pub mean_gap: f64,
    /// Share with experienced ≥ expected.
    pub met_or_exceeded: f64,
}

impl Snapshot {
    /// Figures for `survey` from `stats`, withholding any below the survey's
    /// minimum sample.
    pub fn build(survey: &Survey, stats: &SurveyStats) -> Self {
        let minimum = u64::from(survey.settings.minimum_sample);
        let questions = survey
            .questions
            .iter()
            .filter_map(|q| {
                let stats = stats.questions.get(&q.id);
                let figures = match (&q.kind, stats) {
                    (QuestionKind::Comment { .. }, _) => return None,
                    (QuestionKind::Csat, Some(QuestionStats::Rating { min, counts })) => {
                        csat(*min, counts, minimum)
                    }
                    (QuestionKind::ExpectationGap { .. }, Some(QuestionStats::Gap { dimensions })) => {
                        gap(dimensions, minimum)
                    }
                    _ => Figures::Withheld { n: 0 },
                };
                Some((q.id.clone(), figures))
            })
            .collect();
        Self {
            survey: survey.id.clone(),
            responses: stats.responses,
            minimum_sample: survey.settings.minimum_sample,
            questions,
        }
    }
}

fn csat(min: u8, counts: &[u64], minimum: u64) -> Figures {
    // Scale points 1..=5, whatever range the stored counts cover.
    let histogram: Vec<u64> = (1..=5u8)
        .map(|v| {
            v.checked_sub(min)
                .and_then(|i| counts.get(usize::from(i)))
                .copied()
                .unwrap_or(0)
        })
        .collect();
    let n: u64 = histogram.iter().sum();
    if n < minimum.max(1) {
        return Figures::Withheld { n };
    }
    let total: u64 = histogram
        .iter()
        .zip(1u64..)
        .map(|(count, value)| count * value)
        .sum();
    let satisfied = histogram[3] + histogram[4];
    Figures::Csat {
        n,
        mean: total as f64 / n as f64,
        histogram,
        satisfied: Proportion::wilson(satisfied, n),
    }
}

fn gap(dimensions: &BTreeMap<QuestionId, GapStats>, minimum: u64) -> Figures {
    let n = dimensions.values().map(|d| d.n).max().unwrap_or(0);
    if n < minimum.max(1) {
        return Figures::Withheld { n };
    }
    let dimensions = dimensions
        .iter()
        .filter(|(_, d)| d.n > 0)
        .map(|(id, d)| {
            let count = d.n as f64;
            let figures = GapFigures {
                n: d.n,
                mean_expected: d.sum_expected as f64 / count,
                mean_experienced: d.sum_experienced as f64 / count,
                mean_gap: d.sum_d as f64 / count,
                met_or_exceeded: d.met as f64 / count,
            };
            (id.clone(), figures)
        })
        .collect();
    Figures::Gap { dimensions }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates;

    fn rating_stats(counts: Vec<u64>) -> SurveyStats {
        let mut stats = SurveyStats {
            responses: counts.iter().sum(),
            ..SurveyStats::default()
        };
        let q = QuestionId::parse("", "satisfaction").unwrap();
        stats
            .questions
            .insert(q, QuestionStats::Rating { min: 1, counts });
        stats
    }

    #[test]
    fn csat_mean_and_top_two_box() {
        let snapshot = Snapshot::build(&templates::checkout(), &rating_stats(vec![1, 1, 2, 3, 5]));
        let q = QuestionId::parse("", "satisfaction").unwrap();
        let Figures::Csat {
            n, mean, satisfied, ..
        } = &snapshot.questions[&q]
        else {
            panic!("{snapshot:?}")
        };
        assert_eq!(*n, 12);
        assert!((mean - (1.0 + 2.0 + 6.0 + 12.0 + 25.0) / 12.0).abs() < 1e-12);
        assert!((satisfied.share - 8.0 / 12.0).abs() < 1e-12);
        assert!(satisfied.low < satisfied.share && satisfied.share < satisfied.high);
    }

    #[test]
    fn below_minimum_sample_is_withheld() {
        let snapshot = Snapshot::build(&templates::checkout(), &rating_stats(vec![0, 0, 0, 4, 5]));
        let q = QuestionId::parse("", "satisfaction").unwrap();
        assert_eq!(snapshot.questions[&q], Figures::Withheld { n: 9 });
    }

    #[test]
    fn comments_never_appear() {
        let snapshot = Snapshot::build(&templates::checkout(), &SurveyStats::default());
        assert!(!snapshot.questions.keys().any(|k| k.as_str() == "comment"));
        assert_eq!(snapshot.questions.len(), 2);
    }
}
