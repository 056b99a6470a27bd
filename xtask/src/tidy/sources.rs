//! Finding the files a check reads.

use std::path::{Path, PathBuf};

/// Directories of build output and installed packages, never sources.
const SKIPPED: [&str; 3] = ["target", "node_modules", "corpus"];

/// Every file under `dir` (recursively) whose name ends with `extension`,
/// sorted, so reports come in a stable order.
pub fn files(dir: &Path, extension: &str) -> anyhow::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            let skipped = path
                .file_name()
                .is_some_and(|name| SKIPPED.iter().any(|s| name == *s));
            if path.is_dir() && !skipped {
                pending.push(path);
            } else if !path.is_dir() && path.to_string_lossy().ends_with(extension) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// `path` relative to `root`, for messages.
pub fn shown(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).display().to_string()
}
