//! The collector killed with SIGKILL in the middle of webhook deliveries
//! and started again: every event of every acknowledged response reaches
//! the receiver, verified, none lost; an event may arrive twice, always
//! with its one id.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/receiver.rs"]
#[allow(dead_code)]
mod receiver;

use std::collections::BTreeSet;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use receiver::Receiver;
use serde_json::{Value, json};

const RESPONSES: u32 = 300;

fn start(port: u16, database: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_candor-collector"))
        .env("CANDOR_BIND", format!("127.0.0.1:{port}"))
        .env("CANDOR_DATABASE_URL", database)
        .env("CANDOR_RATE_LIMIT_PER_MINUTE", "0")
        .env("CANDOR_ADMIN_TOKEN", candor_collector::TEST_TOKEN)
        .env("CANDOR_WEBHOOK_ALLOW_PRIVATE_TARGETS", "true")
        .env("CANDOR_WEBHOOK_FIRST_RETRY_MS", "100")
        .env("CANDOR_WEBHOOK_TIMEOUT_SECS", "1")
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .spawn()
        .expect("start the collector")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn wait_until_ready(client: &reqwest::Client, base: &str) {
    for _ in 0..400 {
        if let Ok(answer) = client.get(format!("{base}/readyz")).send().await
            && answer.status().is_success()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the collector did not become ready");
}

fn body(n: u32) -> Value {
    json!({
        "id": format!("00000000-0000-4000-8000-{n:012}"),
        "survey_version": 1,
        "answers": {"satisfaction": 1 + n % 5, "comment": format!("response {n}")},
    })
}

async fn post_all(client: &reqwest::Client, base: &str) {
    let url = format!("{base}/v1/surveys/checkout/responses");
    for chunk in (0..RESPONSES).collect::<Vec<_>>().chunks(10) {
        let posts = chunk.iter().map(|&n| {
            client
                .post(&url)
                .header("content-type", "application/json")
                .body(body(n).to_string())
                .send()
        });
        for answer in futures_util::future::join_all(posts).await {
            assert_eq!(answer.unwrap().status(), reqwest::StatusCode::CREATED);
        }
    }
}

async fn killed_mid_delivery(database: String) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::Client::new();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut collector = start(port, &database);
    wait_until_ready(&client, &base).await;
    // 20 ms an answer, four at a time: deliveries take about 1.5 s.
    let receiver = Receiver::start(0, 503, Duration::from_millis(20)).await;
    let destination =
        json!({"kind": "webhook", "name": "CRM", "url": receiver.url, "events": ["response.completed"]});
    let created = client
        .post(format!("{base}/v1/admin/destinations"))
        .bearer_auth(candor_collector::TEST_TOKEN)
        .header("content-type", "application/json")
        .body(destination.to_string())
        .send()
        .await
        .unwrap();
    let created: Value = serde_json::from_slice(&created.bytes().await.unwrap()).unwrap();
    receiver.trust(created["secret"].as_str().unwrap());
    post_all(&client, &base).await;
    receiver
        .wait_for(Duration::from_secs(30), "the first deliveries", |a| a.len() >= 50)
        .await;
    collector.kill().unwrap();
    collector.wait().unwrap();
    let at_kill: BTreeSet<String> = receiver.arrivals().into_iter().map(|a| a.id).collect();
    assert!(
        at_kill.len() < RESPONSES as usize,
        "killed in the middle: {} of {RESPONSES} had arrived",
        at_kill.len()
    );

    let mut collector = start(port, &database);
    wait_until_ready(&client, &base).await;
    let arrivals = receiver
        .wait_for(
            Duration::from_secs(60),
            "every event after the restart",
            |arrivals| arrivals.iter().map(|a| &a.id).collect::<BTreeSet<_>>().len() == RESPONSES as usize,
        )
        .await;
    collector.kill().unwrap();
    collector.wait().unwrap();
    assert!(arrivals.iter().all(|a| a.verified), "every delivery verifies");
    let responses: BTreeSet<String> = arrivals
        .iter()
        .map(|a| a.body["data"]["response_id"].as_str().unwrap().to_owned())
        .collect();
    let posted: BTreeSet<String> = (0..RESPONSES)
        .map(|n| body(n)["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        responses, posted,
        "every acknowledged response's event, and no other"
    );
    for arrival in &arrivals {
        let first = arrivals.iter().find(|a| a.id == arrival.id).unwrap();
        assert_eq!(first.body, arrival.body, "a repeat is the same event");
    }
    eprintln!(
        "{} events, {} arrivals ({} repeats after the kill)",
        RESPONSES,
        arrivals.len(),
        arrivals.len() - RESPONSES as usize
    );
}

#[tokio::test]
async fn killed_mid_delivery_on_sqlite_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    killed_mid_delivery(format!("sqlite://{}", dir.path().join("candor.db").display())).await;
}
