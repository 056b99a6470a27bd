//! The aggregate of a survey over a window: what `GET
//! /v1/surveys/{id}/snapshot` serves, the widget draws and the dashboard
//! charts. Built only from merged [`SurveyStats`], never from responses.

mod changes;
mod choices;
mod figures;
mod public;
mod trend;
mod verdict;

use serde::{Deserialize, Serialize};

use crate::stats::{Comparison, SurveyStats};
use crate::{Day, QuestionId, Survey, SurveyId, Window};

pub use choices::{AgreementFigures, OptionPick, StatementFigures};
pub use figures::{DimensionFigures, Figures, GapFigures, OptionShare, Share};
pub use public::{PublicDimension, PublicFigures, PublicQuestion};
pub use trend::{BASELINE_DAYS, TrendPoint, TrendShift, fell_on};
pub use verdict::{MET_WITHIN, Verdict};

/// Figures for one survey over one window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The survey.
    pub survey: SurveyId,
    /// The survey version whose questions are reported.
    pub version: u32,
    /// The window covered.
    pub window: Window,
    /// The first day with data in the window.
    pub from: Option<Day>,
    /// The last day with data in the window.
    pub to: Option<Day>,
    /// Responses in the window.
    pub responses: u64,
    /// Figures based on fewer answers than this are withheld.
    pub minimum_sample: u32,
    /// Per question, in the survey's order. Free-text and contact questions
    /// never appear.
    pub questions: Vec<QuestionFigures>,
}

/// One question's figures, its daily trend and its change from the previous
/// window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionFigures {
    /// The question.
    pub id: QuestionId,
    /// The figures (tagged by `kind`).
    #[serde(flatten)]
    pub figures: Figures,
    /// The headline metric per day with data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trend: Vec<TrendPoint>,
    /// Metrics compared with the window before (same length), by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<NamedComparison>,
}

/// A comparison of one metric between two windows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedComparison {
    /// The metric (`satisfied`, `mean`, `mean_gap.reliability`, …).
    pub metric: String,
    /// The values and the test.
    #[serde(flatten)]
    pub comparison: Comparison,
}

impl Snapshot {
    /// Figures for `survey` over `window` from its daily summaries `days`
    /// (already limited to the window), compared with `previous`, the merged
    /// summary of the window before. Figures below the survey's minimum
    /// sample are withheld.
    pub fn build(
        survey: &Survey,
        window: Window,
        days: &[(Day, SurveyStats)],
        previous: Option<&SurveyStats>,
    ) -> Self {
        Self::build_with_minimum(
            survey,
            window,
            days,
            previous,
            survey.settings.public_aggregates.minimum_sample,
        )
    }

    /// As [`Snapshot::build`] with an explicit minimum sample (the owner's
    /// dashboard sees small samples too, with their wide intervals).
    pub fn build_with_minimum(
        survey: &Survey,
        window: Window,
        days: &[(Day, SurveyStats)],
        previous: Option<&SurveyStats>,
        minimum_sample: u32,
    ) -> Self {
        let mut total = SurveyStats::default();
        for (_, stats) in days {
            total.merge(stats);
        }
        let minimum = u64::from(minimum_sample.max(1));
        let questions = survey
            .questions
            .iter()
            .filter_map(|question| {
                let figures = figures::of(question, total.questions.get(&question.id), minimum)?;
                // A withheld figure has no trend or change to show either.
                let shown = !matches!(figures, Figures::Withheld { .. });
                Some(QuestionFigures {
                    id: question.id.clone(),
                    trend: if shown {
                        trend::of(question, days, minimum)
                    } else {
                        Vec::new()
                    },
                    changes: match previous {
                        Some(before) if shown => changes::of(question, before, &total, minimum),
                        _ => Vec::new(),
                    },
                    figures,
                })
            })
            .collect();
        Self {
            survey: survey.id.clone(),
            version: survey.version,
            window,
            from: days.iter().map(|(day, _)| *day).min(),
            to: days.iter().map(|(day, _)| *day).max(),
            responses: total.responses,
            minimum_sample,
            questions,
        }
    }

    /// The figures of the question with this id.
    pub fn question(&self, id: &str) -> Option<&QuestionFigures> {
        self.questions.iter().find(|q| q.id.as_str() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ResponseSubmission, templates};

    fn day(n: i32) -> Day {
        Day::from_days_since_epoch(20_000 + n)
    }

    /// One day's summary of `ratings` for the after-support survey.
    fn summary(ratings: &[u8], resolved: bool) -> SurveyStats {
        let survey = templates::after_support();
        let mut stats = SurveyStats::default();
        for (i, rating) in ratings.iter().enumerate() {
            let body = serde_json::json!({
                "id": format!("00000000-0000-4000-8000-{i:012}"), "survey_version": 1,
                "answers": {"satisfaction": rating, "resolved": resolved, "comment": "secret text"}
            });
            let submission = ResponseSubmission::from_json(body.to_string().as_bytes()).unwrap();
            stats.add(&survey, &survey.validate(submission).unwrap());
        }
        stats
    }

    #[test]
    fn trend_is_daily_and_withholds_small_days() {
        let survey = templates::after_support();
        let days = vec![
            (day(2), summary(&[5; 12], true)),
            (day(1), summary(&[1; 3], true)),
        ];
        let snapshot = Snapshot::build(&survey, Window::Days7, &days, None);
        let trend = &snapshot.question("satisfaction").unwrap().trend;
        assert_eq!(trend.len(), 2);
        assert_eq!(
            (trend[0].day, trend[0].value),
            (day(1), None),
            "3 answers < minimum 10"
        );
        assert_eq!((trend[1].day, trend[1].value), (day(2), Some(1.0)));
        assert_eq!((snapshot.from, snapshot.to), (Some(day(1)), Some(day(2))));
    }

    #[test]
    fn a_drop_against_the_previous_window_is_flagged() {
        let survey = templates::after_support();
        let before = summary(&[5; 40], true);
        let now = [(day(0), summary(&[2; 40], false))];
        let snapshot = Snapshot::build(&survey, Window::Days30, &now, Some(&before));
        let changes = &snapshot.question("satisfaction").unwrap().changes;
        let satisfied = changes.iter().find(|c| c.metric == "satisfied").unwrap();
        assert!(satisfied.comparison.significant);
        assert_eq!(
            (satisfied.comparison.previous, satisfied.comparison.current),
            (1.0, 0.0)
        );
        let resolved = &snapshot.question("resolved").unwrap().changes;
        assert!(
            resolved
                .iter()
                .any(|c| c.metric == "yes" && c.comparison.significant)
        );
    }

    #[test]
    fn free_text_never_appears_and_unanswered_kinds_are_withheld() {
        let survey = templates::after_support();
        let snapshot = Snapshot::build(&survey, Window::All, &[(day(0), summary(&[4; 10], true))], None);
        let json = serde_json::to_string(&snapshot).unwrap();
        assert!(!json.contains("secret text"));
        assert!(snapshot.question("comment").is_none());
        assert!(matches!(
            snapshot.question("recommend").unwrap().figures,
            Figures::Withheld { n: 0, minimum: 10 }
        ));
        assert!(matches!(
            snapshot.question("satisfaction").unwrap().figures,
            Figures::Csat { n: 10, .. }
        ));
    }
}
