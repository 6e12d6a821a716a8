//! One module per verb.

pub(crate) mod check;
#[cfg(feature = "warehouse")]
pub(crate) mod ci;
#[cfg(feature = "warehouse")]
pub(crate) mod compare;
pub(crate) mod compile;
pub(crate) mod debug;
mod diagnose;
pub(crate) mod diff;
#[cfg(feature = "warehouse")]
pub(crate) mod discover;
#[cfg(feature = "warehouse")]
pub(crate) mod drift;
pub(crate) mod fmt;
#[cfg(feature = "warehouse")]
pub(crate) mod init;
pub(crate) mod lineage;
pub(crate) mod lsp;
#[cfg(feature = "warehouse")]
pub(crate) mod plan;
#[cfg(feature = "warehouse")]
pub(crate) mod run;
#[cfg(feature = "warehouse")]
pub(crate) mod state;
#[cfg(feature = "warehouse")]
pub(crate) mod test;
pub(crate) mod validate;
#[cfg(feature = "warehouse")]
mod warehouse;

use std::path::Path;

use anyhow::Context;

/// 1-based line and column (in Unicode characters, per CLI.md) of the offsets of one text,
/// asked in ascending order as diagnostics come: one forward pass over the text in all, so a
/// file with a diagnostic on every character still costs linear time.
pub(crate) struct Positions<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    col: usize,
}

impl<'a> Positions<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Positions { text, offset: 0, line: 1, col: 1 }
    }

    pub(crate) fn line_col(&mut self, offset: usize) -> (usize, usize) {
        if offset < self.offset {
            *self = Positions::new(self.text);
        }
        // Offsets come from token boundaries, which are char boundaries; anything else
        // reads as the position reached so far.
        if let Some(between) = self.text.get(self.offset..offset) {
            for ch in between.chars() {
                if ch == '\n' {
                    self.line += 1;
                    self.col = 1;
                } else {
                    self.col += 1;
                }
            }
            self.offset = offset;
        }
        (self.line, self.col)
    }
}

/// `dir` relative to the project root, `/`-separated (it must be inside the project).
pub(crate) fn relative_dir(root: &Path, dir: &Path) -> anyhow::Result<String> {
    let abs_root =
        root.canonicalize().with_context(|| format!("cannot read `{}`", root.display()))?;
    let abs =
        if dir.is_absolute() { dir.to_path_buf() } else { std::env::current_dir()?.join(dir) };
    let abs = abs.canonicalize().with_context(|| format!("`{}` does not exist", dir.display()))?;
    let rel = abs.strip_prefix(&abs_root).map_err(|_| {
        anyhow::anyhow!("`{}` is outside the project `{}`", dir.display(), root.display())
    })?;
    Ok(rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"))
}
