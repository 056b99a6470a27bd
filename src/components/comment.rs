//! A free-text answer with a live character count.

use leptos::prelude::*;
use serde_json::Value;

use super::form_state::FormState;
use crate::i18n::{Strings, counted};

/// A labelled text area bound to the answer of `question_id`.
#[component]
pub fn CommentField(
    /// The question's id (the answer's key).
    question_id: String,
    /// The question as asked.
    label: String,
    /// Longest answer in characters.
    max_length: u32,
    /// Interface texts.
    strings: &'static Strings,
    /// The shown locale (the counter's plural and digits).
    locale: String,
    /// The form's answers.
    form: FormState,
) -> impl IntoView {
    let input_id = format!("candor-input-{question_id}");
    let counter_id = format!("candor-counter-{question_id}");
    // A resumed response's text is there again.
    let resumed = form
        .answers
        .with_untracked(|a| a.get(&question_id).and_then(Value::as_str).map(str::to_owned));
    let resumed = resumed.unwrap_or_default();
    let length = RwSignal::new(resumed.chars().count());
    let key = question_id.clone();
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        length.set(text.chars().count());
        form.set(&[&key], Value::from(text));
    };
    let left = move || i64::from(max_length) - length.get() as i64;
    view! {
        <div class="candor-comment">
            <label class="candor-question__text" for=input_id.clone()>
                {label}
            </label>
            <textarea
                class="candor-comment__input"
                id=input_id
                rows="3"
                maxlength=max_length.to_string()
                aria-describedby=counter_id.clone()
                prop:value=resumed
                on:input=on_input
            ></textarea>
            <p class="candor-comment__counter" id=counter_id>
                {move || counted(&locale, strings.characters_left, left().max(0) as u64)}
            </p>
        </div>
    }
}
