//! An expectation-gap question: per dimension, "what did you expect?" and
//! "what did you get?" on 1–7.

use candor_core::{Dimension, Survey};
use leptos::prelude::*;
use serde_json::Value;

use super::form_state::FormState;
use super::one_per_frame::one_per_frame;
use super::rating_scale::RatingScale;
use super::reactive::show_if;
use crate::i18n::{Strings, strings};

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
    // A dimension is two scales of seven points: six of them are the
    // survey's largest part to lay out, so they come a frame apart too.
    let drawn = one_per_frame(dimensions.len());
    let rows = dimensions
        .into_iter()
        .enumerate()
        .map(|(i, dimension)| {
            let label = survey.text(&dimension.label, &locale).to_owned();
            let (question, dim) = (question_id.clone(), dimension.id.to_string());
            // The row's place is there from the start (a box of its own
            // only once drawn: display: contents).
            view! {
                <div class="candor-gap__row">
                    {show_if(
                        move || drawn.get() > i,
                        move || dimension_row(question.clone(), dim.clone(), label.clone(), s, form),
                    )}
                </div>
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

/// One dimension: "what did you expect?" and "what did you get?".
fn dimension_row(
    question: String,
    dim: String,
    label: String,
    s: &'static Strings,
    form: FormState,
) -> impl IntoView {
    let scales = [("expected", s.expected), ("experienced", s.experienced)].map(|(side, legend)| {
        let (question, dim) = (question.clone(), dim.clone());
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
        <fieldset class="candor-gap__dimension" data-dimension=dim>
            <legend class="candor-gap__label">{label}</legend>
            {scales}
        </fieldset>
    }
}
