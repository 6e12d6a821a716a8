//! A column's lineage in short, for hover: the columns it comes from, hop by hop, until a
//! source, an expression or something we cannot see through.

use std::fmt::Write;

use hir::{Db, Name, SourceFile, lineage::LineageNode, resolve::RefKind, resolve::RelOrigin};

use crate::{
    lineage_graph::{ColumnNode, Direction, LineageRequest, upstream},
    navigation::{ColumnKey, analysis, column_def, model_of, text_of},
};

/// How far hover follows a model column back, and how many lines it shows.
const HOVER_DEPTH: usize = 4;
const HOVER_LINES: usize = 12;

/// The upstream lineage of column `name` of model `file` as a Markdown list nested by hop,
/// each line the column and how it is made: what `rocky lineage` prints, in short.
pub(crate) fn model_column_lineage(db: &dyn Db, file: SourceFile, name: Name) -> Option<String> {
    let req = LineageRequest {
        node: LineageNode::Model(file),
        columns: Some(vec![name]),
        direction: Direction::Upstream,
        depth: Some(HOVER_DEPTH),
        include_filters: false,
    };
    let graph = upstream(db, &req);
    if graph.edges.is_empty() {
        return None;
    }
    let root = ColumnNode { node: LineageNode::Model(file), column: name };
    let mut lines = Vec::new();
    let mut shown = vec![root.clone()];
    walk(db, &graph.edges, &root, 0, &mut shown, &mut lines);
    let mut s = String::from("lineage:");
    for line in lines.iter().take(HOVER_LINES) {
        let _ = write!(s, "\n{line}");
    }
    if lines.len() > HOVER_LINES {
        let _ = write!(s, "\n- … {} more (`rocky lineage`)", lines.len() - HOVER_LINES);
    }
    Some(s)
}

fn walk(
    db: &dyn Db,
    edges: &[crate::lineage_graph::LineageEdge],
    at: &ColumnNode,
    level: usize,
    shown: &mut Vec<ColumnNode>,
    lines: &mut Vec<String>,
) {
    for e in edges.iter().filter(|e| e.to == *at) {
        let name = match &e.from.node {
            LineageNode::Model(f) => {
                let model = model_of(db, *f).map_or("?", |m| m.name.as_str());
                format!("`{model}.{}` — {}", e.from.column, e.transform.as_str())
            }
            LineageNode::Source(s) => {
                format!("`{s}.{}` — {}, source", e.from.column, e.transform.as_str())
            }
        };
        lines.push(format!("{}- {name}", "  ".repeat(level)));
        if !shown.contains(&e.from) {
            shown.push(e.from.clone());
            walk(db, edges, &e.from, level + 1, shown, lines);
        }
    }
}

/// `orders.amount ← stg_orders.amount ← raw.orders.amount`: the first entry is the column
/// itself; an expression ends the chain with what it reads.
pub(crate) fn lineage_summary(db: &dyn Db, key: &ColumnKey) -> Vec<String> {
    let mut out = vec![label(db, key)];
    let mut key = key.clone();
    for _ in 0..16 {
        let Some(def) = column_def(db, &key) else { break };
        match &def.def.source {
            Some((origin, name)) => {
                key = ColumnKey { file: def.file, origin: origin.clone(), name: *name };
                let l = label(db, &key);
                if out.last() != Some(&l) {
                    out.push(l);
                }
            }
            None => {
                // An expression: the columns it reads.
                let Some(a) = analysis(db, def.file) else { break };
                let mut reads: Vec<String> = a
                    .record()
                    .refs
                    .iter()
                    .filter(|r| def.def.item.contains_range(r.range))
                    .filter_map(|r| match &r.kind {
                        RefKind::Column { origin, name, .. } => Some(label(
                            db,
                            &ColumnKey { file: def.file, origin: origin.clone(), name: *name },
                        )),
                        _ => None,
                    })
                    .collect();
                reads.sort();
                reads.dedup();
                if !reads.is_empty() {
                    out.push(format!("f({})", reads.join(", ")));
                }
                break;
            }
        }
    }
    out
}

/// `model.column`, `schema.table.column` or `cte.column`.
pub(crate) fn label(db: &dyn Db, key: &ColumnKey) -> String {
    match &key.origin {
        RelOrigin::Model(f) => {
            let model = model_of(db, *f).map_or("?", |m| m.name.as_str());
            format!("{model}.{}", key.name)
        }
        RelOrigin::Source(s) => format!("{s}.{}", key.name),
        RelOrigin::Query(q) => {
            let cte = analysis(db, key.file).and_then(|a| {
                a.syntax.body.queries.iter().find_map(|(_, query)| {
                    query
                        .ctes
                        .iter()
                        .find(|c| c.query == *q)
                        .map(|c| text_of(key.file.text(db), c.name.range).to_string())
                })
            });
            match cte {
                Some(c) => format!("{c}.{}", key.name),
                None => format!("(subquery).{}", key.name),
            }
        }
        RelOrigin::Other => key.name.to_string(),
    }
}
