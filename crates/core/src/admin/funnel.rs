//! The response funnel of a survey over a window: how often it was shown,
//! started, finished and dismissed, per page, and how far respondents got
//! (`GET /v1/admin/surveys/{id}/funnel`).

use serde::{Deserialize, Serialize};

use crate::{QuestionId, Window};

/// What the widget reports, counts only: no identifier travels with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FunnelEvent {
    /// The survey was drawn for a visitor.
    Shown,
    /// The visitor gave a first answer.
    Started,
    /// The visitor closed it before sending.
    Dismissed,
}

/// Counts of one page, or of all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunnelCounts {
    /// Times shown.
    pub shown: u64,
    /// Times a first answer was given.
    pub started: u64,
    /// Finished responses stored.
    pub completed: u64,
    /// Times closed before sending.
    pub dismissed: u64,
}

impl FunnelCounts {
    /// Finished responses per showing, when it was shown at all.
    pub fn response_rate(&self) -> Option<f64> {
        (self.shown > 0).then(|| self.completed as f64 / self.shown as f64)
    }

    /// Starts per showing, when it was shown at all.
    pub fn start_rate(&self) -> Option<f64> {
        (self.shown > 0).then(|| self.started as f64 / self.shown as f64)
    }
}

/// How far respondents got at one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionReach {
    /// The question.
    pub id: QuestionId,
    /// Responses (finished or not) that answered it.
    pub answered: u64,
    /// Unfinished responses whose last answer was this question's: where
    /// they dropped off.
    pub left_after: u64,
}

/// A survey's funnel over a window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Funnel {
    /// The window counted.
    pub window: Window,
    /// All pages together.
    pub total: FunnelCounts,
    /// Responses started and not finished (their partial saves kept).
    pub unfinished: u64,
    /// Per question, in the survey's order.
    pub questions: Vec<QuestionReach>,
    /// Per page path (empty: not told), most shown first.
    pub pages: Vec<PageFunnel>,
}

/// One page's counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageFunnel {
    /// The page path (`/checkout/done`), empty when not told.
    pub page: String,
    /// Its counts.
    #[serde(flatten)]
    pub counts: FunnelCounts,
}
