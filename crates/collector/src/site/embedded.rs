//! The site built into the binary: the directory `CANDOR_EMBED_SITE` named
//! when it was compiled (`cargo xtask dist` stages it and sets it).

use super::{File, Files};

#[derive(rust_embed::RustEmbed)]
#[folder = "$CANDOR_EMBED_SITE"]
struct Site;

/// [`Site`]'s files.
pub struct BuiltIn;

impl Files for BuiltIn {
    fn get(&self, path: &str) -> Option<File> {
        let file = Site::get(path)?;
        Some(File {
            sha256: file.metadata.sha256_hash(),
            modified: file.metadata.last_modified(),
            bytes: file.data,
        })
    }
}
