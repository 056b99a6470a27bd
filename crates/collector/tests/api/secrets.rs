//! Secrets stay secret: the database password never reaches the log or an
//! error, a generated admin token goes to a file only its owner can read,
//! rotation refuses the old token at once, short tokens are refused at
//! start, and wrong tokens from one client are slowed down.

use std::process::{Command, Stdio};
use std::time::Duration;

use axum::http::{StatusCode, header};
use candor_collector::{AdminToken, AppState, Config, TEST_TOKEN, TokenError};

use crate::helpers::{Db, TestApp, fresh_database};

const PASSWORD: &str = "s3cret-Pa55word";

/// The collector binary's output (both streams) when started with
/// `database_url`, stopped after `for_at_most` if it is still running.
fn output_of_a_start(database_url: &str, for_at_most: Duration) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_candor-collector"))
        .env("CANDOR_DATABASE_URL", database_url)
        .env("CANDOR_BIND", "127.0.0.1:0")
        .env("CANDOR_ADMIN_TOKEN_FILE", dir.path().join("admin-token"))
        .env_remove("CANDOR_ADMIN_TOKEN")
        .env("RUST_LOG", "debug")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while started.elapsed() < for_at_most && child.try_wait().unwrap().is_none() {
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let output = child.wait_with_output().unwrap();
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn a_database_password_never_reaches_the_log() {
    for url in [
        format!("postgres://candor:{PASSWORD}@127.0.0.1:9/candor"),
        format!("postgres://candor@127.0.0.1:9/candor?password={PASSWORD}"),
        format!("mysql://candor:{PASSWORD}@127.0.0.1/candor"),
    ] {
        let output = output_of_a_start(&url, Duration::from_secs(20));
        assert!(output.contains("error"), "the start failed visibly: {output}");
        assert!(!output.contains(PASSWORD), "{output}");
    }
}

#[tokio::test]
async fn a_database_password_is_not_logged_by_a_collector_that_starts() {
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database(Db::Postgres, &dir).await else {
        return;
    };
    // The test server trusts loopback, so any password connects.
    let with_password = url.replacen(
        "postgres://postgres@",
        &format!("postgres://postgres:{PASSWORD}@"),
        1,
    );
    let output = output_of_a_start(&with_password, Duration::from_secs(5));
    assert!(output.contains("candor collector listening"), "{output}");
    assert!(output.contains("postgres:***@"), "{output}");
    assert!(!output.contains(PASSWORD), "{output}");
}

/// A collector on `app`'s database with no configured token, writing a
/// generated one to `file`.
async fn generating(app: &TestApp, file: &std::path::Path) -> (TestApp, Option<std::path::PathBuf>) {
    let mut config = Config::for_database(app.url.clone());
    config.admin_token = None;
    config.admin_token_file = file.to_owned();
    let (state, generated) = AppState::new(app.store.clone(), &config).await.unwrap();
    let router = candor_collector::app(state.clone(), &config);
    (
        TestApp {
            router,
            state,
            store: app.store.clone(),
            url: app.url.clone(),
            _dir: tempfile::tempdir().unwrap(),
        },
        generated,
    )
}

fn token_in(file: &std::path::Path) -> String {
    std::fs::read_to_string(file).unwrap().trim().to_owned()
}

crate::on_both_databases! {
    async fn the_token_in_force_is_the_last_one_set_and_rotation_is_immediate(app) {
        // Started with CANDOR_ADMIN_TOKEN (as every test app is), then without
        // it: the configured token stays in force; nothing is generated.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("admin-token");
        let (unset, generated) = generating(&app, &file).await;
        assert_eq!(generated, None);
        assert_eq!(unset.admin("GET", "/v1/admin/surveys", None).await.status, StatusCode::OK);

        // Rotated from another process, as an operator would.
        let rotated = Command::new(env!("CARGO_BIN_EXE_candor-collector"))
            .arg("rotate-token")
            .env("CANDOR_DATABASE_URL", &app.url)
            .env("CANDOR_ADMIN_TOKEN_FILE", &file)
            .env_remove("CANDOR_ADMIN_TOKEN")
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&rotated.stdout).into_owned();
        assert!(rotated.status.success(), "{said}{}", String::from_utf8_lossy(&rotated.stderr));
        let new = token_in(&file);
        assert!(new.len() >= 32 && !said.contains(&new), "the token is in the file, not the output: {said}");
        assert!(said.contains(&file.display().to_string()), "{said}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
        }
        assert_eq!(unset.admin("GET", "/v1/admin/surveys", None).await.status, StatusCode::FORBIDDEN, "the old token, at once");
        assert_eq!(app.admin_as(Some(&new), "GET", "/v1/admin/surveys", None).await.status, StatusCode::OK, "the new one");
        let refused = Command::new(env!("CARGO_BIN_EXE_candor-collector"))
            .arg("rotate-token")
            .env("CANDOR_DATABASE_URL", &app.url)
            .env("CANDOR_ADMIN_TOKEN", "x".repeat(40))
            .output()
            .unwrap();
        assert!(!refused.status.success(), "rotation with CANDOR_ADMIN_TOKEN set would be undone at the next start");
    }

    async fn a_generated_token_goes_to_a_file_and_short_ones_are_refused(app) {
        // A database that never had a token.
        let fresh = tempfile::tempdir().unwrap();
        let store = candor_collector::Store::open(&format!("sqlite://{}", fresh.path().join("c.db").display())).await.unwrap();
        let file = fresh.path().join("admin-token");
        let (_, generated) = AdminToken::resolve(&store, None, &file).await.unwrap();
        assert_eq!(generated.as_deref(), Some(file.as_path()));
        let token = token_in(&file);
        let (admin, again) = AdminToken::resolve(&store, None, &file).await.unwrap();
        assert_eq!(again, None, "generated once");
        assert!(admin.verify(&token).await.unwrap());
        let short = AdminToken::resolve(&app.store, Some("short-but-sweet"), &file).await;
        assert!(matches!(short, Err(TokenError::TooShort(15))), "{short:?}");
        assert!(AdminToken::resolve(&app.store, Some(TEST_TOKEN), &file).await.is_ok());
    }

    async fn wrong_tokens_from_one_client_are_slowed_down(app) {
        let attempt = |token: &'static str, from: [u8; 4]| {
            let mut request = axum::http::Request::get("/v1/admin/surveys")
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .body(axum::body::Body::empty())
                .unwrap();
            request.extensions_mut().insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((from, 40000))));
            app.send(request)
        };
        for n in 0..5 {
            assert_eq!(attempt("guess", [192, 0, 2, 1]).await.status, StatusCode::FORBIDDEN, "attempt {n}");
        }
        let slowed = attempt("guess", [192, 0, 2, 1]).await;
        assert_eq!((slowed.status, slowed.body["code"].as_str()), (StatusCode::TOO_MANY_REQUESTS, Some("rate_limited")));
        assert_eq!(attempt("guess", [192, 0, 2, 2]).await.status, StatusCode::FORBIDDEN, "another client");
        assert_eq!(attempt(TEST_TOKEN, [192, 0, 2, 3]).await.status, StatusCode::OK);
    }
}
