//! The daily series of each question's headline metric.

use serde::{Deserialize, Serialize};

use super::figures::{histogram, moments, nps_counts};
use crate::stats::{QuestionStats, SurveyStats};
use crate::{Day, Question, QuestionKind};

/// One day of a question's headline metric: the satisfied share (csat), the
/// score (nps), the mean (ces), the pooled mean gap (gap) or the yes share.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    /// The day.
    pub day: Day,
    /// Answers that day.
    pub n: u64,
    /// The metric; absent when that day has fewer answers than the minimum.
    pub value: Option<f64>,
}

/// The series for `question` over `days`; empty for kinds without a headline
/// metric.
pub fn of(question: &Question, days: &[(Day, SurveyStats)], minimum: u64) -> Vec<TrendPoint> {
    let mut points: Vec<TrendPoint> = days
        .iter()
        .filter_map(|(day, stats)| {
            let (n, value) = headline(question, stats.questions.get(&question.id)?)?;
            Some(TrendPoint {
                day: *day,
                n,
                value: (n >= minimum).then_some(value),
            })
        })
        .collect();
    points.sort_by_key(|p| p.day);
    points
}

/// (answers, headline value) of one summary.
fn headline(question: &Question, stats: &QuestionStats) -> Option<(u64, f64)> {
    let ratio = |k: u64, n: u64| (n > 0).then(|| (n, k as f64 / n as f64));
    match (&question.kind, stats) {
        (QuestionKind::Csat { points, .. }, QuestionStats::Rating { .. }) => {
            let h = histogram(Some(stats), 1, *points);
            ratio(h[usize::from(*points - 2)..].iter().sum(), h.iter().sum())
        }
        (QuestionKind::Nps, QuestionStats::Rating { .. }) => {
            let h = histogram(Some(stats), 0, 10);
            let (detractors, _, promoters) = nps_counts(&h);
            let n: u64 = h.iter().sum();
            (n > 0).then(|| (n, 100.0 * (promoters as f64 - detractors as f64) / n as f64))
        }
        (QuestionKind::Ces, QuestionStats::Rating { .. }) => {
            let m = moments(&histogram(Some(stats), 1, 7), 1);
            Some((m.n, m.mean()?))
        }
        (QuestionKind::ExpectationGap { .. }, QuestionStats::Gap { dimensions }) => {
            let n: u64 = dimensions.values().map(|d| d.n).sum();
            let sum: i64 = dimensions.values().map(|d| d.sum_d).sum();
            let respondents = dimensions.values().map(|d| d.n).max().unwrap_or(0);
            (n > 0).then(|| (respondents, sum as f64 / n as f64))
        }
        (QuestionKind::YesNo, QuestionStats::YesNo { yes, no }) => ratio(*yes, yes + no),
        _ => None,
    }
}
