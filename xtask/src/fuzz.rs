//! `cargo xtask fuzz [seconds]`: runs each cargo-fuzz target of candor-core
//! (response and survey parsing) for a while, 30 s each by default.
//!
//! cargo-fuzz needs nightly-only flags; this machine has the stable
//! toolchain only, so the build sets RUSTC_BOOTSTRAP=1 (the fuzz crate is its
//! own workspace: nothing else is built that way). Coverage guidance works
//! without a sanitizer, and the code under test forbids `unsafe`.

use anyhow::bail;

use crate::process::{cmd, output, run};

const TARGETS: [&str; 2] = ["response", "survey"];

pub fn fuzz(args: &[String]) -> anyhow::Result<()> {
    let seconds: u64 = match args {
        [] => 30,
        [n] => n.parse()?,
        _ => bail!("usage: cargo xtask fuzz [seconds per target]"),
    };
    if output(&mut cmd("cargo", &["fuzz", "--version"])).is_none() {
        run(&mut cmd("cargo", &["install", "cargo-fuzz", "--locked"]))?;
    }
    for target in TARGETS {
        let corpus = format!("fuzz/corpus/{target}");
        run(cmd(
            "cargo",
            &[
                "fuzz",
                "run",
                "--sanitizer",
                "none",
                target,
                &corpus,
                "--",
                &format!("-max_total_time={seconds}"),
            ],
        )
        .current_dir("crates/core")
        .env("RUSTC_BOOTSTRAP", "1"))?;
    }
    Ok(())
}
