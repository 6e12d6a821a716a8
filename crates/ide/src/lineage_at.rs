//! What "show the lineage of this" means at a cursor: the model or source column the
//! cursor names (a CTE's column followed back to the relation it reads), an output column
//! of the model, a referenced model or source table, or else the model itself. The editor
//! then asks `lineage_graph` for it, as `rocky lineage` does.

use hir::{
    Db, Name,
    lineage::LineageNode,
    model::model_analysis,
    resolve::{RefKind, RelOrigin},
};

use crate::{
    FilePosition,
    navigation::{ColumnKey, column_def, model_of},
};

/// A lineage target: a relation and, unless the whole relation is meant, one column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineageTarget {
    pub node: LineageNode,
    pub column: Option<Name>,
}

pub(crate) fn lineage_target(db: &dyn Db, pos: FilePosition) -> Option<LineageTarget> {
    let file = pos.file;
    model_of(db, file)?;
    let a = model_analysis(db, file);
    let rec = a.record();
    if let Some(r) = rec.ref_at(pos.offset) {
        match &r.kind {
            RefKind::Column { origin, name, .. } => {
                let key = ColumnKey { file, origin: origin.clone(), name: *name };
                if let Some(t) = relation_column(db, key) {
                    return Some(t);
                }
            }
            RefKind::Qualifier { origin, .. } => {
                if let Some(node) = relation(origin) {
                    return Some(LineageTarget { node, column: None });
                }
            }
            _ => {}
        }
    }
    if let Some((_, binding)) =
        a.resolved.tables.iter().find(|(r, _)| r.contains_inclusive(pos.offset))
        && let Some(node) = relation(&RelOrigin::from(binding))
    {
        return Some(LineageTarget { node, column: None });
    }
    // One of the model's own output columns (its alias or its expression).
    if let Some(root) = a.syntax.body.root
        && let Some(d) = rec
            .outputs_of(root)
            .iter()
            .find(|d| !d.from_star && d.item.contains_inclusive(pos.offset))
    {
        return Some(LineageTarget { node: LineageNode::Model(file), column: Some(d.column.name) });
    }
    Some(LineageTarget { node: LineageNode::Model(file), column: None })
}

fn relation(origin: &RelOrigin) -> Option<LineageNode> {
    match origin {
        RelOrigin::Model(f) => Some(LineageNode::Model(*f)),
        RelOrigin::Source(t) => Some(LineageNode::Source(t.clone())),
        RelOrigin::Query(_) | RelOrigin::Other => None,
    }
}

/// The model or source column `key` is, following CTE and subquery columns back while
/// each is a plain copy of one column.
fn relation_column(db: &dyn Db, mut key: ColumnKey) -> Option<LineageTarget> {
    for _ in 0..64 {
        if let Some(node) = relation(&key.origin) {
            return Some(LineageTarget { node, column: Some(key.name) });
        }
        let def = column_def(db, &key)?;
        let (origin, name) = def.def.source.clone()?;
        key = ColumnKey { file: def.file, origin, name };
    }
    None
}
