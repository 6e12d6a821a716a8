//! Names inside expressions: columns, qualified columns, lambda parameters, select aliases,
//! correlated references to outer queries.

use super::*;
use crate::body::{Expr, ExprId, Window};

/// What an unqualified column name found in one scope.
enum Found {
    One(Column),
    Ambiguous(Vec<Name>),
    /// Not listed, but a relation with unknown columns may have it.
    Maybe,
    No,
}

impl Resolver<'_> {
    pub(super) fn expr(&mut self, id: ExprId) {
        let body = self.body;
        match &body.exprs[id] {
            Expr::Missing | Expr::Literal { .. } | Expr::Star { .. } => {}
            Expr::Column { path, .. } => {
                let mark = self.record.as_ref().map(|r| r.refs.len());
                self.column(path);
                if let Some(mark) = mark {
                    self.record_use(id, mark, path);
                }
            }
            Expr::Binary { op, lhs, rhs, range } => {
                self.expr(*lhs);
                self.expr(*rhs);
                self.check_comparison(*op, *lhs, *rhs, *range);
            }
            Expr::Unary { expr, .. } | Expr::Cast { expr, .. } => self.expr(*expr),
            Expr::Call(call) => {
                for &a in &call.args {
                    if !self.is_date_part_word(a) {
                        self.expr(a);
                    }
                }
                for o in &call.order_by {
                    if let Some(e) = o.expr {
                        self.expr(e);
                    }
                }
                if let Some(f) = call.filter {
                    self.expr(f);
                }
                if let Some(w) = &call.over {
                    self.window(w);
                }
                self.check_call(call);
            }
            Expr::Case(case) => {
                let crate::body::Case { operand, arms, else_, .. } = &**case;
                for &e in
                    operand.iter().chain(arms.iter().flat_map(|(c, r)| [c, r])).chain(else_.iter())
                {
                    self.expr(e);
                }
            }
            Expr::Subquery { query, lhs, .. } => {
                if let Some(lhs) = lhs {
                    self.expr(*lhs);
                }
                // The subquery's own aliases start hidden; it sees our scopes (correlation).
                let visible = self.scopes.last().map(|s| s.aliases_visible);
                self.query(*query);
                if let Some(v) = visible {
                    self.set_aliases_visible(v);
                }
            }
            Expr::Lambda { params, body: lambda_body, .. } => {
                let mark = self.lambda_params.len();
                self.lambda_params.extend(params.iter().map(|p| p.name));
                self.expr(*lambda_body);
                self.lambda_params.truncate(mark);
            }
            // `@var(name)` names a variable and `@macro(..)` takes text: not columns.
            Expr::Placeholder(_) => {}
            Expr::Other { children, .. } => {
                for &c in children {
                    self.expr(c);
                }
            }
        }
    }

    pub(super) fn window(&mut self, w: &Window) {
        for &e in w.partition_by.iter().chain(w.frame.iter()) {
            self.expr(e);
        }
        for o in &w.order_by {
            if let Some(e) = o.expr {
                self.expr(e);
            }
        }
    }

    /// The column a path names, without reporting anything.
    pub(super) fn lookup_quiet(&self, path: &[NameSpan]) -> Option<Column> {
        match path {
            [name] => {
                for scope in self.scopes.iter().rev() {
                    match find_unqualified(scope, &name.name) {
                        Found::One(c) => return Some(c),
                        Found::No => continue,
                        _ => return None,
                    }
                }
                None
            }
            [.., col] => {
                let rel = self.find_rel(&path[..path.len() - 1])?;
                rel.sig.column(&col.name).cloned()
            }
            [] => None,
        }
    }

    /// The relation a qualifier names, innermost scope first.
    pub(super) fn find_rel(&self, qualifier: &[NameSpan]) -> Option<Rel> {
        for scope in self.scopes.iter().rev() {
            if let Some(rel) = scope.rels.iter().find(|r| r.named_by(qualifier)) {
                return Some(rel.clone());
            }
        }
        None
    }

    pub(super) fn qualifier_help(&self, wrong: &Name) -> Option<String> {
        let cands: Vec<String> = self
            .scopes
            .iter()
            .flat_map(|s| s.rels.iter().filter_map(|r| r.qualifier.as_ref().map(|q| q.to_string())))
            .collect();
        did_you_mean(wrong.as_str(), cands.iter().map(String::as_str))
    }

    fn column(&mut self, path: &[NameSpan]) {
        match path {
            [] => {}
            [name] => self.unqualified(name),
            [first, rest @ ..] => {
                // Longest qualifier first: `s.t.c` may be schema s, table t; else `t.c.f` a
                // struct field of column c.
                for split in (1..path.len()).rev() {
                    if let Some(rel) = self.find_rel(&path[..split]) {
                        let col = &path[split];
                        if self.recording() {
                            let q =
                                TextRange::new(path[0].range.start(), path[split - 1].range.end());
                            let kind =
                                RefKind::Qualifier { origin: rel.origin.clone(), def: rel.def };
                            self.record_ref(q, kind);
                            self.record_column(col, &rel);
                        }
                        if rel.sig.column(&col.name).is_none() && !rel.sig.open {
                            let help = did_you_mean(
                                col.name.as_str(),
                                rel.sig.columns.iter().map(|c| c.name.as_str()),
                            );
                            let q = path[split - 1].name;
                            self.error(
                                Code::E120,
                                col.range,
                                format!("unknown column `{}` in `{q}`", self.written(col)),
                                help,
                            );
                        }
                        return;
                    }
                }
                // `s.field`: a struct column of a relation in scope.
                if self.lambda_params.contains(&first.name)
                    || self.lookup_quiet(std::slice::from_ref(first)).is_some()
                {
                    return;
                }
                if self.anything_open(&first.name) {
                    return;
                }
                let _ = rest;
                let help = self.qualifier_help(&first.name);
                self.error(
                    Code::E122,
                    first.range,
                    format!("unknown table or alias `{}`", self.written(first)),
                    help,
                );
            }
        }
    }

    /// A relation's own name used as a value (`SELECT t FROM t`: the row as a struct), or
    /// DuckDB's `rowid` pseudo-column.
    fn is_row_reference(&self, name: &Name) -> bool {
        let in_scope = self.scopes.iter().any(|s| !s.rels.is_empty());
        (name.as_str() == "rowid" && in_scope && self.dialect == Dialect::DuckDb)
            || self.scopes.iter().any(|s| s.rels.iter().any(|r| r.qualifier.as_ref() == Some(name)))
    }

    /// True when an unknown qualifier might still be a struct column of an open relation.
    pub(super) fn anything_open(&self, name: &Name) -> bool {
        self.scopes.iter().rev().any(|s| {
            matches!(find_unqualified(s, name), Found::Maybe | Found::Ambiguous(_))
                || s.aliases_visible && s.has_alias(name)
        })
    }

    fn unqualified(&mut self, name: &NameSpan) {
        if self.lambda_params.contains(&name.name) {
            return;
        }
        // `SELECT current_date`: a function written without parentheses, unless a column
        // of that name exists (a column wins in every dialect).
        let niladic = NILADIC.contains(&name.name.as_str());
        for (depth, scope) in self.scopes.iter().rev().enumerate() {
            if depth == 0 && scope.aliases_first && scope.has_alias(&name.name) {
                self.record_alias(name);
                return;
            }
            match find_unqualified(scope, &name.name) {
                Found::One(_) | Found::Maybe => {
                    self.record_unqualified(name, depth);
                    return;
                }
                Found::Ambiguous(quals) => {
                    let quals: Vec<String> =
                        quals.iter().map(|q| format!("`{q}.{}`", name.name)).collect();
                    let message = format!("column `{}` is ambiguous", self.written(name));
                    let help = format!("qualify it: {}", quals.join(" or "));
                    self.error(Code::E121, name.range, message, Some(help));
                    return;
                }
                Found::No => {
                    // Select-list aliases, where the clause may see them (innermost only).
                    if depth == 0 && scope.aliases_visible && scope.has_alias(&name.name) {
                        self.record_alias(name);
                        return;
                    }
                }
            }
        }
        if niladic || self.is_row_reference(&name.name) {
            return;
        }
        let Some(scope) = self.scopes.last() else {
            self.error(
                Code::E120,
                name.range,
                format!("unknown column `{}`", self.written(name)),
                None,
            );
            return;
        };
        let mut cands: Vec<&str> =
            scope.rels.iter().flat_map(|r| r.sig.columns.iter().map(|c| c.name.as_str())).collect();
        if scope.aliases_visible {
            cands.extend(scope.alias_columns.iter().map(|c| c.name.as_str()));
        }
        let help = did_you_mean(name.name.as_str(), cands);
        self.error(
            Code::E120,
            name.range,
            format!("unknown column `{}`", self.written(name)),
            help,
        );
    }
}

impl Resolver<'_> {
    /// `dateadd(day, 7, d)`, `datediff(month, a, b)`: Snowflake, Databricks and BigQuery
    /// name date parts with bare words, which are not columns (unless a column has the
    /// name). DuckDB takes them as strings, so there a bare word is a column.
    fn is_date_part_word(&self, arg: ExprId) -> bool {
        let Expr::Column { path, .. } = &self.body.exprs[arg] else { return false };
        let [name] = &path[..] else { return false };
        !matches!(self.dialect, Dialect::DuckDb | Dialect::Ansi)
            && DATE_PARTS.contains(&name.name.as_str())
            && self.lookup_quiet(path).is_none()
    }
}

/// Date and time parts as the warehouses spell them (and their common abbreviations).
const DATE_PARTS: &[&str] = &[
    "year",
    "years",
    "yy",
    "yyyy",
    "quarter",
    "quarters",
    "qtr",
    "month",
    "months",
    "mm",
    "mon",
    "week",
    "weeks",
    "wk",
    "isoweek",
    "weekiso",
    "day",
    "days",
    "dd",
    "dayofweek",
    "dow",
    "dayofweekiso",
    "dayofyear",
    "doy",
    "hour",
    "hours",
    "hh",
    "minute",
    "minutes",
    "mi",
    "second",
    "seconds",
    "ss",
    "millisecond",
    "milliseconds",
    "ms",
    "microsecond",
    "microseconds",
    "us",
    "nanosecond",
    "nanoseconds",
    "ns",
    "epoch_second",
    "date",
    "time",
];

/// Functions SQL lets you call without parentheses.
pub(super) const NILADIC: &[&str] = &[
    "current_date",
    "current_time",
    "current_timestamp",
    "localtime",
    "localtimestamp",
    "current_user",
    "session_user",
    "current_role",
    "current_catalog",
    "current_schema",
    "current_database",
    "user",
];

fn find_unqualified(scope: &Scope, name: &Name) -> Found {
    // Nearly every lookup finds one column or none: no list is built for those.
    let mut first: Option<&Column> = None;
    let mut hits = 0;
    let mut maybe = false;
    for rel in &scope.rels {
        match rel.sig.column(name) {
            Some(c) => {
                hits += 1;
                first = first.or(Some(c));
            }
            None => maybe |= rel.sig.open,
        }
    }
    match (hits, first) {
        (0, _) if maybe => Found::Maybe,
        (_, None) => Found::No,
        (1, Some(c)) => Found::One(c.clone()),
        (_, Some(c)) if scope.merged.contains(name) => Found::One(c.clone()),
        _ => Found::Ambiguous(
            scope
                .rels
                .iter()
                .filter(|rel| rel.sig.column(name).is_some())
                .filter_map(|rel| rel.qualifier)
                .collect(),
        ),
    }
}
