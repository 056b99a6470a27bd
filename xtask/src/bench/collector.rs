//! `cargo xtask bench collector`: a real load generator (wrk) against a
//! release collector on loopback. Ingest is compared with a no-op route of
//! the same server in the same run; snapshot latency at 1,000,000 stored
//! responses with the same at 1,000.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context;

use super::harness::{ADMIN_TOKEN, Server, empty_database, ensure_wrk, wrk, wrk_with};
use crate::process::{cmd, output, run};

pub fn collector() -> anyhow::Result<()> {
    ensure_wrk()?;
    Server::build(&["--example", "seed", "--example", "receiver"])?;
    let dir = Path::new("target/bench");
    std::fs::create_dir_all(dir)?;
    let small = seeded(dir, 1_000)?;
    let large = seeded(dir, 1_000_000)?;

    let server = Server::start(&small)?;
    let noop = wrk(&server, "/healthz", None)?;
    let ingest = ingest(&server)?;
    drop(server);
    let small = seeded_fresh(dir, 1_000)?;
    let webhooks = ingest_with_destinations(dir, &small, 2)?;
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
        ("POST a response, two webhook destinations", &webhooks.ingest),
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
        "ingest with two webhook destinations = {:.2} × without; {} deliveries made of at least {} (wrk does not count requests in flight at its end), the last {:.1} s after the load ended",
        webhooks.ingest.requests_per_second / ingest.requests_per_second,
        webhooks.delivered,
        webhooks.expected,
        webhooks.drained.as_secs_f64(),
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

/// wrk's ingest: new responses, numbered as run 1 so that none repeats
/// the seed's ids (run 0), which would be cheaper retries and cause no event.
fn ingest(server: &Server) -> anyhow::Result<super::harness::Measured> {
    wrk_with(
        server,
        "/v1/surveys/checkout/responses",
        Some("xtask/bench/ingest.lua"),
        &["1"],
    )
}

/// Ingest with webhook destinations, and how the deliveries kept up.
struct Webhooks {
    ingest: super::harness::Measured,
    /// Deliveries the receiver got, of the two per stored response.
    delivered: u64,
    expected: u64,
    /// From the end of the load to the last delivery (or to giving up
    /// waiting, 60 s).
    drained: Duration,
}

/// wrk's ingest against a collector on `database` with `destinations`
/// webhook destinations, all pointing at a real receiver on loopback.
fn ingest_with_destinations(dir: &Path, database: &str, destinations: u64) -> anyhow::Result<Webhooks> {
    let server = Server::start(database)?;
    let count_file = dir.join("received");
    let _ = std::fs::remove_file(&count_file);
    let mut receiver = std::process::Command::new("target/release/examples/receiver")
        .args([
            &format!("http://127.0.0.1:{}", server.port),
            ADMIN_TOKEN,
            &destinations.to_string(),
            &count_file.display().to_string(),
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .context("starting the receiver")?;
    // Its first line says the destinations are in place.
    let mut ready = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(receiver.stdout.take().context("the receiver's output")?),
        &mut ready,
    )?;
    anyhow::ensure!(
        ready.starts_with("http://"),
        "the receiver did not start: {ready:?}"
    );
    let ingest = ingest(&server)?;
    let ended = Instant::now();
    let expected = (ingest.requests - ingest.errors) * destinations;
    let received = || -> u64 {
        std::fs::read_to_string(&count_file)
            .ok()
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0)
    };
    let (mut delivered, mut last_change) = (received(), ended);
    while delivered < expected && ended.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(100));
        let now = received();
        if now > delivered {
            (delivered, last_change) = (now, Instant::now());
        }
    }
    let _ = receiver.kill();
    let _ = receiver.wait();
    drop(server);
    Ok(Webhooks {
        ingest,
        delivered,
        expected,
        drained: last_change.duration_since(ended),
    })
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
                &format!("Authorization: Bearer {ADMIN_TOKEN}"),
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
