//! The crash test: under concurrent load, `kill -9` the collector again and
//! again; every response that got a 2xx is there after restart, none twice,
//! and the daily summaries count exactly the stored responses.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use candor_collector::Store;
use candor_core::SurveyId;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const CLIENTS: usize = 8;
const KILLS: usize = 6;

fn start(port: u16, database: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_candor-collector"))
        .env("CANDOR_BIND", format!("127.0.0.1:{port}"))
        .env("CANDOR_DATABASE_URL", database)
        .env("CANDOR_RATE_LIMIT_PER_MINUTE", "0")
        .env("CANDOR_ADMIN_TOKEN", candor_collector::TEST_TOKEN)
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .spawn()
        .expect("start the collector")
}

/// Sends one request; the status code, or `None` when the connection failed
/// (the collector was being killed).
async fn request(port: u16, method: &str, path: &str, body: &str) -> Option<u16> {
    let exchange = async {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).await.ok()?;
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).await.ok()?;
        stream.write_all(body.as_bytes()).await.ok()?;
        let mut reply = Vec::new();
        stream.read_to_end(&mut reply).await.ok()?;
        let text = String::from_utf8_lossy(&reply);
        text.split_whitespace().nth(1)?.parse().ok()
    };
    tokio::time::timeout(Duration::from_secs(5), exchange)
        .await
        .ok()
        .flatten()
}

async fn wait_until_ready(port: u16) {
    for _ in 0..400 {
        if request(port, "GET", "/readyz", "").await == Some(200) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the collector did not become ready");
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn crash_test(database: String) {
    let port = free_port();
    let mut child = start(port, &database);
    wait_until_ready(port).await;
    let acknowledged = Arc::new(Mutex::new(HashSet::new()));
    let attempts = Arc::new(AtomicU32::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let next = Arc::new(AtomicU32::new(0));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (acknowledged, stop, next, attempts) =
                (acknowledged.clone(), stop.clone(), next.clone(), attempts.clone());
            tokio::spawn(async move {
                while !stop.load(Ordering::Relaxed) {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    let id = format!("00000000-0000-4000-8000-{n:012}");
                    let body = format!(
                        r#"{{"id":"{id}","survey_version":1,"answers":{{"satisfaction":{}}}}}"#,
                        1 + n % 5
                    );
                    // Retry the same id until acknowledged: a retry after a
                    // crash must never store it twice.
                    for _ in 0..200 {
                        attempts.fetch_add(1, Ordering::Relaxed);
                        match request(port, "POST", "/v1/surveys/checkout/responses", &body).await {
                            Some(200 | 201) => {
                                acknowledged.lock().unwrap().insert(id.clone());
                                break;
                            }
                            Some(status) => panic!("unexpected status {status}"),
                            None => tokio::time::sleep(Duration::from_millis(20)).await,
                        }
                        if stop.load(Ordering::Relaxed) {
                            break;
                        }
                    }
                }
            })
        })
        .collect();
    for _ in 0..KILLS {
        tokio::time::sleep(Duration::from_millis(300)).await;
        child.kill().unwrap(); // SIGKILL: no shutdown, no flush.
        child.wait().unwrap();
        child = start(port, &database);
        wait_until_ready(port).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.store(true, Ordering::Relaxed);
    for client in clients {
        client.await.unwrap();
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let store = Store::open(&database).await.unwrap();
    let survey = SurveyId::parse("", "checkout").unwrap();
    let stored = store.count_responses(&survey).await.unwrap();
    let summarised = store
        .merged(candor_collector::Figures::Owner, &survey, None, None)
        .await
        .unwrap()
        .responses;
    let acknowledged = acknowledged.lock().unwrap().clone();
    let mut missing = 0;
    for id in &acknowledged {
        if !store.response_exists(id).await.unwrap() {
            missing += 1;
        }
    }
    eprintln!(
        "crash test ({}): {KILLS} kills, {} requests, {} acknowledged, {stored} stored, {summarised} summarised, {missing} lost",
        database.split(':').next().unwrap_or("?"),
        attempts.load(Ordering::Relaxed),
        acknowledged.len()
    );
    assert!(acknowledged.len() > 50, "the load was too light to mean anything");
    assert_eq!(missing, 0, "acknowledged responses were lost");
    assert!(
        stored >= acknowledged.len() as u64,
        "stored fewer than acknowledged"
    );
    assert_eq!(
        summarised, stored,
        "the daily summaries disagree with the stored responses"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_acknowledged_response_is_lost_or_doubled_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    crash_test(format!("sqlite://{}", dir.path().join("candor.db").display())).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_acknowledged_response_is_lost_or_doubled_on_postgres() {
    // As the api suite's twins: unset fails, `skip` skips as asked.
    let admin = match std::env::var("CANDOR_TEST_POSTGRES_URL") {
        Ok(skip) if skip == "skip" => return,
        Ok(url) => url,
        Err(_) => panic!("set CANDOR_TEST_POSTGRES_URL (cargo xtask test does), or =skip to skip this"),
    };
    use sqlx::Connection;
    let name = format!("candor_crash_{}", uuid::Uuid::new_v4().simple());
    let mut connection = sqlx::PgConnection::connect(&admin).await.unwrap();
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut connection)
        .await
        .unwrap();
    let base = admin.rsplit_once('/').map_or(admin.as_str(), |(base, _)| base);
    crash_test(format!("{base}/{name}")).await;
}
