//! Building the widget package (`pkg/`) and the demo site the collector serves.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::process::{cmd, run};
use crate::toolchain;

/// Files of `pkg/` that the build writes (the rest of `pkg/` is source).
const BUILT: [&str; 3] = ["candor_wasm.js", "candor_wasm_bg.wasm", "candor_wasm.d.ts"];

/// Features the wasm32 target of rustc 1.95 emits; wasm-opt must be told
/// which it may keep.
const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Builds the widget in release mode into `pkg/`: wasm-bindgen's ES module,
/// then wasm-opt for size. Returns the package directory.
pub fn dist() -> anyhow::Result<PathBuf> {
    toolchain::widget_build()?;
    run(&mut cmd(
        "cargo",
        &[
            "build",
            "--package",
            "candor",
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "wasm-release",
        ],
    ))?;
    let pkg = PathBuf::from("pkg");
    run(&mut cmd(
        "wasm-bindgen",
        &[
            "target/wasm32-unknown-unknown/wasm-release/candor.wasm",
            "--target",
            "web",
            "--out-dir",
            "pkg",
            "--out-name",
            "candor_wasm",
        ],
    ))?;
    let wasm = pkg.join("candor_wasm_bg.wasm");
    let wasm = wasm.to_string_lossy();
    let mut args = vec!["-Oz", &*wasm, "-o", &*wasm];
    args.extend(WASM_FEATURES);
    run(&mut cmd(toolchain::WASM_OPT, &args))?;
    let size = fs::metadata(&*wasm)?.len();
    eprintln!("widget: {wasm} is {} KiB", size / 1024);
    Ok(pkg)
}

/// Assembles `target/site`: the demo page and the widget package, as the
/// collector serves them. Returns the directory.
pub fn stage() -> anyhow::Result<PathBuf> {
    let site = PathBuf::from("target/site");
    if site.exists() {
        fs::remove_dir_all(&site).context("clearing target/site")?;
    }
    copy_dir(Path::new("demo"), &site)?;
    for file in BUILT.iter().chain(["candor.js"].iter()) {
        let from = Path::new("pkg").join(file);
        fs::copy(&from, site.join(file)).with_context(|| format!("copying {}", from.display()))?;
    }
    Ok(site)
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
