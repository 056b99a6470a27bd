//! A webhook receiver on loopback, as a site owner's would be: it verifies
//! every delivery with the Standard Webhooks specification's own library,
//! refuses the first attempts of each event as told, and keeps what
//! arrived.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use serde_json::Value;

/// One request that reached the receiver.
#[derive(Debug, Clone)]
pub struct Arrival {
    /// Its `webhook-id` (empty when unsigned).
    pub id: String,
    /// The body, as JSON.
    pub body: Value,
    /// Whether its signature verified against the secret.
    pub verified: bool,
    /// What the receiver answered.
    pub answered: u16,
    /// The body as sent.
    pub raw: String,
    /// The `webhook-timestamp` and `webhook-signature` headers.
    pub timestamp: String,
    pub signature: String,
}

#[derive(Default)]
struct Inner {
    secret: Mutex<Option<String>>,
    arrivals: Mutex<Vec<Arrival>>,
    attempts: Mutex<HashMap<String, u32>>,
    /// Attempts refused per event id before one is accepted.
    refuse_first: u32,
    /// The status a refused attempt gets.
    refusal: u16,
    /// How long each answer takes.
    delay: Duration,
}

/// A running receiver.
#[derive(Clone)]
pub struct Receiver {
    pub url: String,
    inner: Arc<Inner>,
}

impl Receiver {
    /// A receiver refusing the first `refuse_first` attempts of each event
    /// with `refusal`, answering after `delay`.
    pub async fn start(refuse_first: u32, refusal: u16, delay: Duration) -> Self {
        let inner = Arc::new(Inner {
            refuse_first,
            refusal,
            delay,
            ..Inner::default()
        });
        let app = axum::Router::new().fallback(receive).with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hooks/candor", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self { url, inner }
    }

    /// Verifies deliveries against `secret` from now on.
    pub fn trust(&self, secret: &str) {
        *self.inner.secret.lock().unwrap() = Some(secret.to_owned());
    }

    /// Everything that arrived, in order.
    pub fn arrivals(&self) -> Vec<Arrival> {
        self.inner.arrivals.lock().unwrap().clone()
    }

    /// Waits until `done` holds of the arrivals; fails the test, saying
    /// what arrived, if it does not within `within`.
    pub async fn wait_for(
        &self,
        within: Duration,
        what: &str,
        done: impl Fn(&[Arrival]) -> bool,
    ) -> Vec<Arrival> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let arrivals = self.arrivals();
            if done(&arrivals) {
                return arrivals;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "{what}: not within {within:?}; {} arrived",
                arrivals.len()
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }
}

async fn receive(
    State(inner): State<Arc<Inner>>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, HeaderMap) {
    tokio::time::sleep(inner.delay).await;
    let id = headers
        .get("webhook-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let secret = inner.secret.lock().unwrap().clone();
    let verified = secret.is_some_and(|secret| {
        standardwebhooks::Webhook::new(&secret)
            .and_then(|verifier| verifier.verify(&body, &headers))
            .is_ok()
    });
    let attempt = {
        let mut attempts = inner.attempts.lock().unwrap();
        let count = attempts.entry(id.clone()).or_default();
        *count += 1;
        *count
    };
    let status = if attempt <= inner.refuse_first {
        StatusCode::from_u16(inner.refusal).unwrap()
    } else {
        StatusCode::OK
    };
    let mut answer = HeaderMap::new();
    if status.is_redirection() {
        answer.insert("location", "http://127.0.0.1:9/elsewhere".parse().unwrap());
    }
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    inner.arrivals.lock().unwrap().push(Arrival {
        raw: String::from_utf8_lossy(&body).into_owned(),
        timestamp: header("webhook-timestamp"),
        signature: header("webhook-signature"),
        id,
        body: serde_json::from_slice(&body).unwrap_or(Value::Null),
        verified,
        answered: status.as_u16(),
    });
    (status, answer)
}
