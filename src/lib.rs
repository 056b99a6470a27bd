//! Candor's survey widget: a Leptos component compiled to WebAssembly and
//! mounted by a tiny loader (`pkg/candor.js`) into a shadow root on any page.
//!
//! The loader calls [`mount`], [`mount_snapshot`] and [`flush_outbox`];
//! Leptos apps can render [`Widget`] directly. Everything the widget does is
//! contained: failures become console warnings, never exceptions thrown into
//! the host page.

mod api;
pub mod chart;
mod components;
mod draft;
mod events;
mod i18n;
mod json;
mod memory;
mod outbox;
mod random;
mod shadow;
mod storage;
mod task;
mod theme;
mod warm_up;

use std::collections::BTreeMap;

use candor_core::{DisplayMode, Survey};
use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::cell::TalcSyncCell<talc::wasm::WasmGrowAndClaim, talc::wasm::WasmBinning> =
    talc::cell::TalcSyncCell::new_wasm(talc::wasm::WasmGrowAndClaim);

pub use api::{Api, ApiError};
pub use components::{LiveSnapshot, SurveyForm, Widget};
/// Numbers as a locale writes them, shared with the dashboard.
pub mod intl {
    pub use crate::i18n::{Category, Forms, counted, integer, number, percent, plural};
}

// For tests and the warm-up: when a survey is drawn whole.
#[doc(hidden)]
pub use components::{drawn_since, lists_begun};
pub use warm_up::warm_up;

/// What the loader says about a survey to mount.
#[derive(Deserialize)]
struct MountOptions {
    /// The collector's origin, or any base URL serving `/v1`.
    endpoint: String,
    /// The survey's id.
    survey: String,
    /// The survey as JSON, for endpoints that do not serve definitions.
    #[serde(default)]
    definition: Option<String>,
    /// Overrides the survey's display setting.
    #[serde(default)]
    display: Option<DisplayMode>,
    /// The identified visitor's hash (`Candor.identify`).
    #[serde(default)]
    visitor: Option<candor_core::visitor::VisitorHash>,
}

/// Mounts the widget inside `host`'s shadow root. `options` is
/// `{endpoint, survey, definition?, display?, visitor?}`; `listener(name, detail)`
/// hears `submit`, `dismiss` and `error`; `context()` returns the hidden
/// fields to send (an object of text values), read when a response is sent.
/// Called by the loader once the wasm is ready. Resolves once the first
/// question is drawn.
#[cfg_attr(feature = "survey", wasm_bindgen)]
pub async fn mount(
    host: web_sys::HtmlElement,
    options: JsValue,
    listener: js_sys::Function,
    context: js_sys::Function,
) -> Result<(), JsValue> {
    // A first run compiles as it goes: reading, compiling ahead and drawing
    // then go in tasks of their own so none is long (the module's
    // instantiation ends the task that called us). Warmed up, drawing at once
    // is quicker (it makes the next frame).
    let cold = !warm_up::done();
    if cold {
        task::next().await;
    }
    let options: MountOptions = serde_wasm_bindgen::from_value(options)?;
    let definition = options.definition()?;
    if cold {
        task::next().await;
        if let Some(survey) = &definition {
            // Only a speed-up: should it fail, the survey is still drawn
            // (compiling as it goes).
            let _ = warm_up::ahead(survey).await;
        }
    }
    events::listen(listener);
    let context = send_wrapper::SendWrapper::new(context);
    let context = Callback::new(move |()| {
        context
            .call0(&JsValue::NULL)
            .ok()
            .and_then(|fields| serde_wasm_bindgen::from_value::<BTreeMap<String, String>>(fields).ok())
            .unwrap_or_default()
    });
    let api = Api::new(&options.endpoint, &options.survey)
        .reporting()
        .for_visitor(options.visitor);
    mount_widget(&host, api, definition, options.display, context)?.forget();
    outbox::resume();
    Ok(())
}

impl MountOptions {
    /// The inline survey, when one was given.
    fn definition(&self) -> Result<Option<Survey>, JsValue> {
        self.definition
            .as_deref()
            .map(json::survey)
            .transpose()
            .map_err(|error| format!("Candor: the inline survey is not valid: {error}").into())
    }
}

/// The widget in `host`'s shadow root, as [`mount`] and [`warm_up`] show it.
pub(crate) fn mount_widget(
    host: &web_sys::HtmlElement,
    api: Api,
    definition: Option<Survey>,
    display: Option<DisplayMode>,
    context: Callback<(), BTreeMap<String, String>>,
) -> Result<leptos::mount::UnmountHandle<impl Mountable + use<>>, JsValue> {
    let container = shadow::attach(host)?;
    let definition = StoredValue::new(definition);
    Ok(leptos::mount::mount_to(container, move || {
        view! { <Widget api=api definition=definition.get_value() display=display context=context /> }
    }))
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

/// A survey shown for an editor (the dashboard's live preview): the form as
/// respondents see it in `locale`, styled and isolated as on a host page,
/// sending nothing. Dropping it removes it.
pub struct Preview(
    #[allow(dead_code)] leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
);

/// Shows `survey` in `host`'s shadow root as a [`Preview`].
pub fn preview(host: &web_sys::HtmlElement, survey: Survey, locale: String) -> Result<Preview, JsValue> {
    let container = shadow::attach(host)?;
    let dir = i18n::direction(&locale);
    let lang = locale.clone();
    let handle = leptos::mount::mount_to(container, move || {
        view! {
            <section class="candor-shell" lang=lang dir=dir>
                <div class="candor candor--inline">
                    <SurveyForm survey=survey on_submit=Callback::new(|_| ()) locale=locale />
                </div>
            </section>
        }
        .into_any()
    });
    Ok(Preview(handle))
}

/// Sends what waits in the outbox (the loader calls this on a page view
/// when an earlier one left responses unsent); `listener` hears `error`.
#[cfg_attr(feature = "survey", wasm_bindgen)]
pub fn flush_outbox(listener: js_sys::Function) {
    events::listen(listener);
    outbox::resume();
}
