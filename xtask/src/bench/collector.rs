//! `cargo xtask bench collector`: a real load generator (wrk) against a
//! release collector on loopback. Ingest is compared with a no-op route of
//! the same server in the same run; snapshot latency at 1,000,000 stored
//! responses with the same at 1,000.

use std::path::Path;

use anyhow::Context;

use super::harness::{Server, empty_database, ensure_wrk, wrk};
use crate::process::{cmd, output, run};

pub fn collector() -> anyhow::Result<()> {
    ensure_wrk()?;
    Server::build(&["--example", "seed"])?;
    let dir = Path::new("target/bench");
    std::fs::create_dir_all(dir)?;
    let small = seeded(dir, 1_000)?;
    let large = seeded(dir, 1_000_000)?;

    let server = Server::start(&small)?;
    let noop = wrk(&server, "/healthz", None)?;
    let ingest = wrk(
        &server,
        "/v1/surveys/checkout/responses",
        Some("xtask/bench/ingest.lua"),
    )?;
    drop(server);
    // The small database now also holds the ingested responses; reseed it.
    let small = seeded_fresh(dir, 1_000)?;
    let server = Server::start(&small)?;
    let snapshot_small = wrk(&server, "/v1/surveys/checkout/snapshot?window=all", None)?;
    drop(server);
    let server = Server::start(&large)?;
    let snapshot_large = wrk(&server, "/v1/surveys/checkout/snapshot?window=all", None)?;
    let segments = segment_builds(&server)?;
    drop(server);

    println!(
        "\n{:<44} {:>10} {:>9} {:>9} {:>7}",
        "collector (wrk, 32 connections, 10 s)", "req/s", "p50 ms", "p99 ms", "errors"
    );
    for (name, m) in [
        ("baseline: GET /healthz (no-op)", &noop),
        ("POST a response (stored, fsync'd)", &ingest),
        ("GET snapshot, 1,000 responses", &snapshot_small),
        ("GET snapshot, 1,000,000 responses", &snapshot_large),
    ] {
        println!(
            "{name:<44} {:>10.0} {:>9.2} {:>9.2} {:>7}",
            m.requests_per_second, m.p50_ms, m.p99_ms, m.errors
        );
    }
    println!(
        "\ningest throughput = {:.2} × no-op; snapshot p50 at 1M = {:.2} × at 1k (p99 {:.2} ×)",
        ingest.requests_per_second / noop.requests_per_second,
        snapshot_large.p50_ms / snapshot_small.p50_ms,
        snapshot_large.p99_ms / snapshot_small.p99_ms,
    );
    println!(
        "\n{:<44} {:>14} {:>14} {:>9}",
        "owner snapshot at 1M, first build (cold)", "all ms", "locale=th ms", "ratio"
    );
    for (window, whole, segment) in &segments {
        println!(
            "{window:<44} {whole:>14.1} {segment:>14.1} {:>8.1}×",
            segment / whole
        );
    }
    Ok(())
}

/// The first (uncached) build of the owner's snapshot at each window, of
/// every response (from daily summaries) and of the Thai third (built from
/// the responses themselves): (window, all ms, segment ms). Each key is
/// asked once, so each answer is a fresh build.
fn segment_builds(server: &Server) -> anyhow::Result<Vec<(&'static str, f64, f64)>> {
    let time = |query: &str| -> anyhow::Result<f64> {
        let url = format!(
            "http://127.0.0.1:{}/v1/admin/surveys/checkout/snapshot?{query}",
            server.port
        );
        let seconds = output(&mut cmd(
            "curl",
            &[
                "-sS",
                "-o",
                "/dev/null",
                "-w",
                "%{time_total}",
                "-H",
                "Authorization: Bearer bench-admin-token-0123456789abcdef",
                &url,
            ],
        ))
        .context("curl failed")?;
        Ok(seconds.trim().parse::<f64>()? * 1000.0)
    };
    ["7d", "30d", "90d", "all"]
        .into_iter()
        .map(|window| {
            let whole = time(&format!("window={window}"))?;
            let segment = time(&format!("window={window}&locale=th"))?;
            Ok((window, whole, segment))
        })
        .collect()
}

/// A database with `count` responses, made once and kept in target/bench.
fn seeded(dir: &Path, count: u64) -> anyhow::Result<String> {
    let file = dir.join(format!("seeded-{SEED_VERSION}-{count}.db"));
    if !file.exists() {
        return seeded_fresh(dir, count);
    }
    Ok(format!("sqlite://{}", file.display()))
}

/// Bumped when the seed's data changes, so an old database is not reused.
const SEED_VERSION: u32 = 2;

fn seeded_fresh(dir: &Path, count: u64) -> anyhow::Result<String> {
    let url = empty_database(&dir.join(format!("seeded-{SEED_VERSION}-{count}.db")));
    eprintln!("seeding {count} responses (once; kept in {})", dir.display());
    run(&mut cmd(
        "target/release/examples/seed",
        &[&url, &count.to_string()],
    ))?;
    Ok(url)
}
