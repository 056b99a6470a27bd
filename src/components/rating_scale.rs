//! A rating scale: native radio buttons in a fieldset, so arrow keys, Tab and
//! screen readers work as users expect, styled as large buttons.

use std::ops::RangeInclusive;

use candor_core::CsatDisplay;
use leptos::prelude::*;

/// Faces from frowning to beaming, for 5 and for 7 points.
const FACES_5: [&str; 5] = ["😠", "🙁", "😐", "🙂", "😄"];
const FACES_7: [&str; 7] = ["😠", "😟", "🙁", "😐", "🙂", "😊", "😄"];

/// What a point shows: its number, a star, or a face.
fn glyph(display: CsatDisplay, point: u8, low: u8, high: u8) -> String {
    let index = usize::from(point - low);
    match display {
        CsatDisplay::Numbers => point.to_string(),
        CsatDisplay::Stars => "★".to_owned(),
        CsatDisplay::Faces if high - low == 4 => FACES_5[index].to_owned(),
        CsatDisplay::Faces => FACES_7.get(index).copied().unwrap_or("•").to_owned(),
    }
}

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
    /// How the points look (numbers unless told).
    #[prop(optional)]
    display: Option<CsatDisplay>,
    /// Every point's meaning, from the lowest (an agreement scale's words),
    /// for screen readers; without them only the ends are named.
    #[prop(optional)]
    names: Option<&'static [&'static str]>,
) -> impl IntoView {
    let (low, high) = (*scale.start(), *scale.end());
    let display = display.unwrap_or(CsatDisplay::Numbers);
    let stars = display == CsatDisplay::Stars;
    let options = scale
        .map(|point| {
            // The ends carry their meaning for screen readers; sighted users
            // read it under the row.
            let named = names.and_then(|names| names.get(usize::from(point - low)));
            let label = match (point, named) {
                (p, Some(name)) => format!("{p}, {name}"),
                (p, None) if p == low => format!("{p}, {}", ends.0),
                (p, None) if p == high => format!("{p}, {}", ends.1),
                (p, None) => p.to_string(),
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
                    <span
                        class="candor-scale__point"
                        class:candor-scale__point--star=stars
                        // Stars fill up to the chosen one.
                        class:candor-scale__point--lit=move || stars && value.get().is_some_and(|v| v >= point)
                        aria-hidden="true"
                    >
                        {glyph(display, point, low, high)}
                    </span>
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
