//! The loader (`pkg/candor.js`) is plain JavaScript that runs before any
//! wasm, so it holds copies of a few of core's and the widget's constants.
//! This check keeps the copies equal to the originals.

use std::path::Path;

use candor_core::response_context::{MAX_FIELDS, MAX_NAME, MAX_VALUE};
use candor_core::{DEFAULT_DISMISSAL_DAYS, DEFAULT_RECONTACT_DAYS};

const LOADER: &str = "pkg/candor.js";

/// Each copy that differs from its original, or that is missing.
pub fn check(root: &Path) -> anyhow::Result<Vec<String>> {
    let read = |path: &str| std::fs::read_to_string(root.join(path));
    let loader = read(LOADER)?;
    let key = |path: &str| -> anyhow::Result<String> {
        rust_str_const(&read(path)?, "KEY").ok_or_else(|| anyhow::anyhow!("{path} has no `const KEY`"))
    };
    let package_json: serde_json::Value = serde_json::from_str(&read("pkg/package.json")?)?;
    let crate_version = read("Cargo.toml")?
        .lines()
        .find_map(|line| line.strip_prefix("version = "))
        .map(|v| v.trim_matches('"').to_owned());
    let originals = [
        ("VERSION", crate_version, "the root crate's version"),
        (
            "VERSION",
            package_json["version"].as_str().map(String::from),
            "pkg/package.json's version",
        ),
        (
            "RECONTACT_DAYS",
            Some(DEFAULT_RECONTACT_DAYS.to_string()),
            "core's DEFAULT_RECONTACT_DAYS",
        ),
        (
            "DISMISSAL_DAYS",
            Some(DEFAULT_DISMISSAL_DAYS.to_string()),
            "core's DEFAULT_DISMISSAL_DAYS",
        ),
        (
            "CONTEXT_FIELDS",
            Some(MAX_FIELDS.to_string()),
            "core's response_context::MAX_FIELDS",
        ),
        (
            "CONTEXT_NAME",
            Some(MAX_NAME.to_string()),
            "core's response_context::MAX_NAME",
        ),
        (
            "CONTEXT_VALUE",
            Some(MAX_VALUE.to_string()),
            "core's response_context::MAX_VALUE",
        ),
        ("SEEN", Some(key("src/memory.rs")?), "src/memory.rs's KEY"),
        (
            "OUTBOX",
            Some(key("src/outbox/mod.rs")?),
            "src/outbox/mod.rs's KEY",
        ),
    ];
    Ok(originals
        .into_iter()
        .filter_map(|(name, original, what)| {
            let copy = js_var(&loader, name);
            (copy.is_none() || copy != original)
                .then(|| format!("{LOADER}: const {name} is {copy:?}, but {what} is {original:?}"))
        })
        .collect())
}

/// The value of `const NAME = value;` (a number, or a string without its
/// quotes).
fn js_var(source: &str, name: &str) -> Option<String> {
    let prefix = format!("const {name} = ");
    source.lines().find_map(|line| {
        let value = line.trim().strip_prefix(&prefix)?.strip_suffix(';')?;
        Some(value.trim_matches('"').to_owned())
    })
}

/// The value of `pub const NAME: &str = "…";`.
fn rust_str_const(source: &str, name: &str) -> Option<String> {
    let prefix = format!("pub const {name}: &str = \"");
    source.lines().find_map(|line| {
        line.trim()
            .strip_prefix(&prefix)?
            .strip_suffix("\";")
            .map(String::from)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_loaders_vars_and_the_widgets_consts() {
        let js = "  const SEEN = \"candor:seen\";\n  const CONTEXT_FIELDS = 20;\n";
        assert_eq!(js_var(js, "SEEN").as_deref(), Some("candor:seen"));
        assert_eq!(js_var(js, "CONTEXT_FIELDS").as_deref(), Some("20"));
        assert_eq!(js_var(js, "CONTEXT"), None);
        let rust = "/// The key.\npub const KEY: &str = \"candor:outbox\";\n";
        assert_eq!(rust_str_const(rust, "KEY").as_deref(), Some("candor:outbox"));
    }

    /// A copy that drifted is reported (the check on a copy of the tree
    /// with one number changed).
    #[test]
    fn a_drifted_copy_is_reported() {
        let root = crate::process::project_root();
        let copy = std::env::temp_dir().join(format!("candor-tidy-{}", std::process::id()));
        for path in [
            "pkg/candor.js",
            "pkg/package.json",
            "Cargo.toml",
            "src/memory.rs",
            "src/outbox/mod.rs",
        ] {
            std::fs::create_dir_all(copy.join(path).parent().unwrap()).unwrap();
            std::fs::copy(root.join(path), copy.join(path)).unwrap();
        }
        assert_eq!(check(&copy).unwrap(), Vec::<String>::new());
        let loader = std::fs::read_to_string(copy.join(LOADER)).unwrap();
        let drifted = loader.replace("const CONTEXT_VALUE = 200;", "const CONTEXT_VALUE = 300;");
        std::fs::write(copy.join(LOADER), drifted).unwrap();
        let problems = check(&copy).unwrap();
        std::fs::remove_dir_all(&copy).unwrap();
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert!(problems[0].contains("CONTEXT_VALUE"), "{problems:#?}");
    }
}
