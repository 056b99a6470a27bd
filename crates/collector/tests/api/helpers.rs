//! A collector over a fresh temporary SQLite database, driven in-process.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use candor_collector::{Config, Store, app};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

pub struct TestApp {
    pub router: Router,
    pub store: Store,
    // Kept so the database file lives as long as the test.
    _dir: tempfile::TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub body: Value,
}

pub async fn spawn_app() -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("candor.db").display());
    let store = Store::open(&url).await.expect("open store");
    let router = app(store.clone(), &Config::for_database(url));
    TestApp {
        router,
        store,
        _dir: dir,
    }
}

impl TestApp {
    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.expect("infallible");
        let status = response.status();
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        let body = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()));
        Reply { status, body }
    }

    pub async fn post_raw(&self, survey: &str, content_type: &str, body: impl Into<Body>) -> Reply {
        let request = Request::post(format!("/v1/surveys/{survey}/responses"))
            .header(header::CONTENT_TYPE, content_type)
            .body(body.into())
            .expect("request");
        self.send(request).await
    }

    pub async fn post(&self, body: &Value) -> Reply {
        self.post_raw("checkout", "application/json", body.to_string())
            .await
    }

    pub async fn get(&self, uri: &str) -> Reply {
        self.send(Request::get(uri).body(Body::empty()).expect("request"))
            .await
    }
}

/// A valid checkout response with the given rating and id.
pub fn response(id: &str, rating: u8) -> Value {
    json!({
        "id": id,
        "survey_version": 1,
        "locale": "en",
        "answers": {
            "satisfaction": rating,
            "delivery": {"promise": {"expected": 5, "experienced": 6}},
            "comment": "Quick and easy"
        }
    })
}

/// A distinct valid UUID per `n`.
pub fn uuid(n: u32) -> String {
    format!("00000000-0000-4000-8000-{n:012}")
}

/// The figures of question `id` in a snapshot body.
pub fn question<'a>(snapshot: &'a Value, id: &str) -> &'a Value {
    snapshot["questions"]
        .as_array()
        .and_then(|all| all.iter().find(|q| q["id"] == id))
        .unwrap_or_else(|| panic!("no question {id} in {snapshot}"))
}
