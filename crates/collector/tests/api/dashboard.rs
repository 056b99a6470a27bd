//! What the dashboard relies on: a long-polled owner snapshot that answers
//! when data changes, and security headers on its pages.

use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderValue, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use crate::helpers::{Db, response, spawn_app_with, uuid};

fn owner_snapshot(query: &str) -> Request<Body> {
    Request::get(format!("/v1/admin/surveys/checkout/snapshot{query}"))
        .header(
            header::AUTHORIZATION,
            format!("Bearer {}", candor_collector::TEST_TOKEN),
        )
        .body(Body::empty())
        .expect("request")
}

async fn json(response: axum::response::Response) -> Value {
    serde_json::from_slice(&response.into_body().collect().await.expect("body").to_bytes()).expect("json")
}

crate::on_both_databases! {
    async fn words_of_low_rated_comments_stand_out_also_in_thai(app) {
        let comments = [(1, "ส่งของช้ามาก"), (2, "ช้ามาก รอนาน"), (1, "ของช้า"), (5, "พนักงานสุภาพมาก"), (5, "สุภาพและเร็ว"), (4, "ดีมาก")];
        for (n, (rating, comment)) in comments.iter().enumerate() {
            let mut body = response(&uuid(50 + n as u32), *rating);
            body["answers"]["comment"] = serde_json::json!(comment);
            assert_eq!(app.post(&body).await.status, StatusCode::CREATED);
        }
        let report = app.admin("GET", "/v1/admin/surveys/checkout/words?window=7d", None).await;
        assert_eq!(report.status, StatusCode::OK, "{}", report.body);
        assert_eq!((report.body["low_comments"].as_u64(), report.body["high_comments"].as_u64()), (Some(3), Some(3)));
        let words = report.body["words"].as_array().unwrap();
        assert_eq!(words[0]["word"], "ช้า", "{words:?}");
        assert_eq!((words[0]["first"].as_u64(), words[0]["second"].as_u64()), (Some(3), Some(0)));
        assert!(words.iter().all(|w| w["word"] != "สุภาพ" && w["z"].as_f64().unwrap() > 0.0), "{words:?}");
    }

    async fn a_long_polled_snapshot_answers_when_data_changes(app) {
        let first = app.router.clone().oneshot(owner_snapshot("")).await.unwrap();
        assert_eq!(first.status(), StatusCode::OK);
        let generation = first.headers()["candor-generation"].to_str().unwrap().to_owned();
        assert_eq!(json(first).await["responses"], 0);

        let router = app.router.clone();
        let query = format!("?after={generation}");
        let poll = tokio::spawn(async move { router.oneshot(owner_snapshot(&query)).await.unwrap() });
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(!poll.is_finished(), "nothing changed: the poll waits");

        assert_eq!(app.post(&response(&uuid(7), 5)).await.status, StatusCode::CREATED);
        // A guard against a hang, not a performance assertion.
        let answered = tokio::time::timeout(Duration::from_secs(10), poll).await.expect("answered").unwrap();
        assert_ne!(answered.headers()["candor-generation"].to_str().unwrap(), generation);
        assert_eq!(json(answered).await["responses"], 1);

        // An old generation answers at once.
        let stale = app.router.clone().oneshot(owner_snapshot("?after=0&window=7d")).await.unwrap();
        assert_eq!(json(stale).await["window"], "7d");
    }
}

#[tokio::test]
async fn dashboard_pages_carry_a_strict_policy_and_other_files_do_not() {
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir(site.path().join("dashboard")).unwrap();
    std::fs::write(
        site.path().join("dashboard/index.html"),
        "<!DOCTYPE html><title>Dashboard</title>",
    )
    .unwrap();
    std::fs::write(
        site.path().join("index.html"),
        "<!DOCTYPE html><title>Demo</title>",
    )
    .unwrap();
    let dir = site.path().to_owned();
    let app = spawn_app_with(Db::Sqlite, move |config| {
        config.static_dir = Some(dir);
        config.demo = true;
    })
    .await
    .unwrap();

    let page = app
        .router
        .clone()
        .oneshot(Request::get("/dashboard/").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let policy = page.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(
        policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{policy}"
    );
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    assert_eq!(page.headers()[header::X_FRAME_OPTIONS], "DENY");
    assert_eq!(page.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");

    let demo = app
        .router
        .clone()
        .oneshot(Request::get("/").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(demo.status(), StatusCode::OK);
    assert!(
        !demo.headers().contains_key(header::CONTENT_SECURITY_POLICY),
        "the demo sets its own"
    );
}

/// A production collector shows no fake shop: the demo checkout page (and
/// its files, compressed or not) only with `--demo`; `/` then leads to the
/// dashboard.
#[tokio::test]
async fn the_demo_page_is_served_only_when_asked() {
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir(site.path().join("dashboard")).unwrap();
    for file in [
        "index.html",
        "demo.js",
        "demo.js.br",
        "dashboard/index.html",
        "candor.js",
    ] {
        std::fs::write(site.path().join(file), "x").unwrap();
    }
    for demo in [false, true] {
        let dir = site.path().to_owned();
        let app = spawn_app_with(Db::Sqlite, move |config| {
            config.static_dir = Some(dir);
            config.demo = demo;
        })
        .await
        .unwrap();
        let status = |uri: &'static str| {
            let router = app.router.clone();
            async move {
                let response = router
                    .oneshot(Request::get(uri).body(Body::empty()).unwrap())
                    .await
                    .unwrap();
                let location = response.headers().get(header::LOCATION).cloned();
                (response.status(), location)
            }
        };
        let (root, location) = status("/").await;
        if demo {
            assert_eq!(root, StatusCode::OK);
        } else {
            assert_eq!(root, StatusCode::TEMPORARY_REDIRECT);
            assert_eq!(location.unwrap(), "/dashboard/");
        }
        let demo_status = if demo {
            StatusCode::OK
        } else {
            StatusCode::NOT_FOUND
        };
        for uri in ["/index.html", "/demo.js", "/demo.js.br"] {
            assert_eq!(status(uri).await.0, demo_status, "{uri} with demo {demo}");
        }
        for uri in ["/candor.js", "/dashboard/"] {
            assert_eq!(status(uri).await.0, StatusCode::OK, "{uri} with demo {demo}");
        }
    }
}

#[tokio::test]
async fn the_widget_is_served_brotli_or_gzip_when_the_browser_accepts_it() {
    let site = tempfile::tempdir().unwrap();
    let wasm = vec![0u8; 4096];
    std::fs::write(site.path().join("candor_wasm_bg.wasm"), &wasm).unwrap();
    std::fs::write(site.path().join("candor_wasm_bg.wasm.br"), b"brotli bytes").unwrap();
    std::fs::write(site.path().join("candor_wasm_bg.wasm.gz"), b"gzip bytes").unwrap();
    let dir = site.path().to_owned();
    let app = spawn_app_with(Db::Sqlite, move |config| config.static_dir = Some(dir))
        .await
        .unwrap();
    let fetch = |accept: &'static str| {
        let router = app.router.clone();
        async move {
            let mut request = Request::get("/candor_wasm_bg.wasm");
            if !accept.is_empty() {
                request = request.header(header::ACCEPT_ENCODING, accept);
            }
            let response = router
                .oneshot(request.body(Body::empty()).unwrap())
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            let headers = response.headers().clone();
            let body = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap();
            (headers, body)
        }
    };

    let (headers, body) = fetch("gzip, deflate, br, zstd").await;
    assert_eq!(headers[header::CONTENT_ENCODING], "br");
    assert_eq!(
        headers[header::CONTENT_TYPE],
        "application/wasm",
        "the type of the original"
    );
    assert_eq!(
        headers[header::VARY],
        "accept-encoding",
        "shared caches keep one per encoding"
    );
    assert_eq!(&body[..], b"brotli bytes");
    let (headers, body) = fetch("gzip").await;
    assert_eq!(headers[header::CONTENT_ENCODING], "gzip");
    assert_eq!(&body[..], b"gzip bytes");
    let (headers, body) = fetch("").await;
    assert!(!headers.contains_key(header::CONTENT_ENCODING));
    assert_eq!(
        body.len(),
        wasm.len(),
        "the original for a client that accepts neither"
    );
}

/// Another site's page may load the loader, its glue and the wasm (CORS).
/// Browsers keep them but check before each use, so an upgrade never mixes
/// one build's glue with another's wasm; an unchanged file costs a 304.
/// Asked for by their build (`?v=`, as the site's loader asks for the
/// modules), they are kept for good.
#[tokio::test]
async fn the_widget_is_shared_with_other_sites_and_kept_for_good_by_build() {
    let site = tempfile::tempdir().unwrap();
    for file in ["candor.js", "candor_wasm.js", "candor_wasm_bg.wasm"] {
        std::fs::write(site.path().join(file), b"bytes").unwrap();
    }
    let dir = site.path().to_owned();
    let app = spawn_app_with(Db::Sqlite, move |config| config.static_dir = Some(dir))
        .await
        .unwrap();
    // The status and Cache-Control of a GET of `uri` from another site's
    // page, and its Last-Modified; that site may read it (CORS).
    let fetch = |uri: String, since: Option<HeaderValue>| {
        let router = app.router.clone();
        async move {
            let mut request = Request::get(&uri).header(header::ORIGIN, "https://shop.example");
            if let Some(since) = since {
                request = request.header(header::IF_MODIFIED_SINCE, since);
            }
            let response = router
                .oneshot(request.body(Body::empty()).unwrap())
                .await
                .unwrap();
            let headers = response.headers();
            assert_eq!(
                headers[header::ACCESS_CONTROL_ALLOW_ORIGIN],
                "*",
                "{uri} for another site"
            );
            (
                response.status(),
                headers[header::CACHE_CONTROL].to_str().unwrap().to_owned(),
                headers.get(header::LAST_MODIFIED).cloned(),
            )
        }
    };
    for file in ["/candor.js", "/candor_wasm.js", "/candor_wasm_bg.wasm"] {
        let (status, cache, modified) = fetch(file.to_owned(), None).await;
        assert_eq!((status, cache.as_str()), (StatusCode::OK, "no-cache"), "{file}");
        let (status, cache, _) = fetch(file.to_owned(), modified).await;
        assert_eq!(
            (status, cache.as_str()),
            (StatusCode::NOT_MODIFIED, "no-cache"),
            "{file} unchanged"
        );
        let (status, cache, _) = fetch(format!("{file}?v=0123456789abcdef"), None).await;
        assert_eq!(
            (status, cache.as_str()),
            (StatusCode::OK, "public, max-age=31536000, immutable"),
            "{file} by build"
        );
    }
    let (status, cache, _) = fetch("/candor_gone.wasm?v=0123456789abcdef".to_owned(), None).await;
    assert_eq!(
        (status, cache.as_str()),
        (StatusCode::NOT_FOUND, "no-cache"),
        "a miss is never kept"
    );
}
