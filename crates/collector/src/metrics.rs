//! Prometheus-format metrics: requests by route and status, latencies,
//! responses stored, and rejections by error code. Kept in memory per
//! process; `/metrics` renders them.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use candor_core::ErrorCode;

use crate::AppState;

/// Latency histogram bucket bounds, in seconds.
const BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0];

/// One route's latency histogram.
#[derive(Default)]
struct Latency {
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

/// The collector's counters.
#[derive(Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, String, u16), u64>>,
    latency: Mutex<BTreeMap<String, Latency>>,
    rejections: Mutex<BTreeMap<String, u64>>,
    stored: AtomicU64,
}

impl Metrics {
    /// Counts a stored response.
    pub fn response_stored(&self) {
        self.stored.fetch_add(1, Ordering::Relaxed);
    }

    fn observe(&self, method: &str, route: &str, status: u16, elapsed: Duration, code: Option<ErrorCode>) {
        if let Ok(mut requests) = self.requests.lock() {
            *requests
                .entry((method.to_owned(), route.to_owned(), status))
                .or_default() += 1;
        }
        if let Ok(mut latency) = self.latency.lock() {
            let entry = latency.entry(route.to_owned()).or_default();
            let seconds = elapsed.as_secs_f64();
            for (bucket, bound) in entry.buckets.iter_mut().zip(BUCKETS) {
                if seconds <= bound {
                    *bucket += 1;
                }
            }
            entry.count += 1;
            entry.sum += seconds;
        }
        if let Some(code) = code
            && let Ok(mut rejections) = self.rejections.lock()
        {
            let name = serde_json::to_value(code)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            *rejections.entry(name).or_default() += 1;
        }
    }

    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str("# HELP candor_http_requests_total HTTP requests by method, route and status.\n");
        out.push_str("# TYPE candor_http_requests_total counter\n");
        if let Ok(requests) = self.requests.lock() {
            for ((method, route, status), n) in requests.iter() {
                let _ = writeln!(
                    out,
                    "candor_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {n}"
                );
            }
        }
        out.push_str("# HELP candor_http_request_duration_seconds Request latency by route.\n");
        out.push_str("# TYPE candor_http_request_duration_seconds histogram\n");
        if let Ok(latency) = self.latency.lock() {
            for (route, l) in latency.iter() {
                for (bound, n) in BUCKETS.iter().zip(l.buckets) {
                    let _ = writeln!(
                        out,
                        "candor_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {n}"
                    );
                }
                let _ = writeln!(
                    out,
                    "candor_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                    l.count
                );
                let _ = writeln!(
                    out,
                    "candor_http_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                    l.sum
                );
                let _ = writeln!(
                    out,
                    "candor_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                    l.count
                );
            }
        }
        out.push_str("# HELP candor_responses_stored_total Survey responses stored.\n");
        out.push_str("# TYPE candor_responses_stored_total counter\n");
        let _ = writeln!(
            out,
            "candor_responses_stored_total {}",
            self.stored.load(Ordering::Relaxed)
        );
        out.push_str("# HELP candor_rejections_total Requests refused, by error code.\n");
        out.push_str("# TYPE candor_rejections_total counter\n");
        if let Ok(rejections) = self.rejections.lock() {
            for (code, n) in rejections.iter() {
                let _ = writeln!(out, "candor_rejections_total{{code=\"{code}\"}} {n}");
            }
        }
        out
    }
}

/// Middleware: times every request and counts it by its route pattern (not
/// its path, so ids do not explode the label set).
pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let method = request.method().to_string();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str)
        .to_owned();
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    let code = response.extensions().get::<ErrorCode>().copied();
    state.metrics.observe(
        &method,
        &route,
        response.status().as_u16(),
        started.elapsed(),
        code,
    );
    response
}

/// `GET /metrics`.
pub async fn render(State(state): State<AppState>) -> String {
    state.metrics.render()
}
