//! What the name under the cursor stands for, project-wide: the unit references and rename
//! work on.

use hir::{
    Db, Name,
    body::QueryId,
    dag::model_dag,
    model::model_analysis,
    project::project_model,
    resolve::{Binding, RefKind, RelOrigin},
};
use syntax::TextRange;

use crate::{
    FileId, FilePosition, FileRange,
    navigation::{
        ColumnKey, QualifierTarget, column_def_through_stars, model_of, qualifier_target,
    },
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Symbol {
    Model(FileId),
    /// An output column of a model's query.
    ModelColumn(FileId, Name),
    /// An output column of a CTE or derived table.
    LocalColumn(FileId, QueryId, Name),
    Cte(FileId, TextRange),
    /// A table alias (or a table name used as a qualifier), defined at the range.
    TableAlias(FileId, TextRange),
    SelectAlias(FileId, TextRange),
}

/// The symbol at `pos`, and the range of the name there.
pub(crate) fn symbol_at(db: &dyn Db, pos: FilePosition) -> Option<(Symbol, TextRange)> {
    let file = pos.file;
    model_of(db, file)?;
    let a = model_analysis(db, file);
    let rec = a.record();
    if let Some(r) = rec.ref_at(pos.offset) {
        let sym = match &r.kind {
            RefKind::Column { origin, name, .. } => {
                let key = ColumnKey { file, origin: origin.clone(), name: *name };
                let def = column_def_through_stars(db, &key)?;
                column_symbol(db, def.file, def.query, def.def.column.name)
            }
            RefKind::Alias { def, .. } => Symbol::SelectAlias(file, *def),
            RefKind::Qualifier { origin, def } => match qualifier_target(a, origin, *def) {
                QualifierTarget::Model(f) => Symbol::Model(f),
                QualifierTarget::Cte(cte_def) => Symbol::Cte(file, cte_def),
                QualifierTarget::Relation => Symbol::TableAlias(file, *def),
            },
            RefKind::Cte { def, .. } => Symbol::Cte(file, *def),
        };
        return Some((sym, r.range));
    }
    if let Some((range, Binding::Model(f))) =
        a.resolved.tables.iter().find(|(r, _)| r.contains_inclusive(pos.offset))
    {
        return Some((Symbol::Model(*f), *range));
    }
    // Definitions: a CTE's name, a table alias, a select item's alias.
    for (_, q) in a.syntax.body.queries.iter() {
        if let Some(c) = q.ctes.iter().find(|c| c.name.range.contains_inclusive(pos.offset)) {
            return Some((Symbol::Cte(file, c.name.range), c.name.range));
        }
    }
    if let Some(r) = rec.refs.iter().find_map(|r| match &r.kind {
        RefKind::Qualifier { def, .. } if def.contains_inclusive(pos.offset) => Some(*def),
        _ => None,
    }) && a.resolved.tables.iter().all(|(t, _)| *t != r)
    {
        return Some((Symbol::TableAlias(file, r), r));
    }
    for (query, outputs) in &rec.outputs {
        if let Some(d) = outputs
            .iter()
            .find(|d| !d.from_star && d.range != d.item && d.range.contains_inclusive(pos.offset))
        {
            return Some((column_symbol(db, file, *query, d.column.name), d.range));
        }
    }
    None
}

fn column_symbol(db: &dyn Db, file: FileId, query: QueryId, name: Name) -> Symbol {
    let root = model_analysis(db, file).syntax.body.root;
    if root == Some(query) {
        Symbol::ModelColumn(file, name)
    } else {
        Symbol::LocalColumn(file, query, name)
    }
}

/// The models reading `file` directly.
pub(crate) fn consumers(db: &dyn Db, file: FileId) -> Vec<FileId> {
    let pm = project_model(db);
    let Some(&me) = pm.by_file.get(&file) else { return Vec::new() };
    model_dag(db).downstream[me].iter().map(|&i| pm.models[i].file).collect()
}

/// Every place naming `sym` (its definition first).
pub(crate) fn occurrences(db: &dyn Db, sym: &Symbol) -> Vec<FileRange> {
    let mut out = Vec::new();
    match sym {
        Symbol::Model(f) => {
            for c in consumers(db, *f) {
                let a = model_analysis(db, c);
                for (range, b) in &a.resolved.tables {
                    if *b == Binding::Model(*f) {
                        out.push(FileRange { file: c, range: *range });
                    }
                }
            }
        }
        Symbol::ModelColumn(f, name) => {
            let mut seen = Vec::new();
            model_column_refs(db, *f, *name, &mut seen, &mut out);
        }
        Symbol::LocalColumn(f, q, name) => {
            let a = model_analysis(db, *f);
            if let Some(d) = a.record().outputs_of(*q).iter().find(|d| d.column.name == *name)
                && !d.from_star
            {
                out.push(FileRange { file: *f, range: d.range });
            }
            for r in &a.record().refs {
                if let RefKind::Column { origin: RelOrigin::Query(oq), name: n, .. } = &r.kind
                    && oq == q
                    && n == name
                {
                    out.push(FileRange { file: *f, range: r.range });
                }
            }
        }
        Symbol::Cte(f, def) => {
            out.push(FileRange { file: *f, range: *def });
            let a = model_analysis(db, *f);
            let uses: Vec<TextRange> = a
                .record()
                .refs
                .iter()
                .filter(|r| matches!(&r.kind, RefKind::Cte { def: d, .. } if d == def))
                .map(|r| r.range)
                .collect();
            for r in &a.record().refs {
                let hit = match &r.kind {
                    RefKind::Cte { def: d, .. } => d == def,
                    // `c.x` where `c` is the CTE's own name in FROM.
                    RefKind::Qualifier { def: d, .. } => uses.contains(d),
                    _ => false,
                };
                if hit {
                    out.push(FileRange { file: *f, range: r.range });
                }
            }
        }
        Symbol::TableAlias(f, def) | Symbol::SelectAlias(f, def) => {
            out.push(FileRange { file: *f, range: *def });
            let a = model_analysis(db, *f);
            for r in &a.record().refs {
                let hit = match &r.kind {
                    RefKind::Qualifier { def: d, .. } => d == def,
                    RefKind::Alias { def: d, .. } => d == def,
                    _ => false,
                };
                if hit && r.range != *def {
                    out.push(FileRange { file: *f, range: r.range });
                }
            }
        }
    }
    out.sort_by_key(|r| (r.file.path(db).clone(), r.range.start()));
    out.dedup();
    out
}

/// The definition of model `f`'s column and every reference to it downstream, following
/// columns that pass it on under the same name.
fn model_column_refs(
    db: &dyn Db,
    f: FileId,
    name: Name,
    seen: &mut Vec<FileId>,
    out: &mut Vec<FileRange>,
) {
    if seen.contains(&f) || seen.len() > 10_000 {
        return;
    }
    let first = seen.is_empty();
    seen.push(f);
    let a = model_analysis(db, f);
    // Downstream, a bare `t.col` item is a reference (already listed), not a new name.
    if let Some(root) = a.syntax.body.root
        && let Some(d) = a.record().outputs_of(root).iter().find(|d| d.column.name == name)
        && !d.from_star
        && (first || d.range != d.item)
    {
        out.push(FileRange { file: f, range: d.range });
    }
    for c in consumers(db, f) {
        let ca = model_analysis(db, c);
        let origin = RelOrigin::Model(f);
        for r in &ca.record().refs {
            if let RefKind::Column { origin: o, name: n, .. } = &r.kind
                && *o == origin
                && *n == name
            {
                out.push(FileRange { file: c, range: r.range });
            }
        }
        if let Some(root) = ca.syntax.body.root
            && ca.record().outputs_of(root).iter().any(|d| {
                d.column.name == name && d.source.as_ref() == Some(&(origin.clone(), name))
            })
        {
            model_column_refs(db, c, name, seen, out);
        }
    }
}
