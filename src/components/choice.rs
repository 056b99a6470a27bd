//! A labelled choice among a few options: native radio buttons (yes/no,
//! single choice) or checkboxes (multiple choice), so keyboard and screen
//! readers work as expected. One component for both keeps the widget small.

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

/// A row of labelled radio buttons or checkboxes.
#[component]
pub fn ChoiceGroup(
    /// Group name, unique within the form.
    name: String,
    /// The question, as the group's legend.
    legend: String,
    /// The options, in order.
    options: Vec<ChoiceOption>,
    /// Checkboxes (any number chosen) rather than radio buttons.
    multiple: bool,
    /// Whether an option's value is chosen now.
    chosen: Callback<Value, bool>,
    /// Whether the options not chosen cannot be now (the most are).
    full: Option<Signal<bool>>,
    /// Called with an option's value and whether it is now chosen.
    on_change: Callback<(Value, bool)>,
    /// Said under the legend (how many may be chosen).
    hint: Option<String>,
    /// Drawn after the options, inside the group ("Other"'s own field).
    after: Option<AnyView>,
) -> impl IntoView {
    let kind = if multiple { "checkbox" } else { "radio" };
    let hint_id = format!("candor-hint-{name}");
    let described_by = hint.is_some().then(|| hint_id.clone());
    let options = options
        .into_iter()
        .enumerate()
        .map(|(i, option)| {
            let (checked, unavailable, sent) = (option.value.clone(), option.value.clone(), option.value);
            let disabled = move || full.is_some_and(|full| full.get()) && !chosen.run(unavailable.clone());
            view! {
                <label class="candor-choice__option">
                    <input
                        class="candor-choice__input"
                        type=kind
                        name=name.clone()
                        value=i.to_string()
                        prop:checked=move || chosen.run(checked.clone())
                        prop:disabled=disabled
                        on:change=move |ev| on_change.run((sent.clone(), event_target_checked(&ev)))
                    />
                    <span class="candor-choice__label">{option.label}</span>
                </label>
            }
        })
        .collect_view();
    let hint = hint.map(|hint| {
        view! {
            <p class="candor-choice__hint" id=hint_id>
                {hint}
            </p>
        }
    });
    view! {
        <fieldset class="candor-choice" aria-describedby=described_by>
            <legend class="candor-scale__legend">{legend}</legend>
            {hint}
            <div class="candor-choice__options">{options}</div>
            {after}
        </fieldset>
    }
}
