//! Yielding the page's main thread between steps of work.

/// Resolves in a task of its own (a zero timeout), so the work before and
/// after it are separate tasks and the page's own work can run between.
pub async fn next() {
    let pause = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(pause).await;
}
