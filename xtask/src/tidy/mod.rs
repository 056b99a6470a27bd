//! `cargo xtask tidy` (also a step of `cargo xtask test`): checks of the
//! tree itself that no compiler makes. Each walks the sources, so a new
//! file is checked without anyone listing it:
//!
//! - every dashboard text in `tr("…")`/`trf("…")` is translated into every
//!   language with the same placeholders, and no translation is unused;
//! - the texts use docs/glossary.md's terms and none of its rejected words;
//! - the loader's copies of core's and the widget's constants agree;
//! - no source file is longer than [`lengths::MAX_LINES`] outside its tests
//!   and the tables of texts.

mod glossary;
mod lengths;
mod literals;
mod loader;
mod sources;
mod translations;

use std::path::Path;

use anyhow::bail;

/// Runs every check on the tree at `root`, printing each problem.
pub fn tidy(root: &Path) -> anyhow::Result<()> {
    let mut problems = Vec::new();
    problems.extend(translations::check(root)?);
    problems.extend(glossary::check(root)?);
    problems.extend(loader::check(root)?);
    problems.extend(lengths::check(root)?);
    for problem in &problems {
        eprintln!("tidy: {problem}");
    }
    if !problems.is_empty() {
        bail!("tidy found {} problem(s)", problems.len());
    }
    println!("tidy: ok");
    Ok(())
}
