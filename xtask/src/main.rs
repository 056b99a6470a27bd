//! Candor's project commands, run as `cargo xtask <command>`:
//!
//! - `run`: install what is missing (wasm target, wasm-bindgen CLI, wasm-opt),
//!   build the widget in release mode, and start the collector on SQLite at
//!   `./data/candor.db`, serving the demo checkout page at `/`.
//! - `test`: every check: rustfmt, clippy (native and wasm), native unit and
//!   integration tests, wasm tests in headless Chromium, a `trunk build` of the
//!   development page, and the end-to-end browser tests (Playwright).
//! - `e2e [file…]`: only the end-to-end browser tests (all, or the named
//!   files in tests/e2e), with the same set-up `test` does.
//! - `dist`: build the embeddable package into `pkg/`, stage the site, build
//!   the release collector with the site inside, and write a tarball of it
//!   with its checksum into `target/dist/`.
//! - `dev`: the collector plus `trunk serve` for widget development.
//! - `bench core`, `bench collector`, `bench attack`, `bench widget`:
//!   benchmarks, reported as ratios to a baseline measured in the same run
//!   (for `attack`: the same load without the attack; for `widget`: the
//!   fastest peer).
//! - `fuzz [seconds]`: the cargo-fuzz targets for response and survey
//!   parsing, 30 s each by default.
//! - `fmt`: leptosfmt on `view!` blocks, then rustfmt (what `test` checks).
//! - `tidy`: checks of the tree no compiler makes (translations, the
//!   loader's copied constants, file lengths); also a step of `test`.
//!
//! Installs go through `cargo install`, `rustup` and `apt-get`, and are skipped
//! when the right version is already there.

mod bench;
mod fuzz;
mod link;
mod names;
mod postgres;
mod process;
mod release;
mod run;
mod site;
mod test;
mod tidy;
mod toolchain;

use std::process::ExitCode;

use anyhow::bail;

const USAGE: &str = "usage: cargo xtask <run [--bind ADDR] | test | e2e [file…] | dist | dev | bench <core | collector | attack | widget> | fuzz [seconds] | tidy | fmt>";

fn main() -> ExitCode {
    // rustc runs xtask as the widget's linker (link.rs).
    if let Some(code) = link::as_linker() {
        return code;
    }
    match try_main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn try_main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        bail!("{USAGE}");
    };
    let root = process::project_root();
    std::env::set_current_dir(&root)?;
    match command.as_str() {
        "run" => run::run(rest),
        "test" => test::test(),
        "e2e" => test::end_to_end(rest),
        "dist" => release::dist().map(drop),
        "dev" => run::dev(),
        "bench" => bench::bench(rest),
        "fuzz" => fuzz::fuzz(rest),
        "tidy" => tidy::tidy(&root),
        "fmt" => test::format(),
        other => bail!("unknown command {other:?}\n{USAGE}"),
    }
}
