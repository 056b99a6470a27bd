//! A webhook receiver for `cargo xtask bench collector`: listens on
//! loopback, adds `destinations` webhook destinations pointing at itself to
//! the collector at `collector`, answers every delivery 204, and writes how
//! many arrived to `count_file` every 100 ms.
//!
//!     receiver http://127.0.0.1:8080 <admin token> 2 target/bench/received
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::http::StatusCode;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: receiver <collector URL> <admin token> <destinations> <count file>";
    let collector = args.next().expect(usage);
    let token = args.next().expect(usage);
    let destinations: u32 = args.next().expect(usage).parse()?;
    let count_file = args.next().expect(usage);
    let received = Arc::new(AtomicU64::new(0));
    let counted = received.clone();
    let app = axum::Router::new().fallback(move || {
        counted.fetch_add(1, Ordering::Relaxed);
        async { StatusCode::NO_CONTENT }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/hook", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, app).await });
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::Client::new();
    for n in 0..destinations {
        let body = serde_json::json!({"kind": "webhook", "name": format!("bench {n}"), "url": url, "events": ["response.completed"]});
        let answer = client
            .post(format!("{collector}/v1/admin/destinations"))
            .bearer_auth(&token)
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await?;
        anyhow::ensure!(
            answer.status() == StatusCode::CREATED,
            "adding a destination: {}",
            answer.status()
        );
    }
    println!("{url}");
    loop {
        std::fs::write(&count_file, received.load(Ordering::Relaxed).to_string())?;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
