//! An expectation-gap question: per dimension, "what did you expect?" and
//! "what did you get?" on 1–7.

use candor_core::{Dimension, Survey};
use leptos::prelude::*;
use serde_json::Value;

use super::form_state::FormState;
use super::rating_scale::RatingScale;
use crate::i18n::strings;

/// The pairs of scales for each dimension of one gap question.
#[component]
pub fn GapQuestion(
    /// For texts in the shown locale.
    survey: Survey,
    /// The question's id (the answer's key).
    question_id: String,
    /// The question as asked.
    text: String,
    /// The dimensions asked about.
    dimensions: Vec<Dimension>,
    /// The shown locale.
    locale: String,
    /// The form's answers.
    form: FormState,
) -> impl IntoView {
    let s = strings(&locale);
    let rows = dimensions
        .into_iter()
        .map(|dimension| {
            let label = survey.text(&dimension.label, &locale).to_owned();
            let scales = [("expected", s.expected), ("experienced", s.experienced)].map(|(side, legend)| {
                let question = question_id.clone();
                let dim = dimension.id.to_string();
                let path = [question.clone(), dim.clone(), side.to_owned()];
                let on_change =
                    Callback::new(move |point: u8| form.set(&[&question, &dim, side], Value::from(point)));
                view! {
                    <RatingScale
                        name=format!("{}.{}.{}", path[0], path[1], side)
                        legend=legend.to_owned()
                        scale=1..=7
                        ends=(s.gap_low, s.gap_high)
                        value=Signal::derive(move || form.rating(&[&path[0], &path[1], &path[2]]))
                        on_change=on_change
                    />
                }
            });
            view! {
                <fieldset class="candor-gap__dimension" data-dimension=dimension.id.to_string()>
                    <legend class="candor-gap__label">{label}</legend>
                    {scales}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <div class="candor-gap">
            <p class="candor-question__text">{text}</p>
            {rows}
        </div>
    }
}
