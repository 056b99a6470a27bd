//! Prometheus-format metrics: requests by route and status, latencies,
//! responses stored, rejections by error code, and connections open, shed
//! and closed by the server. Kept in memory per process; `/metrics` renders
//! them. Every label comes from a closed set (methods outside the standard
//! ones are `other`, routes are patterns), so no request can add a series.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::extract::{MatchedPath, Request, State};
use axum::http::Method;
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

/// Why a new connection was closed at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shed {
    /// The server holds as many connections as it may.
    Total,
    /// Its client holds as many as one client may.
    PerClient,
}

impl Shed {
    /// The metric label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Total => "total",
            Self::PerClient => "per_client",
        }
    }
}

/// Why the server closed a connection it had admitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    /// No complete request head within the read timeout.
    HeadTimeout,
    /// It reached its maximum age.
    MaxAge,
}

impl Closed {
    /// The metric label.
    pub fn label(self) -> &'static str {
        match self {
            Self::HeadTimeout => "head_timeout",
            Self::MaxAge => "max_age",
        }
    }
}

/// The collector's counters.
#[derive(Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(&'static str, String, u16), u64>>,
    latency: Mutex<BTreeMap<String, Latency>>,
    rejections: Mutex<BTreeMap<String, u64>>,
    stored: AtomicU64,
    connections_open: AtomicU64,
    shed_total: AtomicU64,
    shed_per_client: AtomicU64,
    closed_head_timeout: AtomicU64,
    closed_max_age: AtomicU64,
    streams_refused: AtomicU64,
    snapshot_builds: AtomicU64,
    writer_restarts: AtomicU64,
}

impl Metrics {
    /// Counts a connection admitted.
    pub fn connection_opened(&self) {
        self.connections_open.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts an admitted connection gone.
    pub fn connection_closed(&self) {
        self.connections_open.fetch_sub(1, Ordering::Relaxed);
    }

    /// Counts a connection shed at once.
    pub fn connection_shed(&self, reason: Shed) {
        match reason {
            Shed::Total => &self.shed_total,
            Shed::PerClient => &self.shed_per_client,
        }
        .fetch_add(1, Ordering::Relaxed);
    }

    /// Counts a connection the server closed.
    pub fn connection_cut(&self, reason: Closed) {
        match reason {
            Closed::HeadTimeout => &self.closed_head_timeout,
            Closed::MaxAge => &self.closed_max_age,
        }
        .fetch_add(1, Ordering::Relaxed);
    }

    /// Counts a snapshot stream refused for a cap.
    pub fn stream_refused(&self) {
        self.streams_refused.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts a snapshot built (not served from the cache).
    pub fn snapshot_built(&self) {
        self.snapshot_builds.fetch_add(1, Ordering::Relaxed);
    }

    /// Snapshots built so far.
    pub fn snapshot_builds(&self) -> u64 {
        self.snapshot_builds.load(Ordering::Relaxed)
    }

    /// Sets how often the response writer was restarted.
    pub fn set_writer_restarts(&self, restarts: u64) {
        self.writer_restarts.store(restarts, Ordering::Relaxed);
    }

    /// Counts a stored response.
    pub fn response_stored(&self) {
        self.stored.fetch_add(1, Ordering::Relaxed);
    }

    fn observe(
        &self,
        method: &'static str,
        route: &str,
        status: u16,
        elapsed: Duration,
        code: Option<ErrorCode>,
    ) {
        if let Ok(mut requests) = self.requests.lock() {
            *requests.entry((method, route.to_owned(), status)).or_default() += 1;
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
        let counters: [(&str, &str, &str, &AtomicU64); 7] = [
            (
                "candor_connections_shed_total",
                "reason=\"total\"",
                "New connections closed at once, by the cap they met.",
                &self.shed_total,
            ),
            (
                "candor_connections_shed_total",
                "reason=\"per_client\"",
                "",
                &self.shed_per_client,
            ),
            (
                "candor_connections_closed_total",
                "reason=\"head_timeout\"",
                "Connections the server closed, by reason.",
                &self.closed_head_timeout,
            ),
            (
                "candor_connections_closed_total",
                "reason=\"max_age\"",
                "",
                &self.closed_max_age,
            ),
            (
                "candor_streams_refused_total",
                "",
                "Snapshot streams refused for a cap.",
                &self.streams_refused,
            ),
            (
                "candor_snapshot_builds_total",
                "",
                "Snapshots built from summaries (not served from the cache).",
                &self.snapshot_builds,
            ),
            (
                "candor_writer_restarts_total",
                "",
                "Times the response writer died and was started again.",
                &self.writer_restarts,
            ),
        ];
        for (name, labels, help, value) in counters {
            if !help.is_empty() {
                let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter");
            }
            let labels = if labels.is_empty() {
                String::new()
            } else {
                format!("{{{labels}}}")
            };
            let _ = writeln!(out, "{name}{labels} {}", value.load(Ordering::Relaxed));
        }
        out.push_str("# HELP candor_connections_open Connections open now.\n");
        out.push_str("# TYPE candor_connections_open gauge\n");
        let _ = writeln!(
            out,
            "candor_connections_open {}",
            self.connections_open.load(Ordering::Relaxed)
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
    let method = method_label(request.method());
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str)
        .to_owned();
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    let code = response.extensions().get::<ErrorCode>().copied();
    state.metrics.observe(
        method,
        &route,
        response.status().as_u16(),
        started.elapsed(),
        code,
    );
    response
}

/// The standard methods by name, any other as `other`: hyper accepts a
/// method of any length, which must not become a label.
fn method_label(method: &Method) -> &'static str {
    [
        Method::GET,
        Method::HEAD,
        Method::POST,
        Method::PUT,
        Method::DELETE,
        Method::OPTIONS,
        Method::PATCH,
        Method::CONNECT,
        Method::TRACE,
    ]
    .iter()
    .find(|known| *known == method)
    .map_or("other", Method::as_str)
}

/// `GET /metrics`.
pub async fn render(State(state): State<AppState>) -> String {
    state.metrics.set_writer_restarts(state.store.writer_restarts());
    state.metrics.render()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_methods_share_one_label() {
        assert_eq!(method_label(&Method::POST), "POST");
        let odd = Method::from_bytes(b"XYZZY").unwrap();
        assert_eq!(method_label(&odd), "other");
    }
}
