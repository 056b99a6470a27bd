//! Rate limits and metrics that an attacker cannot walk around or grow:
//! forwarded addresses are believed only from trusted proxies and read from
//! the right, IPv6 clients are their /64, made-up surveys get no buckets,
//! and odd methods add no metric series.

use std::net::IpAddr;

use axum::http::StatusCode;

use crate::helpers::{TestApp, response, uuid};

fn ip(raw: &str) -> IpAddr {
    raw.parse().unwrap()
}

/// Posts four responses, each built by `post` from its number; the statuses.
async fn four(post: impl AsyncFn(u32) -> StatusCode) -> Vec<StatusCode> {
    let mut statuses = Vec::new();
    for n in 0..4 {
        statuses.push(post(n).await);
    }
    statuses
}

const LIMITED: [StatusCode; 4] = [
    StatusCode::CREATED,
    StatusCode::CREATED,
    StatusCode::CREATED,
    StatusCode::TOO_MANY_REQUESTS,
];

crate::on_both_databases! {
    async fn spoofed_forwarded_for_from_one_address_is_one_client(app) {
        // Behind the proxy 127.0.0.1, one client writes a new leftmost
        // address each time; the proxy appends the one it saw.
        let app = with(app, |c| {
            c.rate_limit_per_minute = 3;
            c.trusted_proxies = vec!["127.0.0.0/8".parse().unwrap()];
        })
        .await;
        let statuses = four(async |n| {
            let spoofed = format!("198.51.100.{n}, 203.0.113.7");
            app.post_from(ip("127.0.0.1"), Some(&spoofed), "checkout", &response(&uuid(n), 4)).await.status
        })
        .await;
        assert_eq!(statuses, LIMITED);
        // A client that is not a trusted proxy cannot name another.
        let statuses = four(async |n| {
            let spoofed = format!("198.51.100.{n}");
            app.post_from(ip("203.0.113.8"), Some(&spoofed), "checkout", &response(&uuid(10 + n), 4)).await.status
        })
        .await;
        assert_eq!(statuses, LIMITED);
    }

    async fn funnel_reports_have_their_own_allowance(app) {
        let app = with(app, |c| c.rate_limit_per_minute = 3).await;
        let report = async || {
            let mut request = axum::http::Request::post("/v1/surveys/checkout/events")
                .header("content-type", "text/plain")
                .body(axum::body::Body::from(r#"{"event": "shown"}"#))
                .unwrap();
            request.extensions_mut().insert(axum::extract::ConnectInfo(std::net::SocketAddr::new(ip("203.0.113.7"), 40000)));
            app.send(request).await.status
        };
        let mut reported = Vec::new();
        for _ in 0..4 {
            reported.push(report().await);
        }
        assert_eq!(reported[3], StatusCode::TOO_MANY_REQUESTS, "{reported:?}");
        // The same visitor's responses still go in: reports used none of it.
        let statuses = four(async |n| app.post_from(ip("203.0.113.7"), None, "checkout", &response(&uuid(n), 4)).await.status).await;
        assert_eq!(statuses, LIMITED);
    }

    async fn one_ipv6_network_is_one_client(app) {
        let app = with(app, |c| c.rate_limit_per_minute = 3).await;
        let statuses = four(async |n| {
            let address = ip(&format!("2001:db8:7:9::{:x}", n + 1));
            app.post_from(address, None, "checkout", &response(&uuid(n), 4)).await.status
        })
        .await;
        assert_eq!(statuses, LIMITED);
        let elsewhere = app.post_from(ip("2001:db8:7:a::1"), None, "checkout", &response(&uuid(9), 4)).await;
        assert_eq!(elsewhere.status, StatusCode::CREATED, "another /64");
    }

    async fn posts_to_made_up_surveys_keep_the_limiter_empty(app) {
        let app = with(app, |c| c.rate_limit_per_minute = 3).await;
        for n in 0..200_000u32 {
            let reply = app.post_from(ip("203.0.113.9"), None, &format!("s{n:x}"), &response(&uuid(n), 4)).await;
            assert_eq!(reply.status, StatusCode::NOT_FOUND);
        }
        assert!(app.state.limiter.is_empty(), "{} buckets for surveys that do not exist", app.state.limiter.len());
        let real = app.post_from(ip("203.0.113.9"), None, "checkout", &response(&uuid(1), 4)).await;
        assert_eq!(real.status, StatusCode::CREATED);
        assert_eq!(app.state.limiter.len(), 1);
    }

    async fn odd_methods_add_no_metric_series(app) {
        let series = |text: &str| text.lines().filter(|l| l.starts_with("candor_http_requests_total{")).count();
        app.get("/healthz").await;
        let before = series(app.get("/metrics").await.body.as_str().unwrap());
        for n in 0..50 {
            let method = format!("M{}", "X".repeat(n * 20));
            let request = axum::http::Request::builder()
                .method(method.as_str())
                .uri(format!("/v1/surveys/checkout/{n}"))
                .body(axum::body::Body::empty())
                .unwrap();
            app.send(request).await;
        }
        let text = app.get("/metrics").await.body.as_str().unwrap().to_owned();
        assert!(!text.contains("MXX"), "a method became a label");
        assert!(series(&text) <= before + 2, "{} series before, {} after:\n{text}", before, series(&text));
        assert!(text.contains(r#"method="other""#), "{text}");
    }
}

/// A collector on the same database as `app`, configured by `adjust`.
pub async fn with(app: TestApp, adjust: impl FnOnce(&mut candor_collector::Config)) -> TestApp {
    let mut config = candor_collector::Config::for_database(app.url.clone());
    adjust(&mut config);
    let (state, _) = candor_collector::AppState::new(app.store.clone(), &config)
        .await
        .unwrap();
    TestApp {
        router: candor_collector::app(state.clone(), &config),
        state,
        ..app
    }
}

#[tokio::test]
async fn metrics_can_be_served_on_a_private_address_only() {
    let server = crate::helpers::serve_with(crate::helpers::Db::Sqlite, |c| {
        c.metrics_bind = Some("127.0.0.1:0".parse().unwrap());
    })
    .await
    .unwrap();
    let public = server
        .request("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await;
    assert!(public.starts_with("HTTP/1.1 404"), "{public}");
    let private = server.metrics_addr.expect("a metrics address");
    let mut stream = tokio::net::TcpStream::connect(private).await.unwrap();
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    stream
        .write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).await.unwrap();
    assert!(
        reply.starts_with("HTTP/1.1 200") && reply.contains("candor_connections_open"),
        "{reply}"
    );
    server.stop().await;
}
