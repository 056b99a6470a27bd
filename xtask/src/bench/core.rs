//! `cargo xtask bench core`: candor-core's statistics (criterion), as
//! ratios to parsing one response.

use std::fs;
use std::path::Path;

use anyhow::Context;

use crate::process::{cmd, run};

pub fn core() -> anyhow::Result<()> {
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
