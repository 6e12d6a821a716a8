//! Inlay hints: the type of each select item's column after it.

use hir::{Db, model::model_analysis};
use syntax::{TextRange, TextSize};

use crate::{FileId, navigation::model_of};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlayHint {
    /// Where the hint goes (after the item).
    pub offset: TextSize,
    /// `: BIGINT`.
    pub label: String,
}

pub(crate) fn inlay_hints(db: &dyn Db, file: FileId, range: Option<TextRange>) -> Vec<InlayHint> {
    if model_of(db, file).is_none() {
        return Vec::new();
    }
    let a = model_analysis(db, file);
    let mut out: Vec<InlayHint> = a
        .record()
        .outputs
        .iter()
        .flat_map(|(_, defs)| defs.iter())
        .filter(|d| !d.from_star && !d.column.ty.is_unknown())
        .filter(|d| range.is_none_or(|r| r.contains_range(d.item)))
        .map(|d| {
            let null = if d.column.nullable { "" } else { " NOT NULL" };
            InlayHint {
                offset: d.item.end(),
                label: format!(": {}{null}", d.column.ty.duckdb_name()),
            }
        })
        .collect();
    out.sort_by_key(|h| h.offset);
    out.dedup();
    out
}
