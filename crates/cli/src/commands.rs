//! One module per verb.

pub(crate) mod compile;
pub(crate) mod debug;

use std::path::Path;

use anyhow::{Context, bail};

/// Reads a source file as UTF-8, with a clear message for what we cannot parse.
pub(crate) fn read_source(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    if bytes.len() > hir::syntax::MAX_INPUT_LEN {
        bail!("`{}` is larger than 4 GiB; split it into several files", path.display());
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        anyhow::anyhow!(
            "`{}` is not valid UTF-8 (first invalid byte at offset {at}); save it as UTF-8",
            path.display()
        )
    })
}

/// 1-based line and column (in Unicode characters) of a byte offset, per CLI.md.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}
