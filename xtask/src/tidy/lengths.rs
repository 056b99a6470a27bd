//! Small files: a source file longer than [`MAX_LINES`] before its tests
//! does more than one job. Tables of texts (`table.rs`, `texts.rs`) are
//! data, not code, and may run longer.

use std::path::Path;

use super::sources;

/// Most lines of a source file before its `#[cfg(test)]` module.
pub const MAX_LINES: usize = 400;

/// Where sources live, and their extension.
const SOURCES: [(&str, &str); 6] = [
    ("src", ".rs"),
    ("crates", ".rs"),
    ("xtask/src", ".rs"),
    ("pkg", ".js"),
    ("crates/dashboard/site", ".js"),
    ("tests/e2e", ".mjs"),
];

/// Each file over the limit.
pub fn check(root: &Path) -> anyhow::Result<Vec<String>> {
    let mut problems = Vec::new();
    for (dir, extension) in SOURCES {
        for file in sources::files(&root.join(dir), extension)? {
            let shown = sources::shown(root, &file);
            if exempt(&shown) {
                continue;
            }
            let lines = code_lines(&std::fs::read_to_string(&file)?);
            if lines > MAX_LINES {
                problems.push(format!(
                    "{shown}: {lines} lines before its tests (at most {MAX_LINES})"
                ));
            }
        }
    }
    Ok(problems)
}

/// Tables of texts, test files and build output.
fn exempt(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    matches!(name, "table.rs" | "texts.rs")
        || path.contains("/tests/")
        || path.starts_with("tests/")
        || name.ends_with(".test.mjs")
        || name.starts_with("candor_")
}

/// Lines before the first `#[cfg(test)]`, or all of them.
fn code_lines(source: &str) -> usize {
    source
        .lines()
        .take_while(|line| line.trim() != "#[cfg(test)]")
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tests_and_tables_do_not_count() {
        assert_eq!(code_lines("a\nb\n#[cfg(test)]\nmod tests {}\n"), 2);
        assert!(exempt("crates/dashboard/src/i18n/table.rs"));
        assert!(exempt("crates/collector/tests/api/admin.rs"));
        assert!(!exempt("crates/collector/src/store/mod.rs"));
    }
}
