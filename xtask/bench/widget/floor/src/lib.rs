//! The size floor of `cargo xtask bench widget`: the least a survey in
//! Leptos can be. One 1–5 rating, a comment, a submit button and a thank-you,
//! built with the widget's profile and wasm-opt. The bench reports Candor's
//! whole widget as a multiple of this, measured in the same run, so the size
//! goal can be read against what the framework alone costs.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[component]
fn Rating(label: &'static str, value: RwSignal<Option<u8>>) -> impl IntoView {
    view! {
        <fieldset>
            <legend>{label}</legend>
            <For each=move || 1..=5u8 key=|n| *n let:n>
                <label>
                    <input
                        type="radio"
                        name=label
                        checked=move || value.get() == Some(n)
                        on:change=move |_| value.set(Some(n))
                    />
                    {n}
                </label>
            </For>
        </fieldset>
    }
}

#[component]
fn Survey() -> impl IntoView {
    let rating = RwSignal::new(None);
    let comment = RwSignal::new(String::new());
    let sent = RwSignal::new(false);
    view! {
        <Show when=move || !sent.get() fallback=|| view! { <p>"Thank you!"</p> }>
            <form on:submit=move |event| {
                event.prevent_default();
                sent.set(true);
            }>
                <Rating label="How satisfied are you?" value=rating />
                <textarea
                    prop:value=move || comment.get()
                    on:input=move |event| comment.set(event_target_value(&event))
                />
                <button type="submit" disabled=move || rating.get().is_none()>
                    "Send"
                </button>
            </form>
        </Show>
    }
}

/// Draws the survey at the end of the page's body.
#[wasm_bindgen]
pub fn mount() {
    leptos::mount::mount_to_body(Survey);
}
