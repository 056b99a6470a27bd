//! One question of any kind, with its inline validation message.

use candor_core::{ErrorCode, Question, QuestionKind, Survey};
use leptos::prelude::*;
use serde_json::Value;

use super::comment::CommentField;
use super::form_state::FormState;
use super::gap::GapQuestion;
use super::rating_scale::RatingScale;
use crate::i18n::EN;

/// Renders `question` of `survey` in `locale`, bound to `form`.
#[component]
pub fn QuestionView(
    /// The survey the question belongs to (for texts and fallbacks).
    survey: Survey,
    /// The question.
    question: Question,
    /// The shown locale.
    locale: String,
    /// The form's answers and error.
    form: FormState,
) -> impl IntoView {
    let id = question.id.to_string();
    let text = survey.text(&question.text, &locale).to_owned();
    let error = form.error_for(&id);
    let error_id = format!("candor-error-{id}");
    let described_by = error_id.clone();
    let body = match &question.kind {
        QuestionKind::Csat { .. } | QuestionKind::Nps | QuestionKind::Ces => {
            let key = id.clone();
            let on_change = Callback::new(move |point: u8| form.set(&[&key], Value::from(point)));
            let path = id.clone();
            let ends = match question.kind {
                QuestionKind::Nps => (EN.nps_low, EN.nps_high),
                QuestionKind::Ces => (EN.ces_low, EN.ces_high),
                _ => (EN.csat_low, EN.csat_high),
            };
            view! {
                <RatingScale
                    name=id.clone()
                    legend=text
                    scale=question.kind.scale().unwrap_or(1..=5)
                    ends=ends
                    value=Signal::derive(move || form.rating(&[&path]))
                    on_change=on_change
                />
            }
            .into_any()
        }
        QuestionKind::ExpectationGap { dimensions } => view! {
            <GapQuestion survey=survey.clone() question_id=id.clone() text=text dimensions=dimensions.clone() locale=locale.clone() form=form />
        }
        .into_any(),
        QuestionKind::Comment { max_length } => view! {
            <CommentField question_id=id.clone() label=text max_length=*max_length form=form />
        }
        .into_any(),
        _ => ().into_any(),
    };
    view! {
        <div
            class="candor-question"
            class:candor-question--invalid=move || error.get().is_some()
            aria-describedby=move || error.get().map(|_| described_by.clone())
            data-question=id.clone()
        >
            {body}
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="candor-question__error" id=error_id.clone() role="alert">
                                {message(e.code)}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// What to tell the respondent about a validation error.
fn message(code: ErrorCode) -> &'static str {
    match code {
        ErrorCode::Required => "Please answer this question.",
        ErrorCode::TooLong => "Please shorten your answer.",
        _ => "Please check this answer.",
    }
}
