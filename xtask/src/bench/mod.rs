//! `cargo xtask bench <suite>`: runs a benchmark suite and reports each
//! figure as a ratio to the suite's baseline measured in the same run (these
//! machines are noisy; absolute times are printed only beside the ratios).

mod attack;
mod collector;
mod core;
mod harness;
mod widget;

use anyhow::bail;

/// Suites: `core` (candor-core's statistics), `collector` (HTTP load),
/// `attack` (HTTP load while the collector is attacked), `widget` (Candor
/// against its peers in Chromium).
pub fn bench(args: &[String]) -> anyhow::Result<()> {
    match args.first().map(String::as_str) {
        Some("core") => core::core(),
        Some("collector") => collector::collector(),
        Some("attack") => attack::attack(),
        Some("widget") => widget::widget(),
        _ => bail!("usage: cargo xtask bench <core | collector | attack | widget>"),
    }
}
