//! What the HTTP benchmarks share: the release collector on a loopback
//! port, a fresh SQLite database, and wrk (installed when missing) with its
//! figures read back.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use crate::process::{cmd, output, run};

const SECONDS: &str = "10";
const CONNECTIONS: &str = "32";
/// The admin token of every bench collector.
pub const ADMIN_TOKEN: &str = "bench-admin-token-0123456789abcdef";

/// What wrk measured.
pub struct Measured {
    pub requests: u64,
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
            command.env("CANDOR_STATIC_DIR", site).env("CANDOR_DEMO", "true");
        }
        let mut child = command
            .env("CANDOR_BIND", format!("127.0.0.1:{port}"))
            .env("CANDOR_DATABASE_URL", database)
            .env("CANDOR_RATE_LIMIT_PER_MINUTE", "0")
            .env("CANDOR_ADMIN_TOKEN", ADMIN_TOKEN)
            // The webhook bench's receiver is on loopback.
            .env("CANDOR_WEBHOOK_ALLOW_PRIVATE_TARGETS", "true")
            .env("RUST_LOG", "error")
            .stdout(Stdio::null())
            .spawn()
            .context("starting the collector")?;
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            // A freshly seeded million groups its responses for release
            // at its first start: minutes, once.
            if started.elapsed() > Duration::from_secs(600) {
                let _ = child.kill();
                let _ = child.wait();
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

pub fn wrk(server: &Server, path: &str, script: Option<&str>) -> anyhow::Result<Measured> {
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
    let requests = text
        .lines()
        .find_map(|l| {
            l.trim()
                .split_once(" requests in ")
                .and_then(|(n, _)| n.parse().ok())
        })
        .context("no request count")?;
    Ok(Measured {
        requests,
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
