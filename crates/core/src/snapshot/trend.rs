//! The daily series of each question's headline metric, with the days
//! whose figure differs significantly from the days just before marked.

use serde::{Deserialize, Serialize};

use super::figures::{gap_moments, histogram, moments, nps_counts};
use crate::stats::special::normal_two_sided_p;
use crate::stats::{Moments, QuestionStats, SurveyStats, two_proportion_z, welch_t};
use crate::{Day, Question, QuestionKind};

/// A day is compared with this many days before it.
pub const BASELINE_DAYS: i32 = 7;
/// Fewest answers, on the day and in its baseline, for a comparison: the
/// tests' normal approximations need some.
pub const SHIFT_MINIMUM: u64 = 10;
/// The significance level, as for window comparisons.
const ALPHA: f64 = 0.05;

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
    /// Set when the day's metric differs significantly (p < 0.05) from the
    /// [`BASELINE_DAYS`] days before it taken together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift: Option<TrendShift>,
}

/// A significant change of the metric on one day.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TrendShift {
    /// The metric over the days before.
    pub baseline: f64,
    /// Two-sided p-value of the difference (two-proportion z for shares,
    /// Welch's t for means, z on the score's standard error for NPS).
    pub p_value: f64,
}

/// The series for `question` over `days`; empty for kinds without a headline
/// metric.
pub fn of(question: &Question, days: &[(Day, SurveyStats)], minimum: u64) -> Vec<TrendPoint> {
    let mut points: Vec<TrendPoint> = days
        .iter()
        .filter_map(|(day, stats)| {
            let (n, value) = headline(question, stats.questions.get(&question.id)?)?;
            let shown = n >= minimum;
            Some(TrendPoint {
                day: *day,
                n,
                value: shown.then_some(value),
                shift: shown.then(|| shift(question, days, *day, minimum)).flatten(),
            })
        })
        .collect();
    points.sort_by_key(|p| p.day);
    points
}

/// `day`'s point of `question`'s series when its figure fell significantly
/// below the [`BASELINE_DAYS`] days before (what a drop alert watches).
pub fn fell_on(question: &Question, days: &[(Day, SurveyStats)], day: Day) -> Option<TrendPoint> {
    of(question, days, SHIFT_MINIMUM).into_iter().find(|point| {
        point.day == day
            && matches!((point.value, point.shift), (Some(value), Some(shift)) if value < shift.baseline)
    })
}

/// How `day` compares with the days before it, if significantly.
fn shift(question: &Question, days: &[(Day, SurveyStats)], day: Day, minimum: u64) -> Option<TrendShift> {
    let first = day.plus(-BASELINE_DAYS);
    let mut before = SurveyStats::default();
    let mut today = None;
    for (d, stats) in days {
        if *d >= first && *d < day {
            before.merge(stats);
        } else if *d == day {
            today = Some(stats);
        }
    }
    let (a, b) = (
        before.questions.get(&question.id)?,
        today?.questions.get(&question.id)?,
    );
    let (baseline, p_value) = compare(question, a, b, minimum.max(SHIFT_MINIMUM))?;
    (p_value < ALPHA).then_some(TrendShift { baseline, p_value })
}

/// (the earlier value, p) of the headline metric between two summaries,
/// when both have at least `minimum` answers.
fn compare(
    question: &Question,
    before: &QuestionStats,
    now: &QuestionStats,
    minimum: u64,
) -> Option<(f64, f64)> {
    let enough = |a: u64, b: u64| (a >= minimum && b >= minimum).then_some(());
    match (&question.kind, before, now) {
        (QuestionKind::Csat { points, .. }, QuestionStats::Rating { .. }, QuestionStats::Rating { .. }) => {
            let top = |s| {
                let h = histogram(Some(s), 1, *points);
                (
                    h[usize::from(*points - 2)..].iter().sum::<u64>(),
                    h.iter().sum::<u64>(),
                )
            };
            let ((k1, n1), (k2, n2)) = (top(before), top(now));
            enough(n1, n2)?;
            two_proportion_z(k1, n1, k2, n2).map(|c| (c.previous, c.p_value))
        }
        (
            QuestionKind::YesNo,
            QuestionStats::YesNo { yes: y1, no: n1 },
            QuestionStats::YesNo { yes: y2, no: n2 },
        ) => {
            enough(y1 + n1, y2 + n2)?;
            two_proportion_z(*y1, y1 + n1, *y2, y2 + n2).map(|c| (c.previous, c.p_value))
        }
        (QuestionKind::Ces, QuestionStats::Rating { .. }, QuestionStats::Rating { .. }) => {
            let (a, b) = (
                moments(&histogram(Some(before), 1, 7), 1),
                moments(&histogram(Some(now), 1, 7), 1),
            );
            enough(a.n, b.n)?;
            welch_t(a, b).map(|c| (c.previous, c.p_value))
        }
        (
            QuestionKind::ExpectationGap { .. },
            QuestionStats::Gap { dimensions: a },
            QuestionStats::Gap { dimensions: b },
        ) => {
            let pooled = |dimensions: &std::collections::BTreeMap<_, _>| {
                dimensions
                    .values()
                    .map(gap_moments)
                    .fold(Moments::default(), |sum, m| Moments {
                        n: sum.n + m.n,
                        sum: sum.sum + m.sum,
                        sum_sq: sum.sum_sq + m.sum_sq,
                    })
            };
            let (a, b) = (pooled(a), pooled(b));
            enough(a.n, b.n)?;
            welch_t(a, b).map(|c| (c.previous, c.p_value))
        }
        (QuestionKind::Nps, QuestionStats::Rating { .. }, QuestionStats::Rating { .. }) => {
            let score = |s| {
                let h = histogram(Some(s), 0, 10);
                let (detractors, _, promoters) = nps_counts(&h);
                let n = h.iter().sum::<u64>() as f64;
                let (p, d) = (promoters as f64 / n, detractors as f64 / n);
                // Per-respondent variance of (promoter − detractor).
                (p - d, (p + d - (p - d).powi(2)), n)
            };
            let ((s1, v1, n1), (s2, v2, n2)) = (score(before), score(now));
            enough(n1 as u64, n2 as u64)?;
            let se = (v1 / n1 + v2 / n2).sqrt();
            let p_value = if se > 0.0 {
                normal_two_sided_p((s2 - s1) / se)
            } else if s1 == s2 {
                1.0
            } else {
                0.0
            };
            Some((100.0 * s1, p_value))
        }
        _ => None,
    }
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::{ResponseSubmission, templates};

    /// A day's summary of the checkout survey with these satisfaction ratings.
    fn day(ratings: &[u8]) -> SurveyStats {
        let survey = templates::checkout();
        let mut stats = SurveyStats::default();
        for (i, rating) in ratings.iter().enumerate() {
            let body = json!({
                "id": format!("00000000-0000-4000-8000-{i:012}"),
                "survey_version": 1,
                "answers": {"satisfaction": rating},
            });
            let submission = ResponseSubmission::from_json(body.to_string().as_bytes()).unwrap();
            stats.add(&survey, &survey.validate(submission).unwrap());
        }
        stats
    }

    fn series(last: &[u8]) -> Vec<TrendPoint> {
        let start = Day::parse("day", "2026-11-01").unwrap();
        let mut days: Vec<(Day, SurveyStats)> =
            (0..7).map(|i| (start.plus(i), day(&[5, 5, 4, 5, 4]))).collect();
        days.push((start.plus(7), day(last)));
        let survey = templates::checkout();
        of(survey.question("satisfaction").unwrap(), &days, 1)
    }

    #[test]
    fn a_day_far_below_the_week_before_is_marked() {
        let points = series(&[1, 2, 1, 1, 2, 1, 2, 1, 1, 3, 2, 1]);
        let shift = points[7].shift.expect("marked");
        assert_eq!(shift.baseline, 1.0);
        assert!(shift.p_value < 1e-6, "{shift:?}");
        // The first days have no baseline to differ from.
        assert!(points[..7].iter().all(|p| p.shift.is_none()));
    }

    #[test]
    fn nps_days_compare_by_the_score_and_its_standard_error() {
        let survey = templates::after_support();
        let day = |scores: &[u8]| {
            let mut stats = SurveyStats::default();
            for (i, score) in scores.iter().enumerate() {
                let body = json!({
                    "id": format!("00000000-0000-4000-8000-{i:012}"),
                    "survey_version": 1,
                    "answers": {"satisfaction": 3, "recommend": score},
                });
                let submission = ResponseSubmission::from_json(body.to_string().as_bytes()).unwrap();
                stats.add(&survey, &survey.validate(submission).unwrap());
            }
            stats
        };
        let start = Day::parse("day", "2026-11-01").unwrap();
        // Before: 20 promoters, 10 passives, 10 detractors: NPS +25.
        let mut days = vec![(start, day(&[[10; 20].as_slice(), &[8; 10], &[3; 10]].concat()))];
        // Then: 10 promoters, 10 passives, 20 detractors: NPS −25.
        days.push((
            start.plus(1),
            day(&[[10; 10].as_slice(), &[8; 10], &[3; 20]].concat()),
        ));
        let points = of(survey.question("recommend").unwrap(), &days, 1);
        let shift = points[1].shift.expect("marked");
        assert!((shift.baseline - 25.0).abs() < 1e-9);
        // SE² = (0.75 − 0.0625)/40 × 2; z = −0.5 / 0.1854 = −2.697; p = 0.0070.
        assert!((shift.p_value - 0.00700).abs() < 5e-5, "{shift:?}");
    }

    #[test]
    fn a_fall_is_told_apart_from_a_rise() {
        let start = Day::parse("day", "2026-11-01").unwrap();
        let week = |ratings: &[u8], last: &[u8]| {
            let mut days: Vec<(Day, SurveyStats)> = (0..7).map(|i| (start.plus(i), day(ratings))).collect();
            days.push((start.plus(7), day(last)));
            days
        };
        let survey = templates::checkout();
        let question = survey.question("satisfaction").unwrap();
        let fell = week(&[5, 5, 4, 5, 4], &[1, 2, 1, 1, 2, 1, 2, 1, 1, 3, 2, 1]);
        assert!(fell_on(question, &fell, start.plus(7)).is_some());
        assert!(fell_on(question, &fell, start.plus(6)).is_none(), "another day");
        let rose = week(&[1, 2, 1, 2, 1], &[5, 5, 4, 5, 5, 5, 4, 5, 5, 5, 5, 4]);
        assert!(
            fell_on(question, &rose, start.plus(7)).is_none(),
            "a rise is no drop"
        );
    }

    #[test]
    fn a_day_like_the_others_or_with_few_answers_is_not_marked() {
        assert_eq!(
            series(&[5, 4, 5, 5, 4, 5, 5, 4, 5, 5]).last().unwrap().shift,
            None
        );
        assert_eq!(
            series(&[1, 1, 1]).last().unwrap().shift,
            None,
            "three answers are too few"
        );
    }
}
