//! Rate limits and metrics.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::helpers::{Db, response, spawn_app, spawn_app_with, uuid};

#[tokio::test]
async fn a_client_posting_too_fast_gets_429_with_retry_after() {
    let app = spawn_app_with(Db::Sqlite, |c| c.rate_limit_per_minute = 3)
        .await
        .unwrap();
    for n in 0..3 {
        assert_eq!(app.post(&response(&uuid(n), 4)).await.status, StatusCode::CREATED);
    }
    let request = Request::post("/v1/surveys/checkout/responses")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(response(&uuid(9), 4).to_string()))
        .unwrap();
    let refused = app.router.clone().oneshot(request).await.unwrap();
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = refused.headers()[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=21).contains(&wait), "{wait}");
    let body: serde_json::Value =
        serde_json::from_slice(&refused.into_body().collect().await.unwrap().to_bytes()).unwrap();
    assert_eq!(body["code"], "rate_limited");
    assert_eq!(
        app.store
            .count_responses(&"checkout".to_owned().try_into().unwrap())
            .await
            .unwrap(),
        3
    );
}

#[tokio::test]
async fn metrics_count_requests_stored_responses_and_rejections() {
    let app = spawn_app(Db::Sqlite).await.unwrap();
    app.post(&response(&uuid(1), 4)).await;
    app.post(&response(&uuid(2), 9)).await;
    let metrics = app
        .router
        .clone()
        .oneshot(Request::get("/metrics").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let text = String::from_utf8(metrics.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    assert!(text.contains("candor_responses_stored_total 1"), "{text}");
    assert!(
        text.contains(r#"candor_rejections_total{code="out_of_range"} 1"#),
        "{text}"
    );
    assert!(
        text.contains(r#"candor_http_requests_total{method="POST",route="/v1/surveys/{survey}/responses",status="201"} 1"#),
        "{text}"
    );
    assert!(
        text.contains("candor_http_request_duration_seconds_bucket"),
        "{text}"
    );
}

/// A client trickling its request head is cut off after the read timeout;
/// a normal client on the same server is served.
#[tokio::test]
async fn slow_headers_are_cut_off() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let dir = tempfile::tempdir().unwrap();
    let mut config =
        candor_collector::Config::for_database(format!("sqlite://{}", dir.path().join("c.db").display()));
    config.read_timeout_secs = 1;
    let app = candor_collector::Application::build(&config).await.unwrap();
    let addr = app.local_addr();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));

    let mut normal = tokio::net::TcpStream::connect(addr).await.unwrap();
    normal
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut reply = String::new();
    normal.read_to_string(&mut reply).await.unwrap();
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");

    let mut slow = tokio::net::TcpStream::connect(addr).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let started = std::time::Instant::now();
    let mut rest = Vec::new();
    let closed = tokio::time::timeout(Duration::from_secs(5), slow.read_to_end(&mut rest)).await;
    assert!(closed.is_ok(), "the server kept a trickling client for 5 s");
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "cut off too early"
    );
    let text = String::from_utf8_lossy(&rest);
    assert!(text.is_empty() || text.starts_with("HTTP/1.1 408"), "{text}");

    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
}

/// Malformed admin requests get the same JSON errors as everything else.
#[tokio::test]
async fn admin_rejections_are_json_too() {
    let app = spawn_app(Db::Sqlite).await.unwrap();
    let oversize = serde_json::json!({"template": "checkout", "id": "x".repeat(70 * 1024)});
    let reply = app.admin("POST", "/v1/admin/surveys", Some(oversize)).await;
    assert_eq!(
        (reply.status, reply.body["code"].as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, Some("payload_too_large"))
    );
    // A query value that does not parse names its parameter, as a body's does.
    for (query, field) in [
        ("responses?limit=many", "limit"),
        ("snapshot?window=fortnight", "window"),
        ("facets?window=fortnight", "window"),
        ("export?format=xml", "format"),
        ("export?window=7d&format=xml", "format"),
    ] {
        let reply = app
            .admin("GET", &format!("/v1/admin/surveys/checkout/{query}"), None)
            .await;
        assert_eq!(
            (
                reply.status,
                reply.body["code"].as_str(),
                reply.body["field"].as_str()
            ),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("invalid_value"),
                Some(field)
            ),
            "{query}: {}",
            reply.body
        );
    }
    let reply = app.admin("GET", "/v1/admin/contacts?status=later", None).await;
    assert_eq!(
        (reply.status, reply.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("status")),
        "{}",
        reply.body
    );
    let reply = app
        .admin_as(
            Some(candor_collector::TEST_TOKEN),
            "POST",
            "/v1/admin/surveys",
            None,
        )
        .await;
    assert_eq!(
        (reply.status, reply.body["code"].as_str()),
        (StatusCode::UNSUPPORTED_MEDIA_TYPE, Some("unsupported_media_type"))
    );
    let reply = app.get("/v1/surveys/checkout/snapshot?window=1y").await;
    assert_eq!(
        (reply.status, reply.body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("window"))
    );
}
