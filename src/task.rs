//! Yielding the page's main thread between steps of work, and the results
//! of work that waits.

use leptos::prelude::*;

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

/// What `future` resolves to, `None` until then: a `LocalResource` that
/// never refetches, without the machinery a resource brings along for
/// transitions and suspense (async locks, channels; docs/benchmarks.md
/// has what it weighs). The future runs in a microtask, as a resource's
/// does.
pub fn resolved<T: Send + Sync + 'static>(
    future: impl Future<Output = T> + 'static,
) -> ReadSignal<Option<T>> {
    let value = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        let result = future.await;
        // The component may be gone by then; its signal with it.
        let _ = value.try_set(Some(result));
    });
    value.read_only()
}
