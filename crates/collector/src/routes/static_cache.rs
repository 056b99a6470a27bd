//! How long browsers may keep the static site's files.

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// A file asked for by its build (`?v=…`: the site's loader asks for the
/// widget's modules so, and a new build asks by a new name) is kept for
/// good, so a returning visitor fetches nothing when a survey shows. Any
/// other is kept but checked before each use (a 304 when unchanged):
/// browsers would otherwise cache it for a guessed while, and after an
/// upgrade could mix one build's glue with another's wasm, which cannot
/// start.
pub async fn policy(request: Request, next: Next) -> Response {
    let by_build = request
        .uri()
        .query()
        .is_some_and(|query| query.split('&').any(|pair| pair.starts_with("v=")));
    let mut response = next.run(request).await;
    let policy = if by_build && response.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static(policy));
    response
}
