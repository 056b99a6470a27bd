//! `GET /v1/admin/surveys/{survey}/funnel?window=`: how often the survey
//! was shown, started, finished and dismissed, per page, and how far
//! respondents got: per question, the responses (finished or not) that
//! answered it and the unfinished ones that stopped after it.

use std::collections::HashMap;

use axum::Json;
use axum::extract::State;
use candor_core::admin::{Funnel, FunnelCounts, PageFunnel, QuestionReach};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::routes::extract::{PublishedSurvey, Query};
use crate::{ApiError, AppState, Figures};

#[derive(Debug, Deserialize)]
pub struct FunnelQuery {
    window: Option<candor_core::Window>,
}

pub async fn funnel(
    State(state): State<AppState>,
    PublishedSurvey(survey): PublishedSurvey,
    Query(query): Query<FunnelQuery>,
) -> Result<Json<Funnel>, ApiError> {
    let window = super::window_or_default(&survey, query.window);
    // What was counted in memory is written first, so the owner reads it.
    state.funnel.flush(&state.store).await?;
    let first = window.first_day(crate::routes::today());
    let pages = state.store.funnel_pages(&survey.id, first).await?;
    let mut total = FunnelCounts::default();
    for counts in pages.values() {
        total.shown += counts.shown;
        total.started += counts.started;
        total.completed += counts.completed;
        total.dismissed += counts.dismissed;
    }
    let mut pages: Vec<PageFunnel> = pages
        .into_iter()
        .map(|(page, counts)| PageFunnel { page, counts })
        .collect();
    pages.sort_by(|a, b| {
        b.counts
            .shown
            .cmp(&a.counts.shown)
            .then_with(|| a.page.cmp(&b.page))
    });
    let answered = state
        .store
        .merged(Figures::OwnerWithPartial, &survey.id, first, None)
        .await?;
    // Where each unfinished response stopped: its last answer, in the
    // survey's order.
    let unfinished = state.store.unfinished_answers(&survey.id, first).await?;
    let mut left_after: HashMap<&str, u64> = HashMap::new();
    for answers in &unfinished {
        let Ok(answers) = serde_json::from_str::<Map<String, Value>>(answers) else {
            continue;
        };
        if let Some(last) = survey
            .questions
            .iter()
            .rev()
            .find(|q| answers.contains_key(q.id.as_str()))
        {
            *left_after.entry(last.id.as_str()).or_default() += 1;
        }
    }
    let questions = survey
        .questions
        .iter()
        .map(|q| QuestionReach {
            id: q.id.clone(),
            answered: answered.questions.get(&q.id).map_or(0, |s| s.answered()),
            left_after: left_after.get(q.id.as_str()).copied().unwrap_or(0),
        })
        .collect();
    Ok(Json(Funnel {
        window,
        total,
        unfinished: unfinished.len() as u64,
        questions,
        pages,
    }))
}
