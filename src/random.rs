//! Response ids from the browser's cryptographic random source.

use candor_core::ResponseId;

/// A fresh random response id. `crypto.getRandomValues` exists in every
/// browser that runs wasm; `Math.random` is the fallback for odd embeddings
/// (ids only need to be unique, not secret).
pub fn response_id() -> ResponseId {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    ResponseId::from_random_bytes(bytes)
}
