//! FROM items: the relations a SELECT's scope sees.

use std::sync::Arc;

use super::*;
use crate::body::{Expr, ExprId, FromId, FromItem, JoinKind, TableAlias};

impl Resolver<'_> {
    /// Resolves one FROM item and adds its relations to the innermost scope. Items see the
    /// relations before them (DuckDB's implicit LATERAL).
    pub(super) fn add_from_item(&mut self, id: FromId) {
        let rels = self.relations_of(id);
        for rel in rels {
            self.add_rel(rel);
        }
    }

    fn add_rel(&mut self, (rel, range): (Rel, TextRange)) {
        let Some(scope) = self.scopes.last_mut() else { return };
        if let Some(q) = &rel.qualifier
            && scope.rels.iter().any(|r| r.qualifier.as_ref() == Some(q))
        {
            let message =
                format!("the table name or alias `{q}` is used twice in this FROM clause");
            self.error(
                Code::E124,
                range,
                message,
                Some("give one of them another alias".to_string()),
            );
            // Keep the first binding visible; the second stays reachable only by `*`.
            let mut rel = rel;
            rel.qualifier = None;
            if let Some(scope) = self.scopes.last_mut() {
                scope.rels.push(rel);
            }
            return;
        }
        if let Some(scope) = self.scopes.last_mut() {
            scope.rels.push(rel);
        }
    }

    fn relations_of(&mut self, id: FromId) -> Vec<(Rel, TextRange)> {
        let body = self.body;
        match &body.froms[id] {
            FromItem::Table { path, alias, range } => {
                let (sig, origin) = self.table(path);
                let name_range = path.first().map_or(*range, |f| {
                    TextRange::new(
                        f.range.start(),
                        path.last().map_or(f.range.end(), |l| l.range.end()),
                    )
                });
                let names: Vec<Name> = path.iter().map(|p| p.name).collect();
                let unknown_schema = sig.open;
                let (mut rel, range) = self.aliased(sig, alias.as_ref(), names, name_range);
                rel.unknown_schema = unknown_schema;
                rel.origin = origin;
                vec![(rel, range)]
            }
            FromItem::External { alias, range } => {
                vec![self.aliased(
                    Arc::new(Signature::unknown()),
                    alias.as_ref(),
                    Vec::new(),
                    *range,
                )]
            }
            FromItem::Derived { query, alias, range } => {
                let sig = self.query(*query);
                let (mut rel, range) = self.aliased(sig, alias.as_ref(), Vec::new(), *range);
                rel.origin = RelOrigin::Query(*query);
                vec![(rel, range)]
            }
            FromItem::Values { rows, alias, range } => {
                let sig = self.query_body(&QueryBody::Values(rows.clone()));
                vec![self.aliased(Arc::new(sig), alias.as_ref(), Vec::new(), *range)]
            }
            FromItem::Function { name, args, alias, range } => {
                for &a in args {
                    // `read_csv('f.csv', header = true)`: DuckDB's `name = value` named
                    // parameter; the name is not a column.
                    match named_parameter(self.body, a) {
                        Some(value) => self.expr(value),
                        None => self.expr(a),
                    }
                }
                // A table function's columns depend on its arguments (files, ranges): unknown
                // unless the alias names them.
                let sig = match alias {
                    Some(a) if !a.columns.is_empty() => Signature {
                        columns: a
                            .columns
                            .iter()
                            .map(|c| Column { name: c.name, ty: Ty::Unknown, nullable: true })
                            .collect(),
                        open: false,
                    },
                    _ => Signature::unknown(),
                };
                let qualifier_path = vec![name.name];
                vec![self.aliased(Arc::new(sig), alias.as_ref(), qualifier_path, *range)]
            }
            FromItem::Paren { inner, alias, range } => {
                let rels = self.relations_of(*inner);
                match alias {
                    None => rels,
                    Some(a) => {
                        let mut sig = Signature::default();
                        for (rel, _) in &rels {
                            sig.open |= rel.sig.open;
                            sig.columns.extend(rel.sig.columns.iter().cloned());
                        }
                        vec![self.aliased(Arc::new(sig), Some(a), Vec::new(), *range)]
                    }
                }
            }
            FromItem::Pivoted { inner, exprs, alias, range } => {
                // The pivot's expressions name the inner item's columns.
                self.scopes.push(Scope::default());
                self.add_from_item(*inner);
                for &e in exprs {
                    self.expr(e);
                }
                self.scopes.pop();
                vec![self.aliased(
                    Arc::new(Signature::unknown()),
                    alias.as_ref(),
                    Vec::new(),
                    *range,
                )]
            }
            FromItem::Join(join) => {
                let mut lhs = self.relations_of(join.lhs);
                // The right side sees the left one (LATERAL joins, `unnest(l.xs)`).
                let mark = self.scopes.last().map_or(0, |s| s.rels.len());
                for rel in lhs.iter().cloned() {
                    if let Some(scope) = self.scopes.last_mut() {
                        scope.rels.push(rel.0);
                    }
                }
                let mut rhs = self.relations_of(join.rhs);
                if let Some(scope) = self.scopes.last_mut() {
                    scope.rels.truncate(mark);
                }
                let mut merged: Vec<Name> = Vec::new();
                for col in &join.using {
                    for (side, rels) in [("left", &lhs), ("right", &rhs)] {
                        let known = rels.iter().all(|(r, _)| !r.sig.open);
                        let has = rels.iter().any(|(r, _)| r.sig.column(&col.name).is_some());
                        if known && !has {
                            let cands: Vec<&str> = rels
                                .iter()
                                .flat_map(|(r, _)| r.sig.columns.iter().map(|c| c.name.as_str()))
                                .collect();
                            let help = did_you_mean(col.name.as_str(), cands);
                            self.error(
                                Code::E120,
                                col.range,
                                format!(
                                    "unknown column `{}` on the {side} side of USING",
                                    col.name
                                ),
                                help,
                            );
                        }
                    }
                    let side_type = |rels: &[(Rel, TextRange)]| {
                        rels.iter().find_map(|(r, _)| r.sig.column(&col.name).map(|c| c.ty.clone()))
                    };
                    if let (Some(l), Some(r)) = (side_type(&lhs), side_type(&rhs)) {
                        self.check_using_types(col, &l, &r);
                    }
                    merged.push(col.name);
                }
                if join.natural {
                    for (l, _) in &lhs {
                        for c in &l.sig.columns {
                            if rhs.iter().any(|(r, _)| r.sig.column(&c.name).is_some()) {
                                merged.push(c.name);
                            }
                        }
                    }
                }
                match join.kind {
                    JoinKind::Left => make_nullable(&mut rhs),
                    JoinKind::Right => make_nullable(&mut lhs),
                    JoinKind::Full => {
                        make_nullable(&mut lhs);
                        make_nullable(&mut rhs);
                    }
                    _ => {}
                }
                if let Some(on) = join.on {
                    self.scopes.push(Scope::default());
                    for (rel, _) in lhs.iter().chain(rhs.iter()) {
                        if let Some(scope) = self.scopes.last_mut() {
                            scope.rels.push(rel.clone());
                        }
                    }
                    // ON sees both sides and, for correlation, everything outside.
                    let saved = self.clause.replace(typecheck::Clause::JoinOn);
                    self.expr(on);
                    self.clause = saved;
                    self.scopes.pop();
                }
                if self.recording() {
                    // On each side, the relations listing the column, else those that may.
                    let mut keys = Vec::new();
                    for name in &merged {
                        for side in [&lhs, &rhs] {
                            let listing = |(r, _): &&(Rel, TextRange)| r.sig.column(name).is_some();
                            let open = |(r, _): &&(Rel, TextRange)| r.sig.open;
                            let rels: Vec<&(Rel, TextRange)> = if side.iter().any(|r| listing(&r)) {
                                side.iter().filter(listing).collect()
                            } else {
                                side.iter().filter(open).collect()
                            };
                            keys.extend(rels.into_iter().map(|(r, _)| (r.origin.clone(), *name)));
                        }
                    }
                    self.record_join_keys(keys);
                }
                if let Some(scope) = self.scopes.last_mut() {
                    scope.merged.extend(merged);
                }
                if join.kind == JoinKind::Semi {
                    return lhs;
                }
                lhs.extend(rhs);
                lhs
            }
            FromItem::Missing => Vec::new(),
        }
    }

    fn aliased(
        &mut self,
        sig: Arc<Signature>,
        alias: Option<&TableAlias>,
        path: Vec<Name>,
        range: TextRange,
    ) -> (Rel, TextRange) {
        let (mut rel, range) = match alias {
            Some(a) => {
                let sig = if a.columns.is_empty() {
                    sig
                } else {
                    Arc::new(self.apply_column_aliases(&sig, &a.columns, true))
                };
                (Rel::new(Some(a.name.name), Vec::new(), sig), a.name.range)
            }
            None => (Rel::new(path.last().cloned(), path, sig), range),
        };
        rel.def = range;
        (rel, range)
    }

    /// A table name in FROM: a CTE in scope, else whatever the project says it is.
    fn table(&mut self, path: &[NameSpan]) -> (Arc<Signature>, RelOrigin) {
        if let [single] = path
            && let Some(idx) = self.ctes.iter().rposition(|c| c.name == single.name)
        {
            let query = self.ctes[idx].query;
            if self.recording() {
                let def = self.ctes[idx].def;
                self.record_ref(single.range, RefKind::Cte { query, def });
            }
            return (self.cte_signature(idx), RelOrigin::Query(query));
        }
        match self.env.table(path) {
            TableLookup::Found(binding, sig) => {
                let range = match (path.first(), path.last()) {
                    (Some(f), Some(l)) => TextRange::new(f.range.start(), l.range.end()),
                    _ => TextRange::default(),
                };
                let origin = RelOrigin::from(&binding);
                self.out.tables.push((range, binding));
                (sig, origin)
            }
            // A warehouse table nothing describes: its columns are unknown, its name is not
            // (lineage and hover name it as written).
            TableLookup::External => {
                let name: Vec<&str> = path.iter().map(|p| p.name.as_str()).collect();
                (Arc::new(Signature::unknown()), RelOrigin::Source(name.join(".").into()))
            }
            TableLookup::Unknown { help } => {
                let text: Vec<&str> = path.iter().map(|p| p.name.as_str()).collect();
                let range = match (path.first(), path.last()) {
                    (Some(f), Some(l)) => TextRange::new(f.range.start(), l.range.end()),
                    _ => TextRange::default(),
                };
                let what = if path.len() == 1 { "model" } else { "model or source table" };
                self.error(Code::E123, range, format!("unknown {what} `{}`", text.join(".")), help);
                (Arc::new(Signature::unknown()), RelOrigin::Other)
            }
        }
    }
}

fn make_nullable(rels: &mut [(Rel, TextRange)]) {
    for (rel, _) in rels {
        if rel.sig.columns.iter().any(|c| !c.nullable) {
            let mut sig = (*rel.sig).clone();
            for c in &mut sig.columns {
                c.nullable = true;
            }
            rel.sig = Arc::new(sig);
        }
    }
}

/// The value of `name = value` when `id` is that shape (a table function's named parameter).
fn named_parameter(body: &Body, id: ExprId) -> Option<ExprId> {
    match &body.exprs[id] {
        Expr::Binary { op: syntax::SyntaxKind::EQ, lhs, rhs, .. } => match &body.exprs[*lhs] {
            Expr::Column { path, .. } if path.len() == 1 => Some(*rhs),
            _ => None,
        },
        _ => None,
    }
}
