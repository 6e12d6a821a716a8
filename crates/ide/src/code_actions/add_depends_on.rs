//! D011: add the model the SQL reads to the sidecar's `depends_on`.

use hir::{Db, Diagnostic};
use syntax::TextRange;

use crate::rename::SourceChange;

pub(super) fn fix(_db: &dyn Db, d: &Diagnostic) -> Option<(String, SourceChange)> {
    // The help says `add "name" to `depends_on``; the related location is the list's
    // first entry.
    let name = d.help.as_deref()?.strip_prefix("add \"")?.split('"').next()?;
    let first = d.related.first()?;
    let mut change = SourceChange::default();
    change.edit(first.file, TextRange::empty(first.range.start()), format!("\"{name}\", "));
    Some((format!("Add \"{name}\" to depends_on"), change))
}
