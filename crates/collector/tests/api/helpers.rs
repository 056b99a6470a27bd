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
    /// What the handlers share (the rate limiter, the metrics).
    pub state: AppState,
    /// The database, for tests that reach into it directly.
    pub url: String,
    // Kept so the database file lives as long as the test.
    pub _dir: tempfile::TempDir,
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

/// The PostgreSQL server the twins run on: `CANDOR_TEST_POSTGRES_URL`
/// (`cargo xtask test` starts one and sets it). Unset, a twin fails rather
/// than pass without having run; `skip` skips them, as asked, saying so.
pub fn postgres_server() -> Option<String> {
    match std::env::var("CANDOR_TEST_POSTGRES_URL") {
        Ok(skip) if skip == "skip" => {
            eprintln!("skipped as asked: CANDOR_TEST_POSTGRES_URL=skip");
            None
        }
        Ok(url) => Some(url),
        Err(_) => panic!(
            "this test runs on PostgreSQL too: run `cargo xtask test` (it starts one), set \
             CANDOR_TEST_POSTGRES_URL=postgres://…, or CANDOR_TEST_POSTGRES_URL=skip to skip it"
        ),
    }
}

/// A fresh database URL: a new SQLite file, or a new database on the
/// PostgreSQL server of [`postgres_server`]; `None` when that says skip.
pub async fn fresh_database(db: Db, dir: &tempfile::TempDir) -> Option<String> {
    match db {
        Db::Sqlite => Some(format!("sqlite://{}", dir.path().join("candor.db").display())),
        Db::Postgres => {
            let admin = postgres_server()?;
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
    Some(app_at(url, dir, adjust).await)
}

/// A collector on the database at `url` (kept in `dir`), its
/// configuration changed by `adjust` first.
pub async fn app_at(url: String, dir: tempfile::TempDir, adjust: impl FnOnce(&mut Config)) -> TestApp {
    let store = Store::open(&url).await.expect("open store");
    let mut config = Config::for_database(url.clone());
    adjust(&mut config);
    let (state, _) = AppState::new(store.clone(), &config).await.expect("state");
    let router = app(state.clone(), &config);
    TestApp {
        router,
        store,
        state,
        url,
        _dir: dir,
    }
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

/// Runs each test body once on SQLite and once on PostgreSQL, the
/// configuration changed by `adjust` first.
#[macro_export]
macro_rules! on_both_databases_configured {
    ($(async fn $name:ident($app:ident) configured $adjust:expr; $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                async fn run($app: $crate::helpers::TestApp) $body

                #[tokio::test]
                async fn sqlite() {
                    run($crate::helpers::spawn_app_with($crate::helpers::Db::Sqlite, $adjust).await.unwrap()).await;
                }

                #[tokio::test]
                async fn postgres() {
                    if let Some(app) = $crate::helpers::spawn_app_with($crate::helpers::Db::Postgres, $adjust).await {
                        run(app).await;
                    }
                }
            }
        )*
    };
}

/// Runs each test body against a real server (configured by `adjust`) once
/// on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! served_on_both_databases {
    ($(async fn $name:ident($server:ident) configured $adjust:expr; $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                async fn run($server: $crate::helpers::Server) $body

                #[tokio::test]
                async fn sqlite() {
                    run($crate::helpers::serve_with($crate::helpers::Db::Sqlite, $adjust).await.unwrap()).await;
                }

                #[tokio::test]
                async fn postgres() {
                    if let Some(server) = $crate::helpers::serve_with($crate::helpers::Db::Postgres, $adjust).await {
                        run(server).await;
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

    /// A post to `survey` as if from `peer` (what the accept loop records),
    /// with an `X-Forwarded-For` header if given.
    pub async fn post_from(
        &self,
        peer: std::net::IpAddr,
        forwarded: Option<&str>,
        survey: &str,
        body: &Value,
    ) -> Reply {
        let mut request = Request::post(format!("/v1/surveys/{survey}/responses"))
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(forwarded) = forwarded {
            request = request.header("x-forwarded-for", forwarded);
        }
        let mut request = request.body(Body::from(body.to_string())).expect("request");
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::new(peer, 40000)));
        self.send(request).await
    }

    /// As [`TestApp::post`], owning its body (for posts made at once).
    pub async fn post_owned(&self, body: Value) -> Reply {
        self.post(&body).await
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
        self.admin_as(Some(candor_collector::TEST_TOKEN), method, uri, body)
            .await
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

/// A real collector on a loopback port, over a fresh database; stopped
/// (and its in-flight requests finished) by [`Server::stop`].
pub struct Server {
    pub addr: std::net::SocketAddr,
    pub metrics_addr: Option<std::net::SocketAddr>,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
    pub _dir: tempfile::TempDir,
}

/// Starts a collector on `db` whose configuration `adjust` changes first;
/// `None` when PostgreSQL is asked for but not configured.
pub async fn serve_with(db: Db, adjust: impl FnOnce(&mut Config)) -> Option<Server> {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = fresh_database(db, &dir).await?;
    let mut config = Config::for_database(url);
    adjust(&mut config);
    Some(serve_config(&config, dir).await)
}

/// Starts a collector with `config`, keeping `dir` as long as it runs.
pub async fn serve_config(config: &Config, dir: tempfile::TempDir) -> Server {
    let app = candor_collector::Application::build(config).await.expect("build");
    let addr = app.local_addr();
    let metrics_addr = app.metrics_addr();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));
    Server {
        addr,
        metrics_addr,
        stop,
        task,
        _dir: dir,
    }
}

impl Server {
    /// A new connection from loopback address `from` (127.0.0.0/8 is all
    /// this machine's, so each stands for another client).
    pub async fn connect_from(&self, from: [u8; 4]) -> tokio::net::TcpStream {
        let socket = tokio::net::TcpSocket::new_v4().expect("socket");
        socket
            .bind(std::net::SocketAddr::from((from, 0)))
            .expect("bind a loopback source");
        socket.connect(self.addr).await.expect("connect")
    }

    /// One HTTP/1.1 exchange on a new connection from 127.0.0.1: the status
    /// line and the body.
    pub async fn request(&self, head_and_body: &str) -> String {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut stream = self.connect_from([127, 0, 0, 1]).await;
        stream.write_all(head_and_body.as_bytes()).await.expect("write");
        let mut reply = String::new();
        let _ = tokio::time::timeout(
            std::time::Duration::from_secs(10),
            stream.read_to_string(&mut reply),
        )
        .await;
        reply
    }

    /// Stops it and waits until it has.
    pub async fn stop(self) {
        let _ = self.stop.send(());
        self.task.await.expect("server task").expect("served");
    }
}

/// Whether the server closes `stream` within `within` (end of stream or a
/// reset), reading and discarding whatever it sends first.
pub async fn closed_within(stream: &mut tokio::net::TcpStream, within: std::time::Duration) -> bool {
    use tokio::io::AsyncReadExt;
    let mut buffer = [0u8; 4096];
    tokio::time::timeout(within, async {
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    })
    .await
    .is_ok()
}
