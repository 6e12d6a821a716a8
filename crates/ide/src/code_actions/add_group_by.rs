//! E141: add the column to the SELECT's `GROUP BY`.

use hir::{Db, Diagnostic, model::parse};
use syntax::{SyntaxKind, TextRange, ast::AstNode};

use crate::{FileId, navigation::text_of, rename::SourceChange};

pub(super) fn fix(db: &dyn Db, file: FileId, d: &Diagnostic) -> Option<(String, SourceChange)> {
    // The fix edits SQL text; a `.rocky` model's SQL is generated.
    if crate::navigation::is_pipeline(db, file) {
        return None;
    }
    let root = parse(db, file).tree()?.syntax().clone();
    let select = root
        .descendants()
        .filter(|n| n.kind() == SyntaxKind::SELECT && n.text_range().contains_range(d.range))
        .min_by_key(|n| n.text_range().len())?;
    let group = select.children().find(|n| n.kind() == SyntaxKind::GROUP_BY_CLAUSE)?;
    let text = file.text(db);
    let column = text_of(text, d.range).to_string();
    let gtext = text_of(text, group.text_range());
    let end = group.text_range().start() + syntax::TextSize::of(gtext.trim_end());
    let mut change = SourceChange::default();
    change.edit(file, TextRange::empty(end), format!(", {column}"));
    Some((format!("Add `{column}` to GROUP BY"), change))
}
