//! A database that stops answering: posts get 503 with Retry-After within
//! the write deadline (not a hang), `/readyz` says so, and both recover
//! when it answers again, with nothing lost or counted twice. PostgreSQL
//! is stalled by a TCP proxy in the test that stops forwarding; SQLite by
//! another connection holding its write lock.

use std::time::{Duration, Instant};

use axum::http::{StatusCode, header};
use candor_collector::{AppState, Config, Store, StoreOptions, app};
use serde_json::Value;
use sqlx::Connection;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

use crate::helpers::{Db, TestApp, fresh_database, response, uuid};

/// The write deadline these tests run with.
const DEADLINE: Duration = Duration::from_secs(1);
/// How long a post may wait: two batches' deadlines and a second.
const ANSWERED_WITHIN: Duration = Duration::from_secs(4);

/// Forwards loopback connections to `upstream`; while stalled it forwards
/// nothing either way (the bytes wait, as on a network that stopped).
struct StallingProxy {
    port: u16,
    stalled: watch::Sender<bool>,
}

impl StallingProxy {
    async fn start(upstream: u16) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let (stalled, watching) = watch::channel(false);
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let Ok(server) = TcpStream::connect(("127.0.0.1", upstream)).await else {
                    continue;
                };
                let (client_read, client_write) = client.into_split();
                let (server_read, server_write) = server.into_split();
                tokio::spawn(pump(client_read, server_write, watching.clone()));
                tokio::spawn(pump(server_read, client_write, watching.clone()));
            }
        });
        Self { port, stalled }
    }

    fn stall(&self, stalled: bool) {
        self.stalled.send_replace(stalled);
    }
}

async fn pump(
    mut from: impl AsyncReadExt + Unpin,
    mut to: impl AsyncWriteExt + Unpin,
    mut stalled: watch::Receiver<bool>,
) {
    let mut buffer = vec![0u8; 16 * 1024];
    loop {
        if stalled.wait_for(|s| !*s).await.is_err() {
            return;
        }
        let n = match from.read(&mut buffer).await {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        if stalled.wait_for(|s| !*s).await.is_err() || to.write_all(&buffer[..n]).await.is_err() {
            return;
        }
    }
}

/// A collector on `url` with the short write deadline.
async fn collector(url: String, dir: tempfile::TempDir) -> TestApp {
    let store = Store::open_with(
        &url,
        StoreOptions {
            write_deadline: DEADLINE,
        },
    )
    .await
    .unwrap();
    let config = Config::for_database(url.clone());
    let (state, _) = AppState::new(store.clone(), &config).await.unwrap();
    TestApp {
        router: app(state.clone(), &config),
        store,
        state,
        url,
        _dir: dir,
    }
}

/// Posts response `n` and checks the stall's answer: 503, Retry-After, in time.
async fn refused_in_time(app: &TestApp, n: u32) {
    let started = Instant::now();
    let request = axum::http::Request::post("/v1/surveys/checkout/responses")
        .header(header::CONTENT_TYPE, "application/json")
        .body(axum::body::Body::from(response(&uuid(n), 4).to_string()))
        .unwrap();
    let reply = tower::ServiceExt::oneshot(app.router.clone(), request)
        .await
        .unwrap();
    let elapsed = started.elapsed();
    assert_eq!(reply.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(reply.headers().contains_key(header::RETRY_AFTER));
    assert!(elapsed < ANSWERED_WITHIN, "answered after {elapsed:?}");
}

/// Waits (at most 30 s) until `/readyz` answers `status`.
async fn readiness_becomes(app: &TestApp, status: StatusCode) -> Value {
    let started = Instant::now();
    loop {
        let reply = app.get("/readyz").await;
        if reply.status == status {
            return reply.body;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "/readyz stayed {}: {}",
            reply.status,
            reply.body
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Posts `ids` until each is acknowledged (the outbox's retries), at most
/// 30 s; then the stored count and the summary's count must both be theirs.
async fn all_stored_once(app: &TestApp, ids: std::ops::Range<u32>) {
    let started = Instant::now();
    for n in ids.clone() {
        loop {
            let status = app.post(&response(&uuid(n), 4)).await.status;
            if status == StatusCode::CREATED || status == StatusCode::OK {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "response {n} still {status}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
    let checkout = candor_core::SurveyId::parse("", "checkout").unwrap();
    assert_eq!(
        app.store.count_responses(&checkout).await.unwrap(),
        u64::from(ids.end - ids.start)
    );
    let figures = app
        .admin("GET", "/v1/admin/surveys/checkout/snapshot?window=all", None)
        .await;
    assert_eq!(
        figures.body["responses"],
        ids.end - ids.start,
        "counted once each"
    );
}

#[tokio::test]
async fn a_stalled_postgres_answers_503_in_time_and_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database(Db::Postgres, &dir).await else {
        return;
    };
    let (base, name) = url.rsplit_once('/').unwrap();
    let upstream: u16 = base.rsplit_once(':').unwrap().1.parse().unwrap();
    let proxy = StallingProxy::start(upstream).await;
    let app = collector(
        format!("postgres://postgres@127.0.0.1:{}/{name}", proxy.port),
        dir,
    )
    .await;
    assert_eq!(app.post(&response(&uuid(0), 4)).await.status, StatusCode::CREATED);
    readiness_becomes(&app, StatusCode::OK).await;

    proxy.stall(true);
    for n in 1..4 {
        refused_in_time(&app, n).await;
    }
    let body = readiness_becomes(&app, StatusCode::SERVICE_UNAVAILABLE).await;
    assert_eq!(body["status"], "unavailable");

    proxy.stall(false);
    readiness_becomes(&app, StatusCode::OK).await;
    all_stored_once(&app, 0..6).await;
}

#[tokio::test]
async fn a_locked_sqlite_answers_503_in_time_and_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database(Db::Sqlite, &dir).await.unwrap();
    let app = collector(url.clone(), dir).await;
    assert_eq!(app.post(&response(&uuid(0), 4)).await.status, StatusCode::CREATED);

    // Another process's transaction holds the write lock.
    let mut other = sqlx::SqliteConnection::connect(&url).await.unwrap();
    sqlx::query("BEGIN EXCLUSIVE").execute(&mut other).await.unwrap();
    for n in 1..4 {
        refused_in_time(&app, n).await;
    }
    readiness_becomes(&app, StatusCode::SERVICE_UNAVAILABLE).await;

    sqlx::query("ROLLBACK").execute(&mut other).await.unwrap();
    readiness_becomes(&app, StatusCode::OK).await;
    all_stored_once(&app, 0..6).await;
}

/// Two collectors on one PostgreSQL, each storing batches that touch the
/// same surveys' summaries at once, never wait on each other in a cycle:
/// the rows are locked in one order.
#[tokio::test]
async fn two_collectors_writing_the_same_summaries_never_deadlock() {
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database(Db::Postgres, &dir).await else {
        return;
    };
    let config = Config::for_database(url.clone());
    let mut routers = Vec::new();
    for _ in 0..2 {
        let (state, _) = AppState::new(Store::open(&url).await.unwrap(), &config)
            .await
            .unwrap();
        routers.push(app(state, &config));
    }
    let surveys = [
        ("checkout", serde_json::json!({"satisfaction": 4})),
        ("after-support", serde_json::json!({"satisfaction": 4})),
        ("service-quality", serde_json::json!({"satisfaction": 4})),
    ];
    let mut n = 0;
    for _ in 0..20 {
        let mut posts = Vec::new();
        for router in &routers {
            for (survey, answers) in &surveys {
                n += 1;
                let body = serde_json::json!({"id": uuid(n), "survey_version": 1, "answers": answers});
                let request = axum::http::Request::post(format!("/v1/surveys/{survey}/responses"))
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(axum::body::Body::from(body.to_string()))
                    .unwrap();
                posts.push(tower::ServiceExt::oneshot(router.clone(), request));
            }
        }
        for reply in futures_util::future::join_all(posts).await {
            assert_eq!(reply.unwrap().status(), StatusCode::CREATED);
        }
    }
}
