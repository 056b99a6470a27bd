//! Installs the tools the build needs, each only when missing or at the
//! wrong version.

use std::path::Path;

use anyhow::{Context, bail};

use crate::process::{cmd, output, run};

/// The trunk line that builds with rustc 1.95 (0.22 needs 1.96).
const TRUNK_VERSION: &str = "0.21.14";
const LEPTOSFMT_VERSION: &str = "0.1.33";

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
pub fn locked_wasm_bindgen() -> anyhow::Result<String> {
    let lock = std::fs::read_to_string("Cargo.lock").context("reading Cargo.lock")?;
    lock_version(&lock, "wasm-bindgen").context("wasm-bindgen is not in Cargo.lock")
}

/// The version of package `name` in the text of a Cargo.lock.
pub fn lock_version(lock: &str, name: &str) -> Option<String> {
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{name}\"") {
            let version = lines.next()?.strip_prefix("version = \"")?.strip_suffix('"')?;
            return Some(version.to_owned());
        }
    }
    None
}

/// Everything the widget's release build needs: the wasm target, the
/// wasm-bindgen CLI and wasm-opt.
pub fn widget_build() -> anyhow::Result<()> {
    wasm_target()?;
    wasm_bindgen()?;
    wasm_opt()
}

/// `rustup target add wasm32-unknown-unknown` unless installed.
pub fn wasm_target() -> anyhow::Result<()> {
    let installed = output(&mut cmd("rustup", &["target", "list", "--installed"])).unwrap_or_default();
    if !installed.lines().any(|t| t.trim() == "wasm32-unknown-unknown") {
        run(&mut cmd("rustup", &["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

/// The wasm-bindgen CLI (and its test runner) at the locked version.
pub fn wasm_bindgen() -> anyhow::Result<()> {
    let version = locked_wasm_bindgen()?;
    let have = output(&mut cmd("wasm-bindgen", &["--version"])).unwrap_or_default();
    if have.split_whitespace().nth(1) != Some(version.as_str()) {
        // No --locked: the CLI's own lock names a crate version the registry
        // here lacks.
        run(&mut cmd(
            "cargo",
            &["install", "wasm-bindgen-cli", "--version", &format!("={version}")],
        ))?;
    }
    Ok(())
}

/// trunk, for `trunk serve` and the development-page check.
pub fn trunk() -> anyhow::Result<()> {
    cargo_install("trunk", TRUNK_VERSION)
}

/// leptosfmt, which formats the insides of `view!` (rustfmt leaves them).
pub fn leptosfmt() -> anyhow::Result<()> {
    cargo_install("leptosfmt", LEPTOSFMT_VERSION)
}

/// `cargo install --locked` of `tool` at `version`, unless `tool
/// --version` already says that version.
fn cargo_install(tool: &str, version: &str) -> anyhow::Result<()> {
    let have = output(&mut cmd(tool, &["--version"])).unwrap_or_default();
    if have.split_whitespace().nth(1) != Some(version) {
        run(&mut cmd(
            "cargo",
            &["install", tool, "--version", &format!("={version}"), "--locked"],
        ))?;
    }
    Ok(())
}

/// Where `wasm_opt` installs binaryen's wasm-opt.
pub const WASM_OPT: &str = "xtask/tools/node_modules/.bin/wasm-opt";
/// terser, which minifies the loader for the site.
pub const TERSER: &str = "xtask/tools/node_modules/.bin/terser";

/// binaryen's wasm-opt and terser from npm, at the versions pinned in
/// xtask/tools/package-lock.json. Debian's binaryen 108 is too old: its
/// output breaks wasm-bindgen's externref table at start-up.
pub fn wasm_opt() -> anyhow::Result<()> {
    if !Path::new(WASM_OPT).exists() || !Path::new(TERSER).exists() {
        node()?;
        run(cmd("npm", &["ci", "--no-audit", "--no-fund"]).current_dir("xtask/tools"))?;
    }
    Ok(())
}

/// Chromium and ChromeDriver from Debian, and a Thai font (the others the
/// widget ships in are covered by Chromium's default fonts).
pub fn chromium() -> anyhow::Result<()> {
    let thai_font = Path::new("/usr/share/fonts/truetype/tlwg");
    if !Path::new("/usr/bin/chromium").exists()
        || !Path::new("/usr/bin/chromedriver").exists()
        || !thai_font.exists()
    {
        apt_install(&["chromium", "chromium-driver", "fonts-thai-tlwg"])?;
    }
    Ok(())
}

/// Node.js and npm must already be there (they are on this project's
/// machines); say how to get them otherwise.
pub fn node() -> anyhow::Result<()> {
    if output(&mut cmd("npm", &["--version"])).is_none() {
        bail!("npm is missing: install Node.js 20 or newer (e.g. `apt-get install -y nodejs npm`)");
    }
    Ok(())
}

pub fn apt_install(packages: &[&str]) -> anyhow::Result<()> {
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend_from_slice(packages);
    run(cmd("apt-get", &["update", "-q"]).env("DEBIAN_FRONTEND", "noninteractive"))
        .and_then(|()| run(cmd("apt-get", &args).env("DEBIAN_FRONTEND", "noninteractive")))
        .with_context(|| format!("installing {} with apt-get (needs root)", packages.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_locked_version() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(lock_version(lock, "wasm-bindgen").as_deref(), Some("0.2.130"));
        assert_eq!(lock_version(lock, "leptos"), None);
    }

    /// Trunk must use the installed CLI, which matches the lock; a stale pin
    /// in Trunk.toml would make `trunk serve` try (and fail) to download one.
    #[test]
    fn trunk_toml_pins_the_locked_wasm_bindgen() {
        let root = crate::process::project_root();
        let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap();
        let trunk = std::fs::read_to_string(root.join("Trunk.toml")).unwrap();
        let locked = lock_version(&lock, "wasm-bindgen").unwrap();
        assert!(
            trunk.contains(&format!("wasm_bindgen = \"{locked}\"")),
            "Trunk.toml must pin wasm_bindgen = \"{locked}\""
        );
    }
}
