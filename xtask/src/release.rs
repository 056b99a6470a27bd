//! `cargo xtask dist`: the collector as one file to copy to a server, with
//! the site (loader, widget modules, snapshot module, dashboard, demo, each
//! precompressed) built into it, and a tarball of it with its checksum.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::process::{cmd, output, run};
use crate::site;

/// Where the release binary is.
pub const BINARY: &str = "target/release/candor-collector";

/// Builds the widget package, stages the site, and builds the release
/// collector with that site inside. Returns the binary.
pub fn binary() -> anyhow::Result<PathBuf> {
    site::dist()?;
    let staged = site::stage()?;
    let staged = fs::canonicalize(&staged).context("finding the staged site")?;
    run(cmd(
        "cargo",
        &[
            "build",
            "--release",
            "--package",
            "candor-collector",
            "--features",
            "embedded-site",
        ],
    )
    .env("CANDOR_EMBED_SITE", &staged))?;
    Ok(PathBuf::from(BINARY))
}

/// `dist`: [`binary`], then `target/dist/candor-collector-<version>-<target>.tar.gz`
/// (the binary, the README and docs/deploy.md in one directory) and its
/// `.sha256` (as `sha256sum -c` reads it). Returns the tarball.
pub fn dist() -> anyhow::Result<PathBuf> {
    let binary = binary()?;
    package(&binary)
}

fn package(binary: &Path) -> anyhow::Result<PathBuf> {
    let version = output(cmd(&binary.to_string_lossy(), &["--version"]).env_remove("CANDOR_DATABASE_URL"))
        .context("asking the binary its version")?;
    let version = version.split_whitespace().last().unwrap_or("0").to_owned();
    let name = format!("candor-collector-{version}-{}", host_target()?);
    let out = PathBuf::from("target/dist");
    let staging = out.join(&name);
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    fs::create_dir_all(&staging)?;
    fs::copy(binary, staging.join("candor-collector"))?;
    fs::copy("README.md", staging.join("README.md"))?;
    fs::copy("docs/deploy.md", staging.join("deploy.md"))?;
    let tarball = format!("{name}.tar.gz");
    run(cmd(
        "tar",
        &[
            "--create",
            "--gzip",
            "--owner=0",
            "--group=0",
            "--file",
            &tarball,
            &name,
        ],
    )
    .current_dir(&out))?;
    fs::remove_dir_all(&staging)?;
    let sum = output(cmd("sha256sum", &[&tarball]).current_dir(&out)).context("sha256sum failed")?;
    fs::write(out.join(format!("{tarball}.sha256")), sum)?;
    let tarball = out.join(tarball);
    let size = fs::metadata(&tarball)?.len();
    eprintln!(
        "{}: {} KiB, with its .sha256 beside it",
        tarball.display(),
        size / 1024
    );
    Ok(tarball)
}

/// This machine's target triple (what the binary runs on).
fn host_target() -> anyhow::Result<String> {
    let info = output(&mut cmd("rustc", &["-vV"])).context("rustc -vV failed")?;
    info.lines()
        .find_map(|line| line.strip_prefix("host: "))
        .map(str::to_owned)
        .context("rustc -vV names no host")
}
