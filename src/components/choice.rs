//! A labelled choice among a few options (yes/no, single choice): native
//! radio buttons, so keyboard and screen readers work as expected.

use leptos::prelude::*;
use serde_json::Value;

/// One option: the value sent and the label shown.
#[derive(Clone)]
pub struct ChoiceOption {
    /// What the answer holds when chosen.
    pub value: Value,
    /// What the respondent reads.
    pub label: String,
}

/// A row of labelled radio buttons.
#[component]
pub fn ChoiceGroup(
    /// Radio group name, unique within the form.
    name: String,
    /// The question, as the group's legend.
    legend: String,
    /// The options, in order.
    options: Vec<ChoiceOption>,
    /// The chosen value.
    #[prop(into)]
    value: Signal<Option<Value>>,
    /// Called with a newly chosen value.
    on_change: Callback<Value>,
) -> impl IntoView {
    let options = options
        .into_iter()
        .enumerate()
        .map(|(i, option)| {
            let chosen = option.value.clone();
            let sent = option.value.clone();
            view! {
                <label class="candor-choice__option">
                    <input
                        class="candor-choice__input"
                        type="radio"
                        name=name.clone()
                        value=i.to_string()
                        prop:checked=move || value.get().as_ref() == Some(&chosen)
                        on:change=move |_| on_change.run(sent.clone())
                    />
                    <span class="candor-choice__label">{option.label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="candor-choice">
            <legend class="candor-scale__legend">{legend}</legend>
            <div class="candor-choice__options">{options}</div>
        </fieldset>
    }
}
