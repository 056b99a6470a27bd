//! docs/glossary.md against the texts: every term of its "Terms" table is
//! used by the texts, and no word of its "Not used" table is. Only string
//! literals count (a comment naming a rejected word is fine), compared in
//! lower case.

use std::path::Path;

use super::literals;

const GLOSSARY: &str = "docs/glossary.md";
/// Every file holding texts in the languages Candor ships.
const TEXTS: [&str; 5] = [
    "src/i18n/texts.rs",
    "crates/dashboard/src/i18n/table.rs",
    "crates/dashboard/src/i18n/plurals.rs",
    "crates/core/src/templates/texts.rs",
    "crates/core/src/templates/starters.rs",
];

/// A term the texts do not use, or a rejected word they still do.
pub fn check(root: &Path) -> anyhow::Result<Vec<String>> {
    let glossary = std::fs::read_to_string(root.join(GLOSSARY))?;
    let mut texts = String::new();
    for file in TEXTS {
        for literal in literals::all(&std::fs::read_to_string(root.join(file))?) {
            texts.push_str(&literal.to_lowercase());
            texts.push('\n');
        }
    }
    Ok(problems(&glossary, &texts))
}

/// [`check`] of `glossary` against `texts` (in lower case).
fn problems(glossary: &str, texts: &str) -> Vec<String> {
    let mut found = Vec::new();
    let terms = rows(section(glossary, "## Terms"));
    if terms.is_empty() {
        found.push(format!("{GLOSSARY}: no terms"));
    }
    for row in &terms {
        for term in row.iter().skip(1) {
            if !texts.contains(&term.to_lowercase()) {
                found.push(format!(
                    "{GLOSSARY}: the texts do not use the term {term:?} ({})",
                    row[0]
                ));
            }
        }
    }
    for row in rows(section(glossary, "## Not used")) {
        if let [language, word, ..] = row.as_slice()
            && texts.contains(&word.to_lowercase())
        {
            found.push(format!("{GLOSSARY}: the {language} texts still use {word:?}"));
        }
    }
    found
}

/// The text of the section under `heading`, up to the next `## `.
fn section<'a>(markdown: &'a str, heading: &str) -> &'a str {
    let Some((_, after)) = markdown.split_once(&format!("{heading}\n")) else {
        return "";
    };
    after.split("\n## ").next().unwrap_or(after)
}

/// A table's body rows (after its header and separator), cell by cell.
fn rows(section: &str) -> Vec<Vec<String>> {
    section
        .lines()
        .filter(|line| line.starts_with('|'))
        .skip(2)
        .map(|line| {
            line.trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().to_owned())
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLOSSARY_TEXT: &str = "# G\n\n## Terms\n\n| concept | en | lv |\n| --- | --- | --- |\n\
        | survey | survey | aptauja |\n\n## Not used\n\n| language | not used | because |\n\
        | --- | --- | --- |\n| lv | visu laiku | constantly |\n\n## Allowed\n| a | b |\n";

    #[test]
    fn reports_unused_terms_and_rejected_words() {
        assert_eq!(
            problems(GLOSSARY_TEXT, "close survey\njauna aptauja\n"),
            Vec::<String>::new()
        );
        assert_eq!(
            problems(GLOSSARY_TEXT, "close survey\nvisu laiku\n"),
            [
                "docs/glossary.md: the texts do not use the term \"aptauja\" (survey)",
                "docs/glossary.md: the lv texts still use \"visu laiku\"",
            ]
        );
    }

    #[test]
    fn the_repository_follows_its_glossary() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        assert_eq!(check(&root).unwrap(), Vec::<String>::new());
    }
}
