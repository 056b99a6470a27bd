//! `cargo xtask bench collector`: a real load generator (wrk) against a
//! release collector on loopback. Ingest is compared with a no-op route of
//! the same server in the same run; snapshot latency at 1,000,000 stored
//! responses with the same at 1,000.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use crate::process::{cmd, output, run};

const SECONDS: &str = "10";
const CONNECTIONS: &str = "32";

/// What wrk measured.
pub struct Measured {
    pub requests_per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub errors: u64,
}

/// Installs wrk when missing.
pub fn ensure_wrk() -> anyhow::Result<()> {
    if output(&mut cmd("wrk", &["--version"])).is_none() && !Path::new("/usr/bin/wrk").exists() {
        crate::toolchain::apt_install(&["wrk"])?;
    }
    Ok(())
}

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

/// The URL of an SQLite database at `file`, emptied: the file and its
/// write-ahead log are removed, and the collector creates them anew.
pub fn empty_database(file: &Path) -> String {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
    }
    format!("sqlite://{}", file.display())
}

/// The release collector (built by [`Server::build`]) on a free loopback
/// port, stopped when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
}

impl Server {
    /// The collector's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Server {
    /// Builds the release collector, and whatever else `also` names (cargo's
    /// target flags, such as `--example seed`).
    pub fn build(also: &[&str]) -> anyhow::Result<()> {
        let mut args = vec![
            "build",
            "--release",
            "-p",
            "candor-collector",
            "--bin",
            "candor-collector",
        ];
        args.extend(also);
        run(&mut cmd("cargo", &args))
    }

    pub fn start(database: &str) -> anyhow::Result<Self> {
        Self::serving(database, None)
    }

    /// The collector on `database`, also serving the static site `site`.
    pub fn serving(database: &str, site: Option<&Path>) -> anyhow::Result<Self> {
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let mut command = Command::new("target/release/candor-collector");
        if let Some(site) = site {
            command.env("CANDOR_STATIC_DIR", site);
        }
        let child = command
            .env("CANDOR_BIND", format!("127.0.0.1:{port}"))
            .env("CANDOR_DATABASE_URL", database)
            .env("CANDOR_RATE_LIMIT_PER_MINUTE", "0")
            .env("CANDOR_ADMIN_TOKEN", "bench-admin-token-0123456789abcdef")
            .env("RUST_LOG", "error")
            .stdout(Stdio::null())
            .spawn()
            .context("starting the collector")?;
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if started.elapsed() > Duration::from_secs(30) {
                bail!("the collector did not start");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(Self { child, port })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wrk(server: &Server, path: &str, script: Option<&str>) -> anyhow::Result<Measured> {
    wrk_with(server, path, script, &[])
}

/// wrk on `path` with `script`, passing it `script_args`.
pub fn wrk_with(
    server: &Server,
    path: &str,
    script: Option<&str>,
    script_args: &[&str],
) -> anyhow::Result<Measured> {
    let url = format!("http://127.0.0.1:{}{path}", server.port);
    let mut args = vec!["-t2", "-c", CONNECTIONS, "-d", SECONDS, "--latency"];
    if let Some(script) = script {
        args.extend(["-s", script]);
    }
    args.push(&url);
    if !script_args.is_empty() {
        args.push("--");
        args.extend(script_args);
    }
    eprintln!("$ wrk {}", args.join(" "));
    let text = output(&mut cmd("wrk", &args)).context("wrk failed")?;
    let field = |prefix: &str| -> Option<String> {
        text.lines()
            .find_map(|l| l.trim().strip_prefix(prefix).map(|rest| rest.trim().to_owned()))
    };
    Ok(Measured {
        requests_per_second: field("Requests/sec:")
            .and_then(|v| v.parse().ok())
            .context("no Requests/sec")?,
        p50_ms: field("50%").map(|v| millis(&v)).context("no p50")?,
        p99_ms: field("99%").map(|v| millis(&v)).context("no p99")?,
        errors: field("Non-2xx or 3xx responses:")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0),
    })
}

/// wrk's "1.23ms" / "850.00us" / "1.20s" in milliseconds.
fn millis(value: &str) -> f64 {
    let number = |suffix: &str| value.strip_suffix(suffix).and_then(|n| n.parse::<f64>().ok());
    number("us")
        .map(|us| us / 1000.0)
        .or_else(|| number("ms"))
        .or_else(|| number("s").map(|s| s * 1000.0))
        .unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_wrk_durations() {
        assert_eq!(super::millis("850.00us"), 0.85);
        assert_eq!(super::millis("1.50ms"), 1.5);
        assert_eq!(super::millis("2.00s"), 2000.0);
    }
}
