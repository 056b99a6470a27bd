//! `cargo xtask run` and `cargo xtask dev`.

use std::process::Command;

use anyhow::bail;

use crate::process::{cmd, run as run_command};
use crate::{release, toolchain};

/// Where `run` keeps its data, kept across restarts.
const DATABASE_URL: &str = "sqlite://data/candor.db";

/// Builds everything in release mode and replaces this process with the
/// collector, so Ctrl-C reaches it directly and it shuts down cleanly.
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let bind = match args {
        [] => std::env::var("CANDOR_BIND").unwrap_or_else(|_| "127.0.0.1:8080".into()),
        [flag, addr] if flag == "--bind" => addr.clone(),
        _ => bail!("usage: cargo xtask run [--bind 127.0.0.1:8080]"),
    };
    // The binary `dist` ships, with the site inside; only the demo page
    // is asked for.
    let mut collector = Command::new(release::binary()?);
    collector
        .arg("--demo")
        .env("CANDOR_BIND", &bind)
        .env(
            "CANDOR_DATABASE_URL",
            std::env::var("CANDOR_DATABASE_URL").unwrap_or(DATABASE_URL.into()),
        )
        .env_remove("CANDOR_STATIC_DIR");
    eprintln!("\nDemo checkout page: http://{bind}/   (Ctrl-C stops)\n");
    exec(collector)
}

#[cfg(unix)]
fn exec(mut command: Command) -> anyhow::Result<()> {
    use std::os::unix::process::CommandExt;
    Err(anyhow::Error::from(command.exec()).context("starting the collector"))
}

#[cfg(not(unix))]
fn exec(mut command: Command) -> anyhow::Result<()> {
    run_command(&mut command)
}

/// The collector (debug build, port 8080) in the background and
/// `trunk serve` for the widget's development page on port 8081.
pub fn dev() -> anyhow::Result<()> {
    toolchain::widget_build()?;
    toolchain::trunk()?;
    run_command(&mut cmd("cargo", &["build", "--package", "candor-collector"]))?;
    let mut collector = Command::new("target/debug/candor-collector")
        .env("CANDOR_DATABASE_URL", DATABASE_URL)
        .spawn()?;
    let served = run_command(&mut cmd("trunk", &["serve", "--offline"]));
    collector.kill().ok();
    served
}
