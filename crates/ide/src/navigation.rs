//! Where things are defined: models, CTEs, aliases and output columns, followed through
//! `*` and upstream models. Shared by hover, go to definition, references and rename.

use hir::{
    Db, Name,
    body::QueryId,
    model::{ModelAnalysis, model_analysis},
    project::{Model, project_model},
    resolve::{OutputDef, RefKind, RelOrigin},
};
use syntax::{TextRange, TextSize};

use crate::FileId;

/// A place to jump to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavigationTarget {
    pub file: FileId,
    /// The whole definition (a select item, a CTE, a file).
    pub full_range: TextRange,
    /// The name in it.
    pub focus_range: TextRange,
    pub name: String,
}

/// A column of a relation, named from inside `file`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ColumnKey {
    pub file: FileId,
    pub origin: RelOrigin,
    pub name: Name,
}

/// Where a column is defined: the output definition and the file it is in.
pub(crate) struct ColumnDef {
    pub file: FileId,
    pub query: QueryId,
    pub def: OutputDef,
}

/// The analysis of a model file, if it is one.
pub(crate) fn analysis(db: &dyn Db, file: FileId) -> Option<&std::sync::Arc<ModelAnalysis>> {
    project_model(db).model(file)?;
    Some(model_analysis(db, file))
}

pub(crate) fn model_of(db: &dyn Db, file: FileId) -> Option<&Model> {
    project_model(db).model(file)
}

/// Whether `file` is a `.rocky` pipeline.
pub(crate) fn is_pipeline(db: &dyn Db, file: FileId) -> bool {
    file.kind(db) == hir::FileKind::DslModel
}

/// The tree whose offsets are the file's, for features that read tokens: the SQL tree, or
/// a `.rocky` model's pipeline tree.
pub(crate) fn source_tree(db: &dyn Db, file: FileId) -> Option<syntax::SyntaxNode> {
    if is_pipeline(db, file) {
        Some(hir::model::parse_pipeline(db, file).syntax_node())
    } else {
        use syntax::ast::AstNode;
        hir::model::parse(db, file).tree().map(|t| t.syntax().clone())
    }
}

/// What a qualifier (`o` in `o.id`) names.
pub(crate) enum QualifierTarget {
    /// A model read without an alias (`orders.id`).
    Model(FileId),
    /// A CTE read without an alias: the CTE's name is defined here.
    Cte(TextRange),
    /// An alias (or a source table's name), defined at the relation's `def`.
    Relation,
}

/// Classifies the qualifier of a relation named at `def` with columns from `origin`.
pub(crate) fn qualifier_target(
    a: &ModelAnalysis,
    origin: &RelOrigin,
    def: TextRange,
) -> QualifierTarget {
    if let RelOrigin::Model(f) = origin
        && a.resolved.tables.iter().any(|(t, _)| *t == def)
    {
        return QualifierTarget::Model(*f);
    }
    let cte = a.record().refs.iter().find_map(|c| match &c.kind {
        RefKind::Cte { def: cte_def, .. } if c.range == def => Some(*cte_def),
        _ => None,
    });
    cte.map_or(QualifierTarget::Relation, QualifierTarget::Cte)
}

/// The query whose outputs a relation origin lists, and the file it is in.
fn origin_query(db: &dyn Db, file: FileId, origin: &RelOrigin) -> Option<(FileId, QueryId)> {
    match origin {
        RelOrigin::Model(f) => Some((*f, analysis(db, *f)?.syntax.body.root?)),
        RelOrigin::Query(q) => Some((file, *q)),
        RelOrigin::Source(_) | RelOrigin::Other => None,
    }
}

/// The definition of the column `key` names: the select item producing it.
pub(crate) fn column_def(db: &dyn Db, key: &ColumnKey) -> Option<ColumnDef> {
    let (file, query) = origin_query(db, key.file, &key.origin)?;
    let a = analysis(db, file)?;
    let def = a.record().outputs_of(query).iter().find(|d| d.column.name == key.name)?.clone();
    Some(ColumnDef { file, query, def })
}

/// Follows a column through `*` (which defines nothing itself) to the select item that
/// names it, at most 64 relations deep; stops at the last star it can see through.
pub(crate) fn column_def_through_stars(db: &dyn Db, key: &ColumnKey) -> Option<ColumnDef> {
    let mut def = column_def(db, key)?;
    for _ in 0..64 {
        let Some((origin, name)) = def.def.source.clone().filter(|_| def.def.from_star) else {
            break;
        };
        match column_def(db, &ColumnKey { file: def.file, origin, name }) {
            Some(next) => def = next,
            None => break,
        }
    }
    Some(def)
}

pub(crate) fn nav_for_def(db: &dyn Db, def: &ColumnDef) -> NavigationTarget {
    let text = def.file.text(db);
    NavigationTarget {
        file: def.file,
        full_range: def.def.item,
        focus_range: def.def.range,
        name: text_of(text, def.def.range).to_string(),
    }
}

/// A model's whole file as a target.
pub(crate) fn nav_for_model(db: &dyn Db, file: FileId) -> NavigationTarget {
    let len = TextSize::of(&**file.text(db));
    let name = model_of(db, file).map_or_else(|| file.path(db).to_string(), |m| m.name.clone());
    NavigationTarget {
        file,
        full_range: TextRange::up_to(len),
        focus_range: TextRange::empty(0.into()),
        name,
    }
}

pub(crate) fn text_of(text: &str, range: TextRange) -> &str {
    text.get(usize::from(range.start())..usize::from(range.end())).unwrap_or("")
}

/// The `-- ` comment lines right above the line holding `offset` (the doc of a CTE, a
/// column or, at offset 0, the model), joined.
pub(crate) fn doc_comment(text: &str, offset: TextSize) -> Option<String> {
    let at = usize::from(offset).min(text.len());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let mut lines = Vec::new();
    let mut rest = &text[..line_start];
    // Leading comments of the file itself when asked at the top.
    if line_start == 0 {
        for line in text.lines() {
            match line.trim().strip_prefix("--") {
                Some(c) => lines.push(c.trim().to_string()),
                None => break,
            }
        }
        return (!lines.is_empty()).then(|| lines.join("\n"));
    }
    while let Some(stripped) = rest.strip_suffix('\n') {
        let start = stripped.rfind('\n').map_or(0, |i| i + 1);
        let line = stripped[start..].trim();
        match line.strip_prefix("--") {
            Some(c) => lines.push(c.trim().to_string()),
            None => break,
        }
        rest = &stripped[..start];
    }
    lines.reverse();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// The identifier-like token at `offset` (preferring one that ends there), and its range.
pub(crate) fn ident_at(text: &str, offset: TextSize) -> Option<TextRange> {
    let at = usize::from(offset).min(text.len());
    let is_ident = |c: char| c.is_alphanumeric() || c == '_' || c == '"' || c == '`';
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_ident(*c))
        .last()
        .map_or(at, |(i, _)| i);
    let end =
        text[at..].char_indices().find(|(_, c)| !is_ident(*c)).map_or(text.len(), |(i, _)| at + i);
    (start < end).then(|| TextRange::new((start as u32).into(), (end as u32).into()))
}
