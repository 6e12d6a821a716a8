//! The table names a body reads, CTEs excluded: the edges of the model DAG.

use syntax::TextRange;

use crate::{
    body::{Body, Expr, FromItem, QueryBody, QueryId, SelectItem},
    name::Name,
};

/// A table name in FROM that no CTE in scope shadows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TableRef {
    pub path: Vec<Name>,
    pub range: TextRange,
}

/// Every FROM table name of `body` not bound by a CTE, in source order.
pub fn table_refs(body: &Body) -> Vec<TableRef> {
    let mut out = Vec::new();
    if let Some(root) = body.root {
        let mut ctes = Vec::new();
        query(body, root, &mut ctes, &mut out);
    }
    out.sort_by_key(|r| r.range.start());
    out
}

fn query(body: &Body, id: QueryId, ctes: &mut Vec<Name>, out: &mut Vec<TableRef>) {
    let q = &body.queries[id];
    let mark = ctes.len();
    for cte in &q.ctes {
        if q.recursive {
            ctes.push(cte.name.name);
            query(body, cte.query, ctes, out);
        } else {
            query(body, cte.query, ctes, out);
            ctes.push(cte.name.name);
        }
    }
    match &q.body {
        QueryBody::Select(sel) => {
            for &f in &sel.from {
                from(body, f, ctes, out);
            }
            for item in &sel.items {
                match item {
                    SelectItem::Expr { expr: e, .. } => expr(body, *e, ctes, out),
                    SelectItem::Star(star) => {
                        for (e, _) in &star.replace {
                            expr(body, *e, ctes, out);
                        }
                    }
                }
            }
            let clauses = sel.where_.iter().chain(sel.having.iter()).chain(sel.qualify.iter());
            for &e in clauses.chain(sel.distinct_on.iter()) {
                expr(body, e, ctes, out);
            }
            if let crate::body::GroupBy::Exprs(exprs) = &sel.group_by {
                for &e in exprs {
                    expr(body, e, ctes, out);
                }
            }
        }
        QueryBody::SetOp(op) => {
            query(body, op.lhs, ctes, out);
            query(body, op.rhs, ctes, out);
        }
        QueryBody::Values(rows) => {
            for &e in rows.iter().flatten() {
                expr(body, e, ctes, out);
            }
        }
        QueryBody::Nested(q) => query(body, *q, ctes, out),
        QueryBody::Opaque { exprs, froms } => {
            for &e in exprs {
                expr(body, e, ctes, out);
            }
            for &f in froms {
                from(body, f, ctes, out);
            }
        }
        QueryBody::Missing => {}
    }
    for o in &q.order_by {
        if let Some(e) = o.expr {
            expr(body, e, ctes, out);
        }
    }
    ctes.truncate(mark);
}

fn from(body: &Body, id: crate::body::FromId, ctes: &mut Vec<Name>, out: &mut Vec<TableRef>) {
    match &body.froms[id] {
        FromItem::Table { path, .. } => {
            let shadowed = matches!(&path[..], [single] if ctes.contains(&single.name));
            if !shadowed && let (Some(f), Some(l)) = (path.first(), path.last()) {
                out.push(TableRef {
                    path: path.iter().map(|p| p.name).collect(),
                    range: TextRange::new(f.range.start(), l.range.end()),
                });
            }
        }
        FromItem::Derived { query: q, .. } => query(body, *q, ctes, out),
        FromItem::Values { rows, .. } => {
            for &e in rows.iter().flatten() {
                expr(body, e, ctes, out);
            }
        }
        FromItem::Function { args, .. } => {
            for &e in args {
                expr(body, e, ctes, out);
            }
        }
        FromItem::Join(j) => {
            from(body, j.lhs, ctes, out);
            from(body, j.rhs, ctes, out);
            if let Some(on) = j.on {
                expr(body, on, ctes, out);
            }
        }
        FromItem::Paren { inner, .. } => from(body, *inner, ctes, out),
        FromItem::Pivoted { inner, exprs, .. } => {
            from(body, *inner, ctes, out);
            for &e in exprs {
                expr(body, e, ctes, out);
            }
        }
        FromItem::External { .. } | FromItem::Missing => {}
    }
}

fn expr(body: &Body, id: crate::body::ExprId, ctes: &mut Vec<Name>, out: &mut Vec<TableRef>) {
    match &body.exprs[id] {
        Expr::Subquery { query: q, lhs, .. } => {
            if let Some(l) = lhs {
                expr(body, *l, ctes, out);
            }
            query(body, *q, ctes, out);
        }
        Expr::Binary { lhs, rhs, .. } => {
            expr(body, *lhs, ctes, out);
            expr(body, *rhs, ctes, out);
        }
        Expr::Unary { expr: e, .. } | Expr::Cast { expr: e, .. } => expr(body, *e, ctes, out),
        Expr::Lambda { body: b, .. } => expr(body, *b, ctes, out),
        Expr::Call(call) => {
            for &a in &call.args {
                expr(body, a, ctes, out);
            }
            if let Some(f) = call.filter {
                expr(body, f, ctes, out);
            }
        }
        Expr::Case(case) => {
            let crate::body::Case { operand, arms, else_, .. } = &**case;
            for &e in
                operand.iter().chain(arms.iter().flat_map(|(c, r)| [c, r])).chain(else_.iter())
            {
                expr(body, e, ctes, out);
            }
        }
        Expr::Placeholder(p) => {
            for &c in &p.args {
                expr(body, c, ctes, out);
            }
        }
        Expr::Other { children, .. } => {
            for &c in children {
                expr(body, c, ctes, out);
            }
        }
        Expr::Missing | Expr::Column { .. } | Expr::Literal { .. } | Expr::Star { .. } => {}
    }
}
