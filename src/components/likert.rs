//! A Likert question: each statement rated on one agreement scale.

use candor_core::{Labelled, Survey};
use leptos::prelude::*;
use serde_json::Value;

use super::form_state::FormState;
use super::one_per_frame::one_per_frame;
use super::rating_scale::RatingScale;
use super::reactive::show_if;
use crate::i18n::strings;

/// One scale per statement, every point named for screen readers.
#[component]
pub fn LikertQuestion(
    /// For texts in the shown locale.
    survey: Survey,
    /// The question's id (the answer's key).
    question_id: String,
    /// The question as asked.
    text: String,
    /// The statements, in order.
    statements: Vec<Labelled>,
    /// 5 or 7.
    points: u8,
    /// The shown locale.
    locale: String,
    /// The form's answers.
    form: FormState,
) -> impl IntoView {
    let s = strings(&locale);
    let names: &'static [&'static str] = if points == 7 { &s.agree7 } else { &s.agree5 };
    let ends = (names[0], names[names.len() - 1]);
    // Up to twelve scales: drawn a frame apart, as a gap question's are.
    let drawn = one_per_frame(statements.len());
    let rows = statements
        .into_iter()
        .enumerate()
        .map(|(i, statement)| {
            let legend = survey.text(&statement.label, &locale).to_owned();
            let (question, key) = (question_id.clone(), statement.id.to_string());
            let row = move || {
                let (question, key) = (question.clone(), key.clone());
                let read = (question.clone(), key.clone());
                view! {
                    <RatingScale
                        name=format!("{question}.{key}")
                        legend=legend.clone()
                        scale=1..=points
                        ends=ends
                        names=names
                        value=Signal::derive(move || form.rating(&[&read.0, &read.1]))
                        on_change=Callback::new(move |point: u8| {
                            form.set(&[&question, &key], Value::from(point))
                        })
                    />
                }
            };
            view! { <div class="candor-likert__row">{show_if(move || drawn.get() > i, row)}</div> }
        })
        .collect_view();
    view! {
        <div class="candor-likert">
            <p class="candor-question__text">{text}</p>
            {rows}
        </div>
    }
}
