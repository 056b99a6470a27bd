//! The part of a public snapshot the widget shows, read leniently: the
//! window, the response count, the satisfaction question's figures and the
//! gap dimensions. A flat shape with optional fields and the kinds as text:
//! the full [`Snapshot`](super::Snapshot) decoder (tagged figure kinds,
//! trends, comparisons the widget never shows) made the widget's wasm much
//! larger (docs/benchmarks.md, "Measurements behind the code"). The
//! collector writes `Snapshot`; fields added to it are skipped here.

use serde::Deserialize;

use super::Share;
use crate::Window;

/// Figures for one survey over one window (`GET …/snapshot`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PublicFigures {
    /// The window covered.
    pub window: Window,
    /// Responses in the window.
    pub responses: u64,
    /// Per question, in the survey's order.
    #[serde(default)]
    pub questions: Vec<PublicQuestion>,
}

/// One question's figures; which fields are set depends on `kind`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PublicQuestion {
    /// The question.
    pub id: String,
    /// `csat`, `gap`, `withheld`, …
    pub kind: String,
    /// The mean rating (csat).
    #[serde(default)]
    pub mean: f64,
    /// The satisfied share and its interval (csat).
    #[serde(default)]
    pub satisfied: Option<Share>,
    /// Counts for 1, 2, … points (csat).
    #[serde(default)]
    pub histogram: Vec<u64>,
    /// Per dimension (gap).
    #[serde(default)]
    pub dimensions: Vec<PublicDimension>,
}

/// One gap dimension: `shown` with its mean gap, or `withheld`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PublicDimension {
    pub status: String,
    pub id: String,
    #[serde(default)]
    pub mean_gap: f64,
}

impl PublicFigures {
    /// The first satisfaction question shown: (mean, satisfied, histogram).
    pub fn csat(&self) -> Option<(f64, Share, &[u64])> {
        self.questions
            .iter()
            .find(|q| q.kind == "csat")
            .and_then(|q| Some((q.mean, q.satisfied?, q.histogram.as_slice())))
    }
}

#[cfg(test)]
mod tests {
    use crate::stats::SurveyStats;
    use crate::{ResponseSubmission, Snapshot, Window, templates};

    use super::*;

    /// What the collector writes, read by the widget: the same figures.
    #[test]
    fn reads_the_figures_it_shows_from_a_full_snapshot() {
        let survey = templates::checkout();
        let mut stats = SurveyStats::default();
        for (i, (rating, expected, experienced)) in [(5, 4, 6), (4, 5, 5), (2, 6, 3)].into_iter().enumerate()
        {
            let body = serde_json::json!({
                "id": format!("00000000-0000-4000-8000-{i:012}"),
                "survey_version": 1,
                "answers": {"satisfaction": rating, "delivery": {"promise": {"expected": expected, "experienced": experienced}}},
            });
            let submission = ResponseSubmission::from_json(body.to_string().as_bytes()).unwrap();
            stats.add(&survey, &survey.validate(submission).unwrap());
        }
        let today = crate::Day::parse("day", "2026-11-22").unwrap();
        let snapshot = Snapshot::build_with_minimum(&survey, Window::Days30, &[(today, stats)], None, 1);
        let json = serde_json::to_string(&snapshot).unwrap();
        let figures: PublicFigures = serde_json::from_str(&json).unwrap();
        assert_eq!((figures.window, figures.responses), (Window::Days30, 3));
        let (mean, satisfied, histogram) = figures.csat().unwrap();
        assert!((mean - 11.0 / 3.0).abs() < 1e-12);
        assert!((satisfied.share - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(histogram, [0, 1, 0, 1, 1]);
        let gap = figures.questions.iter().find(|q| q.kind == "gap").unwrap();
        assert_eq!(gap.dimensions[0].status, "shown");
        assert!((gap.dimensions[0].mean_gap - (-1.0 / 3.0)).abs() < 1e-12);
    }
}
