//! Hover: a column's type, nullability, lineage and doc comment; a model's target, strategy
//! and columns; a CTE's columns; a function's signatures and doc from the builtin catalog.

use std::fmt::Write;

use hir::{
    Db,
    builtins::{self, Function, Overload, ParamTy},
    model::model_analysis,
    project::{project_config, project_model},
    resolve::{RefKind, RelOrigin},
    signature::Column,
    sources::source_catalog,
};
use syntax::TextRange;

use crate::{
    FilePosition,
    lineage::{lineage_summary, model_column_lineage},
    navigation::{ColumnKey, column_def_through_stars, doc_comment, ident_at, model_of, text_of},
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoverResult {
    pub range: TextRange,
    /// Markdown.
    pub markup: String,
}

pub(crate) fn hover(db: &dyn Db, pos: FilePosition) -> Option<HoverResult> {
    let file = pos.file;
    model_of(db, file)?;
    let a = model_analysis(db, file);
    let text = file.text(db);
    let rec = a.record();
    if let Some(r) = rec.ref_at(pos.offset) {
        let markup = match &r.kind {
            RefKind::Column { origin, name, column, .. } => {
                let key = ColumnKey { file, origin: origin.clone(), name: *name };
                column_hover(db, &key, column.as_ref(), text_of(text, r.range))
            }
            RefKind::Alias { def, column } => {
                let mut s = column_block(text_of(text, r.range), Some(column));
                let _ = write!(s, "\n\nselect-list alias defined at `{}`", text_of(text, *def));
                s
            }
            RefKind::Qualifier { origin, .. } => relation_hover(db, file, origin)?,
            RefKind::Cte { query, def } => {
                let mut s = format!("**CTE** `{}`", text_of(text, *def));
                if let Some(doc) = doc_comment(text, def.start()) {
                    let _ = write!(s, "\n\n{doc}");
                }
                let cols: Vec<Column> =
                    rec.outputs_of(*query).iter().map(|d| d.column.clone()).collect();
                columns_table(&mut s, &cols, false);
                s
            }
        };
        return Some(HoverResult { range: r.range, markup });
    }
    if let Some((range, binding)) =
        a.resolved.tables.iter().find(|(r, _)| r.contains_inclusive(pos.offset))
    {
        let markup = relation_hover(db, file, &RelOrigin::from(binding))?;
        return Some(HoverResult { range: *range, markup });
    }
    // A select item's output name (an alias, or the item itself).
    for (query, outputs) in &rec.outputs {
        if let Some(d) =
            outputs.iter().find(|d| !d.from_star && d.range.contains_inclusive(pos.offset))
        {
            let mut s = column_block(d.column.name.as_str(), Some(&d.column));
            // The model's own output column: where it comes from.
            if a.syntax.body.root == Some(*query)
                && let Some(lineage) = model_column_lineage(db, file, d.column.name)
            {
                let _ = write!(s, "\n\n{lineage}");
            }
            if let Some(doc) = doc_comment(text, d.item.start()) {
                let _ = write!(s, "\n\n{doc}");
            }
            return Some(HoverResult { range: d.range, markup: s });
        }
    }
    function_hover(db, text, pos)
}

fn column_hover(db: &dyn Db, key: &ColumnKey, column: Option<&Column>, written: &str) -> String {
    let mut s = column_block(written, column);
    let what = match &key.origin {
        RelOrigin::Model(f) => model_of(db, *f).map(|m| format!("column of model `{}`", m.name)),
        RelOrigin::Source(t) => Some(format!("column of source `{t}`")),
        RelOrigin::Query(_) => Some("column of a CTE or subquery".to_string()),
        RelOrigin::Other => None,
    };
    if let Some(w) = what {
        let _ = write!(s, "\n\n{w}");
    }
    // A model's column: its lineage across models; a CTE's or subquery's: the chain to
    // the model's relations.
    if let RelOrigin::Model(f) = &key.origin {
        if let Some(lineage) = model_column_lineage(db, *f, key.name) {
            let _ = write!(s, "\n\n{lineage}");
        }
    } else {
        let chain = lineage_summary(db, key);
        if chain.len() > 1 {
            let _ = write!(s, "\n\nlineage: {}", chain.join(" ← "));
        }
    }
    if let Some(def) = column_def_through_stars(db, key) {
        let dtext = def.file.text(db);
        if let Some(doc) = doc_comment(dtext, def.def.item.start()) {
            let _ = write!(s, "\n\n{doc}");
        }
    }
    s
}

fn column_block(name: &str, column: Option<&Column>) -> String {
    match column {
        Some(c) => {
            let null = if c.nullable { "" } else { " not null" };
            format!("```sql\n{name}: {}{null}\n```", c.ty)
        }
        None => format!("```sql\n{name}\n```\ncolumns of this relation are unknown"),
    }
}

fn relation_hover(db: &dyn Db, file: crate::FileId, origin: &RelOrigin) -> Option<String> {
    match origin {
        RelOrigin::Model(f) => {
            let pm = project_model(db);
            let m = pm.model(*f)?;
            let mut s = format!(
                "**model** `{}` → `{}` ({})\n\n`{}`",
                m.name,
                m.target.display(),
                m.config.effective_strategy().name(),
                f.path(db)
            );
            if let Some(doc) = doc_comment(f.text(db), 0.into()) {
                let _ = write!(s, "\n\n{doc}");
            }
            let sig = hir::model::model_signature(db, *f);
            columns_table(&mut s, &sig.columns, sig.open);
            Some(s)
        }
        RelOrigin::Source(t) => {
            let cat = source_catalog(db);
            let names: Vec<hir::Name> = t.split('.').map(hir::Name::folded).collect();
            let mut s = format!("**source** `{t}`");
            if let Some((_, sig)) = cat.table(&names) {
                columns_table(&mut s, &sig.columns, sig.open);
            }
            Some(s)
        }
        RelOrigin::Query(q) => {
            let a = model_analysis(db, file);
            let cols: Vec<Column> =
                a.record().outputs_of(*q).iter().map(|d| d.column.clone()).collect();
            let mut s = "**subquery**".to_string();
            columns_table(&mut s, &cols, false);
            Some(s)
        }
        RelOrigin::Other => None,
    }
}

/// Lists columns (at most 40) under a hover.
fn columns_table(s: &mut String, columns: &[Column], open: bool) {
    if columns.is_empty() {
        if open {
            s.push_str("\n\ncolumns unknown");
        }
        return;
    }
    s.push_str("\n\n```sql\n");
    for c in columns.iter().take(40) {
        let null = if c.nullable { "" } else { " not null" };
        let _ = writeln!(s, "{}: {}{null}", c.name, c.ty);
    }
    if columns.len() > 40 {
        let _ = writeln!(s, "-- and {} more", columns.len() - 40);
    }
    s.push_str("```");
}

fn function_hover(db: &dyn Db, text: &str, pos: FilePosition) -> Option<HoverResult> {
    let range = ident_at(text, pos.offset)?;
    let after = text.get(usize::from(range.end())..)?.trim_start();
    if !after.starts_with('(') {
        return None;
    }
    let name = text_of(text, range).to_lowercase();
    let dialect = project_config(db).config.dialect();
    let f = builtins::catalog(dialect).get(&name)?;
    Some(HoverResult { range, markup: function_markup(f) })
}

pub(crate) fn function_markup(f: &Function) -> String {
    let mut s = String::from("```sql\n");
    for sig in signatures(f).iter().take(12) {
        let _ = writeln!(s, "{sig}");
    }
    if f.overloads.len() > 12 {
        let _ = writeln!(s, "-- and {} more overloads", f.overloads.len() - 12);
    }
    s.push_str("```");
    let kind = match f.kind {
        builtins::FnKind::Scalar => "scalar function",
        builtins::FnKind::Aggregate => "aggregate function",
        builtins::FnKind::Window => "window function",
        builtins::FnKind::Macro => "macro",
    };
    let _ = write!(s, "\n\n{kind}");
    if !f.description.is_empty() {
        let _ = write!(s, ": {}", f.description);
    }
    s
}

/// Each overload as `name(param TYPE, ...) -> TYPE`.
pub(crate) fn signatures(f: &Function) -> Vec<String> {
    f.overloads.iter().map(|o| overload_label(f, o).0).collect()
}

/// One overload as `name(param TYPE, ...) -> TYPE`, and its parameters' labels.
pub(crate) fn overload_label(f: &Function, o: &Overload) -> (String, Vec<String>) {
    let mut params: Vec<String> =
        o.params.iter().map(|p| format!("{} {}", p.name, param_ty(&p.ty))).collect();
    if let Some(v) = &o.varargs {
        params.push(format!("{}...", param_ty(v)));
    }
    let ret = o.ret.as_ref().map_or_else(|| "ANY".to_string(), param_ty);
    (format!("{}({}) -> {ret}", f.name, params.join(", ")), params)
}

pub(crate) fn param_ty(t: &ParamTy) -> String {
    match t {
        ParamTy::Ty(t) => t.duckdb_name(),
        ParamTy::Any => "ANY".into(),
        ParamTy::Generic(c) => c.to_string(),
        ParamTy::List(inner) => format!("{}[]", param_ty(inner)),
        ParamTy::Decimal => "DECIMAL".into(),
        ParamTy::Struct => "STRUCT".into(),
        ParamTy::Map => "MAP".into(),
        ParamTy::Lambda => "LAMBDA".into(),
        ParamTy::Null => "NULL".into(),
        ParamTy::Other => "ANY".into(),
    }
}
