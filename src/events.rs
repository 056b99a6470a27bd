//! Events for the host page (`Candor.on("submit" | "dismiss" | "error",
//! fn)`). The loader hands over one function; the widget calls it with an
//! event name and a plain object. A throwing listener is caught here, so a
//! host page's bug cannot break the widget either.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::JsValue;

thread_local! {
    static LISTENER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Sets the function every event goes to (the loader's dispatcher).
pub fn listen(listener: js_sys::Function) {
    LISTENER.with(|l| *l.borrow_mut() = Some(listener));
}

/// Sends `name` with `detail` to the listener, if any.
pub fn emit(name: &str, detail: &impl Serialize) {
    // Plain objects, not Maps: what a host page's listener expects.
    let detail = detail
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL);
    LISTENER.with(|l| {
        if let Some(listener) = l.borrow().as_ref()
            && let Err(error) = listener.call2(&JsValue::NULL, &name.into(), &detail)
        {
            web_sys::console::warn_2(&"Candor: an event listener threw".into(), &error);
        }
    });
}
