//! E001: cast the right operand of a comparison to the left one's type.

use hir::{Db, Diagnostic, model::parse, ty::Ty};
use syntax::{SyntaxKind, ast::AstNode};

use crate::{FileId, navigation::text_of, rename::SourceChange};

pub(super) fn fix(db: &dyn Db, file: FileId, d: &Diagnostic) -> Option<(String, SourceChange)> {
    // "cannot compare `Date` with `Int32`": the two types, in backticks.
    let mut types = d.message.split('`').skip(1).step_by(2);
    let left = Ty::from_sql(types.next()?);
    types.next()?;
    if left.is_unknown() {
        return None;
    }
    // The fix edits SQL text; a `.rocky` model's SQL is generated.
    if crate::navigation::is_pipeline(db, file) {
        return None;
    }
    let root = parse(db, file).tree()?.syntax().clone();
    let bin = root
        .descendants()
        .find(|n| n.kind() == SyntaxKind::BIN_EXPR && n.text_range() == d.range)?;
    let mut operands = bin.children();
    let _lhs = operands.next()?;
    let rhs = operands.next()?;
    let text = file.text(db);
    let ty = left.duckdb_name();
    let insert = format!("CAST({} AS {ty})", text_of(text, rhs.text_range()));
    let mut change = SourceChange::default();
    change.edit(file, rhs.text_range(), insert);
    Some((format!("Cast the right side to {ty}"), change))
}
