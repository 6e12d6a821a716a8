//! Column lineage of one model: for each output column, the columns of upstream models and
//! source tables it is computed from, with how (`direct`, `cast`, `expression`,
//! `aggregation`, `window`); and the columns that only decide which rows there are
//! (`filter`: WHERE, HAVING, QUALIFY, join conditions and keys). Read from the model's
//! recorded name resolution ([`model_analysis`]), through its CTEs, derived tables,
//! subqueries, stars, `USING` merges and set operations; a `.rocky` model's pipeline is
//! the SQL it lowers to. The transitive graph across models is the caller's walk over
//! this query, model by model.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::{
    Db,
    body::{Body, Expr, ExprId, FromId, FromItem, QueryBody, QueryId},
    builtins::{self, FnKind},
    input::SourceFile,
    model::model_analysis,
    name::Name,
    project::project_config,
    resolve::{OutputDef, Record, RefKind, RelOrigin},
};

/// How an output column is made from an input column. Ordered by how much of the input
/// survives: a chain of steps is as strong as its strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Transform {
    /// The value itself (`c`, `t.c`, `*`).
    Direct,
    /// The value converted (`CAST(c AS ..)`, `c::T`).
    Cast,
    /// Computed from it with other values (`a + b`, `coalesce(a, b)`, `CASE`).
    Expression,
    /// Folded over a group of rows (`sum(c)`).
    Aggregation,
    /// Computed over a window of rows (`sum(c) OVER (..)`, its PARTITION BY and ORDER BY).
    Window,
    /// Decides which rows exist, not their values.
    Filter,
}

impl Transform {
    pub fn as_str(self) -> &'static str {
        match self {
            Transform::Direct => "direct",
            Transform::Cast => "cast",
            Transform::Expression => "expression",
            Transform::Aggregation => "aggregation",
            Transform::Window => "window",
            Transform::Filter => "filter",
        }
    }
}

/// A relation a model reads columns from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LineageNode {
    Model(SourceFile),
    /// A source table, `schema.table` as the catalog knows it.
    Source(Arc<str>),
}

/// One input of an output column.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ColumnInput {
    pub node: LineageNode,
    pub column: Name,
    pub transform: Transform,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputLineage {
    pub column: Name,
    /// One entry per input column, with its strongest transform; sorted by model file
    /// path (models first), source name, column.
    pub inputs: Vec<ColumnInput>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModelLineage {
    /// In the model's output order.
    pub columns: Vec<OutputLineage>,
    /// The columns that filter or join the model's rows anywhere in its query (so every
    /// output column), each with [`Transform::Filter`]; sorted.
    pub filters: Vec<ColumnInput>,
}

impl ModelLineage {
    pub fn column(&self, name: &Name) -> Option<&OutputLineage> {
        self.columns.iter().find(|c| c.column == *name)
    }
}

/// The lineage of every output column of `file`. Reads the model's own analysis (its text
/// and its upstreams' signatures), never another model's lineage: the walk across models
/// is the caller's.
#[salsa::tracked(returns(ref))]
pub fn column_lineage(db: &dyn Db, file: SourceFile) -> Arc<ModelLineage> {
    let analysis = model_analysis(db, file);
    let body = &analysis.syntax.body;
    let Some(root) = body.root else { return Arc::default() };
    let functions = builtins::catalog(project_config(db).config.dialect());
    let mut tracer = Tracer {
        db,
        body,
        record: analysis.record(),
        functions,
        memo: FxHashMap::default(),
        active: FxHashSet::default(),
    };
    let columns = analysis
        .resolved
        .signature
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| OutputLineage { column: c.name, inputs: tracer.output(root, i) })
        .collect();
    let filters = tracer.filters();
    Arc::new(ModelLineage { columns, filters })
}

type Inputs = Vec<ColumnInput>;

struct Tracer<'a> {
    db: &'a dyn Db,
    body: &'a Body,
    record: &'a Record,
    functions: &'static builtins::Catalog,
    memo: FxHashMap<(QueryId, usize), Inputs>,
    /// Outputs being traced: a recursive CTE reading itself adds nothing new.
    active: FxHashSet<(QueryId, usize)>,
}

/// `inputs` seen through a step of kind `step`.
fn through(inputs: &[ColumnInput], step: Transform) -> impl Iterator<Item = ColumnInput> + '_ {
    inputs.iter().map(move |i| ColumnInput { transform: i.transform.max(step), ..i.clone() })
}

impl Tracer<'_> {
    /// Keeps each input column once, with its strongest transform; sorted.
    fn normalize(&self, mut inputs: Inputs) -> Inputs {
        let key = |i: &ColumnInput| match &i.node {
            LineageNode::Model(f) => (false, Arc::clone(f.path(self.db)), i.column),
            LineageNode::Source(s) => (true, Arc::clone(s), i.column),
        };
        inputs.sort_by(|a, b| key(a).cmp(&key(b)).then(b.transform.cmp(&a.transform)));
        inputs.dedup_by(|later, first| later.node == first.node && later.column == first.column);
        inputs
    }

    /// The inputs of output column `idx` of query `q`.
    fn output(&mut self, q: QueryId, idx: usize) -> Inputs {
        if let Some(done) = self.memo.get(&(q, idx)) {
            return done.clone();
        }
        if !self.active.insert((q, idx)) {
            return Vec::new();
        }
        let body = self.body;
        let inputs = match &body.queries[q].body {
            QueryBody::Select(_) => match self.record.outputs_of(q).get(idx) {
                Some(def) => self.select_output(q, def),
                None => Vec::new(),
            },
            QueryBody::SetOp(op) => {
                let name = self.record.outputs_of(q).get(idx).map(|d| d.column.name);
                let mut inputs = Vec::new();
                for side in [op.lhs, op.rhs] {
                    let at = match (op.by_name, name) {
                        (true, Some(name)) => self.index_of(side, &name),
                        _ => Some(idx),
                    };
                    if let Some(at) = at {
                        inputs.extend(self.output(side, at));
                    }
                }
                // `UNION BY NAME`: the columns only the right side has.
                if op.by_name && name.is_none() {
                    let lhs_len = self.record.outputs_of(op.lhs).len();
                    if let Some(extra) = idx.checked_sub(lhs_len) {
                        let rhs_only: Vec<usize> = (0..self.record.outputs_of(op.rhs).len())
                            .filter(|&i| {
                                let n = self.record.outputs_of(op.rhs)[i].column.name;
                                self.index_of(op.lhs, &n).is_none()
                            })
                            .collect();
                        if let Some(&at) = rhs_only.get(extra) {
                            inputs.extend(self.output(op.rhs, at));
                        }
                    }
                }
                inputs
            }
            QueryBody::Nested(inner) => self.output(*inner, idx),
            QueryBody::Values(_) | QueryBody::Opaque { .. } | QueryBody::Missing => Vec::new(),
        };
        let inputs = self.normalize(inputs);
        self.active.remove(&(q, idx));
        self.memo.insert((q, idx), inputs.clone());
        inputs
    }

    fn select_output(&mut self, q: QueryId, def: &OutputDef) -> Inputs {
        let mut inputs = Vec::new();
        // An item's expression, a bare column too: its recorded use has every side of a
        // `USING` merge.
        if let Some(e) = def.expr {
            self.expr(q, e, Transform::Direct, &mut inputs);
        } else if let Some((origin, name)) = &def.source {
            inputs = self.rel_column(origin, name);
            for other in &def.merged {
                inputs.extend(self.rel_column(other, name));
            }
        }
        inputs
    }

    /// Column `name` of a relation in scope.
    fn rel_column(&mut self, origin: &RelOrigin, name: &Name) -> Inputs {
        let node = match origin {
            RelOrigin::Model(f) => LineageNode::Model(*f),
            RelOrigin::Source(s) => LineageNode::Source(Arc::clone(s)),
            RelOrigin::Query(q) => {
                return match self.index_of_relation(*q, name) {
                    Some(i) => self.output(*q, i),
                    None => Vec::new(),
                };
            }
            RelOrigin::Other => return Vec::new(),
        };
        vec![ColumnInput { node, column: *name, transform: Transform::Direct }]
    }

    /// The position of column `name` of query `q` read as a relation: a CTE's or derived
    /// table's column alias list names its columns by position.
    fn index_of_relation(&self, q: QueryId, name: &Name) -> Option<usize> {
        let body = self.body;
        let aliases = body
            .queries
            .iter()
            .flat_map(|(_, query)| query.ctes.iter())
            .find(|c| c.query == q)
            .map(|c| &c.columns[..])
            .or_else(|| {
                body.froms.iter().find_map(|(_, f)| match f {
                    FromItem::Derived { query, alias: Some(a), .. } if *query == q => {
                        Some(&a.columns[..])
                    }
                    _ => None,
                })
            })
            .unwrap_or(&[]);
        match aliases.iter().position(|a| a.name == *name) {
            Some(i) => Some(i),
            None if aliases.is_empty() => self.index_of(q, name),
            // Past the alias list, the query's own names.
            None => self.index_of(q, name).filter(|&i| i >= aliases.len()),
        }
    }

    fn index_of(&self, q: QueryId, name: &Name) -> Option<usize> {
        self.record.outputs_of(q).iter().rposition(|d| d.column.name == *name)
    }

    /// The inputs of expression `e` (in the select of query `q`), reached through steps
    /// whose strongest kind is `step`.
    fn expr(&mut self, q: QueryId, e: ExprId, step: Transform, out: &mut Inputs) {
        let body = self.body;
        match &body.exprs[e] {
            Expr::Column { .. } => {
                let Some(uses) = self.record.uses.get(&e) else { return };
                for kind in uses {
                    match kind {
                        RefKind::Column { origin, name, .. } => {
                            let inputs = self.rel_column(origin, name);
                            out.extend(through(&inputs, step));
                        }
                        RefKind::Alias { column, .. } => {
                            // A select alias used later in the same SELECT.
                            if let Some(i) = self.index_of(q, &column.name) {
                                let inputs = self.output(q, i);
                                out.extend(through(&inputs, step));
                            }
                        }
                        RefKind::Qualifier { .. } | RefKind::Cte { .. } => {}
                    }
                }
            }
            Expr::Cast { expr, .. } => self.expr(q, *expr, step.max(Transform::Cast), out),
            Expr::Call(call) => {
                let kind = if call.over.is_some() {
                    Transform::Window
                } else if call.qualifier.is_empty()
                    && self
                        .functions
                        .get(call.name.name.as_str())
                        .is_some_and(|f| f.kind == FnKind::Aggregate)
                {
                    Transform::Aggregation
                } else {
                    Transform::Expression
                };
                let step = step.max(kind);
                body.exprs[e].for_each_child(|c| self.expr(q, c, step, out));
            }
            Expr::Subquery { query, lhs, exists, .. } => {
                let step =
                    if lhs.is_some() || *exists { step.max(Transform::Expression) } else { step };
                if let Some(l) = lhs {
                    self.expr(q, *l, step, out);
                }
                if !*exists {
                    let inputs = self.output(*query, 0);
                    out.extend(through(&inputs, step));
                }
            }
            Expr::Missing | Expr::Literal { .. } | Expr::Star { .. } => {}
            Expr::Binary { .. }
            | Expr::Unary { .. }
            | Expr::Case(_)
            | Expr::Lambda { .. }
            | Expr::Placeholder(_)
            | Expr::Other { .. } => {
                let step = step.max(Transform::Expression);
                body.exprs[e].for_each_child(|c| self.expr(q, c, step, out));
            }
        }
    }

    /// Every column that filters or joins rows: WHERE, HAVING and QUALIFY of every SELECT
    /// (subqueries and CTEs too), join conditions and join keys.
    fn filters(&mut self) -> Inputs {
        let body = self.body;
        let mut out = Vec::new();
        for (q, query) in body.queries.iter() {
            let QueryBody::Select(sel) = &query.body else { continue };
            for e in [sel.where_, sel.having, sel.qualify].into_iter().flatten() {
                self.expr(q, e, Transform::Filter, &mut out);
            }
            for &f in &sel.from {
                self.join_conditions(q, f, &mut out);
            }
        }
        for (origin, name) in &self.record.join_keys {
            let inputs = self.rel_column(origin, name);
            out.extend(through(&inputs, Transform::Filter));
        }
        self.normalize(out)
    }

    fn join_conditions(&mut self, q: QueryId, f: FromId, out: &mut Inputs) {
        let body = self.body;
        match &body.froms[f] {
            FromItem::Join(join) => {
                self.join_conditions(q, join.lhs, out);
                self.join_conditions(q, join.rhs, out);
                if let Some(on) = join.on {
                    self.expr(q, on, Transform::Filter, out);
                }
            }
            FromItem::Paren { inner, .. } | FromItem::Pivoted { inner, .. } => {
                self.join_conditions(q, *inner, out);
            }
            _ => {}
        }
    }
}
