//! The binary's maintenance commands, run as an operator would: `migrate`
//! twice changes nothing, `check` says what is wrong and fails when the
//! server could not work, and `backup` taken while responses are posted
//! restores into a database whose figures are those of what it holds,
//! which is at least every response acknowledged before it began.

use std::collections::BTreeSet;
use std::process::Output;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use candor_collector::Store;
use sqlx::Connection;
use tower::ServiceExt;

use crate::helpers::{Db, app_at, fresh_database, response, uuid};

/// The collector binary run with `args` on `database_url`, to its end.
async fn collector(database_url: &str, args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    tokio::process::Command::new(env!("CARGO_BIN_EXE_candor-collector"))
        .args(args)
        .current_dir(dir.path())
        .env("CANDOR_DATABASE_URL", database_url)
        .env_remove("CANDOR_ADMIN_TOKEN")
        .env_remove("CANDOR_STATIC_DIR")
        .output()
        .await
        .unwrap()
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Everything migrations decide: the schema and the migrations' own rows.
async fn schema(database_url: &str) -> Vec<String> {
    let rows: Vec<(String,)> = if database_url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(database_url).await.unwrap();
        sqlx::query_as(
            "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master \
             UNION ALL SELECT version || ' ' || hex(checksum) || ' ' || installed_on || ' ' || success \
             FROM _sqlx_migrations ORDER BY 1",
        )
        .fetch_all(&mut conn)
        .await
        .unwrap()
    } else {
        let mut conn = sqlx::PgConnection::connect(database_url).await.unwrap();
        sqlx::query_as(
            "SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns \
             WHERE table_schema = 'public' \
             UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' \
             UNION ALL SELECT version || ' ' || encode(checksum, 'hex') || ' ' || installed_on::text || ' ' || success \
             FROM _sqlx_migrations ORDER BY 1",
        )
        .fetch_all(&mut conn)
        .await
        .unwrap()
    };
    rows.into_iter().map(|(row,)| row).collect()
}

async fn migrate_twice_changes_nothing(db: Db) {
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database(db, &dir).await else {
        return;
    };
    // As many as there are files, so a new migration needs no edit here.
    let all = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/sqlite"))
        .unwrap()
        .count();
    let first = collector(&url, &["migrate"]).await;
    assert!(first.status.success(), "{}", text(&first));
    assert!(
        text(&first).contains(&format!("{all} applied now, {all} in all")),
        "{}",
        text(&first)
    );
    let migrated = schema(&url).await;
    assert!(
        migrated.iter().any(|row| row.contains("responses")),
        "{migrated:?}"
    );
    let second = collector(&url, &["migrate"]).await;
    assert!(second.status.success(), "{}", text(&second));
    assert!(
        text(&second).contains(&format!("0 applied now, {all} in all")),
        "{}",
        text(&second)
    );
    assert_eq!(
        schema(&url).await,
        migrated,
        "the second run changed the database"
    );
    let checked = collector(&url, &["check"]).await;
    assert!(
        text(&checked).contains(&format!("ok    migrations: current ({all} applied)")),
        "{}",
        text(&checked)
    );
    // The server starts on what `migrate` made, and has nothing to add.
    drop(Store::open(&url).await.unwrap());
    assert_eq!(schema(&url).await, migrated, "the server changed the schema");
}

#[tokio::test]
async fn migrate_twice_changes_nothing_on_sqlite() {
    migrate_twice_changes_nothing(Db::Sqlite).await;
}

#[tokio::test]
async fn migrate_twice_changes_nothing_on_postgres() {
    migrate_twice_changes_nothing(Db::Postgres).await;
}

#[tokio::test]
async fn check_fails_clearly_on_an_unreachable_database() {
    let url = "postgres://candor:s3cret-pw@127.0.0.1:9/candor";
    let output = collector(url, &["check"]).await;
    let said = text(&output);
    assert!(!output.status.success(), "{said}");
    assert!(
        said.contains("FAIL  database: cannot reach the database postgres://candor:***@127.0.0.1:9/candor"),
        "{said}"
    );
    assert!(said.contains("error: 1 check failed"), "{said}");
    assert!(!said.contains("s3cret-pw"), "{said}");
}

#[tokio::test]
async fn check_fails_on_a_database_a_newer_collector_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database(Db::Sqlite, &dir).await.unwrap();
    drop(Store::open(&url).await.unwrap());
    let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (9999, 'from the future', TRUE, x'00', 0)",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    let output = collector(&url, &["check"]).await;
    assert!(!output.status.success());
    assert!(
        text(&output).contains("FAIL  migrations: applied by a newer collector: 9999"),
        "{}",
        text(&output)
    );
    sqlx::query("DELETE FROM _sqlx_migrations WHERE version IN (7, 9999)")
        .execute(&mut conn)
        .await
        .unwrap();
    let output = collector(&url, &["check"]).await;
    assert!(
        output.status.success(),
        "pending ones the server applies: {}",
        text(&output)
    );
    assert!(
        text(&output).contains("warn  migrations: not applied: 0007"),
        "{}",
        text(&output)
    );
}

#[tokio::test]
async fn check_finds_what_a_site_directory_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database(Db::Sqlite, &dir).await.unwrap();
    let site = dir.path().join("site");
    std::fs::create_dir_all(site.join("dashboard")).unwrap();
    for file in candor_collector::site::REQUIRED {
        std::fs::write(site.join(file), "x").unwrap();
    }
    let site_dir = site.display().to_string();
    let whole = collector(&url, &["--static-dir", &site_dir, "check"]).await;
    assert!(whole.status.success(), "{}", text(&whole));
    assert!(
        text(&whole).contains("ok    site: the directory"),
        "{}",
        text(&whole)
    );
    std::fs::remove_file(site.join("candor_wasm_bg.wasm")).unwrap();
    let lacking = collector(&url, &["--static-dir", &site_dir, "check"]).await;
    assert!(!lacking.status.success());
    assert!(
        text(&lacking).contains("lacks candor_wasm_bg.wasm"),
        "{}",
        text(&lacking)
    );
}

#[tokio::test]
async fn backup_refuses_postgres_and_an_existing_file() {
    let output = collector(
        "postgres://candor@127.0.0.1:9/candor",
        &["backup", "--to", "copy.db"],
    )
    .await;
    assert!(!output.status.success());
    assert!(text(&output).contains("use pg_dump"), "{}", text(&output));
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database(Db::Sqlite, &dir).await.unwrap();
    drop(Store::open(&url).await.unwrap());
    let existing = dir.path().join("existing.db");
    std::fs::write(&existing, "keep me").unwrap();
    let output = collector(&url, &["backup", "--to", &existing.display().to_string()]).await;
    assert!(!output.status.success());
    assert!(text(&output).contains("already exists"), "{}", text(&output));
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep me");
    let nowhere = dir.path().join("no-such-dir/copy.db");
    let output = collector(&url, &["backup", "--to", &nowhere.display().to_string()]).await;
    assert!(!output.status.success());
    assert!(
        text(&output).contains("no-such-dir: no such directory"),
        "{}",
        text(&output)
    );
}

/// The id number and rating of each posted response, from its number.
fn posted(n: u32) -> serde_json::Value {
    response(&uuid(n), u8::try_from(n % 5).unwrap() + 1)
}

async fn stored_ids(url: &str) -> BTreeSet<String> {
    let mut conn = sqlx::SqliteConnection::connect(url).await.unwrap();
    let rows: Vec<(String,)> = sqlx::query_as("SELECT id FROM responses")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    rows.into_iter().map(|(id,)| id).collect()
}

#[tokio::test]
async fn a_backup_taken_while_posting_restores_what_was_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let source_url = fresh_database(Db::Sqlite, &dir).await.unwrap();
    let source = app_at(source_url.clone(), tempfile::tempdir().unwrap(), |_| {}).await;
    for n in 0..40 {
        assert_eq!(source.post(&posted(n)).await.status, StatusCode::CREATED);
    }
    // Posts go on through the backup, each number kept once acknowledged.
    let acknowledged = Arc::new(Mutex::new((0..40).collect::<BTreeSet<u32>>()));
    let stop = Arc::new(AtomicBool::new(false));
    let poster = {
        let (router, acknowledged, stop) = (source.router.clone(), acknowledged.clone(), stop.clone());
        tokio::spawn(async move {
            let mut n = 40;
            while !stop.load(Ordering::SeqCst) && n < 2_000 {
                let request = Request::post("/v1/surveys/checkout/responses")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(posted(n).to_string()))
                    .unwrap();
                if router.clone().oneshot(request).await.unwrap().status() == StatusCode::CREATED {
                    acknowledged.lock().unwrap().insert(n);
                }
                n += 1;
            }
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    let before: BTreeSet<u32> = acknowledged.lock().unwrap().clone();
    let backup = dir.path().join("backup.db");
    let output = collector(&source_url, &["backup", "--to", &backup.display().to_string()]).await;
    stop.store(true, Ordering::SeqCst);
    poster.await.unwrap();
    assert!(output.status.success(), "{}", text(&output));
    let after = acknowledged.lock().unwrap().clone();
    assert!(after.len() > before.len(), "posts went on during the backup");

    // Restored as docs/deploy.md says: the file copied into place.
    let restored_dir = tempfile::tempdir().unwrap();
    let restored_file = restored_dir.path().join("candor.db");
    std::fs::copy(&backup, &restored_file).unwrap();
    let restored_url = format!("sqlite://{}", restored_file.display());
    let held = stored_ids(&restored_url).await;
    let held_numbers: BTreeSet<u32> = after
        .iter()
        .copied()
        .filter(|n| held.contains(&uuid(*n)))
        .collect();
    assert_eq!(
        held_numbers.len(),
        held.len(),
        "it holds only responses that were posted"
    );
    assert!(
        before.is_subset(&held_numbers),
        "every response acknowledged before the backup began is in it"
    );

    // Its figures are those of exactly what it holds, posted afresh.
    let restored = app_at(restored_url, restored_dir, |_| {}).await;
    let fresh_dir = tempfile::tempdir().unwrap();
    let fresh_url = fresh_database(Db::Sqlite, &fresh_dir).await.unwrap();
    let fresh = app_at(fresh_url, fresh_dir, |_| {}).await;
    for n in &held_numbers {
        assert_eq!(fresh.post(&posted(*n)).await.status, StatusCode::CREATED);
    }
    let snapshot = "/v1/admin/surveys/checkout/snapshot";
    let (restored, fresh) = (
        restored.admin("GET", snapshot, None).await,
        fresh.admin("GET", snapshot, None).await,
    );
    assert_eq!(restored.status, StatusCode::OK);
    assert_eq!(restored.body["responses"], held_numbers.len());
    assert_eq!(restored.body, fresh.body);
}
