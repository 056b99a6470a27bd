//! `cargo xtask bench <suite>`: runs a benchmark suite and reports each
//! figure as a ratio to the suite's baseline measured in the same run (these
//! machines are noisy; absolute times are printed only beside the ratios).

use std::fs;
use std::path::Path;

use anyhow::{Context, bail};

use crate::load::{Server, empty_database};
use crate::process::{cmd, run};

/// Suites: `core` (candor-core's statistics), `collector` (HTTP load),
/// `attack` (HTTP load while the collector is attacked), `widget` (Candor
/// against its peers in Chromium).
pub fn bench(args: &[String]) -> anyhow::Result<()> {
    match args.first().map(String::as_str) {
        Some("core") => core(),
        Some("collector") => crate::load::collector(),
        Some("attack") => crate::attack::attack(),
        Some("widget") => widget(),
        _ => bail!("usage: cargo xtask bench <core | collector | attack | widget>"),
    }
}

/// The release widget and the peers (pinned in xtask/bench/widget) in the
/// same headless Chromium, and the size floor (a survey in Leptos alone);
/// the table also goes to target/bench/widget.md.
fn widget() -> anyhow::Result<()> {
    crate::toolchain::node()?;
    crate::toolchain::chromium()?;
    crate::site::dist()?;
    let site = crate::site::stage()?;
    let floor = crate::site::size_floor()?;
    // A returning visitor's browser keeps what the collector lets it keep:
    // that cell is served by the real collector, over real HTTP.
    Server::build(&[])?;
    fs::create_dir_all("target/bench")?;
    let database = empty_database(Path::new("target/bench/widget.db"));
    let collector = Server::serving(&database, Some(&site))?;
    let dir = Path::new("xtask/bench/widget");
    run(cmd("npm", &["ci", "--no-audit", "--no-fund"]).current_dir(dir))?;
    run(&mut cmd(
        "node",
        &[
            "xtask/bench/widget/bench.mjs",
            &site.to_string_lossy(),
            "9",
            &floor.to_string_lossy(),
            &format!("http://127.0.0.1:{}", collector.port),
        ],
    ))
}

fn core() -> anyhow::Result<()> {
    let criterion = Path::new("target/criterion");
    if criterion.exists() {
        fs::remove_dir_all(criterion).context("clearing old results")?;
    }
    run(&mut cmd(
        "cargo",
        &["bench", "--package", "candor-core", "--bench", "stats"],
    ))?;
    let results = read_results(criterion)?;
    let baseline = results
        .iter()
        .find(|(name, _)| name == "baseline: parse response JSON")
        .map(|(_, ns)| *ns)
        .context("the baseline did not run")?;
    println!("\n{:<40} {:>12} {:>10}", "benchmark", "mean", "× baseline");
    for (name, ns) in &results {
        println!("{name:<40} {:>12} {:>10.3}", human(*ns), ns / baseline);
    }
    Ok(())
}

/// (title, mean in ns) of every benchmark criterion wrote, sorted by title.
fn read_results(dir: &Path) -> anyhow::Result<Vec<(String, f64)>> {
    let mut results = Vec::new();
    for entry in fs::read_dir(dir).context("no criterion results")? {
        let new = entry?.path().join("new");
        let (Ok(meta), Ok(estimates)) = (
            fs::read_to_string(new.join("benchmark.json")),
            fs::read_to_string(new.join("estimates.json")),
        ) else {
            continue;
        };
        let meta: serde_json::Value = serde_json::from_str(&meta)?;
        let estimates: serde_json::Value = serde_json::from_str(&estimates)?;
        let title = meta["title"].as_str().unwrap_or("?").to_owned();
        let mean = estimates["mean"]["point_estimate"].as_f64().context("no mean")?;
        results.push((title, mean));
    }
    results.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(results)
}

fn human(ns: f64) -> String {
    match ns {
        n if n >= 1e6 => format!("{:.2} ms", n / 1e6),
        n if n >= 1e3 => format!("{:.2} µs", n / 1e3),
        n => format!("{n:.0} ns"),
    }
}
