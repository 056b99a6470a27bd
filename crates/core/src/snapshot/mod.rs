//! The aggregate of a survey over a window: what `GET
//! /v1/surveys/{id}/snapshot` serves, the widget draws and the dashboard
//! charts. Built only from merged [`SurveyStats`], never from responses.

mod changes;
mod figures;
mod trend;

use serde::{Deserialize, Serialize};

use crate::stats::{Comparison, SurveyStats};
use crate::{Day, QuestionId, Survey, SurveyId, Window};

pub use figures::{DimensionFigures, Figures, GapFigures, OptionShare, Share};
pub use trend::TrendPoint;

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
