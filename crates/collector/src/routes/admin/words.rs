//! `GET /v1/admin/surveys/{id}/words?window=30d`: the words most
//! over-represented in low-rated comments compared with high-rated ones, so
//! recurring problems stand out. Words come from ICU4X's segmenter (Thai
//! has no spaces), scores from core's keyness (log-odds, z).

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use candor_core::admin::WordsReport;
use candor_core::stats::keyness;
use candor_core::{QuestionKind, Survey};
use futures_util::StreamExt as _;
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::routes::extract::PublishedSurvey;
use crate::routes::extract::{Query, SegmentQuery};
use crate::words::words;
use crate::{ApiError, AppState, ResponseFilter};

/// Most responses read for one report (newest first).
const MAX_SCANNED: usize = 20_000;
/// Words reported.
const TOP: usize = 20;

#[derive(Debug, Deserialize)]
pub struct WordsQuery {
    window: Option<candor_core::Window>,
}

pub async fn words_report(
    State(state): State<AppState>,
    PublishedSurvey(survey): PublishedSurvey,
    Query(query): Query<WordsQuery>,
    SegmentQuery(segment): SegmentQuery,
) -> Result<Json<WordsReport>, ApiError> {
    let window = super::window_or_default(&survey, query.window);
    let today = crate::routes::today();
    let filter = ResponseFilter {
        from: window.first_day(today).map(|d| d.to_string()),
        segment,
        ..ResponseFilter::default()
    };
    let sides = Sides::of(&survey);
    let (mut low, mut high) = (Counts::default(), Counts::default());
    let mut pages = std::pin::pin!(state.store.pages(survey.id.as_str(), &filter, 500));
    let mut scanned = 0;
    while scanned < MAX_SCANNED {
        let Some(page) = pages.next().await else {
            break;
        };
        let page = page?;
        scanned += page.len();
        for response in &page {
            let Some(side) = sides.side(&response.answers) else {
                continue;
            };
            let text = sides.comment(&response.answers);
            if text.is_empty() {
                continue;
            }
            let counts = if side == Side::Low { &mut low } else { &mut high };
            counts.add(&text);
        }
    }
    let words = keyness(&low.words, &high.words)
        .into_iter()
        .filter(|k| k.z > 0.0)
        .take(TOP)
        .collect();
    Ok(Json(WordsReport {
        low_comments: low.comments,
        high_comments: high.comments,
        words,
    }))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Low,
    High,
}

/// Where the rating and the comments are in this survey.
struct Sides {
    rating: Option<(String, u64)>,
    comments: Vec<String>,
}

impl Sides {
    fn of(survey: &Survey) -> Self {
        let rating = survey.questions.iter().find_map(|q| match q.kind {
            QuestionKind::Csat { points, .. } => Some((q.id.to_string(), u64::from(points))),
            _ => None,
        });
        let comments = survey
            .questions
            .iter()
            .filter(|q| matches!(q.kind, QuestionKind::Comment { .. }))
            .map(|q| q.id.to_string())
            .collect();
        Self { rating, comments }
    }

    /// Low for the bottom two points, high for the top two, else neither.
    fn side(&self, answers: &Map<String, Value>) -> Option<Side> {
        let (id, points) = self.rating.as_ref()?;
        match answers.get(id)?.as_u64()? {
            r if r <= 2 => Some(Side::Low),
            r if r + 1 >= *points => Some(Side::High),
            _ => None,
        }
    }

    fn comment(&self, answers: &Map<String, Value>) -> String {
        self.comments
            .iter()
            .filter_map(|id| answers.get(id).and_then(Value::as_str))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Word counts of one side, and how many comments they came from.
#[derive(Default)]
struct Counts {
    comments: u64,
    words: BTreeMap<String, u64>,
}

impl Counts {
    fn add(&mut self, text: &str) {
        self.comments += 1;
        for word in words(text) {
            *self.words.entry(word).or_default() += 1;
        }
    }
}
