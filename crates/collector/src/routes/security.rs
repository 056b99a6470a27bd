//! Security headers for the dashboard's pages and files: a strict policy (no
//! inline script or style, no framing), no MIME sniffing, no referrer. The
//! demo page carries its own policy; the API answers JSON.

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// The dashboard's Content-Security-Policy.
pub const DASHBOARD_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; \
     base-uri 'none'; form-action 'self'; object-src 'none'";

/// Adds the headers to everything under `/dashboard`.
pub async fn dashboard_headers(request: Request, next: Next) -> Response {
    let dashboard = request.uri().path().starts_with("/dashboard");
    let mut response = next.run(request).await;
    if dashboard {
        let headers = response.headers_mut();
        let set = [
            (header::CONTENT_SECURITY_POLICY, DASHBOARD_POLICY),
            (header::X_FRAME_OPTIONS, "DENY"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::REFERRER_POLICY, "no-referrer"),
            (
                HeaderName::from_static("cross-origin-opener-policy"),
                "same-origin",
            ),
        ];
        for (name, value) in set {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
    response
}
