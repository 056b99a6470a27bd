//! A multiple-choice question: checkboxes (the shared choice group), and
//! "Other" opening a text field of its own.

use std::ops::RangeInclusive;

use candor_core::MAX_OTHER;
use leptos::prelude::*;
use serde_json::Value;

use super::choice::{ChoiceGroup, ChoiceOption};
use super::form_state::FormState;
use crate::i18n::{Strings, integer};

/// The options as checkboxes; once the most allowed are chosen the others
/// are disabled, so an answer never makes too many choices. "Other" is the
/// option whose value is `null`.
#[component]
pub fn MultipleChoice(
    /// The question's id (the answer's key).
    question_id: String,
    /// The question, as the group's legend.
    legend: String,
    /// The options, in order (each value an option id).
    options: Vec<ChoiceOption>,
    /// Whether "Other" is offered.
    other: bool,
    /// How many choices an answer makes, at least and at most.
    selections: RangeInclusive<usize>,
    /// The shown locale (for numbers).
    locale: String,
    /// Interface texts.
    strings: &'static Strings,
    /// The form's answers.
    form: FormState,
) -> impl IntoView {
    let key = question_id.clone();
    let selected = Signal::derive(move || {
        form.answers.with(|answers| {
            answers
                .get(&key)
                .and_then(|a| a.get("selected"))
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        })
    });
    // A resumed response's "Other" is there again.
    let resumed = form.answers.with_untracked(|a| {
        a.get(&question_id)
            .and_then(|a| a.get("other"))
            .and_then(Value::as_str)
            .map(str::to_owned)
    });
    let other_on = RwSignal::new(resumed.is_some());
    let other_text = RwSignal::new(resumed.unwrap_or_default());
    let (min, max) = (*selections.start(), *selections.end());
    let all = options.len() + usize::from(other);
    let full = Signal::derive(move || selected.with(Vec::len) + usize::from(other_on.get()) >= max);
    let ids: Vec<Value> = options.iter().map(|o| o.value.clone()).collect();
    let chosen = Callback::new(move |value: Value| match value {
        Value::Null => other_on.get(),
        value => selected.with(|s| s.contains(&value)),
    });
    let key = question_id.clone();
    let on_change = Callback::new(move |(value, on): (Value, bool)| {
        if value.is_null() {
            other_on.set(on);
            let text = on.then(|| Value::from(other_text.get_untracked()));
            form.set(&[&key, "other"], text.unwrap_or(Value::Null));
            return;
        }
        let before = selected.get_untracked();
        // Kept in the question's order, whatever the order of the clicks.
        let after = ids
            .iter()
            .filter(|id| if **id == value { on } else { before.contains(id) })
            .cloned()
            .collect();
        form.set(&[&key, "selected"], Value::Array(after));
    });
    let mut options = options;
    if other {
        options.push(ChoiceOption {
            value: Value::Null,
            label: strings.other.to_owned(),
        });
    }
    let number = |n: usize| integer(&locale, n as u64);
    let mut hints = Vec::new();
    if min > 1 {
        hints.push(strings.at_least.replace("{n}", &number(min)));
    }
    if max < all {
        hints.push(strings.at_most.replace("{n}", &number(max)));
    }
    let key = question_id.clone();
    let field = other.then(|| {
        view! {
            <input
                class="candor-contact__input candor-choice__other"
                type="text"
                hidden=move || !other_on.get()
                aria-label=strings.other_text
                maxlength=MAX_OTHER.to_string()
                prop:value=other_text.get_untracked()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    other_text.set(text.clone());
                    form.set(&[&key, "other"], Value::from(text));
                }
            />
        }
        .into_any()
    });
    view! {
        <ChoiceGroup
            name=question_id
            legend=legend
            options=options
            multiple=true
            chosen=chosen
            full=Some(full)
            on_change=on_change
            hint=(!hints.is_empty()).then(|| hints.join(" · "))
            after=field
        />
    }
}
