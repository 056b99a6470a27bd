//! localStorage as JSON, never throwing. Storage can be missing (sandboxed
//! iframes, privacy modes) or full; the widget then carries on without it.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The value under `key`, or `None` when absent, unreadable or not `T`.
pub fn read<T: DeserializeOwned>(key: &str) -> Option<T> {
    crate::json::from_js(read_js(key)?).ok()
}

/// The value under `key` as the browser parsed it, or `None` when absent or
/// unreadable.
pub fn read_js(key: &str) -> Option<JsValue> {
    let text = local()?.get_item(key).ok().flatten()?;
    js_sys::JSON::parse(&text).ok()
}

/// Stores `value` under `key`; false when the browser refused.
pub fn write<T: Serialize>(key: &str, value: &T) -> bool {
    let (Some(storage), Ok(text)) = (local(), crate::json::stringify(value)) else {
        return false;
    };
    storage.set_item(key, &text).is_ok()
}

/// Stores the browser's `value` under `key`; false when the browser refused.
pub fn write_js(key: &str, value: &JsValue) -> bool {
    let (Some(storage), Ok(text)) = (local(), js_sys::JSON::stringify(value)) else {
        return false;
    };
    storage.set_item(key, &String::from(text)).is_ok()
}

/// Removes `key`.
pub fn remove(key: &str) {
    if let Some(storage) = local() {
        let _ = storage.remove_item(key);
    }
}

/// Milliseconds since the Unix epoch, as the browser's clock says.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}
