//! Fills a SQLite database with N synthetic checkout responses spread over
//! the last 365 days, exactly as the collector would have stored them
//! (response rows plus daily summaries), in one fast transaction. Used by
//! `cargo xtask bench collector` to compare snapshot latency at 1,000 and
//! 1,000,000 responses.
//!
//!     cargo run --release -p candor-collector --example seed -- sqlite://bench.db 1000000
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use candor_collector::Store;
use candor_core::stats::SurveyStats;
use candor_core::{Day, ResponseSubmission, templates};
use sqlx::sqlite::SqlitePoolOptions;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let url = args.next().expect("usage: seed <sqlite://file> <count>");
    let count: u64 = args.next().expect("count").parse()?;
    // Migrations and built-in surveys, as the collector makes them.
    drop(Store::open(&url).await?);
    let pool = SqlitePoolOptions::new().max_connections(1).connect(&url).await?;
    sqlx::query("PRAGMA synchronous = OFF").execute(&pool).await?;
    let survey = templates::checkout();
    let today = Day::from_unix_seconds(time::OffsetDateTime::now_utc().unix_timestamp());
    let mut days: BTreeMap<Day, SurveyStats> = BTreeMap::new();
    let mut tx = pool.begin().await?;
    for n in 0..count {
        let day = today.plus(-((n % 365) as i32));
        let id = format!("00000000-0000-4000-8000-{n:012}");
        let body = format!(
            r#"{{"id":"{id}","survey_version":1,"answers":{{"satisfaction":{},"delivery":{{"promise":{{"expected":{},"experienced":{}}}}}}}}}"#,
            1 + n % 5,
            1 + n % 7,
            1 + (n / 7) % 7
        );
        let response = survey
            .validate(ResponseSubmission::from_json(body.as_bytes()).unwrap())
            .unwrap();
        days.entry(day).or_default().add(&survey, &response);
        sqlx::query(
            "INSERT INTO responses (id, survey_id, survey_version, received_at, locale, page, answers)
             VALUES ($1, 'checkout', 1, $2, $3, '/checkout', $4)",
        )
        .bind(&id)
        .bind(format!("{day}T12:00:00Z"))
        // A third in Thai: the segment the bench filters on.
        .bind(if n % 3 == 0 { "th" } else { "en" })
        .bind(serde_json::to_string(response.answers())?)
        .execute(&mut *tx)
        .await?;
    }
    for (day, stats) in days {
        sqlx::query(
            "INSERT INTO daily_stats (survey_id, day, stats) VALUES ('checkout', $1, $2)
             ON CONFLICT (survey_id, day) DO UPDATE SET stats = excluded.stats",
        )
        .bind(day.to_string())
        .bind(serde_json::to_string(&stats)?)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    println!("seeded {count} responses into {url}");
    Ok(())
}
