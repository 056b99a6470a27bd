//! `cargo xtask bench attack`: valid responses posted by a real load
//! generator (wrk, 32 connections, 10 s) against a release collector on
//! loopback, first quietly and then while an attacker on another loopback
//! address (the collector's `attack` example: 10,000 idle sockets, 1,000
//! dribblers, 2,000 snapshot streams, floods of unknown routes and made-up
//! methods) does its worst. Reports the attacked run's throughput and p99
//! as ratios of the quiet run's, the valid posts answered 5xx, and the
//! collector's peak memory.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::Context;

use super::harness::{Measured, Server, empty_database, ensure_wrk, wrk_with};
use crate::process::{cmd, output};

const INGEST: &str = "/v1/surveys/checkout/responses";
/// The attacker's address: one laptop, not the load generator's.
const ATTACKER: &str = "127.0.0.2";
/// Time the attack has to reach its strength before wrk starts.
const RAMP: Duration = Duration::from_secs(3);

pub fn attack() -> anyhow::Result<()> {
    ensure_wrk()?;
    Server::build(&["--example", "attack"])?;
    std::fs::create_dir_all("target/bench")?;
    let database = empty_database(Path::new("target/bench/attack.db"));
    let server = Server::start(&database)?;
    let quiet = wrk_with(&server, INGEST, Some("xtask/bench/ingest.lua"), &["1"])?;
    let quiet_memory = peak_memory(&server)?;
    let quiet_errors = server_errors(&server)?;

    let seconds = (RAMP + Duration::from_secs(12)).as_secs().to_string();
    let target = format!("127.0.0.1:{}", server.port);
    let attacker = Command::new("target/release/examples/attack")
        .args([target.as_str(), seconds.as_str(), ATTACKER])
        .stdout(Stdio::piped())
        .spawn()
        .context("starting the attacker")?;
    std::thread::sleep(RAMP);
    let attacked = wrk_with(&server, INGEST, Some("xtask/bench/ingest.lua"), &["2"])?;
    let attacked_errors = server_errors(&server)? - quiet_errors;
    let report = attacker.wait_with_output()?;
    let memory = peak_memory(&server)?;
    let metrics = metrics(&server)?;
    drop(server);

    println!(
        "\n{:<40} {:>10} {:>9} {:>9} {:>11} {:>10}",
        "valid posts (wrk, 32 connections, 10 s)", "req/s", "p50 ms", "p99 ms", "5xx", "peak MiB"
    );
    for (name, m, errors, memory) in [
        ("quiet", &quiet, quiet_errors, quiet_memory),
        ("under attack", &attacked, attacked_errors, memory),
    ] {
        println!(
            "{name:<40} {:>10.0} {:>9.2} {:>9.2} {errors:>11} {:>10.1}",
            m.requests_per_second,
            m.p50_ms,
            m.p99_ms,
            memory as f64 / 1024.0,
        );
    }
    println!(
        "\nunder attack: throughput {:.2} × quiet (goal ≥ 0.5), p99 {:.2} × quiet (goal ≤ 3), {attacked_errors} valid posts answered 5xx (goal 0)",
        attacked.requests_per_second / quiet.requests_per_second,
        attacked.p99_ms / quiet.p99_ms,
    );
    print!("{}", String::from_utf8_lossy(&report.stdout));
    for line in metrics.lines().filter(|l| {
        [
            "candor_connections_shed_total",
            "candor_connections_closed_total",
            "candor_streams_refused_total",
        ]
        .iter()
        .any(|name| l.starts_with(name))
    }) {
        println!("collector: {line}");
    }
    check_goals(&attacked, &quiet, attacked_errors);
    Ok(())
}

fn check_goals(attacked: &Measured, quiet: &Measured, errors: u64) {
    if attacked.errors > 0 {
        println!("note: wrk saw {} non-2xx answers under attack", attacked.errors);
    }
    if quiet.errors > 0 {
        println!("note: wrk saw {} non-2xx answers when quiet", quiet.errors);
    }
    if errors > 0 {
        println!("GOAL MISSED: valid posts were answered 5xx");
    }
}

/// The collector's `/metrics` text.
fn metrics(server: &Server) -> anyhow::Result<String> {
    let url = format!("http://127.0.0.1:{}/metrics", server.port);
    output(&mut cmd("curl", &["-sS", "--max-time", "10", &url])).context("reading /metrics")
}

/// Posts of responses the collector answered 5xx so far.
fn server_errors(server: &Server) -> anyhow::Result<u64> {
    Ok(metrics(server)?
        .lines()
        .filter(|l| {
            l.starts_with("candor_http_requests_total{")
                && l.contains(r#"route="/v1/surveys/{survey}/responses""#)
        })
        .filter(|l| l.contains(r#"status="5"#))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<u64>().ok())
        .sum())
}

/// The collector's peak resident memory so far, in KiB (VmHWM).
fn peak_memory(server: &Server) -> anyhow::Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.pid()))?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .context("no VmHWM")
}
