//! The query IR both languages lower into: queries, FROM items and expressions in arenas,
//! each with the byte range it came from (the source map), so diagnostics, types and
//! lineage point back into the text.

mod lower;

use la_arena::{Arena, Idx};
use syntax::{SyntaxKind, TextRange};

use crate::name::Name;

pub use self::lower::{lower_query, lower_source_file};

pub type QueryId = Idx<Query>;
pub type FromId = Idx<FromItem>;
pub type ExprId = Idx<Expr>;

/// The lowered statement of one model (or of one seed `CREATE TABLE .. AS`).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Body {
    pub queries: Arena<Query>,
    pub froms: Arena<FromItem>,
    pub exprs: Arena<Expr>,
    /// The model's query: the first query statement of the file.
    pub root: Option<QueryId>,
    /// Statements after the first: a model is one SELECT (reported by the caller).
    pub extra_statements: Vec<TextRange>,
}

/// A name as written and where.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NameSpan {
    pub name: Name,
    pub range: TextRange,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Query {
    pub ctes: Box<[Cte]>,
    pub recursive: bool,
    pub body: QueryBody,
    pub order_by: Box<[OrderItem]>,
    /// LIMIT / OFFSET / FETCH / TOP expressions: resolved without the select's columns.
    pub limits: Box<[ExprId]>,
    pub range: TextRange,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Cte {
    pub name: NameSpan,
    pub columns: Box<[NameSpan]>,
    pub query: QueryId,
}

#[derive(Debug, PartialEq, Eq)]
pub enum QueryBody {
    Select(Box<Select>),
    SetOp(SetOp),
    Values(Box<[Box<[ExprId]>]>),
    /// `(query)` as a body.
    Nested(QueryId),
    /// PIVOT/UNPIVOT statements and anything else whose columns we do not derive: open.
    Opaque {
        exprs: Box<[ExprId]>,
        froms: Box<[FromId]>,
    },
    Missing,
}

#[derive(Debug, PartialEq, Eq)]
pub struct SetOp {
    pub kind: SetOpKind,
    pub all: bool,
    pub by_name: bool,
    pub lhs: QueryId,
    pub rhs: QueryId,
    pub op_range: TextRange,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetOpKind {
    Union,
    Intersect,
    Except,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Select {
    pub distinct: bool,
    pub distinct_on: Box<[ExprId]>,
    pub items: Box<[SelectItem]>,
    pub from: Box<[FromId]>,
    pub where_: Option<ExprId>,
    pub group_by: GroupBy,
    pub having: Option<ExprId>,
    pub qualify: Option<ExprId>,
    pub windows: Box<[(NameSpan, Window)]>,
    /// `SELECT` was omitted (`FROM t`): all columns.
    pub implicit_star: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub enum SelectItem {
    Expr { expr: ExprId, alias: Option<NameSpan>, range: TextRange },
    Star(Box<Star>),
}

#[derive(Debug, PartialEq, Eq)]
pub struct Star {
    /// `t.*`; `None` for `*`.
    pub qualifier: Option<Box<[NameSpan]>>,
    pub exclude: Box<[NameSpan]>,
    pub replace: Box<[(ExprId, NameSpan)]>,
    pub rename: Box<[(NameSpan, NameSpan)]>,
    pub range: TextRange,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub enum GroupBy {
    #[default]
    None,
    All,
    Exprs(Box<[ExprId]>),
}

#[derive(Debug, PartialEq, Eq)]
pub struct OrderItem {
    /// `None` for `ORDER BY ALL`.
    pub expr: Option<ExprId>,
    pub desc: bool,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Window {
    pub base: Option<NameSpan>,
    pub partition_by: Box<[ExprId]>,
    pub order_by: Box<[OrderItem]>,
    pub frame: Box<[ExprId]>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum FromItem {
    Table {
        path: Box<[NameSpan]>,
        alias: Option<TableAlias>,
        range: TextRange,
    },
    /// A file path (`'data.csv'`) or a placeholder: external, columns unknown.
    External {
        alias: Option<TableAlias>,
        range: TextRange,
    },
    Derived {
        query: QueryId,
        alias: Option<TableAlias>,
        range: TextRange,
    },
    Values {
        rows: Box<[Box<[ExprId]>]>,
        alias: Option<TableAlias>,
        range: TextRange,
    },
    Function {
        name: NameSpan,
        args: Box<[ExprId]>,
        alias: Option<TableAlias>,
        range: TextRange,
    },
    Join(Join),
    Paren {
        inner: FromId,
        alias: Option<TableAlias>,
        range: TextRange,
    },
    /// PIVOT/UNPIVOT on an item: the item's columns change in ways we do not derive yet.
    Pivoted {
        inner: FromId,
        exprs: Box<[ExprId]>,
        alias: Option<TableAlias>,
        range: TextRange,
    },
    Missing,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Join {
    pub kind: JoinKind,
    pub natural: bool,
    pub lhs: FromId,
    pub rhs: FromId,
    pub on: Option<ExprId>,
    pub using: Box<[NameSpan]>,
    pub range: TextRange,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinKind {
    Inner,
    Left,
    Right,
    Full,
    Cross,
    /// SEMI/ANTI: only the left side's columns come out.
    Semi,
    Positional,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableAlias {
    pub name: NameSpan,
    pub columns: Box<[NameSpan]>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Literal {
    Int,
    Float,
    String,
    Null,
    Bool,
    /// `DATE '..'`, `TIMESTAMP '..'`: the type's text.
    /// Behind one thin pointer, so `Literal` (and `Expr`) stay small.
    Typed(Box<String>),
    Interval,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Expr {
    Missing,
    /// `c`, `t.c`, `s.t.c`; longer paths may be struct field access, decided by resolution.
    Column {
        path: Box<[NameSpan]>,
        range: TextRange,
    },
    Literal {
        kind: Literal,
        range: TextRange,
    },
    Binary {
        op: SyntaxKind,
        lhs: ExprId,
        rhs: ExprId,
        range: TextRange,
    },
    Unary {
        op: SyntaxKind,
        expr: ExprId,
        range: TextRange,
    },
    Call(Box<Call>),
    Cast {
        expr: ExprId,
        ty: Box<str>,
        is_try: bool,
        range: TextRange,
    },
    Case(Box<Case>),
    /// A scalar subquery, `EXISTS (..)`, `x IN (SELECT ..)` or `x = ANY (SELECT ..)`.
    Subquery {
        query: QueryId,
        lhs: Option<ExprId>,
        /// `EXISTS (..)`: a boolean, not the subquery's value.
        exists: bool,
        range: TextRange,
    },
    Lambda {
        params: Box<[NameSpan]>,
        body: ExprId,
        range: TextRange,
    },
    /// `*` as a function argument (`count(*)`) or `t.*` inside an expression.
    Star {
        range: TextRange,
    },
    /// `@start_date`, `@var(name)`: boxed, being rare and larger than the other variants.
    Placeholder(Box<Placeholder>),
    /// Everything we keep only as its sub-expressions (IS, BETWEEN, IN lists, LIKE,
    /// arrays, structs, indexing, ...): names inside still resolve.
    Other {
        kind: SyntaxKind,
        children: Box<[ExprId]>,
        range: TextRange,
    },
}

#[derive(Debug, PartialEq, Eq)]
pub struct Placeholder {
    pub name: Box<str>,
    pub args: Box<[ExprId]>,
    pub range: TextRange,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Case {
    pub operand: Option<ExprId>,
    pub arms: Box<[(ExprId, ExprId)]>,
    pub else_: Option<ExprId>,
    pub range: TextRange,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Call {
    pub name: NameSpan,
    /// `schema.fn`; the receiver of a method call `x.lower()` is the first arg.
    pub qualifier: Box<[NameSpan]>,
    pub args: Box<[ExprId]>,
    pub distinct: bool,
    pub order_by: Box<[OrderItem]>,
    pub filter: Option<ExprId>,
    pub over: Option<Box<Window>>,
    pub range: TextRange,
}

impl FromItem {
    pub fn range(&self) -> TextRange {
        match self {
            FromItem::Table { range, .. }
            | FromItem::External { range, .. }
            | FromItem::Derived { range, .. }
            | FromItem::Values { range, .. }
            | FromItem::Function { range, .. }
            | FromItem::Paren { range, .. }
            | FromItem::Pivoted { range, .. } => *range,
            FromItem::Join(join) => join.range,
            FromItem::Missing => TextRange::default(),
        }
    }
}

impl Expr {
    /// Calls `f` on every expression directly inside this one, in source order (not inside
    /// subqueries, which are queries of their own).
    pub fn for_each_child(&self, mut f: impl FnMut(ExprId)) {
        match self {
            Expr::Missing | Expr::Column { .. } | Expr::Literal { .. } | Expr::Star { .. } => {}
            Expr::Binary { lhs, rhs, .. } => {
                f(*lhs);
                f(*rhs);
            }
            Expr::Unary { expr, .. } | Expr::Cast { expr, .. } => f(*expr),
            Expr::Call(call) => {
                call.args.iter().copied().for_each(&mut f);
                call.order_by.iter().filter_map(|o| o.expr).for_each(&mut f);
                call.filter.into_iter().for_each(&mut f);
                if let Some(w) = &call.over {
                    w.partition_by.iter().copied().for_each(&mut f);
                    w.order_by.iter().filter_map(|o| o.expr).for_each(&mut f);
                    w.frame.iter().copied().for_each(&mut f);
                }
            }
            Expr::Case(case) => {
                case.operand.into_iter().for_each(&mut f);
                for &(when, then) in &case.arms {
                    f(when);
                    f(then);
                }
                case.else_.into_iter().for_each(&mut f);
            }
            Expr::Subquery { lhs, .. } => lhs.iter().copied().for_each(&mut f),
            Expr::Lambda { body, .. } => f(*body),
            Expr::Placeholder(p) => p.args.iter().copied().for_each(&mut f),
            Expr::Other { children, .. } => children.iter().copied().for_each(&mut f),
        }
    }

    pub fn range(&self) -> TextRange {
        match self {
            Expr::Missing => TextRange::default(),
            Expr::Column { range, .. }
            | Expr::Literal { range, .. }
            | Expr::Binary { range, .. }
            | Expr::Unary { range, .. }
            | Expr::Cast { range, .. }
            | Expr::Subquery { range, .. }
            | Expr::Lambda { range, .. }
            | Expr::Star { range }
            | Expr::Other { range, .. } => *range,
            Expr::Call(call) => call.range,
            Expr::Case(case) => case.range,
            Expr::Placeholder(p) => p.range,
        }
    }
}

impl Body {
    /// Rewrites every range of the IR with `f`: how a `.rocky` model's IR, lowered from
    /// its generated SQL, comes to point into the `.rocky` text.
    pub fn map_ranges(&mut self, f: &dyn Fn(TextRange) -> TextRange) {
        let name = |n: &mut NameSpan| n.range = f(n.range);
        let alias = |a: &mut Option<TableAlias>| {
            if let Some(a) = a {
                name(&mut a.name);
                a.columns.iter_mut().for_each(name);
            }
        };
        let window = |w: &mut Window| {
            if let Some(b) = &mut w.base {
                name(b);
            }
        };
        for (_, q) in self.queries.iter_mut() {
            q.range = f(q.range);
            for cte in q.ctes.iter_mut() {
                name(&mut cte.name);
                cte.columns.iter_mut().for_each(name);
            }
            match &mut q.body {
                QueryBody::Select(s) => {
                    for item in s.items.iter_mut() {
                        match item {
                            SelectItem::Expr { alias, range, .. } => {
                                *range = f(*range);
                                if let Some(a) = alias {
                                    name(a);
                                }
                            }
                            SelectItem::Star(star) => {
                                star.range = f(star.range);
                                star.qualifier.iter_mut().flat_map(|q| q.iter_mut()).for_each(name);
                                star.exclude.iter_mut().for_each(name);
                                star.replace.iter_mut().for_each(|(_, n)| name(n));
                                for (a, b) in star.rename.iter_mut() {
                                    name(a);
                                    name(b);
                                }
                            }
                        }
                    }
                    for (n, w) in s.windows.iter_mut() {
                        name(n);
                        window(w);
                    }
                }
                QueryBody::SetOp(op) => op.op_range = f(op.op_range),
                _ => {}
            }
        }
        for (_, item) in self.froms.iter_mut() {
            match item {
                FromItem::Table { path, alias: a, range } => {
                    path.iter_mut().for_each(name);
                    alias(a);
                    *range = f(*range);
                }
                FromItem::External { alias: a, range }
                | FromItem::Derived { alias: a, range, .. }
                | FromItem::Values { alias: a, range, .. }
                | FromItem::Paren { alias: a, range, .. }
                | FromItem::Pivoted { alias: a, range, .. } => {
                    alias(a);
                    *range = f(*range);
                }
                FromItem::Function { name: n, alias: a, range, .. } => {
                    name(n);
                    alias(a);
                    *range = f(*range);
                }
                FromItem::Join(join) => {
                    join.using.iter_mut().for_each(name);
                    join.range = f(join.range);
                }
                FromItem::Missing => {}
            }
        }
        for (_, e) in self.exprs.iter_mut() {
            match e {
                Expr::Missing => {}
                Expr::Column { path, range } => {
                    path.iter_mut().for_each(name);
                    *range = f(*range);
                }
                Expr::Literal { range, .. }
                | Expr::Binary { range, .. }
                | Expr::Unary { range, .. }
                | Expr::Cast { range, .. }
                | Expr::Subquery { range, .. }
                | Expr::Star { range }
                | Expr::Other { range, .. } => *range = f(*range),
                Expr::Lambda { params, range, .. } => {
                    params.iter_mut().for_each(name);
                    *range = f(*range);
                }
                Expr::Call(call) => {
                    name(&mut call.name);
                    call.qualifier.iter_mut().for_each(name);
                    if let Some(w) = &mut call.over {
                        window(w);
                    }
                    call.range = f(call.range);
                }
                Expr::Case(case) => case.range = f(case.range),
                Expr::Placeholder(p) => p.range = f(p.range),
            }
        }
        self.extra_statements.iter_mut().for_each(|r| *r = f(*r));
    }
}
