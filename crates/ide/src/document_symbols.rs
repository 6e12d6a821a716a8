//! Document symbols: the model's CTEs and select items, each with its columns.

use hir::{Db, body::QueryId, model::model_analysis, resolve::Record};
use syntax::TextRange;

use crate::{
    FileId,
    navigation::{model_of, text_of},
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StructureNode {
    pub name: String,
    pub kind: SymbolKind,
    pub detail: Option<String>,
    pub range: TextRange,
    pub selection: TextRange,
    pub children: Vec<StructureNode>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    Model,
    Cte,
    Column,
}

pub(crate) fn document_symbols(db: &dyn Db, file: FileId) -> Vec<StructureNode> {
    let Some(model) = model_of(db, file) else { return Vec::new() };
    let a = model_analysis(db, file);
    let body = &a.syntax.body;
    let Some(root) = body.root else { return Vec::new() };
    let text = file.text(db);
    let rec = a.record();
    let mut out = Vec::new();
    for (_, q) in body.queries.iter() {
        for c in q.ctes.iter() {
            let qr = body.queries[c.query].range;
            let range = TextRange::new(c.name.range.start(), qr.end().max(c.name.range.end()));
            out.push(StructureNode {
                name: text_of(text, c.name.range).to_string(),
                kind: SymbolKind::Cte,
                detail: Some("CTE".into()),
                range,
                selection: c.name.range,
                children: columns(rec, c.query, text),
            });
        }
    }
    out.sort_by_key(|n| n.range.start());
    let qr = body.queries[root].range;
    out.push(StructureNode {
        name: model.name.clone(),
        kind: SymbolKind::Model,
        detail: Some(model.target.display()),
        range: qr,
        selection: TextRange::empty(qr.start()),
        children: columns(rec, root, text),
    });
    out
}

fn columns(rec: &Record, query: QueryId, text: &str) -> Vec<StructureNode> {
    rec.outputs_of(query)
        .iter()
        .map(|d| StructureNode {
            name: if d.from_star {
                d.column.name.to_string()
            } else {
                text_of(text, d.range).to_string()
            },
            kind: SymbolKind::Column,
            detail: Some(d.column.ty.to_string()),
            range: d.item,
            selection: d.range,
            children: Vec::new(),
        })
        .collect()
}
