//! What every name in a model means and where each output column is defined, recorded for
//! the editor (hover, go to definition, references, rename) and lineage. Only recorded when
//! asked ([`crate::model::model_analysis`]): the batch path keeps none of it.

use std::sync::Arc;

use syntax::TextRange;

use super::*;
use crate::body::{ExprId, QueryId};

/// Where a relation's columns come from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RelOrigin {
    /// A model of the project.
    Model(SourceFile),
    /// A source table (`schema.table` as the catalog knows it).
    Source(Arc<str>),
    /// A CTE or derived table of the same body.
    Query(QueryId),
    /// A table function, file, `VALUES`, pivot or external table.
    Other,
}

impl From<&Binding> for RelOrigin {
    fn from(b: &Binding) -> RelOrigin {
        match b {
            Binding::Model(f) => RelOrigin::Model(*f),
            Binding::Source(s) => RelOrigin::Source(Arc::clone(s)),
        }
    }
}

/// One name in the text and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRef {
    pub range: TextRange,
    pub kind: RefKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefKind {
    /// A column of a relation in scope. `column` is None when the relation's columns are
    /// unknown (it may have it).
    Column { origin: RelOrigin, name: Name, column: Option<Column> },
    /// A select-list alias used in a later clause (or laterally): defined at `def`.
    Alias { def: TextRange, column: Column },
    /// A table qualifier (`o` in `o.id`) or a `t.*`: the relation defined at `def`.
    Qualifier { origin: RelOrigin, def: TextRange },
    /// A CTE named in FROM: its name is defined at `def`.
    Cte { query: QueryId, def: TextRange },
}

/// One output column of a query: its name, where the select list defines it and, when it
/// passes a relation's column through unchanged (`*`, `t.c`), which one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputDef {
    pub column: Column,
    /// The alias when there is one, else the select item (or the `*`).
    pub range: TextRange,
    /// The whole select item.
    pub item: TextRange,
    pub from_star: bool,
    /// The relation column it passes through, if it is a bare column reference or a star.
    pub source: Option<(RelOrigin, Name)>,
    /// A `*` column merged by `USING`/`NATURAL`: the other relations it also comes from.
    pub merged: Vec<RelOrigin>,
    /// The select item's expression (a `REPLACE` one for a replaced star column).
    pub expr: Option<ExprId>,
}

/// The relations a SELECT sees, for completion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeRecord {
    /// The query holding the SELECT.
    pub range: TextRange,
    pub rels: Vec<ScopeRel>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeRel {
    /// The alias or table name it is qualified by.
    pub qualifier: Option<Name>,
    pub signature: Arc<Signature>,
}

/// The recording of one body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Every SELECT's scope, outermost first.
    pub scopes: Vec<ScopeRecord>,
    /// Sorted by range start.
    pub refs: Vec<NameRef>,
    /// Each query's output columns, by query.
    pub outputs: Vec<(QueryId, Vec<OutputDef>)>,
    /// What each column expression reads, for lineage: the [`RefKind::Column`] or
    /// [`RefKind::Alias`] it resolved to and, for a column merged by `USING`/`NATURAL`,
    /// the same column of every other side.
    pub uses: FxHashMap<ExprId, Vec<RefKind>>,
    /// The columns `USING`/`NATURAL` joins match on, on each side.
    pub join_keys: Vec<(RelOrigin, Name)>,
}

impl Record {
    pub fn outputs_of(&self, query: QueryId) -> &[OutputDef] {
        self.outputs.iter().find(|(q, _)| *q == query).map_or(&[], |(_, o)| o)
    }

    /// The innermost name whose range holds `offset` (touching at either end).
    pub fn ref_at(&self, offset: syntax::TextSize) -> Option<&NameRef> {
        self.refs
            .iter()
            // An empty range stands for generated text (a `.rocky` pipeline's CTEs): no name
            // is written there to hover or rename.
            .filter(|r| !r.range.is_empty() && r.range.start() <= offset && offset <= r.range.end())
            .min_by_key(|r| r.range.len())
    }
}

impl Resolver<'_> {
    pub(super) fn recording(&self) -> bool {
        self.record.is_some()
    }

    pub(super) fn record_ref(&mut self, range: TextRange, kind: RefKind) {
        if let Some(rec) = &mut self.record {
            rec.refs.push(NameRef { range, kind });
        }
    }

    pub(super) fn outputs_of(&self, query: QueryId) -> Vec<OutputDef> {
        self.record.as_ref().map(|r| r.outputs_of(query).to_vec()).unwrap_or_default()
    }

    pub(super) fn record_outputs(&mut self, query: QueryId, outputs: Vec<OutputDef>) {
        if let Some(rec) = &mut self.record {
            rec.outputs.push((query, outputs));
        }
    }

    /// Records the relations of the SELECT being resolved.
    pub(super) fn record_scope(&mut self, range: TextRange) {
        let Some(rec) = &mut self.record else { return };
        let Some(scope) = self.scopes.last() else { return };
        let rels = scope
            .rels
            .iter()
            .map(|r| ScopeRel { qualifier: r.qualifier, signature: Arc::clone(&r.sig) })
            .collect();
        rec.scopes.push(ScopeRecord { range, rels });
    }

    /// Records a column found in `rel`.
    pub(super) fn record_column(&mut self, name: &NameSpan, rel: &Rel) {
        if !self.recording() {
            return;
        }
        let column = rel.sig.column(&name.name).cloned();
        let kind = RefKind::Column { origin: rel.origin.clone(), name: name.name, column };
        self.record_ref(name.range, kind);
    }

    /// Records an unqualified column found in the scope `depth` levels out (the first
    /// relation listing it, else the first whose columns are unknown).
    pub(super) fn record_unqualified(&mut self, name: &NameSpan, depth: usize) {
        if !self.recording() {
            return;
        }
        let Some(scope) = self.scopes.iter().rev().nth(depth) else { return };
        let rel = scope
            .rels
            .iter()
            .find(|r| r.sig.column(&name.name).is_some())
            .or_else(|| scope.rels.iter().find(|r| r.sig.open))
            .cloned();
        if let Some(rel) = rel {
            self.record_column(name, &rel);
        }
    }

    /// Records what the column expression `id` read: the references recorded since `mark`
    /// (its qualifier, its column or alias) and the other sides of a merged column.
    pub(super) fn record_use(&mut self, id: ExprId, mark: usize, path: &[NameSpan]) {
        let Some(rec) = &self.record else { return };
        let mut kinds: Vec<RefKind> = rec.refs[mark.min(rec.refs.len())..]
            .iter()
            .filter(|r| matches!(r.kind, RefKind::Column { .. } | RefKind::Alias { .. }))
            .map(|r| r.kind.clone())
            .collect();
        if let ([name], [RefKind::Column { origin, .. }]) = (path, kinds.as_slice()) {
            let origin = origin.clone();
            let scope =
                self.scopes.iter().rev().find(|s| s.rels.iter().any(|r| r.origin == origin));
            if let Some(scope) = scope.filter(|s| s.merged.contains(&name.name)) {
                for rel in &scope.rels {
                    if rel.origin != origin && rel.sig.column(&name.name).is_some() {
                        let column = rel.sig.column(&name.name).cloned();
                        kinds.push(RefKind::Column {
                            origin: rel.origin.clone(),
                            name: name.name,
                            column,
                        });
                    }
                }
            }
        }
        if let Some(rec) = &mut self.record {
            rec.uses.insert(id, kinds);
        }
    }

    /// Records the columns a `USING`/`NATURAL` join matches on.
    pub(super) fn record_join_keys(&mut self, keys: Vec<(RelOrigin, Name)>) {
        if let Some(rec) = &mut self.record {
            rec.join_keys.extend(keys);
        }
    }

    /// Records a select-list alias used after its definition.
    pub(super) fn record_alias(&mut self, name: &NameSpan) {
        if !self.recording() {
            return;
        }
        let Some(scope) = self.scopes.last() else { return };
        let Some(i) = scope.alias_columns.iter().rposition(|a| a.name == name.name) else { return };
        let (Some(&def), Some(column)) = (scope.alias_defs.get(i), scope.alias_columns.get(i))
        else {
            return;
        };
        let kind = RefKind::Alias { def, column: column.clone() };
        self.record_ref(name.range, kind);
    }

    /// The output definitions of a SELECT's list, once its columns are known; `counts` is
    /// how many columns each item produced (the implicit `*` of `FROM t` first, if any).
    /// Called while the SELECT's scope is still open.
    pub(super) fn select_outputs(
        &self,
        sel: &Select,
        columns: &[Column],
        counts: &[usize],
    ) -> Vec<OutputDef> {
        let mut out = Vec::new();
        let mut cols = columns.iter();
        let mut counts = counts.iter().copied();
        if sel.implicit_star {
            let n = counts.next().unwrap_or(0);
            let range =
                sel.from.first().map_or_else(TextRange::default, |&f| self.body.froms[f].range());
            for col in cols.by_ref().take(n) {
                out.push(self.star_def(None, &[], col, range));
            }
        }
        for item in &sel.items {
            let n = counts.next().unwrap_or(0);
            match item {
                SelectItem::Expr { expr, alias, range } => {
                    let Some(col) = cols.next() else { break };
                    let source = match &self.body.exprs[*expr] {
                        crate::body::Expr::Column { path, .. } if !path.is_empty() => {
                            self.lookup_origin(path).map(|o| (o, path[path.len() - 1].name))
                        }
                        _ => None,
                    };
                    out.push(OutputDef {
                        column: col.clone(),
                        range: alias.as_ref().map_or(*range, |a| a.range),
                        item: *range,
                        from_star: false,
                        source,
                        merged: Vec::new(),
                        expr: Some(*expr),
                    });
                }
                SelectItem::Star(star) => {
                    for col in cols.by_ref().take(n) {
                        let replaced = star.replace.iter().find(|(_, r)| r.name == col.name);
                        let mut def =
                            self.star_def(star.qualifier.as_deref(), &star.rename, col, star.range);
                        if let Some(&(expr, _)) = replaced {
                            def.source = None;
                            def.merged.clear();
                            def.expr = Some(expr);
                        }
                        out.push(def);
                    }
                }
            }
        }
        out
    }

    /// A column a star expands to: the relation it comes from, by its name before any
    /// `RENAME`.
    fn star_def(
        &self,
        qualifier: Option<&[NameSpan]>,
        rename: &[(NameSpan, NameSpan)],
        col: &Column,
        range: TextRange,
    ) -> OutputDef {
        let original = rename
            .iter()
            .find(|(_, to)| to.name == col.name)
            .map_or(col.name, |(from, _)| from.name);
        let origin = match qualifier {
            Some(q) => self.find_rel(q).map(|r| r.origin),
            None => self.scopes.last().and_then(|s| {
                s.rels.iter().find(|r| r.sig.column(&original).is_some()).map(|r| r.origin.clone())
            }),
        };
        let merged = match (qualifier, self.scopes.last()) {
            (None, Some(s)) if s.merged.contains(&original) => s
                .rels
                .iter()
                .filter(|r| Some(&r.origin) != origin.as_ref())
                .filter(|r| r.sig.column(&original).is_some())
                .map(|r| r.origin.clone())
                .collect(),
            _ => Vec::new(),
        };
        OutputDef {
            column: col.clone(),
            range,
            item: range,
            from_star: true,
            source: origin.map(|o| (o, original)),
            merged,
            expr: None,
        }
    }

    /// The relation a column path names (innermost scope first), without reporting.
    pub(super) fn lookup_origin(&self, path: &[NameSpan]) -> Option<RelOrigin> {
        match path {
            [name] => self.scopes.iter().rev().find_map(|s| {
                s.rels.iter().find(|r| r.sig.column(&name.name).is_some()).map(|r| r.origin.clone())
            }),
            [.., _] => self.find_rel(&path[..path.len() - 1]).map(|r| r.origin),
            [] => None,
        }
    }
}
