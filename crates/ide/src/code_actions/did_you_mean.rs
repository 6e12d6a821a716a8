//! Replace an unknown column, table or model name with the one the diagnostic suggests.

use hir::{Db, Diagnostic};

use crate::{FileId, navigation::text_of, rename::SourceChange};

pub(super) fn fix(db: &dyn Db, file: FileId, d: &Diagnostic) -> Option<(String, SourceChange)> {
    // `hir::diagnostics::did_you_mean` writes exactly this shape.
    let name = d.help.as_deref()?.strip_prefix("did you mean `")?.strip_suffix("`?")?;
    let target = d.file.unwrap_or(file);
    let written = text_of(target.text(db), d.range);
    // A `depends_on` entry's range holds its quotes.
    let insert = if written.starts_with('"') { format!("\"{name}\"") } else { name.to_string() };
    let mut change = SourceChange::default();
    change.edit(target, d.range, insert);
    Some((format!("Change to `{name}`"), change))
}
