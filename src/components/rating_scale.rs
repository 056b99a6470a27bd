//! A rating scale: native radio buttons in a fieldset, so arrow keys, Tab and
//! screen readers work as users expect, styled as large buttons.

use std::ops::RangeInclusive;

use leptos::prelude::*;

/// One row of points to choose from (1–5 or 1–7).
#[component]
pub fn RatingScale(
    /// Radio group name, unique within the form.
    name: String,
    /// The question, as the group's visible legend and accessible name.
    legend: String,
    /// The points offered.
    scale: RangeInclusive<u8>,
    /// What the lowest and the highest point mean.
    ends: (&'static str, &'static str),
    /// The chosen point.
    #[prop(into)]
    value: Signal<Option<u8>>,
    /// Called with a newly chosen point.
    on_change: Callback<u8>,
) -> impl IntoView {
    let (low, high) = (*scale.start(), *scale.end());
    let options = scale
        .map(|point| {
            // The ends carry their meaning for screen readers; sighted users
            // read it under the row.
            let label = match point {
                p if p == low => format!("{p}, {}", ends.0),
                p if p == high => format!("{p}, {}", ends.1),
                p => p.to_string(),
            };
            view! {
                <label class="candor-scale__option">
                    <input
                        class="candor-scale__input"
                        type="radio"
                        name=name.clone()
                        value=point.to_string()
                        aria-label=label
                        prop:checked=move || value.get() == Some(point)
                        on:change=move |_| on_change.run(point)
                    />
                    <span class="candor-scale__point" aria-hidden="true">{point}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="candor-scale">
            <legend class="candor-scale__legend">{legend}</legend>
            <div class="candor-scale__track">
                <div class="candor-scale__options">{options}</div>
                <div class="candor-scale__ends" aria-hidden="true">
                    <span>{ends.0}</span>
                    <span>{ends.1}</span>
                </div>
            </div>
        </fieldset>
    }
}
