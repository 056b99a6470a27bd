//! The snapshot stream (Server-Sent Events), ETags, and two collectors on one
//! PostgreSQL behaving as one.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use candor_collector::{AppState, Config, Store, app};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use crate::helpers::{Db, fresh_database, response, uuid};

/// Reads SSE frames from `body` until a whole `snapshot` event arrives; its
/// data as JSON. Fails the test after 5 s.
async fn next_snapshot(body: &mut Body) -> Value {
    let mut text = String::new();
    tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            let frame = body.frame().await.expect("stream open").expect("frame");
            if let Ok(data) = frame.into_data() {
                text.push_str(&String::from_utf8_lossy(&data));
            }
            if let Some(end) = text.find("\n\n") {
                let event: String = text.drain(..end + 2).collect();
                if let Some(data) = event.lines().find_map(|l| l.strip_prefix("data: ")) {
                    return serde_json::from_str(data).expect("JSON data");
                }
            }
        }
    })
    .await
    .expect("a snapshot event within 5 s")
}

async fn open_stream(router: &axum::Router) -> Body {
    let response = stream_from(router, [127, 0, 0, 1]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "text/event-stream");
    response.into_body()
}

/// Posts checkout responses `ns` at once.
async fn post_many(app: &crate::helpers::TestApp, ns: std::ops::Range<u32>) {
    let posts = ns.map(|n| app.post_owned(response(&uuid(n), 4)));
    for reply in futures_util::future::join_all(posts).await {
        assert_eq!(reply.status, StatusCode::CREATED);
    }
}

/// A stream request as if from `peer`.
async fn stream_from(router: &axum::Router, peer: [u8; 4]) -> axum::response::Response {
    let mut request = Request::get("/v1/surveys/checkout/snapshot/stream")
        .body(Body::empty())
        .unwrap();
    request
        .extensions_mut()
        .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
            peer, 40000,
        ))));
    router.clone().oneshot(request).await.unwrap()
}

/// The whole rest of a stream, as text; fails the test if it does not end
/// within `within`.
async fn until_the_end(body: &mut Body, within: Duration) -> String {
    let mut text = String::new();
    tokio::time::timeout(within, async {
        while let Some(frame) = body.frame().await {
            if let Ok(data) = frame.expect("frame").into_data() {
                text.push_str(&String::from_utf8_lossy(&data));
            }
        }
    })
    .await
    .expect("the stream ended");
    text
}

crate::on_both_databases! {
    async fn streams_are_capped_per_client_and_in_all(app) {
        let app = crate::limits::with(app, |c| {
            c.max_streams = 3;
            c.max_streams_per_client = 2;
        })
        .await;
        let _a1 = stream_from(&app.router, [192, 0, 2, 1]).await;
        let _a2 = stream_from(&app.router, [192, 0, 2, 1]).await;
        let a3 = stream_from(&app.router, [192, 0, 2, 1]).await;
        assert_eq!(a3.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(a3.headers().contains_key(header::RETRY_AFTER));
        let b = stream_from(&app.router, [192, 0, 2, 2]).await;
        assert_eq!(b.status(), StatusCode::OK);
        let c = stream_from(&app.router, [192, 0, 2, 3]).await;
        assert_eq!(c.status(), StatusCode::SERVICE_UNAVAILABLE, "the server holds all it may");
        drop(b);
        assert_eq!(stream_from(&app.router, [192, 0, 2, 3]).await.status(), StatusCode::OK, "room again");
    }

    async fn a_stream_ends_with_its_lifetime_and_says_when_to_reconnect(app) {
        let app = crate::limits::with(app, |c| c.stream_lifetime_secs = 1).await;
        let mut stream = open_stream(&app.router).await;
        let text = until_the_end(&mut stream, Duration::from_secs(5)).await;
        assert!(text.contains("retry: 3000"), "{text}");
        assert!(text.contains("event: snapshot"), "{text}");
    }

    async fn many_streams_share_one_build_per_change(app) {
        let mut streams = Vec::new();
        for n in 0..50u8 {
            let response = stream_from(&app.router, [10, 0, 0, n]).await;
            assert_eq!(response.status(), StatusCode::OK);
            streams.push(response.into_body());
        }
        for stream in &mut streams {
            assert_eq!(next_snapshot(stream).await["responses"], 0);
        }
        // Another survey's cached snapshot, built once.
        assert_eq!(app.get("/v1/surveys/after-support/snapshot").await.status, StatusCode::OK);
        let before = app.state.metrics.snapshot_builds();
        // A group of ten, posted at once: one change for the streams.
        post_many(&app, 1..11).await;
        for stream in &mut streams {
            assert_eq!(next_snapshot(stream).await["responses"], 10);
        }
        assert_eq!(app.state.metrics.snapshot_builds() - before, 1, "one build for 50 streams");
        app.get("/v1/surveys/after-support/snapshot").await;
        assert_eq!(app.state.metrics.snapshot_builds() - before, 1, "a response to checkout left after-support's snapshot cached");
    }

    async fn the_stream_sends_a_new_snapshot_when_a_response_arrives(app) {
        let mut stream = open_stream(&app.router).await;
        assert_eq!(next_snapshot(&mut stream).await["responses"], 0);
        // Nine responses release nothing, and the stream says nothing (an
        // event each would tell when someone answered); the tenth releases
        // a group of ten.
        for n in 1..=9 {
            assert_eq!(app.post(&response(&uuid(n), 5)).await.status, StatusCode::CREATED);
        }
        let quiet = tokio::time::timeout(Duration::from_millis(600), next_snapshot(&mut stream)).await;
        assert!(quiet.is_err(), "an event for responses that changed no figure: {quiet:?}");
        app.post(&response(&uuid(10), 5)).await;
        assert_eq!(next_snapshot(&mut stream).await["responses"], 10);
        // A burst is coalesced into few snapshots, the last one complete.
        for n in 11..=30 {
            app.post(&response(&uuid(n), 4)).await;
        }
        let mut latest = next_snapshot(&mut stream).await;
        while latest["responses"] != 30 {
            latest = next_snapshot(&mut stream).await;
        }
        assert_eq!(latest["responses"], 30);
    }

    async fn snapshots_and_surveys_carry_etags(app) {
        let first = app
            .router
            .clone()
            .oneshot(Request::get("/v1/surveys/checkout/snapshot").body(Body::empty()).unwrap())
            .await
            .unwrap();
        let etag = first.headers()[header::ETAG].clone();
        assert_eq!(first.headers()[header::CACHE_CONTROL], "public, max-age=5");
        let again = app
            .router
            .clone()
            .oneshot(
                Request::get("/v1/surveys/checkout/snapshot")
                    .header(header::IF_NONE_MATCH, etag.clone())
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        post_many(&app, 1..11).await;
        let changed = app
            .router
            .clone()
            .oneshot(
                Request::get("/v1/surveys/checkout/snapshot")
                    .header(header::IF_NONE_MATCH, etag)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(changed.status(), StatusCode::OK, "a released group changes the ETag");
        let survey = app.get("/v1/surveys/checkout").await;
        assert_eq!(survey.status, StatusCode::OK);
    }

    async fn readiness_reports_the_database(app) {
        let reply = app.get("/readyz").await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(reply.body["status"], "ready");
    }
}

#[tokio::test]
async fn two_collectors_on_one_postgres_stream_each_others_responses() {
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database(Db::Postgres, &dir).await else {
        return;
    };
    let config = Config::for_database(&url);
    let (a, _) = AppState::new(Store::open(&url).await.unwrap(), &config)
        .await
        .unwrap();
    let (b, _) = AppState::new(Store::open(&url).await.unwrap(), &config)
        .await
        .unwrap();
    let (a, b) = (app(a, &config), app(b, &config));
    let mut stream = open_stream(&a).await;
    assert_eq!(next_snapshot(&mut stream).await["responses"], 0);
    for n in 1..=10 {
        let posted = b
            .clone()
            .oneshot(
                Request::post("/v1/surveys/checkout/responses")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(response(&uuid(n), 4).to_string()))
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(posted.status(), StatusCode::CREATED);
    }
    assert_eq!(
        next_snapshot(&mut stream).await["responses"],
        10,
        "A saw B's responses"
    );
}
