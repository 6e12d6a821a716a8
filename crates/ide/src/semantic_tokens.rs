//! Semantic highlighting: what each name is (model, source, CTE, column, alias, function,
//! placeholder, type) besides the lexical classes.

use hir::{
    Db,
    model::model_analysis,
    resolve::{Binding, RefKind},
};
use rustc_hash::FxHashMap;
use syntax::{SyntaxKind, T, TextRange};

use crate::{
    FileId,
    navigation::{QualifierTarget, model_of, qualifier_target, source_tree},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HlTag {
    Keyword,
    Comment,
    String,
    Number,
    Operator,
    Model,
    Source,
    Cte,
    Column,
    TableAlias,
    Function,
    Placeholder,
    Type,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HlRange {
    pub range: TextRange,
    pub tag: HlTag,
}

pub(crate) fn highlight(db: &dyn Db, file: FileId, range: Option<TextRange>) -> Vec<HlRange> {
    if model_of(db, file).is_none() {
        return Vec::new();
    }
    let a = model_analysis(db, file);
    let mut names: FxHashMap<TextRange, HlTag> = FxHashMap::default();
    let mut spans: Vec<(TextRange, HlTag)> = Vec::new();
    for (r, b) in &a.resolved.tables {
        let tag = match b {
            Binding::Model(_) => HlTag::Model,
            Binding::Source(_) => HlTag::Source,
        };
        spans.push((*r, tag));
    }
    for r in &a.record().refs {
        let tag = match &r.kind {
            RefKind::Column { .. } | RefKind::Alias { .. } => HlTag::Column,
            RefKind::Qualifier { origin, def } => match qualifier_target(a, origin, *def) {
                QualifierTarget::Model(_) => HlTag::Model,
                QualifierTarget::Cte(_) => HlTag::Cte,
                QualifierTarget::Relation => HlTag::TableAlias,
            },
            RefKind::Cte { .. } => HlTag::Cte,
        };
        spans.push((r.range, tag));
    }
    for (_, q) in a.syntax.body.queries.iter() {
        for c in q.ctes.iter() {
            names.insert(c.name.range, HlTag::Cte);
        }
    }
    for (_, defs) in &a.record().outputs {
        for d in defs.iter().filter(|d| !d.from_star && d.range != d.item) {
            names.insert(d.range, HlTag::Column);
        }
    }
    let Some(root) = source_tree(db, file) else { return Vec::new() };
    let mut out = Vec::new();
    for t in root.descendants_with_tokens().filter_map(|e| e.into_token()) {
        let tr = t.text_range();
        if range.is_some_and(|r| r.intersect(tr).is_none()) {
            continue;
        }
        let kind = t.kind();
        let in_type = t.parent().is_some_and(|p| p.kind() == SyntaxKind::TYPE);
        let named = names
            .get(&tr)
            .copied()
            .or_else(|| spans.iter().find(|(r, _)| r.contains_range(tr)).map(|&(_, tag)| tag));
        let tag = match kind {
            SyntaxKind::COMMENT => Some(HlTag::Comment),
            SyntaxKind::STRING => Some(HlTag::String),
            SyntaxKind::INT_NUMBER | SyntaxKind::FLOAT_NUMBER => Some(HlTag::Number),
            SyntaxKind::AT_IDENT => Some(HlTag::Placeholder),
            SyntaxKind::AT_DATE => Some(HlTag::Number),
            _ if t.parent().is_some_and(|p| p.kind() == SyntaxKind::PLACEHOLDER) => {
                Some(HlTag::Placeholder)
            }
            SyntaxKind::IDENT | SyntaxKind::QUOTED_IDENT if named.is_some() => named,
            _ if kind.is_keyword() && named.is_some() => named,
            _ if in_type && (kind == SyntaxKind::IDENT || kind.is_keyword()) => Some(HlTag::Type),
            SyntaxKind::IDENT | SyntaxKind::QUOTED_IDENT | SyntaxKind::DOT => {
                is_call_name(&t).then_some(HlTag::Function)
            }
            _ if kind.is_pipeline_keyword() => Some(HlTag::Keyword),
            _ if kind.is_keyword() => {
                Some(if is_call_name(&t) { HlTag::Function } else { HlTag::Keyword })
            }
            _ if kind.is_punct()
                && !matches!(
                    kind,
                    T![,] | T!['('] | T![')'] | T![;] | T![.] | T!['{'] | T!['}'] | T![:]
                ) =>
            {
                Some(HlTag::Operator)
            }
            _ => None,
        };
        if let Some(tag) = tag {
            out.push(HlRange { range: tr, tag });
        }
    }
    out
}

/// An identifier directly followed by `(`, inside a call expression.
fn is_call_name(t: &syntax::SyntaxToken) -> bool {
    let mut next = t.next_token();
    while let Some(n) = next.clone().filter(|n| n.kind() == SyntaxKind::WHITESPACE) {
        next = n.next_token();
    }
    next.is_some_and(|n| n.kind() == T!['('])
        && t.parent_ancestors().any(|p| p.kind() == SyntaxKind::CALL_EXPR)
}
