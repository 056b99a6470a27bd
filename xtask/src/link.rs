//! Linking the widget's wasm without exports nobody calls.
//!
//! Leptos depends on `server_fn`, which depends on `wasm-streams`, whose
//! stream adapters are `#[wasm_bindgen]` classes: exported from every
//! module that links the crate, so the linker keeps their code (and all
//! it reaches through futures and closures), and wasm-bindgen writes their
//! classes into the glue. The widget never streams (it has no server
//! functions). rustc has no flag to leave a dependency's export out, so the
//! build links through xtask itself: `build_wasm` names this executable as
//! the linker and [`LINKER`] as the real one, and [`as_linker`] runs that
//! with the arguments [`without_unused_exports`] leaves. Upstream is
//! dropping the exports (MattiasBuelens/wasm-streams#39); when a release
//! does, this goes. docs/benchmarks.md has what it saves.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::{env, fs};

use anyhow::Context;

use crate::process::output;

/// The environment variable that names the real linker; set, xtask runs as
/// the linker.
pub const LINKER: &str = "CANDOR_REAL_LINKER";

/// Exports whose names start so are wasm-streams' classes: their methods,
/// their `free` and the descriptions wasm-bindgen reads of them.
const UNUSED: [&str; 3] = [
    "intounderlying",
    "__wbg_intounderlying",
    "__wbindgen_describe_intounderlying",
];

/// When xtask was started by rustc as the linker: links with the real one
/// and returns its exit code.
pub fn as_linker() -> Option<ExitCode> {
    let linker = env::var_os(LINKER)?;
    let args: Vec<String> = env::args().skip(1).collect();
    let code = match link(Path::new(&linker), args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    };
    Some(code)
}

fn link(linker: &Path, args: Vec<String>) -> anyhow::Result<bool> {
    let mut kept = Vec::with_capacity(args.len());
    for arg in without_unused_exports(args) {
        // rustc passes a long command line in a file, one argument a line.
        match arg.strip_prefix('@') {
            Some(file) => {
                let listed = fs::read_to_string(file).with_context(|| format!("reading {file}"))?;
                let listed = listed.lines().map(str::to_owned).collect();
                let trimmed = format!("{file}.kept");
                fs::write(&trimmed, without_unused_exports(listed).join("\n"))?;
                kept.push(format!("@{trimmed}"));
            }
            None => kept.push(arg),
        }
    }
    let status = Command::new(linker)
        .args(&kept)
        .status()
        .with_context(|| format!("running {}", linker.display()))?;
    Ok(status.success())
}

/// `args` less each `--export NAME` and `--export=NAME` of an unused export.
fn without_unused_exports(args: Vec<String>) -> Vec<String> {
    let unused = |name: &str| UNUSED.iter().any(|prefix| name.starts_with(prefix));
    let mut kept: Vec<String> = Vec::with_capacity(args.len());
    for arg in args {
        if arg.strip_prefix("--export=").is_some_and(unused) {
            continue;
        }
        if unused(&arg) && kept.last().is_some_and(|last| last == "--export") {
            kept.pop();
            continue;
        }
        kept.push(arg);
    }
    kept
}

/// Leaves the stream classes out of wasm-bindgen's `glue` and its
/// TypeScript description `types`: it writes them from the descriptions
/// rustc put in the module, though their code and exports are gone (the
/// `free` each calls does not exist).
pub fn without_stream_classes(glue: &Path, types: &Path) -> anyhow::Result<()> {
    for (file, blocks) in [(glue, &GLUE_BLOCKS[..]), (types, &TYPES_BLOCKS[..])] {
        let mut text = fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
        for (start, end) in blocks {
            text = without_blocks(&text, start, end);
        }
        anyhow::ensure!(
            !text.contains(CLASSES),
            "{} still names `{CLASSES}…` after leaving the classes out",
            file.display()
        );
        fs::write(file, text)?;
    }
    Ok(())
}

/// How the stream classes' names start in the glue.
const CLASSES: &str = "IntoUnderlying";

/// Where each of the glue's pieces of a class starts and ends: the class,
/// with the line after it that makes `free` its disposer, and its
/// finalization registry.
const GLUE_BLOCKS: [(&str, &str); 2] = [
    ("export class IntoUnderlying", ".prototype.free;\n"),
    ("const IntoUnderlying", ");\n"),
];

/// Where each class's declaration starts and ends.
const TYPES_BLOCKS: [(&str, &str); 1] = [("export class IntoUnderlying", "}\n\n")];

/// `text` less each span from a `start` to the first `end` after it.
fn without_blocks(text: &str, start: &str, end: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(start) {
        let Some(length) = rest[at..].find(end) else { break };
        out.push_str(&rest[..at]);
        rest = &rest[at + length + end.len()..];
    }
    out.push_str(rest);
    out
}

/// The linker rustc uses for wasm32: the toolchain's `rust-lld`.
pub fn rust_lld() -> anyhow::Result<PathBuf> {
    let rustc = |args: &[&str]| output(Command::new("rustc").args(args)).context("running rustc");
    let sysroot = rustc(&["--print", "sysroot"])?;
    let version = rustc(&["-vV"])?;
    let host = version
        .lines()
        .find_map(|line| line.strip_prefix("host: "))
        .context("rustc -vV names no host")?;
    let lld = Path::new(sysroot.trim())
        .join("lib/rustlib")
        .join(host.trim())
        .join("bin/rust-lld");
    anyhow::ensure!(lld.exists(), "no linker at {}", lld.display());
    Ok(lld)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|&a| a.to_owned()).collect()
    }

    #[test]
    fn only_the_stream_classes_exports_are_left_out() {
        let args = strings(&[
            "-flavor",
            "wasm",
            "--export",
            "mount",
            "--export",
            "intounderlyingsource_pull_58a9",
            "--export=__wbg_intounderlyingsink_free_58a9",
            "--export",
            "__wbindgen_describe_intounderlyingsink_write_58a9",
            "--export",
            "__wbindgen_describe___wbg_new_with_into_underlying_source_10a8",
            "--export=warm_up",
            "-o",
            "candor.wasm",
        ]);
        assert_eq!(
            without_unused_exports(args),
            strings(&[
                "-flavor",
                "wasm",
                "--export",
                "mount",
                // An import's description: wasm-bindgen needs it.
                "--export",
                "__wbindgen_describe___wbg_new_with_into_underlying_source_10a8",
                "--export=warm_up",
                "-o",
                "candor.wasm",
            ])
        );
    }

    #[test]
    fn the_classes_are_left_out_of_the_glue_and_nothing_else() {
        let glue = "export class IntoUnderlyingSink {\n    free() {\n        wasm.x(ptr, 0);\n    }\n}\n\
                    if (Symbol.dispose) IntoUnderlyingSink.prototype[Symbol.dispose] = IntoUnderlyingSink.prototype.free;\n\
                    export function mount() {}\n\
                    const IntoUnderlyingSinkFinalization = (typeof FinalizationRegistry === 'undefined')\n    \
                    ? { register: () => {}, unregister: () => {} }\n    \
                    : new FinalizationRegistry(ptr => wasm.x(ptr, 1));\n\
                    const cached = null;\n";
        let mut text = glue.to_owned();
        for (start, end) in GLUE_BLOCKS {
            text = without_blocks(&text, start, end);
        }
        assert_eq!(text, "export function mount() {}\nconst cached = null;\n");
        let types =
            "export class IntoUnderlyingSink {\n    free(): void;\n}\n\nexport function mount(): void;\n";
        let [(start, end)] = TYPES_BLOCKS;
        assert_eq!(
            without_blocks(types, start, end),
            "export function mount(): void;\n"
        );
    }

    #[test]
    fn a_file_named_like_an_export_is_kept_unless_exported() {
        let args = strings(&["intounderlying.o", "--export", "intounderlyingsource_pull"]);
        assert_eq!(without_unused_exports(args), strings(&["intounderlying.o"]));
    }
}
