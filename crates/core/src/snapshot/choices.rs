//! Figures of the kinds answered with several values: multiple choice
//! (each option's share of the respondents) and Likert (each statement's
//! mean and agreeing share).

use serde::{Deserialize, Serialize};

use super::figures::{Figures, Share, moments};
use crate::stats::{QuestionStats, t_interval};
use crate::{Labelled, QuestionId};

/// One option of a multiple-choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptionPick {
    /// The option.
    pub id: QuestionId,
    /// The share of respondents who chose it (they may choose several, so
    /// the shares need not add up to one).
    pub chosen: Share,
}

/// One statement of a Likert question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum StatementFigures {
    /// Enough answers.
    Shown(AgreementFigures),
    /// Too few answers.
    Withheld {
        /// The statement.
        id: QuestionId,
        /// Answers so far.
        n: u64,
    },
}

/// One statement's agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgreementFigures {
    /// The statement.
    pub id: QuestionId,
    /// Respondents who rated it.
    pub n: u64,
    /// Mean point (1 = strongly disagree).
    pub mean: f64,
    /// Student-t 95% interval of the mean (absent below two answers).
    pub low: Option<f64>,
    /// Upper end of that interval.
    pub high: Option<f64>,
    /// Counts for 1, 2, … points.
    pub histogram: Vec<u64>,
    /// The share agreeing: above the scale's middle (4–5 of 5, 5–7 of 7).
    pub agreeing: Share,
}

/// A multiple-choice question's figures, or `Err(n)` below the minimum.
pub fn multiple_choice(
    options: &[Labelled],
    other: bool,
    stats: Option<&QuestionStats>,
    minimum: u64,
) -> Result<Figures, u64> {
    let (n, counts, other_count) = match stats {
        Some(QuestionStats::Selections { n, counts, other }) => (*n, Some(counts), *other),
        _ => (0, None, 0),
    };
    if n < minimum {
        return Err(n);
    }
    let count = |id: &QuestionId| counts.and_then(|c| c.get(id)).copied().unwrap_or(0);
    Ok(Figures::MultipleChoice {
        n,
        options: options
            .iter()
            .map(|o| OptionPick {
                id: o.id.clone(),
                chosen: Share::of(count(&o.id), n),
            })
            .collect(),
        other: other.then(|| Share::of(other_count, n)),
    })
}

/// A Likert question's figures, or `Err(n)` below the minimum; each
/// statement below it is withheld on its own.
pub fn likert(
    statements: &[Labelled],
    points: u8,
    stats: Option<&QuestionStats>,
    minimum: u64,
) -> Result<Figures, u64> {
    let sums = match stats {
        Some(QuestionStats::Agreement { statements }) => Some(statements),
        _ => None,
    };
    let counts_of = |s: &Labelled| {
        sums.and_then(|sums| sums.get(&s.id))
            .map_or(&[][..], Vec::as_slice)
    };
    let n = statements
        .iter()
        .map(|s| counts_of(s).iter().sum())
        .max()
        .unwrap_or(0);
    if n < minimum {
        return Err(n);
    }
    Ok(Figures::Likert {
        n,
        points,
        statements: statements
            .iter()
            .map(|s| statement(&s.id, counts_of(s), points, minimum))
            .collect(),
    })
}

/// A statement's figures from its counts per point (index 0 is point 1).
fn statement(id: &QuestionId, counts: &[u64], points: u8, minimum: u64) -> StatementFigures {
    let mut histogram = vec![0; usize::from(points)];
    for (slot, count) in histogram.iter_mut().zip(counts) {
        *slot = *count;
    }
    let n: u64 = histogram.iter().sum();
    if n < minimum {
        return StatementFigures::Withheld { id: id.clone(), n };
    }
    let moments = moments(&histogram, 1);
    let mean = moments.mean().unwrap_or(0.0);
    let interval = moments
        .variance()
        .and_then(|variance| t_interval(mean, variance, n));
    let agreeing = histogram[usize::from(points / 2 + 1)..].iter().sum();
    StatementFigures::Shown(AgreementFigures {
        id: id.clone(),
        n,
        mean,
        low: interval.map(|i| i.0),
        high: interval.map(|i| i.1),
        agreeing: Share::of(agreeing, n),
        histogram,
    })
}
