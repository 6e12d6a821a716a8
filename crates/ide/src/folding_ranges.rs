//! Folding: CTEs, subqueries, CASE expressions and comment blocks spanning several lines;
//! in `.rocky` files `let` bindings, `{ .. }` lists and `match` blocks.

use hir::Db;
use syntax::{SyntaxKind, TextRange};

use crate::{
    FileId,
    navigation::{model_of, source_tree},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fold {
    pub range: TextRange,
    pub kind: FoldKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldKind {
    Region,
    Comment,
}

pub(crate) fn folding_ranges(db: &dyn Db, file: FileId) -> Vec<Fold> {
    if model_of(db, file).is_none() {
        return Vec::new();
    }
    let text = file.text(db);
    let multiline = |r: TextRange| {
        text.get(usize::from(r.start())..usize::from(r.end()))
            .is_some_and(|s| s.trim_end().contains('\n'))
    };
    let Some(root) = source_tree(db, file) else { return Vec::new() };
    let mut out = Vec::new();
    for node in root.descendants() {
        if matches!(
            node.kind(),
            SyntaxKind::CTE
                | SyntaxKind::DERIVED_TABLE
                | SyntaxKind::SUBQUERY_EXPR
                | SyntaxKind::CASE_EXPR
                | SyntaxKind::LET_BINDING
                | SyntaxKind::FIELD_LIST
                | SyntaxKind::MATCH_EXPR
        ) && multiline(node.text_range())
        {
            out.push(Fold { range: node.text_range(), kind: FoldKind::Region });
        }
    }
    // Runs of line comments.
    let mut run: Option<TextRange> = None;
    for t in root.descendants_with_tokens().filter_map(|e| e.into_token()) {
        match t.kind() {
            SyntaxKind::COMMENT if t.text().starts_with("--") => {
                run = Some(match run {
                    Some(r) => r.cover(t.text_range()),
                    None => t.text_range(),
                });
            }
            SyntaxKind::WHITESPACE if t.text().matches('\n').count() <= 1 => {}
            _ => {
                if let Some(r) = run.take().filter(|r| multiline(*r)) {
                    out.push(Fold { range: r, kind: FoldKind::Comment });
                }
                if t.kind() == SyntaxKind::COMMENT && multiline(t.text_range()) {
                    out.push(Fold { range: t.text_range(), kind: FoldKind::Comment });
                }
            }
        }
    }
    if let Some(r) = run.filter(|r| multiline(*r)) {
        out.push(Fold { range: r, kind: FoldKind::Comment });
    }
    out.sort_by_key(|f| (f.range.start(), std::cmp::Reverse(f.range.end())));
    out
}
