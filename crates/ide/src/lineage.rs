//! A column's lineage in short, for hover: the columns it comes from, hop by hop, until a
//! source, an expression or something we cannot see through.

use hir::{Db, resolve::RefKind, resolve::RelOrigin};

use crate::navigation::{ColumnKey, analysis, column_def, model_of, text_of};

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
