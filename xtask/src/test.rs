//! `cargo xtask test`: every check, in order from cheapest to slowest. A
//! failing step does not stop the others; the summary at the end lists each
//! step and the test runners' result lines, and the exit code is non-zero if
//! anything failed.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, bail};

use crate::postgres::Postgres;
use crate::process::cmd;
use crate::{release, toolchain};

/// Result lines collected from the runners' output.
#[derive(Default)]
struct Summary {
    steps: Vec<(String, bool)>,
    lines: Vec<String>,
    passed: u64,
    failed: u64,
}

pub fn test() -> anyhow::Result<()> {
    let mut summary = Summary::default();
    let wasm = ["--target", "wasm32-unknown-unknown"];
    summary.step("rustfmt", cmd("cargo", &["fmt", "--all", "--", "--check"]));
    match toolchain::leptosfmt() {
        Ok(()) => summary.step("leptosfmt (view! blocks)", leptosfmt(&["--check"])),
        Err(error) => summary.failed_step("leptosfmt", &error),
    }
    summary.checked("tidy", crate::tidy::tidy(&crate::process::project_root()));
    summary.step(
        "clippy (native)",
        cmd(
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--exclude",
                "candor",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ),
    );
    // The site built into the collector, over any directory (the
    // dashboard's sources), so the code behind the feature is linted too.
    let mut embedded = cmd(
        "cargo",
        &[
            "clippy",
            "--package",
            "candor-collector",
            "--features",
            "embedded-site",
            "--",
            "-D",
            "warnings",
        ],
    );
    embedded.env(
        "CANDOR_EMBED_SITE",
        crate::process::project_root().join("crates/dashboard/site"),
    );
    summary.step("clippy (collector with its site built in)", embedded);
    // The collector's integration suite runs on SQLite and on a real
    // PostgreSQL started for it, stopped right after.
    // Every test binary runs even after one fails, so the summary is whole.
    let mut native = cmd(
        "cargo",
        &["test", "--no-fail-fast", "--workspace", "--exclude", "candor"],
    );
    let postgres = match Postgres::start() {
        Ok(server) => {
            native.env("CANDOR_TEST_POSTGRES_URL", &server.url);
            Some(server)
        }
        Err(error) => {
            summary.failed_step("PostgreSQL", &error);
            None
        }
    };
    summary.step("native tests (SQLite and PostgreSQL)", native);
    drop(postgres);
    let browser_ready = toolchain::wasm_target()
        .and_then(|()| toolchain::wasm_bindgen())
        .and_then(|()| toolchain::chromium());
    match browser_ready {
        Ok(()) => {
            let browser_crates = ["--package", "candor", "--package", "candor-dashboard"];
            let mut clippy = cmd("cargo", &["clippy", "--all-targets"]);
            clippy
                .args(browser_crates)
                .args(wasm)
                .args(["--", "-D", "warnings"]);
            summary.step("clippy (wasm)", clippy);
            // The snapshot module: the widget without its `survey` feature.
            let mut snapshot = cmd(
                "cargo",
                &["clippy", "--package", "candor", "--lib", "--no-default-features"],
            );
            snapshot.args(wasm).args(["--", "-D", "warnings"]);
            summary.step("clippy (wasm, snapshot module)", snapshot);
            let mut wasm_tests = cmd("cargo", &["test", "--no-fail-fast"]);
            wasm_tests.args(browser_crates);
            wasm_tests.args(wasm).env("CHROMEDRIVER", "/usr/bin/chromedriver");
            summary.step("wasm tests (Chromium)", wasm_tests);
        }
        Err(error) => summary.failed_step("wasm toolchain", &error),
    }
    match toolchain::trunk() {
        Ok(()) => summary.step("trunk build (dev page)", cmd("trunk", &["build", "--offline"])),
        Err(error) => summary.failed_step("trunk", &error),
    }
    match end_to_end_setup() {
        Ok(tarball) => summary.step(
            "end-to-end (Playwright, Chromium)",
            end_to_end_command(&[], &tarball),
        ),
        Err(error) => summary.failed_step("end-to-end setup", &error),
    }
    summary.print()
}

/// leptosfmt over the two Leptos crates' sources, with `extra` flags;
/// leptosfmt.toml keeps it to rustfmt's width, so the two agree.
pub fn leptosfmt(extra: &[&str]) -> Command {
    let mut command = cmd("leptosfmt", &["--quiet", "--config-file", "leptosfmt.toml"]);
    command.args(extra).args(["src", "crates/dashboard/src"]);
    command
}

/// `cargo xtask fmt`: leptosfmt, then rustfmt (in that order they agree:
/// what `test` checks).
pub fn format() -> anyhow::Result<()> {
    toolchain::leptosfmt()?;
    crate::process::run(&mut leptosfmt(&[]))?;
    crate::process::run(&mut cmd("cargo", &["fmt", "--all"]))
}

/// `cargo xtask e2e [file…]`: the browser tests alone.
pub fn end_to_end(files: &[String]) -> anyhow::Result<()> {
    let tarball = end_to_end_setup()?;
    crate::process::run(&mut end_to_end_command(files, &tarball))
}

fn end_to_end_command(files: &[String], tarball: &Path) -> Command {
    let mut e2e = cmd("node", &["--test", "--test-reporter=spec"]);
    if files.is_empty() {
        e2e.arg("tests/e2e/");
    } else {
        e2e.args(files.iter().map(|f| format!("tests/e2e/{f}")));
    }
    e2e.env("CANDOR_COLLECTOR_BIN", "target/debug/candor-collector")
        .env("CANDOR_SITE_DIR", "target/site")
        .env("CANDOR_RELEASE_TARBALL", tarball);
    e2e
}

/// The release widget, the staged demo site, the release tarball (with the
/// site inside its binary), a debug collector binary and the npm packages
/// of the browser tests.
fn end_to_end_setup() -> anyhow::Result<PathBuf> {
    toolchain::node()?;
    let tarball = release::dist()?;
    crate::process::run(&mut cmd("cargo", &["build", "--package", "candor-collector"]))?;
    crate::process::run(cmd("npm", &["ci", "--no-audit", "--no-fund"]).current_dir("tests/e2e"))?;
    Ok(tarball)
}

impl Summary {
    /// Runs `command`, echoing its output and keeping the runners' result lines.
    fn step(&mut self, name: &str, mut command: Command) {
        eprintln!("\n==> {name}");
        let ok = self.stream(&mut command).unwrap_or_else(|error| {
            eprintln!("{error:#}");
            false
        });
        self.steps.push((name.to_owned(), ok));
    }

    /// Records a step run in this process.
    fn checked(&mut self, name: &str, result: anyhow::Result<()>) {
        match result {
            Ok(()) => self.steps.push((name.to_owned(), true)),
            Err(error) => self.failed_step(name, &error),
        }
    }

    fn failed_step(&mut self, name: &str, error: &anyhow::Error) {
        eprintln!("\n==> {name}\n{error:#}");
        self.steps.push((name.to_owned(), false));
    }

    fn stream(&mut self, command: &mut Command) -> anyhow::Result<bool> {
        let mut child = command
            .stdout(Stdio::piped())
            .spawn()
            .with_context(|| format!("could not start {:?}", command.get_program()))?;
        let stdout = child.stdout.take().context("no stdout")?;
        for line in BufReader::new(stdout).lines() {
            let line = line?;
            println!("{line}");
            self.collect(&line);
        }
        Ok(child.wait()?.success())
    }

    /// Keeps cargo's `test result:` lines and node's `ℹ pass N` / `ℹ fail N`.
    fn collect(&mut self, line: &str) {
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix("test result: ") {
            self.lines.push(trimmed.to_owned());
            self.passed += count_before(rest, " passed");
            self.failed += count_before(rest, " failed");
        } else if let Some(n) = trimmed.strip_prefix("ℹ pass ") {
            self.lines.push(format!("node: {trimmed}"));
            self.passed += n.parse::<u64>().unwrap_or(0);
        } else if let Some(n) = trimmed.strip_prefix("ℹ fail ") {
            self.lines.push(format!("node: {trimmed}"));
            self.failed += n.parse::<u64>().unwrap_or(0);
        }
    }

    fn print(&self) -> anyhow::Result<()> {
        println!("\n==> summary");
        for (name, ok) in &self.steps {
            println!("{} {name}", if *ok { "ok    " } else { "FAILED" });
        }
        for line in &self.lines {
            println!("{line}");
        }
        println!("total: {} passed, {} failed", self.passed, self.failed);
        let failed: Vec<&str> = self
            .steps
            .iter()
            .filter(|(_, ok)| !ok)
            .map(|(n, _)| n.as_str())
            .collect();
        if !failed.is_empty() {
            bail!("failed: {}", failed.join(", "));
        }
        Ok(())
    }
}

/// The number just before `marker` in `text` ("3 passed; 0 failed").
fn count_before(text: &str, marker: &str) -> u64 {
    text.split(';')
        .find_map(|part| part.trim().strip_suffix(marker.trim_start()).map(str::trim))
        .and_then(|n| n.split_whitespace().last())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cargo_and_node_results() {
        let mut summary = Summary::default();
        summary.collect(
            "test result: ok. 21 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.02s",
        );
        summary.collect("test result: FAILED. 3 passed; 2 failed; 0 ignored");
        summary.collect("ℹ pass 4");
        summary.collect("ℹ fail 1");
        summary.collect("unrelated 9 passed");
        assert_eq!((summary.passed, summary.failed), (28, 3));
        assert_eq!(summary.lines.len(), 4);
    }
}
