//! Per-kind figures from a question's merged summary.

use serde::{Deserialize, Serialize};

use super::choices;
use super::choices::{OptionPick, StatementFigures};
use crate::stats::{GapStats, Moments, QuestionStats, nps_interval, t_interval, wilson};
use crate::{Labelled, Question, QuestionId, QuestionKind};

/// One question's figures, tagged by `kind`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Figures {
    /// Satisfaction.
    Csat {
        /// Answers.
        n: u64,
        /// Scale points (5 or 7).
        points: u8,
        /// Mean rating.
        mean: f64,
        /// Counts for 1, 2, … points.
        histogram: Vec<u64>,
        /// Top-2-box share (4–5, or 6–7 on seven points).
        satisfied: Share,
    },
    /// Net Promoter Score.
    Nps {
        /// Answers.
        n: u64,
        /// 100 × (promoters − detractors), −100 to 100.
        score: f64,
        /// 95% interval of the score.
        low: f64,
        /// 95% interval of the score.
        high: f64,
        /// Share answering 9–10.
        promoters: f64,
        /// Share answering 7–8.
        passives: f64,
        /// Share answering 0–6.
        detractors: f64,
        /// Counts for 0 to 10.
        histogram: Vec<u64>,
    },
    /// Customer effort.
    Ces {
        /// Answers.
        n: u64,
        /// Mean on 1–7.
        mean: f64,
        /// Counts for 1 to 7.
        histogram: Vec<u64>,
        /// Share agreeing it was easy (5–7).
        agreeing: Share,
    },
    /// Expectation versus experience per dimension.
    Gap {
        /// Respondents who answered at least one dimension.
        n: u64,
        /// Per dimension, in the survey's order.
        dimensions: Vec<DimensionFigures>,
    },
    /// Yes/no.
    YesNo {
        /// Answers.
        n: u64,
        /// Share answering yes.
        yes: Share,
    },
    /// Single choice.
    SingleChoice {
        /// Answers.
        n: u64,
        /// Per option, in the survey's order.
        options: Vec<OptionShare>,
    },
    /// Multiple choice: each option's share of the respondents.
    MultipleChoice {
        /// Respondents who chose anything.
        n: u64,
        /// Per option, in the survey's order.
        options: Vec<OptionPick>,
        /// The share choosing "Other", when the question offers it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        other: Option<Share>,
    },
    /// Agreement per statement.
    Likert {
        /// The most answers any statement has (as a gap question's `n`).
        n: u64,
        /// Scale points (5 or 7).
        points: u8,
        /// Per statement, in the survey's order.
        statements: Vec<StatementFigures>,
    },
    /// Fewer answers than the minimum sample: nothing is shown.
    Withheld {
        /// Answers so far.
        n: u64,
        /// Answers needed.
        minimum: u64,
    },
}

/// A share with its Wilson 95% interval, all in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Share {
    /// Successes.
    pub k: u64,
    /// The observed share k/n.
    pub share: f64,
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

impl Share {
    /// `k` of `n` with its interval.
    pub fn of(k: u64, n: u64) -> Self {
        let (low, high) = wilson(k, n);
        Self {
            k,
            share: if n == 0 { 0.0 } else { k as f64 / n as f64 },
            low,
            high,
        }
    }
}

/// One dimension of a gap question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum DimensionFigures {
    /// Enough answers.
    Shown(GapFigures),
    /// Too few answers.
    Withheld {
        /// The dimension.
        id: QuestionId,
        /// Answers so far.
        n: u64,
    },
}

/// One dimension's gap figures (d = experienced − expected).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GapFigures {
    /// The dimension.
    pub id: QuestionId,
    /// Respondents who gave both scores.
    pub n: u64,
    /// Mean "what did you expect?".
    pub mean_expected: f64,
    /// Mean "what did you get?".
    pub mean_experienced: f64,
    /// Mean d: positive means expectations were exceeded.
    pub mean_gap: f64,
    /// Student-t 95% interval of the mean gap (absent below two answers).
    pub low: Option<f64>,
    /// Upper end of that interval.
    pub high: Option<f64>,
    /// Share with d ≥ 0.
    pub met_or_exceeded: f64,
    /// Share with d > 0.
    pub exceeded: f64,
}

/// One option of a choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptionShare {
    /// The option.
    pub id: QuestionId,
    /// How many chose it.
    pub count: u64,
    /// Its share of the answers.
    pub share: f64,
}

/// The figures of `question`; `None` for kinds never shown in aggregate
/// (free text, contact requests).
pub fn of(question: &Question, stats: Option<&QuestionStats>, minimum: u64) -> Option<Figures> {
    let withheld = |n: u64| Figures::Withheld { n, minimum };
    let figures = match &question.kind {
        QuestionKind::Comment { .. } | QuestionKind::ContactRequest => return None,
        QuestionKind::Csat { points, .. } => {
            let histogram = histogram(stats, 1, *points);
            let n = histogram.iter().sum();
            if n < minimum {
                return Some(withheld(n));
            }
            let top = *points - 1;
            let satisfied = histogram[usize::from(top - 1)..].iter().sum();
            Figures::Csat {
                n,
                points: *points,
                mean: moments(&histogram, 1).mean().unwrap_or(0.0),
                satisfied: Share::of(satisfied, n),
                histogram,
            }
        }
        QuestionKind::Nps => {
            let histogram = histogram(stats, 0, 10);
            let n: u64 = histogram.iter().sum();
            if n < minimum {
                return Some(withheld(n));
            }
            let (detractors, passives, promoters) = nps_counts(&histogram);
            let (low, high) = nps_interval(promoters, detractors, n);
            let share = |k: u64| k as f64 / n as f64;
            Figures::Nps {
                n,
                score: 100.0 * (share(promoters) - share(detractors)),
                low,
                high,
                promoters: share(promoters),
                passives: share(passives),
                detractors: share(detractors),
                histogram,
            }
        }
        QuestionKind::Ces => {
            let histogram = histogram(stats, 1, 7);
            let n = histogram.iter().sum();
            if n < minimum {
                return Some(withheld(n));
            }
            Figures::Ces {
                n,
                mean: moments(&histogram, 1).mean().unwrap_or(0.0),
                agreeing: Share::of(histogram[4..].iter().sum(), n),
                histogram,
            }
        }
        QuestionKind::ExpectationGap { dimensions } => {
            let sums = match stats {
                Some(QuestionStats::Gap { dimensions }) => Some(dimensions),
                _ => None,
            };
            let of_dimension = |d: &Labelled| sums.and_then(|s| s.get(&d.id)).cloned().unwrap_or_default();
            let n = dimensions.iter().map(|d| of_dimension(d).n).max().unwrap_or(0);
            if n < minimum {
                return Some(withheld(n));
            }
            Figures::Gap {
                n,
                dimensions: dimensions
                    .iter()
                    .map(|d| gap_dimension(&d.id, &of_dimension(d), minimum))
                    .collect(),
            }
        }
        QuestionKind::YesNo => {
            let (yes, no) = match stats {
                Some(QuestionStats::YesNo { yes, no }) => (*yes, *no),
                _ => (0, 0),
            };
            let n = yes + no;
            if n < minimum {
                return Some(withheld(n));
            }
            Figures::YesNo {
                n,
                yes: Share::of(yes, n),
            }
        }
        QuestionKind::SingleChoice { options } => {
            let count = |id: &QuestionId| match stats {
                Some(QuestionStats::Choice { counts }) => counts.get(id).copied().unwrap_or(0),
                _ => 0,
            };
            let n: u64 = options.iter().map(|o| count(&o.id)).sum();
            if n < minimum {
                return Some(withheld(n));
            }
            Figures::SingleChoice {
                n,
                options: options
                    .iter()
                    .map(|o| OptionShare {
                        id: o.id.clone(),
                        count: count(&o.id),
                        share: count(&o.id) as f64 / n as f64,
                    })
                    .collect(),
            }
        }
        QuestionKind::MultipleChoice { options, other, .. } => {
            match choices::multiple_choice(options, *other, stats, minimum) {
                Ok(figures) => figures,
                Err(n) => return Some(withheld(n)),
            }
        }
        QuestionKind::Likert { points, statements } => {
            match choices::likert(statements, *points, stats, minimum) {
                Ok(figures) => figures,
                Err(n) => return Some(withheld(n)),
            }
        }
    };
    Some(figures)
}

/// Counts for `low..=high` from a rating summary, zero where absent.
pub fn histogram(stats: Option<&QuestionStats>, low: u8, high: u8) -> Vec<u64> {
    let mut histogram = vec![0; usize::from(high - low) + 1];
    if let Some(counts) = stats.and_then(QuestionStats::rating_counts) {
        for (value, count) in counts {
            if (low..=high).contains(&value) {
                histogram[usize::from(value - low)] += count;
            }
        }
    }
    histogram
}

/// Moments of a histogram whose first entry counts `low`.
pub fn moments(histogram: &[u64], low: i64) -> Moments {
    Moments::from_counts(histogram.iter().zip(low..).map(|(count, value)| (value, *count)))
}

/// (detractors 0–6, passives 7–8, promoters 9–10) from an 11-point histogram.
pub fn nps_counts(histogram: &[u64]) -> (u64, u64, u64) {
    (
        histogram[..7].iter().sum(),
        histogram[7..9].iter().sum(),
        histogram[9..].iter().sum(),
    )
}

/// Moments of the paired differences of one dimension.
pub fn gap_moments(stats: &GapStats) -> Moments {
    Moments {
        n: stats.n,
        sum: i128::from(stats.sum_d),
        sum_sq: i128::from(stats.sum_d2),
    }
}

fn gap_dimension(id: &QuestionId, stats: &GapStats, minimum: u64) -> DimensionFigures {
    if stats.n < minimum {
        return DimensionFigures::Withheld {
            id: id.clone(),
            n: stats.n,
        };
    }
    let n = stats.n as f64;
    let d = gap_moments(stats);
    let mean_gap = d.mean().unwrap_or(0.0);
    let interval = d
        .variance()
        .and_then(|variance| t_interval(mean_gap, variance, stats.n));
    DimensionFigures::Shown(GapFigures {
        id: id.clone(),
        n: stats.n,
        mean_expected: moments(&stats.expected, 1).mean().unwrap_or(0.0),
        mean_experienced: moments(&stats.experienced, 1).mean().unwrap_or(0.0),
        mean_gap,
        low: interval.map(|i| i.0),
        high: interval.map(|i| i.1),
        met_or_exceeded: stats.met as f64 / n,
        exceeded: stats.exceeded as f64 / n,
    })
}
