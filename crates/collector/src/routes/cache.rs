//! JSON answers with an ETag and Cache-Control, and 304 for a client that
//! already has the same body.

use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// `value` as JSON, cacheable for `max_age` seconds; 304 when the request's
/// If-None-Match names the same body.
pub fn cached_json<T: Serialize>(request: &HeaderMap, value: &T, max_age: u32) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => cached_bytes(request, body.into(), max_age),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// As [`cached_json`] for a body already serialised.
pub fn cached_bytes(request: &HeaderMap, body: Bytes, max_age: u32) -> Response {
    let etag = format!("\"{:016x}\"", fnv1a(&body));
    let cache = format!("public, max-age={max_age}");
    let mut headers = HeaderMap::new();
    if let (Ok(etag), Ok(cache)) = (HeaderValue::from_str(&etag), HeaderValue::from_str(&cache)) {
        headers.insert(header::ETAG, etag);
        headers.insert(header::CACHE_CONTROL, cache);
    }
    if if_none_match(request, &etag) {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    (headers, body).into_response()
}

/// Whether the request's If-None-Match names `etag` (or `*`): the client's
/// copy is current.
pub(crate) fn if_none_match(request: &HeaderMap, etag: &str) -> bool {
    request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tags| {
            tags.split(',')
                .map(|tag| tag.trim().trim_start_matches("W/"))
                .any(|tag| tag == "*" || tag == etag)
        })
}

/// FNV-1a, 64 bits: stable across builds and runs, unlike std's hasher.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
