//! `cargo xtask bench widget`: Candor against its peers in Chromium.

use std::path::{Path, PathBuf};
use std::{env, fs};

use super::harness::{Server, empty_database};
use crate::process::{cmd, run};

/// The release widget and the peers (pinned in xtask/bench/widget) in the
/// same headless Chromium, and the size floor (a survey in Leptos alone);
/// submitting through the real collector; with `CANDOR_BENCH_BASELINE`, an
/// earlier build on the phone's network and submitting too. The table also
/// goes to target/bench/widget.md.
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
    // An earlier build's staged site (a checkout's `target/site`, made by
    // its own `cargo xtask dist`), measured on the phone's network in the
    // same run, so a first visit and a submit are ratios against it.
    let baseline = match env::var_os(BASELINE) {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            anyhow::ensure!(
                dir.join("candor.js").exists(),
                "{BASELINE}={} holds no staged site (candor.js)",
                dir.display()
            );
            let database = empty_database(Path::new("target/bench/widget-baseline.db"));
            Some(Server::serving(&database, Some(&dir))?)
        }
        None => None,
    };
    let dir = Path::new("xtask/bench/widget");
    run(cmd("npm", &["ci", "--no-audit", "--no-fund"]).current_dir(dir))?;
    let url = |server: &Server| format!("http://127.0.0.1:{}", server.port);
    let mut args = vec![
        "xtask/bench/widget/bench.mjs".to_owned(),
        site.to_string_lossy().into_owned(),
        "9".to_owned(),
        floor.to_string_lossy().into_owned(),
        url(&collector),
    ];
    args.extend(baseline.as_ref().map(url));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run(&mut cmd("node", &args))
}

/// The environment variable that names an earlier build's staged site.
const BASELINE: &str = "CANDOR_BENCH_BASELINE";
