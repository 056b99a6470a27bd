//! The dashboard's texts: English in the code (`tr("…")`, `trf("…", …)`),
//! the other languages in `crates/dashboard/src/i18n/table.rs`; counted
//! nouns (`count("…", n)`) in `plurals.rs`.

use std::collections::BTreeSet;
use std::path::Path;

use super::{literals, sources};

const DASHBOARD: &str = "crates/dashboard/src";
const TABLE: &str = "crates/dashboard/src/i18n/table.rs";
const PLURALS: &str = "crates/dashboard/src/i18n/plurals.rs";
/// The table's languages after English (`[Thai, Latvian, Greek, Arabic]`).
const LANGUAGES: [&str; 4] = ["th", "lv", "el", "ar"];

/// A text with no translation, a translation nobody uses, or one that is
/// empty or has other placeholders than its English.
pub fn check(root: &Path) -> anyhow::Result<Vec<String>> {
    let (mut keys, mut counted) = (BTreeSet::new(), BTreeSet::new());
    for file in sources::files(&root.join(DASHBOARD), ".rs")? {
        if !file.ends_with("i18n/table.rs") && !file.ends_with("i18n/plurals.rs") {
            let source = std::fs::read_to_string(&file)?;
            keys.extend(keys_in(&source, &["tr(", "trf("]));
            counted.extend(keys_in(&source, &["count("]));
        }
    }
    let table = table(&std::fs::read_to_string(root.join(TABLE))?)?;
    let mut found = problems(&keys, &table);
    found.extend(plural_problems(
        &counted,
        &plural_keys(&std::fs::read_to_string(root.join(PLURALS))?),
    ));
    Ok(found)
}

/// A counted noun with no forms, or forms nobody counts with (that every
/// language has the forms its plural rules need is a browser test).
fn plural_problems(counted: &BTreeSet<String>, plurals: &[String]) -> Vec<String> {
    let missing = counted.iter().filter(|key| !plurals.contains(key));
    let unused = plurals.iter().filter(|key| !counted.contains(*key));
    missing
        .map(|key| format!("{PLURALS}: no forms of {key:?}"))
        .chain(unused.map(|key| format!("{PLURALS}: {key:?} is not counted")))
        .collect()
}

/// The English key of each entry of `PLURALS`: the first text after `(`
/// at the start of an entry.
fn plural_keys(source: &str) -> Vec<String> {
    source
        .split("\n    (\n")
        .skip(1)
        .filter_map(|entry| literals::all(entry).into_iter().next())
        .collect()
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

/// The first argument of every call of `calls` that is a string literal
/// (rustfmt may have moved it to the next line).
fn keys_in(source: &str, calls: &[&str]) -> Vec<String> {
    let mut keys = Vec::new();
    for call in calls {
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
        assert_eq!(keys_in(source, &["tr(", "trf("]), ["Open", "{n} answers"]);
        assert_eq!(
            keys_in("count(\"{n} points\", 5) + recount(\"x\", 1)", &["count("]),
            ["{n} points"]
        );
    }

    #[test]
    fn reports_counted_nouns_without_forms_and_forms_not_counted() {
        let plurals = plural_keys(
            "pub static PLURALS: &[(&str, [Forms; 5])] = &[\n    (\n        \"{n} answers\",\n        [&[(One, \"{n} answer\")]],\n    ),\n    (\n        \"{n} days\",\n        [],\n    ),\n];",
        );
        assert_eq!(plurals, ["{n} answers", "{n} days"]);
        let counted: BTreeSet<String> = ["{n} answers", "{n} points"].map(String::from).into();
        let found = plural_problems(&counted, &plurals);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(
            found[0].contains("no forms of \"{n} points\"")
                && found[1].contains("\"{n} days\" is not counted")
        );
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
