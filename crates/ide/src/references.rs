//! Find references: a model's readers, a column across every downstream model, a CTE or
//! alias within its file.

use hir::Db;

use crate::{
    FilePosition, FileRange,
    symbol::{occurrences, symbol_at},
};

pub(crate) fn references(db: &dyn Db, pos: FilePosition) -> Vec<FileRange> {
    let Some((sym, _)) = symbol_at(db, pos) else { return Vec::new() };
    occurrences(db, &sym)
}
