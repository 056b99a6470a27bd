//! Running the widget once where nobody sees it, for `Candor.prepare()`.
//!
//! The browser compiles a WebAssembly function when it first runs, on the
//! page's main thread: a survey's first drawing pays for compiling most of
//! the widget (about two thirds of the time to show it on a slow phone).
//! Drawn once ahead, in idle time, a survey shown later starts at once.

use std::collections::BTreeMap;

use candor_core::DisplayMode;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

use crate::{mount_widget, MountOptions};

/// Every question kind and rating style, so each one's code runs.
const SURVEY: &str = include_str!("warm_up.json");

/// Draws a survey of every question kind in an element that is in no
/// document, one question per task as the form does, then drops it.
/// Resolves when it is gone. Nothing is sent, stored or announced.
#[wasm_bindgen]
pub async fn warm_up() -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let host: HtmlElement = document.create_element("div")?.unchecked_into();
    let options = MountOptions {
        endpoint: String::new(),
        survey: "warm-up".to_owned(),
        definition: Some(SURVEY.to_owned()),
        display: Some(DisplayMode::Inline),
    };
    let handle = mount_widget(&host, options, Callback::new(|()| BTreeMap::new()))?;
    let root = host.shadow_root().ok_or("no shadow root")?;
    // A bound, not a wait: ten questions take ten tasks.
    for _ in 0..200 {
        next_task().await;
        let steps = root.query_selector_all(".candor-step")?;
        let drawn = (0..steps.length()).all(|i| {
            steps
                .item(i)
                .is_some_and(|step| step.unchecked_into::<Element>().child_element_count() > 0)
        });
        if steps.length() > 0 && drawn {
            break;
        }
    }
    drop(handle);
    Ok(())
}

/// Resolves in a task of its own, letting the page's work in between.
async fn next_task() {
    let pause = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(pause).await;
}
