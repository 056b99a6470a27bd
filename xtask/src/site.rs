//! Building the widget package (`pkg/`) and the demo site the collector serves.

use std::path::{Path, PathBuf};
use std::{env, fs};

use anyhow::Context;

use crate::process::{cmd, run};
use crate::{link, names, toolchain};

/// The loader's own modules, each imported only when a page needs it: the
/// site-wide chooser and identified visitors.
const LOADER_MODULES: [&str; 2] = ["site.js", "identity.js"];

/// Files of `pkg/` that the build writes (the rest of `pkg/` is source).
const BUILT: [&str; 6] = [
    "candor_wasm.js",
    "candor_wasm_bg.wasm",
    "candor_wasm.d.ts",
    "candor_snapshot.js",
    "candor_snapshot_bg.wasm",
    "candor_snapshot.d.ts",
];

/// Features the wasm32 target of rustc 1.95 emits; wasm-opt must be told
/// which it may keep.
const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Builds the widget in release mode into `pkg/`: wasm-bindgen's ES module,
/// then wasm-opt for size and short names between the two (names.rs); twice: the whole widget (`candor_wasm`), and
/// without the survey (`candor_snapshot`), which is all a page showing only
/// `<candor-snapshot>` loads. Returns the package directory.
pub fn dist() -> anyhow::Result<PathBuf> {
    let pkg = PathBuf::from("pkg");
    build_wasm("candor", "candor", &[], Trim::Survey, &pkg, "candor_wasm")?;
    build_wasm(
        "candor",
        "candor",
        &["--no-default-features"],
        Trim::Snapshot,
        &pkg,
        "candor_snapshot",
    )?;
    Ok(pkg)
}

/// What a module leaves out to be smaller (docs/benchmarks.md has what each
/// saves).
#[derive(Clone, Copy)]
enum Trim {
    /// Nothing: the dashboard, whose error details are read by people.
    Nothing,
    /// Panics' file and line and `Debug` output, which no respondent reads
    /// (texts shown to people use `Display`), Leptos' component types
    /// (`erase_components`), which makes the survey smaller, and the
    /// reader of settings only the loader and the collector act on
    /// (`candor_lean`: trigger, page rules, audience, schedule).
    Survey,
    /// As the survey, but keeping component types: erasing them makes a
    /// small module (the snapshot's, the bench's size floor) larger.
    Snapshot,
}

impl Trim {
    /// The `RUSTFLAGS` of a build. The `-Z` flags need `RUSTC_BOOTSTRAP=1` on
    /// the stable toolchain; a separate set of flags gets its own copies of
    /// the dependencies, so the builds do not undo each other's.
    fn rustflags(self) -> &'static str {
        match self {
            Trim::Nothing => "",
            Trim::Survey => {
                "-Zlocation-detail=none -Zfmt-debug=none --cfg erase_components --cfg candor_lean"
            }
            Trim::Snapshot => "-Zlocation-detail=none -Zfmt-debug=none",
        }
    }
}

/// Builds the bench's size floor (xtask/bench/widget/floor: a one-question
/// survey in Leptos alone) as the widget is built and served: wasm-opt'd
/// wasm and minified glue, in `target/bench/floor`. Returns the directory.
pub fn size_floor() -> anyhow::Result<PathBuf> {
    let out = PathBuf::from("target/bench/floor");
    // Its own workspace, built into this one's target directory.
    let manifest = [
        "--manifest-path",
        "xtask/bench/widget/floor/Cargo.toml",
        "--target-dir",
        "target",
    ];
    build_wasm(
        "candor-bench-floor",
        "candor_bench_floor",
        &manifest,
        // The trims that make a module this small smallest: erasing
        // component types makes it larger, as it does the snapshot module.
        Trim::Snapshot,
        &out,
        "floor",
    )?;
    let glue = out.join("floor.js");
    minify(&glue.to_string_lossy(), &glue, Kind::Module)?;
    Ok(out)
}

/// Builds `package` (whose wasm file is `crate_file`.wasm) with `features`
/// (cargo's flags), trimmed by `trim`, in release mode for the browser into
/// `out_dir`/`out_name`.js and `_bg.wasm`, optimised for size.
fn build_wasm(
    package: &str,
    crate_file: &str,
    features: &[&str],
    trim: Trim,
    out_dir: &Path,
    out_name: &str,
) -> anyhow::Result<()> {
    toolchain::widget_build()?;
    // `cargo rustc --crate-type cdylib`: the crates are also rlibs (for
    // tests and the dashboard), and cargo silently skips the profile's LTO
    // when a build makes an rlib too (rust-lang/cargo#9672; what it cost is
    // in docs/benchmarks.md).
    let mut args = vec![
        "rustc",
        "--package",
        package,
        "--lib",
        "--crate-type",
        "cdylib",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm-release",
    ];
    args.extend(features);
    // Linked through xtask, less exports nobody calls (link.rs); after
    // `--`, so only the module's own crate is built with it.
    let xtask = env::current_exe()?;
    let linker = format!("linker={}", xtask.display());
    args.extend(["--", "-C", &linker]);
    let mut cargo = cmd("cargo", &args);
    cargo
        .env("RUSTFLAGS", trim.rustflags())
        .env("RUSTC_BOOTSTRAP", "1")
        .env(link::LINKER, link::rust_lld()?);
    run(&mut cargo)?;
    let input = format!("target/wasm32-unknown-unknown/wasm-release/{crate_file}.wasm");
    let out = out_dir.to_string_lossy();
    run(&mut cmd(
        "wasm-bindgen",
        &[
            &input,
            "--target",
            "web",
            "--out-dir",
            &out,
            "--out-name",
            out_name,
        ],
    ))?;
    let glue = out_dir.join(format!("{out_name}.js"));
    link::without_stream_classes(&glue, &out_dir.join(format!("{out_name}.d.ts")))?;
    let wasm = out_dir.join(format!("{out_name}_bg.wasm"));
    let wasm = wasm.to_string_lossy();
    let mut args = vec!["-Oz", &*wasm, "-o", &*wasm];
    args.extend(WASM_FEATURES);
    run(&mut cmd(toolchain::WASM_OPT, &args))?;
    names::shorten(
        Path::new(&*wasm),
        &glue,
        &out_dir.join(format!("{out_name}_bg.wasm.d.ts")),
        &format!("./{out_name}_bg.js"),
    )?;
    let size = fs::metadata(&*wasm)?.len();
    eprintln!("{package}: {wasm} is {} KiB", size / 1024);
    Ok(())
}

/// Assembles `target/site`: the demo page, the widget package (built by
/// [`dist`]) and the dashboard (built here, into `dashboard/`), as the
/// collector serves them. Returns the directory.
pub fn stage() -> anyhow::Result<PathBuf> {
    let site = PathBuf::from("target/site");
    if site.exists() {
        fs::remove_dir_all(&site).context("clearing target/site")?;
    }
    copy_dir(Path::new("demo"), &site)?;
    for file in BUILT {
        let from = Path::new("pkg").join(file);
        fs::copy(&from, site.join(file)).with_context(|| format!("copying {}", from.display()))?;
    }
    // What browsers download, minified (pkg/ keeps the readable source, and
    // bundlers minify it for sites that use the npm package): the loader
    // every page loads, and the widget's glue (docs/benchmarks.md has the
    // sizes).
    let loader = site.join("candor.js");
    let modules = BUILT.iter().filter(|file| !file.ends_with(".d.ts"));
    // The site-wide chooser and the visitor module are asked for by the
    // build too.
    let own = LOADER_MODULES.iter().map(|file| Path::new("pkg").join(file));
    let build = build_of(modules.map(|file| site.join(file)).chain(own))?;
    fs::write(&loader, stamp(&fs::read_to_string("pkg/candor.js")?, &build)?)?;
    minify(&loader.to_string_lossy(), &loader, Kind::Script)?;
    for module in LOADER_MODULES {
        minify(&format!("pkg/{module}"), &site.join(module), Kind::Module)?;
    }
    for glue in ["candor_wasm.js", "candor_snapshot.js"] {
        minify(&format!("pkg/{glue}"), &site.join(glue), Kind::Module)?;
    }
    let dashboard = site.join("dashboard");
    copy_dir(Path::new("crates/dashboard/site"), &dashboard)?;
    build_wasm(
        "candor-dashboard",
        "candor_dashboard",
        &[],
        Trim::Nothing,
        &dashboard,
        "candor_dashboard",
    )?;
    let glue = dashboard.join("candor_dashboard.js");
    minify(&glue.to_string_lossy(), &glue, Kind::Module)?;
    // Served precompressed (the collector picks .br or .gz by the request's
    // Accept-Encoding): the widget's wasm is a third of its size in brotli.
    run(&mut cmd(
        "node",
        &["xtask/tools/compress.mjs", &site.to_string_lossy()],
    ))?;
    Ok(site)
}

/// The loader's empty slot for its modules' build (pkg/candor.js).
const BUILD_SLOT: &str = "const BUILD = \"\";";

/// `loader` asking for the modules of `build`: they are then fetched as
/// `…?v=<build>`, which the collector lets browsers keep for good.
fn stamp(loader: &str, build: &str) -> anyhow::Result<String> {
    anyhow::ensure!(
        loader.contains(BUILD_SLOT),
        "the loader has no `{BUILD_SLOT}` to stamp"
    );
    Ok(loader.replacen(BUILD_SLOT, &format!("const BUILD = \"{build}\";"), 1))
}

/// A version of `files`' contents: 16 hex digits that change with any byte.
fn build_of(files: impl Iterator<Item = PathBuf>) -> anyhow::Result<String> {
    use std::hash::{DefaultHasher, Hasher};
    let mut hasher = DefaultHasher::new();
    for file in files {
        let bytes = fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
        hasher.write(&bytes);
        hasher.write_usize(bytes.len());
    }
    Ok(format!("{:016x}", hasher.finish()))
}

/// A script file or an ES module (its imports and exports kept).
enum Kind {
    Script,
    Module,
}

/// Minifies `from` into `to` with terser (they may be the same file).
fn minify(from: &str, to: &Path, kind: Kind) -> anyhow::Result<()> {
    let to = to.to_string_lossy();
    let mut args = vec![from, "--compress", "--mangle", "--comments", "false", "-o", &to];
    if let Kind::Module = kind {
        args.push("--module");
    }
    run(&mut cmd(toolchain::TERSER, &args))
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_is_stamped_with_its_build_once() {
        let loader = fs::read_to_string("../pkg/candor.js").unwrap();
        let stamped = stamp(&loader, "0123456789abcdef").unwrap();
        assert!(stamped.contains("const BUILD = \"0123456789abcdef\";"));
        assert!(!stamped.contains(BUILD_SLOT));
        assert_eq!(stamped.len(), loader.len() + 16);
        assert!(
            stamp("(function () {})();", "x").is_err(),
            "no slot, no silent miss"
        );
    }

    #[test]
    fn a_build_changes_with_any_byte_of_its_files() {
        let dir = std::env::temp_dir().join(format!("candor-build-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let (glue, wasm) = (dir.join("glue.js"), dir.join("module.wasm"));
        let build = |glue_text: &str, wasm_bytes: &[u8]| {
            fs::write(&glue, glue_text).unwrap();
            fs::write(&wasm, wasm_bytes).unwrap();
            build_of([glue.clone(), wasm.clone()].into_iter()).unwrap()
        };
        let first = build("export default 1;", b"\0asm");
        assert_eq!(first.len(), 16);
        assert!(first.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(
            build("export default 1;", b"\0asm"),
            first,
            "the same files, the same build"
        );
        assert_ne!(build("export default 2;", b"\0asm"), first, "new glue");
        assert_ne!(build("export default 1;", b"\0asn"), first, "new wasm");
        fs::remove_dir_all(&dir).unwrap();
    }
}
