//! Candor's survey widget: a Leptos component compiled to WebAssembly and
//! mounted by a tiny loader (`pkg/candor.js`) into a shadow root on any page.
//!
//! The loader calls [`mount`]; Leptos apps can render [`Widget`] directly.
//! Everything the widget does is contained: failures become console warnings,
//! never exceptions thrown into the host page.

mod api;
mod components;
mod i18n;
mod random;
mod shadow;
mod theme;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

pub use api::{Api, ApiError};
pub use components::{LiveSnapshot, SurveyForm, Widget};

/// Mounts the widget for `survey`, talking to `endpoint`, inside `host`'s
/// shadow root. Called by the loader once the wasm is ready.
#[wasm_bindgen]
pub fn mount(host: web_sys::HtmlElement, endpoint: String, survey: String) -> Result<(), JsValue> {
    let container = shadow::attach(&host)?;
    let api = Api::new(&endpoint, &survey);
    leptos::mount::mount_to(container, move || view! { <Widget api=api /> }).forget();
    Ok(())
}

/// Mounts a live snapshot of `survey`'s public figures inside `host`'s
/// shadow root (`<candor-snapshot>`), updated from the snapshot stream.
#[wasm_bindgen]
pub fn mount_snapshot(host: web_sys::HtmlElement, endpoint: String, survey: String) -> Result<(), JsValue> {
    let container = shadow::attach(&host)?;
    let api = Api::new(&endpoint, &survey);
    leptos::mount::mount_to(container, move || view! { <LiveSnapshot api=api /> }).forget();
    Ok(())
}
