//! Short names between a module and its glue.
//!
//! wasm-bindgen names each import after the JS it calls plus a 16-digit hash
//! (`__wbg_appendChild_5d1c…`), and each closure's export after its Rust
//! types; both ends spell every name in full, the wasm's import and export
//! sections and the glue's import object and `wasm.…` calls, and the hashes
//! do not compress. Nothing else reads those names (the glue's own exports,
//! the module's API, keep theirs), so the build renames them to the
//! shortest names there are, in both files at once. docs/benchmarks.md has
//! what it saves.

use std::fs;
use std::path::Path;

use anyhow::{Context, ensure};
use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasm_encoder::{ExportSection, ImportSection, Module, RawSection};
use wasmparser::{Parser, Payload};

/// Renames the imports `wasm` takes from its glue and every export it
/// gives, in `wasm` and in `glue` (wasm-bindgen's `--target web` module,
/// which imports from `module`), and in the module's TypeScript
/// description `types`.
pub fn shorten(wasm: &Path, glue: &Path, types: &Path, module: &str) -> anyhow::Result<()> {
    let bytes = fs::read(wasm).with_context(|| format!("reading {}", wasm.display()))?;
    let (renamed, names) = rename(&bytes, module)?;
    let mut text = fs::read_to_string(glue).with_context(|| format!("reading {}", glue.display()))?;
    for (old, new) in &names.imports {
        // `old: function(…)`, once, in the import object.
        let (replaced, count) = replace_words(&text, &format!("{old}:"), &format!("{new}:"));
        ensure!(count == 1, "the glue defines the import `{old}` {count} times");
        text = replaced;
    }
    let mut described = fs::read_to_string(types).with_context(|| format!("reading {}", types.display()))?;
    for (old, new) in &names.exports {
        // Called as `wasm.old(…)`, if at all (the abort handler, a global, is
        // Rust's own), and described once, unless a global.
        (text, _) = replace_words(&text, &format!("wasm.{old}"), &format!("wasm.{new}"));
        let (replaced, count) = replace_words(&described, &format!("const {old}:"), &format!("const {new}:"));
        ensure!(count <= 1, "the module's types describe `{old}` {count} times");
        described = replaced;
    }
    fs::write(wasm, renamed)?;
    fs::write(glue, text)?;
    fs::write(types, described)?;
    Ok(())
}

/// Old names and the new ones they were given.
#[derive(Debug, Default, PartialEq)]
struct Names {
    imports: Vec<(String, String)>,
    exports: Vec<(String, String)>,
}

/// `bytes` with the imports from `module` and every export renamed; every
/// other section is copied as it was.
fn rename(bytes: &[u8], module: &str) -> anyhow::Result<(Vec<u8>, Names)> {
    let mut out = Module::new();
    let mut names = Names::default();
    let mut reencoder = RoundtripReencoder;
    for payload in Parser::new(0).parse_all(bytes) {
        match payload? {
            Payload::ImportSection(reader) => {
                let mut section = ImportSection::new();
                for import in reader.into_imports() {
                    let import = import?;
                    let name = if import.module == module {
                        let new = short(names.imports.len());
                        names.imports.push((import.name.to_owned(), new.clone()));
                        new
                    } else {
                        import.name.to_owned()
                    };
                    section.import(import.module, &name, reencoder.entity_type(import.ty)?);
                }
                out.section(&section);
            }
            Payload::ExportSection(reader) => {
                let mut section = ExportSection::new();
                for export in reader {
                    let export = export?;
                    let new = short(names.exports.len());
                    names.exports.push((export.name.to_owned(), new.clone()));
                    section.export(&new, reencoder.export_kind(export.kind)?, export.index);
                }
                out.section(&section);
            }
            other => {
                if let Some((id, range)) = other.as_section() {
                    let range = usize::try_from(range.start)?..usize::try_from(range.end)?;
                    out.section(&RawSection {
                        id,
                        data: &bytes[range],
                    });
                }
            }
        }
    }
    Ok((out.finish(), names))
}

/// The `index`th shortest JS identifier: `a` … `$`, then `ab` … .
fn short(index: usize) -> String {
    const FIRST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$";
    const REST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$0123456789";
    let mut name = String::from(char::from(FIRST[index % FIRST.len()]));
    let mut rest = index / FIRST.len();
    while rest > 0 {
        name.push(char::from(REST[rest % REST.len()]));
        rest /= REST.len();
    }
    name
}

/// `text` with each whole-word `from` replaced by `to`, and how many there
/// were.
fn replace_words(text: &str, from: &str, to: &str) -> (String, usize) {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
    let ends_in_word = word(from.chars().next_back());
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut count = 0;
    while let Some(at) = rest.find(from) {
        out.push_str(&rest[..at]);
        let after = rest[at + from.len()..].chars().next();
        let joined = word(out.chars().next_back()) || (ends_in_word && word(after));
        let whole = !joined;
        out.push_str(if whole { to } else { from });
        count += usize::from(whole);
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    (out, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module() -> Vec<u8> {
        wat::parse_str(
            r#"(module
                (import "./m_bg.js" "__wbg_append_0123456789abcdef" (func $a (param i32)))
                (import "env" "kept" (func $b))
                (func $f (export "closure_invoke_with_a_long_name") (param i32) local.get 0 call $a)
                (memory (export "memory") 1)
                (@custom "note" "kept too"))"#,
        )
        .unwrap()
    }

    #[test]
    fn names_are_the_shortest_identifiers_in_order() {
        let names: Vec<String> = [0, 1, 25, 26, 53, 54, 55].into_iter().map(short).collect();
        assert_eq!(names, ["a", "b", "z", "A", "$", "ab", "bb"]);
        let all: std::collections::HashSet<String> = (0..10_000).map(short).collect();
        assert_eq!(all.len(), 10_000, "no two alike");
    }

    #[test]
    fn imports_from_the_glue_and_exports_are_renamed_and_the_rest_kept() {
        let (renamed, names) = rename(&module(), "./m_bg.js").unwrap();
        assert_eq!(
            names,
            Names {
                imports: vec![("__wbg_append_0123456789abcdef".into(), "a".into())],
                exports: vec![
                    ("closure_invoke_with_a_long_name".into(), "a".into()),
                    ("memory".into(), "b".into())
                ],
            }
        );
        let text = wasmprinter::print_bytes(&renamed).unwrap();
        assert!(text.contains(r#"(import "./m_bg.js" "a" (func"#), "{text}");
        assert!(text.contains(r#"(import "env" "kept""#), "{text}");
        assert!(text.contains(r#"(export "a" (func"#), "{text}");
        assert!(text.contains("call "), "the code is kept: {text}");
        assert!(text.contains("kept too"), "custom sections are kept: {text}");
        wasmparser::validate(&renamed).unwrap();
    }

    #[test]
    fn a_module_with_nothing_to_rename_comes_out_as_it_went_in() {
        let plain = wat::parse_str(r#"(module (func (param i32)) (@custom "note" "x"))"#).unwrap();
        assert_eq!(rename(&plain, "./m_bg.js").unwrap().0, plain);
    }

    #[test]
    fn only_whole_names_are_replaced() {
        let glue = "wasm.run_1(a); wasm.run_10(b); xwasm.run_1(c)";
        assert_eq!(
            replace_words(glue, "wasm.run_1", "wasm.a"),
            ("wasm.a(a); wasm.run_10(b); xwasm.run_1(c)".to_owned(), 1)
        );
        let imports = "{ f_1: function() {}, f_12: function() {}, xf_1: 0 }";
        assert_eq!(
            replace_words(imports, "f_1:", "a:"),
            ("{ a: function() {}, f_12: function() {}, xf_1: 0 }".to_owned(), 1)
        );
        assert_eq!(replace_words(imports, "g:", "a:").1, 0);
    }
}
