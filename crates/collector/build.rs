//! With the `embedded-site` feature, the site directory is compiled in:
//! rebuild when it or the variable naming it changes (rust-embed alone
//! notices edits to files it saw, not a new directory).

fn main() {
    println!("cargo::rerun-if-env-changed=CANDOR_EMBED_SITE");
    if std::env::var_os("CARGO_FEATURE_EMBEDDED_SITE").is_some()
        && let Some(dir) = std::env::var_os("CANDOR_EMBED_SITE")
    {
        println!("cargo::rerun-if-changed={}", std::path::Path::new(&dir).display());
    }
}
