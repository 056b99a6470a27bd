//! The dashboard's texts: English in the code (`tr("…")`, `trf("…", …)`),
//! the other languages in `crates/dashboard/src/i18n/table.rs`.

use std::collections::BTreeSet;
use std::path::Path;

use super::{literals, sources};

const DASHBOARD: &str = "crates/dashboard/src";
const TABLE: &str = "crates/dashboard/src/i18n/table.rs";
/// The table's languages after English (`[Thai, Latvian, Greek, Arabic]`).
const LANGUAGES: [&str; 4] = ["th", "lv", "el", "ar"];

/// A text with no translation, a translation nobody uses, or one that is
/// empty or has other placeholders than its English.
pub fn check(root: &Path) -> anyhow::Result<Vec<String>> {
    let mut keys = BTreeSet::new();
    for file in sources::files(&root.join(DASHBOARD), ".rs")? {
        if !file.ends_with("i18n/table.rs") {
            keys.extend(keys_in(&std::fs::read_to_string(&file)?));
        }
    }
    let table = table(&std::fs::read_to_string(root.join(TABLE))?)?;
    Ok(problems(&keys, &table))
}

fn problems(keys: &BTreeSet<String>, table: &[(String, Vec<String>)]) -> Vec<String> {
    let mut problems = Vec::new();
    if keys.len() < 100 {
        problems.push(format!(
            "found only {} dashboard texts: the scan is broken",
            keys.len()
        ));
    }
    for key in keys {
        if !table.iter().any(|(english, _)| english == key) {
            problems.push(format!("{TABLE}: no translation of {key:?}"));
        }
    }
    for (english, translations) in table {
        if !keys.contains(english) {
            problems.push(format!("{TABLE}: {english:?} is not used"));
        }
        for (text, language) in translations.iter().zip(LANGUAGES) {
            if text.trim().is_empty() {
                problems.push(format!("{TABLE}: the {language} of {english:?} is empty"));
            } else if placeholders(text) != placeholders(english) {
                problems.push(format!(
                    "{TABLE}: the {language} of {english:?} has other placeholders: {text:?}"
                ));
            }
        }
    }
    problems
}

/// The first argument of every `tr(` and `trf(` call that is a string
/// literal (rustfmt may have moved it to the next line).
fn keys_in(source: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for call in ["tr(", "trf("] {
        let mut pieces = source.split(call);
        let mut before = pieces.next().unwrap_or_default();
        for rest in pieces {
            let called = !before.ends_with(|c: char| c.is_alphanumeric() || c == '_');
            before = rest;
            if let Some(literal) = rest.trim_start().strip_prefix('"').filter(|_| called) {
                keys.extend(literals::literal(literal).map(|(key, _)| key));
            }
        }
    }
    keys
}

/// The table's entries: every string literal after `TABLE`, five at a time
/// (English, then [`LANGUAGES`]).
fn table(source: &str) -> anyhow::Result<Vec<(String, Vec<String>)>> {
    let Some((_, entries)) = source.split_once("static TABLE") else {
        anyhow::bail!("{TABLE} has no `static TABLE`");
    };
    let texts = literals::all(entries);
    anyhow::ensure!(
        texts.len().is_multiple_of(LANGUAGES.len() + 1),
        "{TABLE}: {} texts is not a whole number of entries",
        texts.len()
    );
    Ok(texts
        .chunks(LANGUAGES.len() + 1)
        .map(|entry| (entry[0].clone(), entry[1..].to_vec()))
        .collect())
}

fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    found.sort_unstable();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_calls_not_lookalikes() {
        let source = r#"tr("Open") + trf(
            "{n} answers", &[("n", &n)]) + attr("x") + tr(name)"#;
        assert_eq!(keys_in(source), ["Open", "{n} answers"]);
    }

    #[test]
    fn reports_missing_unused_empty_and_wrong_placeholders() {
        let table = table(
            r#"pub static TABLE: &[(&str, [&str; 4])] = &[
                ("{n} answers", ["{n} คำตอบ", "{n} atbildes", "", "{count} إجابة"]),
                ("Gone", ["a", "b", "c", "d"]),
            ];"#,
        )
        .unwrap();
        let keys: BTreeSet<String> = ["{n} answers", "New"].map(String::from).into();
        let found = problems(&keys, &table);
        let wanted = [
            "scan is broken",
            "no translation of \"New\"",
            "\"Gone\" is not used",
            "el of",
            "ar of",
        ];
        for wanted in wanted {
            assert!(found.iter().any(|p| p.contains(wanted)), "{wanted}: {found:#?}");
        }
        assert_eq!(found.len(), wanted.len(), "{found:#?}");
    }
}
