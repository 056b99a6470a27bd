//! Each question's metrics compared with the previous window of the same
//! length: z-tests for shares, Welch's t-tests for means.

use super::NamedComparison;
use super::figures::{gap_moments, histogram, moments, nps_counts};
use crate::stats::{Comparison, QuestionStats, SurveyStats, two_proportion_z, welch_t};
use crate::{Question, QuestionKind};

/// The comparisons for `question`, omitted where either window is below the
/// minimum sample.
pub fn of(
    question: &Question,
    before: &SurveyStats,
    now: &SurveyStats,
    minimum: u64,
) -> Vec<NamedComparison> {
    let (Some(a), Some(b)) = (
        before.questions.get(&question.id),
        now.questions.get(&question.id),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut push = |metric: String, comparison: Option<Comparison>| {
        if let Some(comparison) = comparison {
            out.push(NamedComparison { metric, comparison });
        }
    };
    let enough = |n1: u64, n2: u64| n1 >= minimum && n2 >= minimum;
    match &question.kind {
        QuestionKind::Csat { .. } | QuestionKind::Ces
            if matches!(a, QuestionStats::Rating { .. }) && matches!(b, QuestionStats::Rating { .. }) =>
        {
            let high = question.kind.scale().map_or(7, |s| *s.end());
            // Satisfied: top two boxes; agreeing (ces): 5–7.
            let threshold = if matches!(question.kind, QuestionKind::Ces) {
                5
            } else {
                high - 1
            };
            let (ha, hb) = (histogram(Some(a), 1, high), histogram(Some(b), 1, high));
            let (na, nb) = (ha.iter().sum(), hb.iter().sum());
            if enough(na, nb) {
                push("mean".into(), welch_t(moments(&ha, 1), moments(&hb, 1)));
                let top = |h: &[u64]| h[usize::from(threshold - 1)..].iter().sum();
                let name = if matches!(question.kind, QuestionKind::Ces) {
                    "agreeing"
                } else {
                    "satisfied"
                };
                push(name.into(), two_proportion_z(top(&ha), na, top(&hb), nb));
            }
        }
        QuestionKind::Nps => {
            let (ha, hb) = (histogram(Some(a), 0, 10), histogram(Some(b), 0, 10));
            let (na, nb) = (ha.iter().sum(), hb.iter().sum());
            if enough(na, nb) {
                let ((da, _, pa), (db, _, pb)) = (nps_counts(&ha), nps_counts(&hb));
                push("promoters".into(), two_proportion_z(pa, na, pb, nb));
                push("detractors".into(), two_proportion_z(da, na, db, nb));
            }
        }
        QuestionKind::ExpectationGap { dimensions } => {
            if let (QuestionStats::Gap { dimensions: da }, QuestionStats::Gap { dimensions: db }) = (a, b) {
                for dimension in dimensions {
                    let (Some(x), Some(y)) = (da.get(&dimension.id), db.get(&dimension.id)) else {
                        continue;
                    };
                    if enough(x.n, y.n) {
                        push(
                            format!("mean_gap.{}", dimension.id),
                            welch_t(gap_moments(x), gap_moments(y)),
                        );
                        push(
                            format!("met.{}", dimension.id),
                            two_proportion_z(x.met, x.n, y.met, y.n),
                        );
                    }
                }
            }
        }
        QuestionKind::YesNo => {
            if let (QuestionStats::YesNo { yes: ya, no: na }, QuestionStats::YesNo { yes: yb, no: nb }) =
                (a, b)
                && enough(ya + na, yb + nb)
            {
                push("yes".into(), two_proportion_z(*ya, ya + na, *yb, yb + nb));
            }
        }
        _ => {}
    }
    out
}
