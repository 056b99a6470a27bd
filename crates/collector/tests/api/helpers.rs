//! A collector over a fresh temporary SQLite database, driven in-process.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use candor_collector::{AppState, Config, Store, app};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use sqlx::Connection;
use tower::ServiceExt;

pub struct TestApp {
    pub router: Router,
    pub store: Store,
    /// The database, for tests that reach into it directly.
    pub url: String,
    // Kept so the database file lives as long as the test.
    _dir: tempfile::TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub body: Value,
}

/// Which database a test runs on.
#[derive(Debug, Clone, Copy)]
pub enum Db {
    Sqlite,
    Postgres,
}

/// A fresh database URL: a new SQLite file, or a new database on the
/// PostgreSQL server named by `CANDOR_TEST_POSTGRES_URL` (`cargo xtask test`
/// starts one). `None` when PostgreSQL is asked for but not configured.
pub async fn fresh_database(db: Db, dir: &tempfile::TempDir) -> Option<String> {
    match db {
        Db::Sqlite => Some(format!("sqlite://{}", dir.path().join("candor.db").display())),
        Db::Postgres => {
            let Ok(admin) = std::env::var("CANDOR_TEST_POSTGRES_URL") else {
                eprintln!("skipped: CANDOR_TEST_POSTGRES_URL is not set (cargo xtask test sets it)");
                return None;
            };
            let name = format!("candor_test_{}", uuid::Uuid::new_v4().simple());
            let mut connection = sqlx::PgConnection::connect(&admin)
                .await
                .expect("connect to PostgreSQL");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut connection)
                .await
                .expect("create database");
            let base = admin.rsplit_once('/').map_or(admin.as_str(), |(base, _)| base);
            Some(format!("{base}/{name}"))
        }
    }
}

pub async fn spawn_app(db: Db) -> Option<TestApp> {
    spawn_app_with(db, |_| {}).await
}

/// A collector whose configuration `adjust` changes first.
pub async fn spawn_app_with(db: Db, adjust: impl FnOnce(&mut Config)) -> Option<TestApp> {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = fresh_database(db, &dir).await?;
    let store = Store::open(&url).await.expect("open store");
    let mut config = Config::for_database(url.clone());
    adjust(&mut config);
    let (state, _) = AppState::new(store.clone(), &config).await.expect("state");
    let router = app(state, &config);
    Some(TestApp {
        router,
        store,
        url,
        _dir: dir,
    })
}

/// Runs each test body once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! on_both_databases {
    ($(async fn $name:ident($app:ident) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                async fn run($app: $crate::helpers::TestApp) $body

                #[tokio::test]
                async fn sqlite() {
                    run($crate::helpers::spawn_app($crate::helpers::Db::Sqlite).await.unwrap()).await;
                }

                #[tokio::test]
                async fn postgres() {
                    if let Some(app) = $crate::helpers::spawn_app($crate::helpers::Db::Postgres).await {
                        run(app).await;
                    }
                }
            }
        )*
    };
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

    /// An admin request with the test token (`Config::for_database`'s).
    pub async fn admin(&self, method: &str, uri: &str, body: Option<Value>) -> Reply {
        self.admin_as(Some("test-admin-token"), method, uri, body).await
    }

    /// An admin request with `token` (or none).
    pub async fn admin_as(&self, token: Option<&str>, method: &str, uri: &str, body: Option<Value>) -> Reply {
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let body = match body {
            Some(value) => {
                request = request.header(header::CONTENT_TYPE, "application/json");
                Body::from(value.to_string())
            }
            None => Body::empty(),
        };
        self.send(request.body(body).expect("request")).await
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
