//! `cargo xtask bench widget`: Candor against its peers in Chromium.

use std::fs;
use std::path::Path;

use super::harness::{Server, empty_database};
use crate::process::{cmd, run};

/// The release widget and the peers (pinned in xtask/bench/widget) in the
/// same headless Chromium, and the size floor (a survey in Leptos alone);
/// the table also goes to target/bench/widget.md.
pub fn widget() -> anyhow::Result<()> {
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
