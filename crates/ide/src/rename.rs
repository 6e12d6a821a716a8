//! Rename: a model (its file, sidecar, contract and every reference), a model's output
//! column (its alias and every downstream reference), a CTE, a table alias or a select
//! alias. Refuses, with the reason, where the rename would change what the SQL means.

use hir::{
    Db, Name,
    model::{model_analysis, model_signature},
    project::project_model,
    resolve::{Binding, RefKind, RelOrigin},
};
use syntax::{TextRange, TextSize};

use crate::{
    FileId, FilePosition,
    navigation::text_of,
    symbol::{Symbol, consumers, occurrences, symbol_at},
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub range: TextRange,
    pub insert: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileSystemEdit {
    /// Move the file to `dst`, relative to the project root.
    Move { src: FileId, dst: String },
}

/// Edits to apply together: text edits per file (against the text before any of them),
/// then file moves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceChange {
    pub edits: Vec<(FileId, Vec<TextEdit>)>,
    pub file_system: Vec<FileSystemEdit>,
}

impl SourceChange {
    pub(crate) fn edit(&mut self, file: FileId, range: TextRange, insert: impl Into<String>) {
        let edit = TextEdit { range, insert: insert.into() };
        match self.edits.iter_mut().find(|(f, _)| *f == file) {
            Some((_, edits)) => {
                if !edits.contains(&edit) {
                    edits.push(edit);
                }
            }
            None => self.edits.push((file, vec![edit])),
        }
    }
}

/// The edit that names a select item's output `name` whatever its expression becomes:
/// `expr AS name` in SQL, `name: expr` in a `.rocky` field. Edits are sorted before they
/// are returned, so an insertion at an item's start comes before the item's rewrite.
fn keep_output_name(db: &dyn Db, file: FileId, item: TextRange, name: &str) -> (TextRange, String) {
    if crate::navigation::is_pipeline(db, file) {
        (TextRange::empty(item.start()), format!("{name}: "))
    } else {
        (TextRange::empty(item.end()), format!(" AS {name}"))
    }
}

pub(crate) fn prepare_rename(db: &dyn Db, pos: FilePosition) -> Result<TextRange, String> {
    let (sym, range) = symbol_at(db, pos).ok_or("nothing to rename here")?;
    check_renamable(db, &sym)?;
    Ok(range)
}

fn check_renamable(db: &dyn Db, sym: &Symbol) -> Result<(), String> {
    if let Symbol::ModelColumn(f, name) = sym {
        let a = model_analysis(db, *f);
        let root = a.syntax.body.root.ok_or("the model has no query")?;
        let def = a.record().outputs_of(root).iter().find(|d| d.column.name == *name);
        if def.is_some_and(|d| d.from_star) {
            return Err(format!(
                "`{name}` comes from a `*`; rename it where it is defined upstream"
            ));
        }
    }
    Ok(())
}

pub(crate) fn rename(db: &dyn Db, pos: FilePosition, new: &str) -> Result<SourceChange, String> {
    let (sym, _) = symbol_at(db, pos).ok_or("nothing to rename here")?;
    check_renamable(db, &sym)?;
    check_identifier(db, new)?;
    let new_name = Name::folded(new);
    let mut change = SourceChange::default();
    match &sym {
        Symbol::Model(f) => rename_model(db, *f, new, &mut change)?,
        Symbol::ModelColumn(f, name) => {
            if *name == new_name {
                return Ok(change);
            }
            rename_model_column(db, *f, *name, new, &mut change, 0, &mut Vec::new())?;
        }
        Symbol::LocalColumn(f, q, name) => {
            let a = model_analysis(db, *f);
            let outputs = a.record().outputs_of(*q);
            if outputs.iter().any(|d| d.column.name == new_name) {
                return Err(format!("a column named `{new}` already exists there"));
            }
            let def = outputs.iter().find(|d| d.column.name == *name).ok_or("no such column")?;
            if def.from_star {
                return Err(format!("`{name}` comes from a `*`; rename it where it is defined"));
            }
            // Outputs of the query the CTE feeds would change name too: keep it local.
            for occ in occurrences(db, &sym) {
                if occ.range == def.range && def.range == def.item {
                    let (at, text) = keep_output_name(db, occ.file, def.item, new);
                    change.edit(occ.file, at, text);
                } else {
                    change.edit(occ.file, occ.range, new);
                }
            }
        }
        Symbol::Cte(f, _) | Symbol::TableAlias(f, _) | Symbol::SelectAlias(f, _) => {
            let a = model_analysis(db, *f);
            let taken = a
                .syntax
                .body
                .queries
                .iter()
                .any(|(_, q)| q.ctes.iter().any(|c| c.name.name == new_name))
                || a.record().refs.iter().any(|r| {
                    matches!(&r.kind, RefKind::Qualifier { .. })
                        && Name::folded(text_of(f.text(db), r.range)) == new_name
                });
            if taken && !matches!(sym, Symbol::SelectAlias(..)) {
                return Err(format!("`{new}` already names a table in this model"));
            }
            for occ in occurrences(db, &sym) {
                change.edit(occ.file, occ.range, new);
            }
        }
    }
    for (_, edits) in &mut change.edits {
        edits.sort_by_key(|e| (e.range.start(), e.range.end()));
    }
    check_pipelines(db, &change)?;
    Ok(change)
}

/// A `.rocky` pipeline reads some names where no IR node stands (a `derive`d name that
/// lowering substituted, `on id` naming two columns with one word) and has its own syntax:
/// refuse a rename that would miss such a name, change a join, or not parse.
fn check_pipelines(db: &dyn Db, change: &SourceChange) -> Result<(), String> {
    use syntax::{NodeOrToken, SyntaxKind};
    for (file, edits) in &change.edits {
        if !crate::navigation::is_pipeline(db, *file) {
            continue;
        }
        let text = file.text(db);
        let path = file.path(db);
        let olds: Vec<String> = edits
            .iter()
            .filter(|e| !e.range.is_empty())
            .filter_map(|e| text.get(usize::from(e.range.start())..usize::from(e.range.end())))
            .map(str::to_ascii_lowercase)
            .collect();
        let root = hir::model::parse_pipeline(db, *file).syntax_node();
        for tok in root.descendants_with_tokens().filter_map(NodeOrToken::into_token) {
            let named = tok
                .parent()
                .is_some_and(|p| matches!(p.kind(), SyntaxKind::NAME_REF | SyntaxKind::NAME));
            if !named || !olds.contains(&tok.text().to_ascii_lowercase()) {
                continue;
            }
            let edited = edits.iter().any(|e| e.range == tok.text_range());
            let qualified = tok.prev_token().is_some_and(|p| p.kind() == syntax::T![.]);
            if !edited && !qualified {
                return Err(format!(
                    "`{}` is also read at byte {} of `{path}`, where the pipeline substitutes or redefines it; rename it there by hand",
                    tok.text(),
                    u32::from(tok.text_range().start())
                ));
            }
            let join_key = tok
                .parent_ancestors()
                .find(|n| n.kind() == SyntaxKind::PATH_EXPR)
                .filter(|e| e.parent().is_some_and(|p| p.kind() == SyntaxKind::JOIN_STEP))
                .is_some_and(|e| {
                    e.descendants().filter(|n| n.kind() == SyntaxKind::NAME_REF).count() == 1
                });
            if edited && join_key {
                return Err(format!(
                    "`on {}` in `{path}` joins two relations with one name; write it as `on a.{0} == b.{0}` first",
                    tok.text()
                ));
            }
        }
        let mut after = String::with_capacity(text.len());
        let mut at = 0usize;
        for e in edits {
            let (lo, hi) = (usize::from(e.range.start()), usize::from(e.range.end()));
            after.push_str(text.get(at..lo).unwrap_or(""));
            after.push_str(&e.insert);
            at = hi.max(at);
        }
        after.push_str(text.get(at..).unwrap_or(""));
        if let Some(err) = syntax::pipeline::parse(&hir::model::sql_text(&after)).errors().first() {
            return Err(format!("the rename would break `{path}`: {}", err.message));
        }
    }
    Ok(())
}

/// A name we can write without quotes where the project's dialect reads names.
fn check_identifier(db: &dyn Db, new: &str) -> Result<(), String> {
    let mut chars = new.chars();
    let ok_start = chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if !ok_start || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(format!(
            "`{new}` is not a plain identifier (letters, digits and `_`, not starting with a digit)"
        ));
    }
    // Keywords the dialect reserves do not parse as names: ask the parser.
    let dialect = hir::project::project_config(db).config.dialect();
    let probe = format!("SELECT {new}.{new} AS {new} FROM {new} AS {new}");
    if !syntax::sql::parse(&probe, dialect).errors().is_empty() {
        return Err(format!("`{new}` is a reserved word; choose another name"));
    }
    Ok(())
}

fn rename_model(
    db: &dyn Db,
    f: FileId,
    new: &str,
    change: &mut SourceChange,
) -> Result<(), String> {
    let pm = project_model(db);
    let m = pm.model(f).ok_or("not a model")?;
    if pm.by_name(new).is_some() {
        return Err(format!("a model named `{new}` already exists"));
    }
    if m.config.name.is_some() {
        return Err(format!(
            "the name of `{}` is set by `name` in its config; change it there",
            m.name
        ));
    }
    let path = f.path(db);
    let Some((dir, file_name)) = path.rsplit_once('/') else {
        return Err("not a model file".into());
    };
    let ext = file_name.rsplit_once('.').map_or("sql", |(_, e)| e);
    let dst = format!("{dir}/{new}.{ext}");
    if project_files(db).iter().any(|p| **p == *dst) {
        return Err(format!("`{dst}` already exists"));
    }
    for c in consumers(db, f) {
        let a = model_analysis(db, c);
        let text = c.text(db);
        for (range, b) in &a.resolved.tables {
            if *b != Binding::Model(f) {
                continue;
            }
            if text_of(text, *range).contains('.') {
                return Err(format!(
                    "`{}` reads it by its target `{}`; renaming the file would not rename the table",
                    pm.model(c).map_or("?", |m| m.name.as_str()),
                    text_of(text, *range)
                ));
            }
            change.edit(c, *range, new);
            // `orders.id` where `orders` is the model's own name.
            for r in &a.record().refs {
                if let RefKind::Qualifier { def, .. } = &r.kind
                    && def == range
                {
                    change.edit(c, r.range, new);
                }
            }
        }
        // `depends_on = ["old"]` in the consumer's config.
        if let Some(cm) = pm.model(c) {
            let config_file = cm.sidecar.unwrap_or(c);
            for d in &cm.config.depends_on {
                if Name::folded(d.as_str()) == Name::folded(&m.name) {
                    let r = d.range;
                    // The range holds the quoted string.
                    let quoted = text_of(config_file.text(db), r).starts_with('"');
                    let (r, text) =
                        if quoted { (r, format!("\"{new}\"")) } else { (r, new.to_string()) };
                    change.edit(config_file, r, text);
                }
            }
        }
    }
    change.file_system.push(FileSystemEdit::Move { src: f, dst });
    if let Some(side) = m.sidecar {
        change
            .file_system
            .push(FileSystemEdit::Move { src: side, dst: format!("{dir}/{new}.toml") });
    }
    if let Some(contract) = m.contract {
        let cpath = contract.path(db);
        let cdir = cpath.rsplit_once('/').map_or("", |(d, _)| d);
        change.file_system.push(FileSystemEdit::Move {
            src: contract,
            dst: format!("{cdir}/{new}.contract.toml"),
        });
    }
    Ok(())
}

fn project_files(db: &dyn Db) -> Vec<std::sync::Arc<str>> {
    hir::Workspace::get(db)
        .files(db)
        .iter()
        .filter(|f| f.status(db) != hir::input::FileStatus::Removed)
        .map(|f| std::sync::Arc::clone(f.path(db)))
        .collect()
}

fn rename_model_column(
    db: &dyn Db,
    f: FileId,
    name: Name,
    new: &str,
    change: &mut SourceChange,
    depth: usize,
    seen: &mut Vec<FileId>,
) -> Result<(), String> {
    if depth > 64 {
        return Err("the column passes through too many models to rename safely".into());
    }
    // Reached again through another `*` path (a diamond): its edits are made.
    if seen.contains(&f) {
        return Ok(());
    }
    seen.push(f);
    let new_name = Name::folded(new);
    let pm = project_model(db);
    let model_name = pm.model(f).map_or("?", |m| m.name.as_str());
    if model_signature(db, f).column(&new_name).is_some() {
        return Err(format!("`{model_name}` already has a column named `{new}`"));
    }
    let a = model_analysis(db, f);
    let root = a.syntax.body.root.ok_or("the model has no query")?;
    let def = a.record().outputs_of(root).iter().find(|d| d.column.name == name).cloned();
    if depth == 0 {
        let def = def.ok_or_else(|| format!("`{model_name}` has no column `{name}`"))?;
        if def.range == def.item {
            // No alias: add one, so the expression keeps reading what it read.
            let (at, text) = keep_output_name(db, f, def.item, new);
            change.edit(f, at, text);
        } else {
            change.edit(f, def.range, new);
        }
    }
    let origin = RelOrigin::Model(f);
    for c in consumers(db, f) {
        let ca = model_analysis(db, c);
        let ctext = c.text(db);
        // Another relation of the consumer with a column named `new` would make an
        // unqualified reference ambiguous or rebind it.
        let clash = ca.resolved.tables.iter().any(|(_, b)| match b {
            Binding::Model(o) if *o != f => model_signature(db, *o).column(&new_name).is_some(),
            _ => false,
        });
        let croot = ca.syntax.body.root;
        let outputs = croot.map(|r| ca.record().outputs_of(r)).unwrap_or_default();
        // Every select item of the consumer (CTEs and subqueries too): a bare reference
        // keeps its output name with an alias.
        let all_outputs: Vec<&hir::resolve::OutputDef> =
            ca.record().outputs.iter().flat_map(|(_, d)| d.iter()).collect();
        let through_inner_star = ca.record().outputs.iter().any(|(q, defs)| {
            Some(*q) != croot
                && defs
                    .iter()
                    .any(|d| d.from_star && d.source.as_ref() == Some(&(origin.clone(), name)))
        });
        if through_inner_star {
            return Err(format!(
                "in `{}`, `{name}` passes through a `*` into a CTE or subquery; list the columns there first",
                pm.model(c).map_or("?", |m| m.name.as_str())
            ));
        }
        for r in &ca.record().refs {
            let RefKind::Column { origin: o, name: n, .. } = &r.kind else { continue };
            if *o != origin || *n != name {
                continue;
            }
            let qualified = r.range.start() > TextSize::from(0)
                && ctext[..usize::from(r.range.start())].ends_with('.');
            if clash && !qualified {
                return Err(format!(
                    "in `{}`, `{new}` would also name a column of another table; qualify `{name}` there first",
                    pm.model(c).map_or("?", |m| m.name.as_str())
                ));
            }
            change.edit(c, r.range, new);
            // A select item that is just this column: its output keeps the old name.
            let passes = all_outputs.iter().find(|d| {
                !d.from_star
                    && d.range == d.item
                    && d.item.contains_range(r.range)
                    && d.source.as_ref() == Some(&(origin.clone(), name))
            });
            if let Some(d) = passes {
                let (at, text) = keep_output_name(db, c, d.item, name.as_str());
                change.edit(c, at, text);
            }
        }
        // Through `*` the consumer's own column is renamed: follow it downstream.
        if outputs.iter().any(|d| d.from_star && d.source.as_ref() == Some(&(origin.clone(), name)))
        {
            rename_model_column(db, c, name, new, change, depth + 1, seen)?;
        }
    }
    Ok(())
}
