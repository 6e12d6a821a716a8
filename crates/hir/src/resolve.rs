//! Name resolution over the query IR: which table, CTE or column every name means, the
//! output columns of the query, and E120–E126 where a name means nothing.

mod expr;
mod from;
mod grouping;
mod infer;
pub mod record;
mod refs;
#[cfg(test)]
mod tests;
mod typecheck;

use std::sync::Arc;

use rustc_hash::FxHashMap;
use syntax::{Dialect, TextRange};

pub use self::record::{NameRef, OutputDef, Record, RefKind, RelOrigin, ScopeRecord, ScopeRel};
pub use self::refs::{TableRef, table_refs};
use crate::{
    body::{
        Body, GroupBy, NameSpan, OrderItem, Query, QueryBody, QueryId, Select, SelectItem, SetOp,
    },
    diagnostics::{Code, Diagnostic, did_you_mean},
    input::SourceFile,
    name::Name,
    signature::{Column, Signature},
    ty::Ty,
};

/// What a table name in FROM means, answered by the project (models, source schemas).
pub trait TableEnv {
    fn table(&self, path: &[NameSpan]) -> TableLookup;
}

pub enum TableLookup {
    Found(Binding, Arc<Signature>),
    /// A name that may be a warehouse table we know nothing of: columns unknown, no error.
    External,
    /// A name that cannot be a table: E123 with an optional did-you-mean.
    Unknown {
        help: Option<String>,
    },
}

/// What a FROM table reference was bound to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Binding {
    Model(SourceFile),
    /// A source table, `schema.table` or `catalog.schema.table` as known to the catalog.
    Source(Arc<str>),
}

/// The result of resolving one body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolved {
    pub signature: Arc<Signature>,
    /// Every FROM table reference bound to a model or source, with the range of its name.
    pub tables: Vec<(TextRange, Binding)>,
    /// Diagnostics without a file (the caller knows it).
    pub diagnostics: Vec<Diagnostic>,
    /// The model's syntax errors (set by `resolve_model`, which parses when it resolves
    /// in one pass).
    pub syntax_errors: Vec<syntax::SyntaxError>,
    /// The model's FROM table references not bound by a CTE (set by `resolve_model`).
    pub table_refs: Arc<[TableRef]>,
}

/// Where select-list aliases are visible besides ORDER BY (which every dialect allows).
#[derive(Clone, Copy)]
struct AliasRules {
    where_: bool,
    group_by: bool,
    having: bool,
    qualify: bool,
    /// `SELECT a + 1 AS b, b * 2`.
    select_list: bool,
}

fn alias_rules(dialect: Dialect) -> AliasRules {
    match dialect {
        Dialect::BigQuery => AliasRules {
            where_: false,
            group_by: true,
            having: true,
            qualify: true,
            select_list: false,
        },
        Dialect::Databricks => AliasRules {
            where_: false,
            group_by: true,
            having: true,
            qualify: true,
            select_list: true,
        },
        _ => AliasRules {
            where_: true,
            group_by: true,
            having: true,
            qualify: true,
            select_list: true,
        },
    }
}

/// Resolves `body` (whose source text is `text`) against `env`.
pub fn resolve_body(body: &Body, text: &str, env: &dyn TableEnv, dialect: Dialect) -> Resolved {
    resolve(body, text, env, dialect, false).0
}

/// [`resolve_body`], recording what every name means.
pub fn resolve_body_recorded(
    body: &Body,
    text: &str,
    env: &dyn TableEnv,
    dialect: Dialect,
) -> (Resolved, Record) {
    let (resolved, record) = resolve(body, text, env, dialect, true);
    (resolved, record.unwrap_or_default())
}

fn resolve(
    body: &Body,
    text: &str,
    env: &dyn TableEnv,
    dialect: Dialect,
    record: bool,
) -> (Resolved, Option<Record>) {
    let mut r = Resolver {
        body,
        text,
        env,
        rules: alias_rules(dialect),
        dialect,
        clause: None,
        at_root: false,
        scopes: Vec::new(),
        ctes: Vec::new(),
        lambda_params: Vec::new(),
        memo: FxHashMap::default(),
        out: Resolved::default(),
        record: record.then(Box::<Record>::default),
    };
    if let Some(root) = body.root {
        r.out.signature = r.query(root);
        let sig = Arc::clone(&r.out.signature);
        let range = r.first_unknown_item(root, &sig);
        r.report_unknown_columns(&sig, range);
    } else {
        r.out.signature = Arc::new(Signature::unknown());
    }
    let record = r.record.take().map(|mut rec| {
        rec.refs.sort_by_key(|n| (n.range.start(), n.range.end()));
        rec.refs.dedup();
        *rec
    });
    (r.out, record)
}

/// One relation visible in a SELECT's scope.
#[derive(Debug, Clone)]
struct Rel {
    /// The qualifier: the alias, or the table's last name part.
    qualifier: Option<Name>,
    /// The table's full name when it has no alias (`schema.table.col`).
    path: Vec<Name>,
    sig: Arc<Signature>,
    /// A table (source, model or CTE) whose columns are unknown because no schema
    /// describes them, not because analysis cannot derive them (PIVOT, table functions).
    unknown_schema: bool,
    origin: RelOrigin,
    /// Where the relation is named: its alias, or its table name.
    def: TextRange,
}

impl Rel {
    /// A relation whose columns are unknown: every name may be one of them.
    fn open() -> Rel {
        Rel::new(None, Vec::new(), Arc::new(Signature::unknown()))
    }

    fn new(qualifier: Option<Name>, path: Vec<Name>, sig: Arc<Signature>) -> Rel {
        Rel {
            qualifier,
            path,
            sig,
            unknown_schema: false,
            origin: RelOrigin::Other,
            def: TextRange::default(),
        }
    }

    /// Whether `qualifier` names this relation: its alias (or last name part), or the tail
    /// of its full name (`schema.table`).
    fn named_by(&self, qualifier: &[NameSpan]) -> bool {
        match qualifier {
            [single] => self.qualifier.as_ref() == Some(&single.name),
            _ => {
                self.path.len() >= qualifier.len()
                    && self.path[self.path.len() - qualifier.len()..]
                        .iter()
                        .zip(qualifier)
                        .all(|(a, b)| *a == b.name)
            }
        }
    }
}

#[derive(Debug, Default)]
struct Scope {
    rels: Vec<Rel>,
    /// Columns merged by `USING` / `NATURAL`: unqualified, they are not ambiguous.
    merged: Vec<Name>,
    /// The select list's columns so far: its aliases, once visible, and their types for
    /// lateral aliases (`n + 1` after `count(*) AS n`).
    alias_columns: Vec<Column>,
    /// Where each of `alias_columns` is defined (recorded only).
    alias_defs: Vec<TextRange>,
    aliases_visible: bool,
    /// ORDER BY: an output column's name wins over the input columns (`ORDER BY
    /// customer_id` after `SELECT o.customer_id` over a join is not ambiguous).
    aliases_first: bool,
}

impl Scope {
    fn has_alias(&self, name: &Name) -> bool {
        self.alias_columns.iter().any(|c| c.name == *name)
    }
}

struct CteDef {
    name: Name,
    /// Where the name is defined.
    def: TextRange,
    query: QueryId,
    columns: Box<[NameSpan]>,
    /// A recursive CTE seen from its own body: columns unknown.
    in_progress: bool,
}

struct Resolver<'a> {
    body: &'a Body,
    text: &'a str,
    env: &'a dyn TableEnv,
    rules: AliasRules,
    dialect: Dialect,
    /// The clause being resolved, where it forbids aggregates or window functions.
    clause: Option<typecheck::Clause>,
    /// Resolving the model's outermost query (not a CTE or subquery of it).
    at_root: bool,
    scopes: Vec<Scope>,
    ctes: Vec<CteDef>,
    lambda_params: Vec<Name>,
    memo: FxHashMap<QueryId, Arc<Signature>>,
    out: Resolved,
    record: Option<Box<Record>>,
}

impl Resolver<'_> {
    fn error(&mut self, code: Code, range: TextRange, message: String, help: Option<String>) {
        let mut d = Diagnostic::new(code, None, range, message);
        d.help = help;
        self.out.diagnostics.push(d);
    }

    /// A name as the user wrote it (`AMOUT`, `"Order Id"`), for messages; the folded name
    /// when the range is not in the text.
    fn written(&self, name: &NameSpan) -> String {
        match self.text.get(usize::from(name.range.start())..usize::from(name.range.end())) {
            Some(t) if !t.is_empty() => t.to_string(),
            _ => name.name.to_string(),
        }
    }

    fn source(&self, range: TextRange) -> &str {
        self.text.get(usize::from(range.start())..usize::from(range.end())).unwrap_or("")
    }

    fn query(&mut self, id: QueryId) -> Arc<Signature> {
        if let Some(sig) = self.memo.get(&id) {
            return Arc::clone(sig);
        }
        let body = self.body;
        let q: &Query = &body.queries[id];
        let saved_root = self.at_root;
        let saved_clause = self.clause.take();
        self.at_root = body.root == Some(id);
        let cte_mark = self.ctes.len();
        let mut seen: Vec<&Name> = Vec::new();
        for cte in &q.ctes {
            if seen.contains(&&cte.name.name) {
                self.error(
                    Code::E124,
                    cte.name.range,
                    format!("the CTE `{}` is defined twice", cte.name.name),
                    Some("rename one of them".to_string()),
                );
            }
            seen.push(&cte.name.name);
            self.ctes.push(CteDef {
                name: cte.name.name,
                def: cte.name.range,
                query: cte.query,
                columns: cte.columns.clone(),
                in_progress: true,
            });
            // Resolve each CTE once, in order, so its errors are reported even if unused.
            let idx = self.ctes.len() - 1;
            self.define_cte(idx, q.recursive);
        }
        let (sig, select_outputs) = match &q.body {
            QueryBody::Select(sel) => self.select(sel, &q.order_by, &q.limits, q.range),
            other => {
                let sig = self.query_body(other);
                self.order_by_outputs(&sig, &q.order_by);
                for &e in &q.limits {
                    self.expr(e);
                }
                (sig, None)
            }
        };
        self.ctes.truncate(cte_mark);
        self.at_root = saved_root;
        self.clause = saved_clause;
        if self.recording() {
            let outputs = match &q.body {
                QueryBody::Select(_) => select_outputs.unwrap_or_default(),
                QueryBody::SetOp(op) => self.outputs_of(op.lhs),
                QueryBody::Nested(inner) => self.outputs_of(*inner),
                _ => sig
                    .columns
                    .iter()
                    .map(|c| OutputDef {
                        column: c.clone(),
                        range: q.range,
                        item: q.range,
                        from_star: false,
                        source: None,
                        merged: Vec::new(),
                        expr: None,
                    })
                    .collect(),
            };
            self.record_outputs(id, outputs);
        }
        let sig = Arc::new(sig);
        self.memo.insert(id, Arc::clone(&sig));
        sig
    }

    /// Resolves the body of the CTE at `idx` of the stack: it sees the CTEs before it (and,
    /// in `WITH RECURSIVE`, itself, with unknown columns).
    fn define_cte(&mut self, idx: usize, recursive: bool) {
        let query = self.ctes[idx].query;
        let hidden = self.ctes.split_off(if recursive { idx + 1 } else { idx });
        let sig = self.query(query);
        self.ctes.extend(hidden);
        self.ctes[idx].in_progress = false;
        let columns = self.ctes[idx].columns.clone();
        self.apply_column_aliases(&sig, &columns, true);
    }

    /// The columns of the CTE at `idx`, with its column alias list applied.
    fn cte_signature(&mut self, idx: usize) -> Arc<Signature> {
        if self.ctes[idx].in_progress {
            return Arc::new(Signature::unknown());
        }
        let query = self.ctes[idx].query;
        let sig = self.memo.get(&query).cloned().unwrap_or_else(|| Arc::new(Signature::unknown()));
        let columns = self.ctes[idx].columns.clone();
        if columns.is_empty() {
            return sig;
        }
        Arc::new(self.apply_column_aliases(&sig, &columns, false))
    }

    fn apply_column_aliases(
        &mut self,
        sig: &Signature,
        aliases: &[NameSpan],
        report: bool,
    ) -> Signature {
        if aliases.is_empty() {
            return sig.clone();
        }
        let mut out = sig.clone();
        if report
            && !sig.open
            && aliases.len() > sig.columns.len()
            && let Some(extra) = aliases.get(sig.columns.len())
        {
            self.error(
                Code::E126,
                extra.range,
                format!(
                    "the alias list names {} columns but the relation has {}",
                    aliases.len(),
                    sig.columns.len()
                ),
                None,
            );
        }
        for (i, alias) in aliases.iter().enumerate() {
            match out.columns.get_mut(i) {
                Some(col) => col.name = alias.name,
                None => {
                    out.columns.push(Column { name: alias.name, ty: Ty::Unknown, nullable: true })
                }
            }
        }
        out
    }

    fn query_body(&mut self, body: &QueryBody) -> Signature {
        match body {
            QueryBody::Select(sel) => self.select(sel, &[], &[], TextRange::default()).0,
            QueryBody::SetOp(op) => self.set_op(op),
            QueryBody::Values(rows) => {
                let mut columns = Vec::new();
                for (ri, row) in rows.iter().enumerate() {
                    for (ci, &e) in row.iter().enumerate() {
                        self.expr(e);
                        if ri == 0 {
                            let (ty, nullable) = self.expr_type(e);
                            columns.push(Column {
                                name: Name::folded(&format!("col{ci}")),
                                ty,
                                nullable,
                            });
                        }
                    }
                }
                Signature { columns, open: false }
            }
            QueryBody::Nested(q) => (*self.query(*q)).clone(),
            QueryBody::Opaque { exprs, froms } => {
                // PIVOT/UNPIVOT statements: the columns their expressions name come from a
                // relation we do not derive, so they resolve against an open one.
                self.scopes.push(Scope { rels: vec![Rel::open()], ..Scope::default() });
                for &e in exprs {
                    self.expr(e);
                }
                self.scopes.pop();
                for &f in froms {
                    self.scopes.push(Scope::default());
                    self.add_from_item(f);
                    self.scopes.pop();
                }
                Signature::unknown()
            }
            QueryBody::Missing => Signature::unknown(),
        }
    }

    fn set_op(&mut self, op: &SetOp) -> Signature {
        let lhs = self.query(op.lhs);
        let rhs = self.query(op.rhs);
        self.check_set_op_width(op, &lhs, &rhs);
        let mut out = (*lhs).clone();
        out.open |= rhs.open;
        if op.by_name {
            for col in &rhs.columns {
                if out.column(&col.name).is_none() {
                    out.columns.push(col.clone());
                }
            }
        }
        for (i, col) in out.columns.iter_mut().enumerate() {
            let other = if op.by_name { rhs.column(&col.name) } else { rhs.columns.get(i) };
            if let Some(other) = other {
                col.nullable |= other.nullable;
                col.ty = Ty::supertype(&col.ty, &other.ty).unwrap_or(Ty::Unknown);
            }
        }
        out
    }

    /// A SELECT's columns and, when recording, their output definitions. `range` is its
    /// query's.
    fn select(
        &mut self,
        sel: &Select,
        order_by: &[OrderItem],
        limits: &[crate::body::ExprId],
        range: TextRange,
    ) -> (Signature, Option<Vec<OutputDef>>) {
        let alias_columns = Vec::with_capacity(sel.items.len());
        self.scopes.push(Scope { alias_columns, ..Scope::default() });
        for &f in &sel.from {
            self.add_from_item(f);
        }
        self.record_scope(range);
        for &e in &sel.distinct_on {
            self.expr(e);
        }
        let mut columns = Vec::with_capacity(sel.items.len());
        // How many columns each item gave, for the record (`select_outputs`) only.
        let recording = self.recording();
        let mut counts: Vec<usize> = Vec::new();
        let mut open = false;
        if sel.implicit_star {
            let star_open = self.expand_star(None, &mut columns);
            if recording {
                counts.push(columns.len());
            }
            open |= star_open;
            if self.at_root {
                let range = sel
                    .from
                    .first()
                    .map_or_else(TextRange::default, |&f| self.body.froms[f].range());
                let unknown_schema = self.star_over_unknown_schema();
                self.report_star(range, star_open, unknown_schema, &columns);
            }
        }
        for item in &sel.items {
            match item {
                SelectItem::Expr { expr, alias, .. } => {
                    self.set_aliases_visible(self.rules.select_list);
                    self.expr(*expr);
                    let (ty, nullable) = self.expr_type(*expr);
                    let name = match alias {
                        Some(a) => a.name,
                        None => self.output_name(*expr),
                    };
                    if let Some(scope) = self.scopes.last_mut() {
                        scope.alias_columns.push(Column { name, ty: ty.clone(), nullable });
                        if recording {
                            let range = match alias {
                                Some(a) => a.range,
                                None => self.body.exprs[*expr].range(),
                            };
                            scope.alias_defs.push(range);
                        }
                    }
                    if recording {
                        counts.push(1);
                    }
                    // DuckDB's `COLUMNS('re')` / `COLUMNS(*)` expands to columns we do not
                    // enumerate: the output is open (and has no fixed positions).
                    open |= self.is_columns_call(*expr);
                    columns.push(Column { name, ty, nullable });
                }
                SelectItem::Star(star) => {
                    let before = columns.len();
                    let star_open = self.star(star, &mut columns);
                    open |= star_open;
                    if self.at_root {
                        let unknown_schema = self.star_over_unknown_schema();
                        self.report_star(star.range, star_open, unknown_schema, &columns[before..]);
                    }
                    if let Some(scope) = self.scopes.last_mut() {
                        scope.alias_columns.extend(columns[before..].iter().cloned());
                        if recording {
                            scope.alias_defs.extend(columns[before..].iter().map(|_| star.range));
                        }
                    }
                    if recording {
                        counts.push(columns.len() - before);
                    }
                }
            }
        }
        let n_items = if open { None } else { Some(columns.len()) };
        self.set_aliases_visible(self.rules.where_);
        if let Some(w) = sel.where_ {
            self.clause = Some(typecheck::Clause::Where);
            self.expr(w);
        }
        self.set_aliases_visible(self.rules.group_by);
        if let GroupBy::Exprs(exprs) = &sel.group_by {
            self.clause = Some(typecheck::Clause::GroupBy);
            for &e in exprs {
                if !self.ordinal(e, n_items, "GROUP BY") {
                    self.expr(e);
                }
            }
        }
        self.set_aliases_visible(self.rules.having);
        if let Some(h) = sel.having {
            self.clause = Some(typecheck::Clause::Having);
            self.expr(h);
        }
        self.clause = None;
        self.set_aliases_visible(self.rules.qualify);
        if let Some(q) = sel.qualify {
            self.expr(q);
        }
        for (_, w) in &sel.windows {
            self.window(w);
        }
        self.set_aliases_visible(true);
        if let Some(scope) = self.scopes.last_mut() {
            scope.aliases_first = true;
        }
        for item in order_by {
            if let Some(e) = item.expr
                && !self.ordinal(e, n_items, "ORDER BY")
            {
                self.expr(e);
            }
        }
        self.check_grouping(sel, order_by);
        let outputs = recording.then(|| self.select_outputs(sel, &columns, &counts));
        self.scopes.pop();
        for &e in limits {
            self.expr(e);
        }
        (Signature { columns, open }, outputs)
    }

    /// The range of the root SELECT's first item whose output is typed Unknown (where I002
    /// points), or the whole query's.
    fn first_unknown_item(&self, root: QueryId, sig: &Signature) -> TextRange {
        let q = &self.body.queries[root];
        if let QueryBody::Select(sel) = &q.body
            && let Some(col) = sig.columns.iter().position(|c| c.ty.is_unknown())
            && !sig.open
            && sel.items.len() == sig.columns.len()
            && let Some(SelectItem::Expr { range, .. }) = sel.items.get(col)
        {
            return *range;
        }
        q.range
    }

    fn is_columns_call(&self, e: crate::body::ExprId) -> bool {
        matches!(&self.body.exprs[e], crate::body::Expr::Call(c)
            if c.qualifier.is_empty() && c.name.name.as_str() == "columns")
    }

    fn set_aliases_visible(&mut self, visible: bool) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.aliases_visible = visible;
        }
    }

    /// ORDER BY of a set operation or VALUES: only the output columns are visible.
    fn order_by_outputs(&mut self, sig: &Signature, order_by: &[OrderItem]) {
        if order_by.is_empty() {
            return;
        }
        let rel = Rel::new(None, Vec::new(), Arc::new(sig.clone()));
        self.scopes.push(Scope { rels: vec![rel], ..Scope::default() });
        let n = if sig.open { None } else { Some(sig.columns.len()) };
        for item in order_by {
            if let Some(e) = item.expr
                && !self.ordinal(e, n, "ORDER BY")
            {
                self.expr(e);
            }
        }
        self.scopes.pop();
    }

    /// `GROUP BY 2` / `ORDER BY 2`: true when `e` is a position (checked against `n`).
    fn ordinal(&mut self, e: crate::body::ExprId, n: Option<usize>, clause: &str) -> bool {
        let crate::body::Expr::Literal { kind: crate::body::Literal::Int, range } =
            &self.body.exprs[e]
        else {
            return false;
        };
        let range = *range;
        let Ok(pos) = self.source(range).trim().parse::<u64>() else { return true };
        if let Some(n) = n
            && (pos == 0 || pos > n as u64)
        {
            self.error(
                Code::E125,
                range,
                format!("{clause} position {pos} is not in the select list (1 to {n})"),
                None,
            );
        }
        true
    }

    fn output_name(&self, e: crate::body::ExprId) -> Name {
        match &self.body.exprs[e] {
            crate::body::Expr::Column { path, .. } => match path.last() {
                Some(last) => last.name,
                None => Name::folded(""),
            },
            other => Name::new(self.source(other.range()).trim(), true),
        }
    }

    /// Expands `*` (qualifier None) or `t.*` into `columns`; true when the result is open.
    fn expand_star(&mut self, qualifier: Option<&[NameSpan]>, columns: &mut Vec<Column>) -> bool {
        let Some(scope) = self.scopes.last() else { return true };
        let mut open = false;
        let mut emitted_merged: Vec<Name> = Vec::new();
        let rels: Vec<Rel> = match qualifier {
            None => scope.rels.clone(),
            Some(q) => match self.find_rel(q) {
                Some(rel) => vec![rel],
                // `s.*` of a struct column (or `t.s.*`): its fields, which we do not type yet.
                None if self.lookup_quiet(q).is_some() || self.anything_open(&q[0].name) => {
                    return true;
                }
                None => {
                    let last = q.last().cloned();
                    if let Some(last) = last {
                        let help = self.qualifier_help(&last.name);
                        self.error(
                            Code::E122,
                            last.range,
                            format!("unknown table or alias `{}`", self.written(&last)),
                            help,
                        );
                    }
                    return true;
                }
            },
        };
        let merged = self.scopes.last().map(|s| s.merged.clone()).unwrap_or_default();
        for rel in rels {
            open |= rel.sig.open;
            for col in &rel.sig.columns {
                if qualifier.is_none() && merged.contains(&col.name) {
                    if emitted_merged.contains(&col.name) {
                        continue;
                    }
                    emitted_merged.push(col.name);
                }
                columns.push(col.clone());
            }
        }
        open
    }

    fn star(&mut self, star: &crate::body::Star, columns: &mut Vec<Column>) -> bool {
        let mut expanded = Vec::new();
        let open = self.expand_star(star.qualifier.as_deref(), &mut expanded);
        for ex in &star.exclude {
            let before = expanded.len();
            expanded.retain(|c| c.name != ex.name);
            if before == expanded.len() && !open {
                self.unknown_star_column(ex, &expanded);
            }
        }
        for (e, name) in &star.replace {
            self.expr(*e);
            let (ty, nullable) = self.expr_type(*e);
            match expanded.iter_mut().find(|c| c.name == name.name) {
                Some(col) => {
                    col.ty = ty;
                    col.nullable = nullable;
                }
                None if !open => self.unknown_star_column(name, &expanded),
                None => {}
            }
        }
        for (from, to) in &star.rename {
            match expanded.iter_mut().find(|c| c.name == from.name) {
                Some(col) => col.name = to.name,
                None if !open => self.unknown_star_column(from, &expanded),
                None => {}
            }
        }
        columns.extend(expanded);
        open
    }

    /// E120 for a column named by `* EXCLUDE/REPLACE/RENAME` that the star does not have.
    fn unknown_star_column(&mut self, name: &NameSpan, expanded: &[Column]) {
        let help = did_you_mean(name.name.as_str(), expanded.iter().map(|c| c.name.as_str()));
        self.error(
            Code::E120,
            name.range,
            format!("unknown column `{}`", self.written(name)),
            help,
        );
    }
}
