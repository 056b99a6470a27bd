//! Candor's dashboard: survey owners sign in with the admin token and watch
//! their surveys' figures live. A Leptos app compiled to WebAssembly, served
//! by the collector at `/dashboard/` under a strict security policy; it only
//! talks to the collector's admin API, on the same origin.

mod api;
mod charts;
mod components;
mod download;
mod format;
mod i18n;
mod scope;
mod session;

use wasm_bindgen::prelude::*;

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the dashboard into the page's body (called by `dashboard.js`).
#[wasm_bindgen]
pub fn start() {
    // A bug shows its message in the console, not only "unreachable".
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into())
    }));
    leptos::mount::mount_to_body(components::App);
}
