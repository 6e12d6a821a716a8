//! Syntax tree → query IR.

use syntax::{
    Dialect, SyntaxKind, TextRange, TreeNode, TreeToken,
    ast::{self, AstNode},
};

use super::*;

/// Lowers the first query statement of a file (a model's SELECT); further statements are
/// recorded in `extra_statements`.
pub fn lower_source_file<N: TreeNode>(file: &ast::SourceFile<N>, dialect: Dialect) -> Body {
    // Sized for the model, not grown from empty: a 10,000-model project's models make one
    // expression per 21 bytes of text (3.3–5.7%), two queries and three FROM items.
    let text_len = usize::from(file.syntax().text_range().len());
    let body = Body {
        exprs: Arena::with_capacity(text_len / 16),
        queries: Arena::with_capacity(4),
        froms: Arena::with_capacity(4),
        ..Body::default()
    };
    let mut ctx = Ctx { body, dialect };
    for stmt in file.stmts() {
        let query = match &stmt {
            ast::Stmt::QueryStmt(q) => q.query(),
            _ => None,
        };
        match (query, ctx.body.root) {
            (Some(q), None) => ctx.body.root = Some(ctx.query(&q)),
            (None, None) if matches!(stmt, ast::Stmt::PivotStmt(_) | ast::Stmt::UnpivotStmt(_)) => {
                let exprs = ctx.descendant_exprs(stmt.syntax());
                let id = ctx.body.queries.alloc(Query {
                    ctes: Box::default(),
                    recursive: false,
                    body: QueryBody::Opaque { exprs: exprs.into(), froms: Box::default() },
                    order_by: Box::default(),
                    limits: Box::default(),
                    range: stmt.syntax().text_range(),
                });
                ctx.body.root = Some(id);
            }
            _ => ctx.body.extra_statements.push(stmt.syntax().text_range()),
        }
    }
    ctx.finish()
}

/// Lowers one query (the `AS SELECT` of a seed `CREATE TABLE`).
pub fn lower_query<N: TreeNode>(query: &ast::Query<N>, dialect: Dialect) -> Body {
    let mut ctx = Ctx { body: Body::default(), dialect };
    let root = ctx.query(query);
    ctx.body.root = Some(root);
    ctx.finish()
}

struct Ctx {
    body: Body,
    /// How names compare (quoted names' case).
    dialect: Dialect,
}

impl Ctx {
    /// The body without the arenas' spare capacity: a batch compile keeps every model's
    /// body memoized, so doubling growth would cost up to twice the memory.
    fn finish(mut self) -> Body {
        self.body.queries.shrink_to_fit();
        self.body.froms.shrink_to_fit();
        self.body.exprs.shrink_to_fit();
        self.body
    }
}

fn name_span<N: TreeNode>(name: &ast::Name<N>, d: Dialect) -> NameSpan {
    let name_of = |text: &str, quoted| Name::in_dialect(text, quoted, d);
    NameSpan { name: name.with_text(name_of), range: name.syntax().text_range() }
}

fn name_ref_span<N: TreeNode>(name: &ast::NameRef<N>, d: Dialect) -> NameSpan {
    let name_of = |text: &str, quoted| Name::in_dialect(text, quoted, d);
    NameSpan { name: name.with_text(name_of), range: name.syntax().text_range() }
}

fn path_spans<N: TreeNode>(path: &ast::Path<N>, d: Dialect) -> Box<[NameSpan]> {
    // Sized exactly, so the box is this allocation (no growth, no shrink): one per path.
    let mut out = Vec::with_capacity(path.segments().count());
    for seg in path.segments() {
        let span = name_ref_span(&seg, d);
        if d == Dialect::BigQuery && span.name.as_str().contains('.') {
            // BigQuery: `` `project.dataset.table` `` is one quoted token naming a path.
            let text = seg.text();
            let mut at = span.range.start() + syntax::TextSize::from(1);
            for part in text.split('.') {
                let len = syntax::TextSize::of(part);
                out.push(NameSpan {
                    name: Name::in_dialect(part, true, d),
                    range: TextRange::at(at, len),
                });
                at += len + syntax::TextSize::from(1);
            }
            continue;
        }
        out.push(span);
    }
    out.into()
}

/// The last segment of a path (a column in `USING`, `EXCLUDE`, `RENAME`).
fn last_span<N: TreeNode>(path: &ast::Path<N>, d: Dialect) -> Option<NameSpan> {
    path.segments().last().map(|s| name_ref_span(&s, d))
}

fn table_alias<N: TreeNode>(node: &N, d: Dialect) -> Option<TableAlias> {
    let alias = node.children().filter_map(ast::Alias::cast).last()?;
    Some(TableAlias {
        name: name_span(&alias.name()?, d),
        columns: alias
            .column_alias_list()
            .map(|l| l.names().map(|n| name_span(&n, d)).collect())
            .unwrap_or_default(),
    })
}

impl Ctx {
    fn query<N: TreeNode>(&mut self, q: &ast::Query<N>) -> QueryId {
        let mut ctes = Vec::new();
        let recursive = q.with_clause().is_some_and(|w| w.recursive_token().is_some());
        for cte in q.ctes() {
            let Some(name) = cte.name() else { continue };
            let query = match cte.paren_select().and_then(|p| p.query()) {
                Some(inner) => self.query(&inner),
                None => self.missing_query(cte.syntax().text_range()),
            };
            let columns = cte
                .column_alias_list()
                .map(|l| l.names().map(|n| name_span(&n, self.dialect)).collect())
                .unwrap_or_default();
            ctes.push(Cte { name: name_span(&name, self.dialect), columns, query });
        }
        let body = match q.select_body() {
            Some(b) => self.select_body(&b),
            None => QueryBody::Missing,
        };
        let order_by = q.order_by_clause().map(|o| self.order_items(&o)).unwrap_or_default();
        let mut limits = Vec::new();
        if let Some(l) = q.limit_clause() {
            limits.extend(l.exprs().map(|e| self.expr(&e)));
        }
        if let Some(e) = q.offset_clause().and_then(|o| o.expr()) {
            limits.push(self.expr(&e));
        }
        if let Some(e) = q.fetch_clause().and_then(|f| f.expr()) {
            limits.push(self.expr(&e));
        }
        self.body.queries.alloc(Query {
            ctes: ctes.into(),
            recursive,
            body,
            order_by,
            limits: limits.into(),
            range: q.syntax().text_range(),
        })
    }

    fn missing_query(&mut self, range: TextRange) -> QueryId {
        self.body.queries.alloc(Query {
            ctes: Box::default(),
            recursive: false,
            body: QueryBody::Missing,
            order_by: Box::default(),
            limits: Box::default(),
            range,
        })
    }

    fn body_query<N: TreeNode>(&mut self, b: &ast::SelectBody<N>) -> QueryId {
        let body = self.select_body(b);
        self.body.queries.alloc(Query {
            ctes: Box::default(),
            recursive: false,
            body,
            order_by: Box::default(),
            limits: Box::default(),
            range: b.syntax().text_range(),
        })
    }

    fn select_body<N: TreeNode>(&mut self, b: &ast::SelectBody<N>) -> QueryBody {
        match b {
            ast::SelectBody::Select(s) => QueryBody::Select(Box::new(self.select(s))),
            ast::SelectBody::CompoundSelect(c) => {
                let lhs = match c.lhs() {
                    Some(l) => self.body_query(&l),
                    None => self.missing_query(c.syntax().text_range()),
                };
                let rhs = match c.rhs() {
                    Some(r) => self.body_query(&r),
                    None => self.missing_query(c.syntax().text_range()),
                };
                let op = c.set_operator();
                let words: Vec<String> = op
                    .iter()
                    .flat_map(|o| o.syntax().children_with_tokens())
                    .filter_map(|t| t.into_token())
                    .filter(|t| !t.kind().is_trivia())
                    .map(|t| t.text().to_ascii_lowercase())
                    .collect();
                let kind = match words.first().map(String::as_str) {
                    Some("intersect") => SetOpKind::Intersect,
                    Some("except" | "minus") => SetOpKind::Except,
                    _ => SetOpKind::Union,
                };
                QueryBody::SetOp(SetOp {
                    kind,
                    all: words.iter().any(|w| w == "all"),
                    by_name: words.iter().any(|w| w == "name"),
                    lhs,
                    rhs,
                    op_range: op
                        .map(|o| o.syntax().text_range())
                        .unwrap_or(c.syntax().text_range()),
                })
            }
            ast::SelectBody::ParenSelect(p) => match p.query() {
                Some(q) => QueryBody::Nested(self.query(&q)),
                None => QueryBody::Missing,
            },
            ast::SelectBody::Values(v) => QueryBody::Values(self.values(v)),
            ast::SelectBody::PivotStmt(_) | ast::SelectBody::UnpivotStmt(_) => QueryBody::Opaque {
                exprs: self.descendant_exprs(b.syntax()).into(),
                froms: Box::default(),
            },
        }
    }

    fn values<N: TreeNode>(&mut self, v: &ast::Values<N>) -> Box<[Box<[ExprId]>]> {
        v.row_values().map(|row| row.exprs().map(|e| self.expr(&e)).collect()).collect()
    }

    fn select<N: TreeNode>(&mut self, s: &ast::Select<N>) -> Select {
        let mut sel = Select::default();
        // FROM first: the select list and clauses refer to it.
        if let Some(from) = s.from_clause() {
            sel.from = from.from_items().map(|f| self.lower_from_item(&f)).collect();
        }
        match s.select_clause() {
            Some(clause) => {
                if let Some(d) = clause.distinct_clause() {
                    sel.distinct = d.distinct_token().is_some();
                    sel.distinct_on = d.exprs().map(|e| self.expr(&e)).collect();
                }
                if let Some(top) = clause.top_clause().and_then(|t| t.expr()) {
                    let _ = self.expr(&top);
                }
                sel.items = clause
                    .select_item_list()
                    .iter()
                    .flat_map(|l| l.select_items())
                    .filter_map(|item| self.select_item(&item))
                    .collect();
            }
            None => sel.implicit_star = true,
        }
        sel.where_ = s.where_clause().and_then(|w| w.expr()).map(|e| self.expr(&e));
        if let Some(g) = s.group_by_clause() {
            sel.group_by = if g.all_token().is_some() {
                GroupBy::All
            } else {
                let mut exprs = Vec::new();
                for item in g.grouping_items() {
                    self.grouping_item(&item, &mut exprs);
                }
                GroupBy::Exprs(exprs.into())
            };
        }
        sel.having = s.having_clause().and_then(|h| h.expr()).map(|e| self.expr(&e));
        sel.qualify = s.qualify_clause().and_then(|q| q.expr()).map(|e| self.expr(&e));
        sel.windows = s
            .window_clause()
            .iter()
            .flat_map(|w| w.named_windows())
            .filter_map(|w| {
                let (Some(name), Some(spec)) = (w.name(), w.window_spec()) else { return None };
                Some((name_span(&name, self.dialect), self.window(&spec)))
            })
            .collect();
        sel
    }

    fn grouping_item<N: TreeNode>(&mut self, item: &ast::GroupingItem<N>, out: &mut Vec<ExprId>) {
        match item {
            ast::GroupingItem::Expr(e) => out.push(self.expr(e)),
            ast::GroupingItem::GroupingElement(el) => {
                for e in el.exprs() {
                    out.push(self.expr(&e));
                }
                for inner in el.grouping_items() {
                    self.grouping_item(&inner, out);
                }
            }
        }
    }

    fn select_item<N: TreeNode>(&mut self, item: &ast::SelectItem<N>) -> Option<SelectItem> {
        let expr = item.expr()?;
        if let ast::Expr::StarExpr(star) = &expr
            && star.expr().is_none()
        {
            return Some(SelectItem::Star(Box::new(self.star(star))));
        }
        let alias = item.alias().and_then(|a| a.name()).map(|n| name_span(&n, self.dialect));
        let expr = self.expr(&expr);
        Some(SelectItem::Expr { expr, alias, range: item.syntax().text_range() })
    }

    fn star<N: TreeNode>(&mut self, star: &ast::StarExpr<N>) -> Star {
        let (mut exclude, mut replace, mut rename) = (Vec::new(), Vec::new(), Vec::new());
        for m in star.star_modifiers() {
            if m.exclude_token().is_some() || m.except_token().is_some() {
                let paths: Vec<ast::Path<N>> = match m.column_list() {
                    Some(list) => list.paths().collect(),
                    None => m.path().into_iter().collect(),
                };
                exclude.extend(paths.iter().filter_map(|p| last_span(p, self.dialect)));
            }
            for r in m.replace_items() {
                if let (Some(e), Some(n)) = (r.expr(), r.name()) {
                    let e = self.expr(&e);
                    replace.push((e, name_span(&n, self.dialect)));
                }
            }
            for r in m.rename_items() {
                if let (Some(p), Some(n)) =
                    (r.path().and_then(|p| last_span(&p, self.dialect)), r.name())
                {
                    rename.push((p, name_span(&n, self.dialect)));
                }
            }
        }
        Star {
            qualifier: star.path().map(|p| path_spans(&p, self.dialect)),
            exclude: exclude.into(),
            replace: replace.into(),
            rename: rename.into(),
            range: star.syntax().text_range(),
        }
    }

    fn order_items<N: TreeNode>(&mut self, o: &ast::OrderByClause<N>) -> Box<[OrderItem]> {
        o.order_items()
            .map(|it| OrderItem {
                expr: it.expr().map(|e| self.expr(&e)),
                desc: it.desc_token().is_some(),
            })
            .collect()
    }

    fn window<N: TreeNode>(&mut self, spec: &ast::WindowSpec<N>) -> Window {
        Window {
            base: spec.name_ref().map(|n| name_ref_span(&n, self.dialect)),
            partition_by: spec
                .partition_by()
                .map(|p| p.exprs().map(|e| self.expr(&e)).collect())
                .unwrap_or_default(),
            order_by: spec.order_by_clause().map(|o| self.order_items(&o)).unwrap_or_default(),
            frame: spec
                .frame_clause()
                .map(|f| {
                    [f.start(), f.end()]
                        .into_iter()
                        .flatten()
                        .filter_map(|b| b.expr())
                        .map(|e| self.expr(&e))
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    fn lower_from_item<N: TreeNode>(&mut self, item: &ast::FromItem<N>) -> FromId {
        let range = item.syntax().text_range();
        let alias = if matches!(item, ast::FromItem::JoinExpr(_)) {
            None
        } else {
            table_alias(item.syntax(), self.dialect)
        };
        let pivots = item
            .syntax()
            .children()
            .any(|c| matches!(c.kind(), SyntaxKind::PIVOT_CLAUSE | SyntaxKind::UNPIVOT_CLAUSE));
        // With a PIVOT the alias names the pivoted result, not the item inside it.
        let inner_alias = if pivots { None } else { alias.clone() };
        let lowered = match item {
            ast::FromItem::TableRef(t) => match t.path() {
                Some(p) => FromItem::Table {
                    path: path_spans(&p, self.dialect),
                    alias: inner_alias,
                    range,
                },
                None => FromItem::External { alias: inner_alias, range },
            },
            ast::FromItem::DerivedTable(d) => {
                if let Some(q) = d.subquery_expr().and_then(|s| s.query()) {
                    let query = self.query(&q);
                    FromItem::Derived { query, alias: inner_alias, range }
                } else if let Some(v) = d.values() {
                    let rows = self.values(&v);
                    FromItem::Values { rows, alias: inner_alias, range }
                } else {
                    FromItem::Missing
                }
            }
            ast::FromItem::TableFunction(f) => {
                self.table_function(f.path(), f.arg_list(), f.expr(), inner_alias, range)
            }
            ast::FromItem::LateralItem(l) => {
                if let Some(q) = l.subquery_expr().and_then(|s| s.query()) {
                    let query = self.query(&q);
                    FromItem::Derived { query, alias: inner_alias, range }
                } else {
                    self.table_function(l.path(), l.arg_list(), None, inner_alias, range)
                }
            }
            ast::FromItem::ParenFromItem(p) => match p.from_item() {
                Some(inner) => {
                    let inner = self.lower_from_item(&inner);
                    FromItem::Paren { inner, alias: inner_alias, range }
                }
                None => FromItem::Missing,
            },
            ast::FromItem::JoinExpr(j) => {
                let lhs = match j.lhs() {
                    Some(l) => self.lower_from_item(&l),
                    None => self.body.froms.alloc(FromItem::Missing),
                };
                let rhs = match j.rhs() {
                    Some(r) => self.lower_from_item(&r),
                    None => self.body.froms.alloc(FromItem::Missing),
                };
                let op = j.join_operator();
                let has = |f: fn(&ast::JoinOperator<N>) -> Option<N::Token>| {
                    op.as_ref().and_then(f).is_some()
                };
                let kind =
                    if has(ast::JoinOperator::semi_token) || has(ast::JoinOperator::anti_token) {
                        JoinKind::Semi
                    } else if has(ast::JoinOperator::left_token) {
                        JoinKind::Left
                    } else if has(ast::JoinOperator::right_token) {
                        JoinKind::Right
                    } else if has(ast::JoinOperator::full_token) {
                        JoinKind::Full
                    } else if has(ast::JoinOperator::cross_token) {
                        JoinKind::Cross
                    } else if has(ast::JoinOperator::positional_token) {
                        JoinKind::Positional
                    } else {
                        JoinKind::Inner
                    };
                let constraint = j.join_constraint();
                let on = constraint.as_ref().and_then(|c| c.expr()).map(|e| self.expr(&e));
                let using = constraint
                    .and_then(|c| c.column_list())
                    .map(|l| l.paths().filter_map(|p| last_span(&p, self.dialect)).collect())
                    .unwrap_or_default();
                FromItem::Join(Join {
                    kind,
                    natural: has(ast::JoinOperator::natural_token),
                    lhs,
                    rhs,
                    on,
                    using,
                    range,
                })
            }
        };
        let id = self.body.froms.alloc(lowered);
        if !pivots {
            return id;
        }
        let mut exprs = Vec::new();
        for clause in item
            .syntax()
            .children()
            .filter(|c| matches!(c.kind(), SyntaxKind::PIVOT_CLAUSE | SyntaxKind::UNPIVOT_CLAUSE))
        {
            exprs.extend(self.descendant_exprs(&clause));
        }
        self.body.froms.alloc(FromItem::Pivoted { inner: id, exprs: exprs.into(), alias, range })
    }

    fn table_function<N: TreeNode>(
        &mut self,
        path: Option<ast::Path<N>>,
        args: Option<ast::ArgList<N>>,
        expr: Option<ast::Expr<N>>,
        alias: Option<TableAlias>,
        range: TextRange,
    ) -> FromItem {
        let name = path
            .as_ref()
            .and_then(|p| p.last_segment())
            .map(|n| name_ref_span(&n, self.dialect))
            .unwrap_or(NameSpan { name: Name::folded("table"), range });
        let mut lowered = args.map(|a| self.args(&a)).unwrap_or_default();
        if let Some(e) = expr {
            lowered.push(self.expr(&e));
        }
        FromItem::Function { name, args: lowered.into(), alias, range }
    }

    fn args<N: TreeNode>(&mut self, list: &ast::ArgList<N>) -> Vec<ExprId> {
        self.args_after(None, list)
    }

    /// The arguments of `list` after `first` (a method call's receiver), in one exactly
    /// sized vector for the common case of one expression per argument.
    fn args_after<N: TreeNode>(
        &mut self,
        first: Option<ExprId>,
        list: &ast::ArgList<N>,
    ) -> Vec<ExprId> {
        let mut out = Vec::with_capacity(usize::from(first.is_some()) + list.call_args().count());
        out.extend(first);
        for arg in list.call_args() {
            match arg {
                ast::CallArg::Arg(a) => {
                    if let Some(q) = a.query() {
                        let query = self.query(&q);
                        let range = q.syntax().text_range();
                        out.push(self.alloc(Expr::Subquery {
                            query,
                            lhs: None,
                            exists: false,
                            range,
                        }));
                    }
                    for e in a.exprs() {
                        out.push(self.expr(&e));
                    }
                }
                ast::CallArg::NamedArg(n) => {
                    if let Some(e) = n.expr() {
                        out.push(self.expr(&e));
                    }
                }
            }
        }
        if let Some(e) = list.expr() {
            out.push(self.expr(&e));
        }
        out
    }

    fn alloc(&mut self, e: Expr) -> ExprId {
        self.body.exprs.alloc(e)
    }

    fn opt_expr<N: TreeNode>(&mut self, e: Option<ast::Expr<N>>) -> ExprId {
        match e {
            Some(e) => self.expr(&e),
            None => self.alloc(Expr::Missing),
        }
    }

    fn expr<N: TreeNode>(&mut self, e: &ast::Expr<N>) -> ExprId {
        let range = e.syntax().text_range();
        let lowered = match e {
            ast::Expr::PathExpr(p) => match p.path() {
                Some(path) => Expr::Column { path: path_spans(&path, self.dialect), range },
                None => Expr::Missing,
            },
            ast::Expr::Literal(l) => {
                let kind = match l.token().map(|t| t.kind()) {
                    Some(SyntaxKind::INT_NUMBER) => Literal::Int,
                    Some(SyntaxKind::FLOAT_NUMBER) => Literal::Float,
                    Some(SyntaxKind::NULL_KW) => Literal::Null,
                    Some(SyntaxKind::TRUE_KW | SyntaxKind::FALSE_KW) => Literal::Bool,
                    _ => Literal::String,
                };
                Expr::Literal { kind, range }
            }
            ast::Expr::TypedLiteral(t) => {
                let ty: String = match t.ty() {
                    Some(ty) => ty.syntax().text_string(),
                    None => t
                        .syntax()
                        .first_token()
                        .map(|t| t.text().to_ascii_uppercase())
                        .unwrap_or_default(),
                };
                Expr::Literal { kind: Literal::Typed(Box::new(ty)), range }
            }
            ast::Expr::IntervalExpr(i) => {
                let _ = i.expr().map(|e| self.expr(&e));
                Expr::Literal { kind: Literal::Interval, range }
            }
            ast::Expr::ParenExpr(p) => return self.opt_expr(p.expr()),
            ast::Expr::BinExpr(b) => {
                let op = b.op_kind().unwrap_or(SyntaxKind::ERROR);
                let lhs = self.opt_expr(b.lhs());
                if let Some(ast::Expr::QuantifiedExpr(q)) = b.rhs()
                    && let Some(query) = q.query()
                {
                    let query = self.query(&query);
                    return self.alloc(Expr::Subquery {
                        query,
                        lhs: Some(lhs),
                        exists: false,
                        range,
                    });
                }
                let rhs = self.opt_expr(b.rhs());
                Expr::Binary { op, lhs, rhs, range }
            }
            ast::Expr::PrefixExpr(p) => {
                let op = p.op_kind().unwrap_or(SyntaxKind::ERROR);
                let expr = self.opt_expr(p.expr());
                Expr::Unary { op, expr, range }
            }
            ast::Expr::InExpr(i) => {
                let lhs = self.opt_expr(i.lhs());
                match i.rhs() {
                    Some(ast::Expr::SubqueryExpr(s)) if s.query().is_some() => {
                        let query = match s.query() {
                            Some(q) => self.query(&q),
                            None => self.missing_query(range),
                        };
                        Expr::Subquery { query, lhs: Some(lhs), exists: false, range }
                    }
                    rhs => {
                        let rhs = self.opt_expr(rhs);
                        Expr::Other {
                            kind: SyntaxKind::IN_EXPR,
                            children: [lhs, rhs].into(),
                            range,
                        }
                    }
                }
            }
            ast::Expr::CastExpr(c) => {
                let expr = self.opt_expr(c.expr());
                if let Some(f) = c.format() {
                    let _ = self.expr(&f);
                }
                let ty = c.ty().map(|t| t.syntax().text_string().into()).unwrap_or_default();
                let first = c.syntax().first_token().map(|t| t.kind());
                let is_try =
                    matches!(first, Some(SyntaxKind::TRY_CAST_KW | SyntaxKind::SAFE_CAST_KW));
                Expr::Cast { expr, ty, is_try, range }
            }
            ast::Expr::CaseExpr(c) => {
                let operand = c.operand().map(|o| self.expr(&o));
                let arms = c
                    .when_clauses()
                    .map(|w| {
                        let cond = self.opt_expr(w.condition());
                        let res = self.opt_expr(w.result());
                        (cond, res)
                    })
                    .collect();
                let else_ = c.else_clause().and_then(|e| e.expr()).map(|e| self.expr(&e));
                Expr::Case(Box::new(Case { operand, arms, else_, range }))
            }
            ast::Expr::CallExpr(c) => return self.call(c),
            ast::Expr::ExistsExpr(x) => match x.subquery_expr().and_then(|s| s.query()) {
                Some(q) => {
                    let query = self.query(&q);
                    Expr::Subquery { query, lhs: None, exists: true, range }
                }
                None => Expr::Missing,
            },
            ast::Expr::SubqueryExpr(s) => match s.query() {
                Some(q) => {
                    let query = self.query(&q);
                    Expr::Subquery { query, lhs: None, exists: false, range }
                }
                None => Expr::Missing,
            },
            ast::Expr::LambdaExpr(l) => {
                let params = l
                    .lambda_params()
                    .iter()
                    .flat_map(|p| p.names())
                    .map(|n| name_span(&n, self.dialect))
                    .collect();
                let body = self.opt_expr(l.body());
                Expr::Lambda { params, body, range }
            }
            ast::Expr::StarExpr(s) => {
                if let Some(inner) = s.expr() {
                    let child = self.expr(&inner);
                    return self.alloc(Expr::Other {
                        kind: SyntaxKind::STAR_EXPR,
                        children: [child].into(),
                        range,
                    });
                }
                if let Some(path) = s.path() {
                    // `t.*` inside an expression (`struct_pack(t.*)`): resolution checks `t`.
                    return self
                        .alloc(Expr::Column { path: path_spans(&path, self.dialect), range });
                }
                Expr::Star { range }
            }
            // `[f(x) FOR x IN list IF cond]`: the names after FOR are bound in the element
            // and the condition (a lambda over the list), not in the list expression.
            ast::Expr::ArrayExpr(a)
                if a.syntax()
                    .children_with_tokens()
                    .any(|t| syntax::element_kind(&t) == SyntaxKind::FOR_KW) =>
            {
                return self.comprehension(a, range);
            }
            ast::Expr::Placeholder(p) => {
                let name = p
                    .syntax()
                    .first_token()
                    .map(|t| t.text().trim_start_matches('@').to_ascii_lowercase().into())
                    .unwrap_or_default();
                let args = p
                    .syntax()
                    .children()
                    .find_map(ast::ArgList::cast)
                    .map(|a| self.args(&a).into())
                    .unwrap_or_default();
                Expr::Placeholder(Box::new(Placeholder { name, args, range }))
            }
            _ => {
                let children = self.child_exprs(e.syntax()).into();
                Expr::Other { kind: e.syntax().kind(), children, range }
            }
        };
        self.alloc(lowered)
    }

    fn call<N: TreeNode>(&mut self, c: &ast::CallExpr<N>) -> ExprId {
        let range = c.syntax().text_range();
        let mut qualifier: Vec<NameSpan> =
            c.path().map(|p| path_spans(&p, self.dialect).into_vec()).unwrap_or_default();
        let name = match qualifier.pop() {
            Some(n) => n,
            None => match c.function_name() {
                Some(n) => name_ref_span(&n, self.dialect),
                None => NameSpan { name: Name::folded(""), range },
            },
        };
        let receiver = c.receiver().map(|recv| self.expr(&recv));
        let list = c.arg_list();
        let args = match &list {
            Some(list) => self.args_after(receiver, list),
            None => receiver.into_iter().collect(),
        };
        let distinct = list.as_ref().is_some_and(|l| l.distinct_token().is_some());
        let mut order_by: Vec<OrderItem> = list
            .as_ref()
            .and_then(|l| l.order_by_clause())
            .map(|o| self.order_items(&o).into_vec())
            .unwrap_or_default();
        if let Some(o) = c.within_group_clause().and_then(|w| w.order_by_clause()) {
            order_by.extend(self.order_items(&o));
        }
        let filter = c.filter_clause().and_then(|f| f.expr()).map(|e| self.expr(&e));
        let over = c.over_clause().map(|o| {
            Box::new(match o.window_spec() {
                Some(spec) => self.window(&spec),
                None => Window {
                    base: o.name_ref().map(|n| name_ref_span(&n, self.dialect)),
                    ..Window::default()
                },
            })
        });
        self.alloc(Expr::Call(Box::new(Call {
            name,
            qualifier: qualifier.into(),
            args: args.into(),
            distinct,
            order_by: order_by.into(),
            filter,
            over,
            range,
        })))
    }

    fn comprehension<N: TreeNode>(&mut self, a: &ast::ArrayExpr<N>, range: TextRange) -> ExprId {
        let mut params = Vec::new();
        let mut bound = Vec::new();
        let mut source = None;
        let mut after_in = false;
        for child in a.syntax().children_with_tokens() {
            match child {
                syntax::NodeOrToken::Token(t) => after_in |= t.kind() == SyntaxKind::IN_KW,
                syntax::NodeOrToken::Node(n) => {
                    if let Some(name) = ast::Name::cast(n.clone()) {
                        params.push(name_span(&name, self.dialect));
                    } else if let Some(e) = ast::Expr::cast(n) {
                        if after_in && source.is_none() {
                            source = Some(self.expr(&e));
                        } else {
                            bound.push(e);
                        }
                    }
                }
            }
        }
        let children: Box<[ExprId]> = bound.iter().map(|e| self.expr(e)).collect();
        let inner = e_range(&bound, range);
        let body = self.alloc(Expr::Other { kind: SyntaxKind::ARRAY_EXPR, children, range: inner });
        let lambda = self.alloc(Expr::Lambda { params: params.into(), body, range });
        let children: Box<[ExprId]> = source.into_iter().chain([lambda]).collect();
        self.alloc(Expr::Other { kind: SyntaxKind::ARRAY_EXPR, children, range })
    }

    /// The expressions directly below `node`, looking through non-expression nodes (WHEN
    /// clauses, slices, struct fields, argument lists).
    fn child_exprs<N: TreeNode>(&mut self, node: &N) -> Vec<ExprId> {
        let mut out = Vec::new();
        for child in node.children() {
            if let Some(e) = ast::Expr::cast(child.clone()) {
                out.push(self.expr(&e));
            } else if let Some(q) = ast::Query::cast(child.clone()) {
                let query = self.query(&q);
                out.push(self.alloc(Expr::Subquery {
                    query,
                    lhs: None,
                    exists: false,
                    range: q.syntax().text_range(),
                }));
            } else if child.kind() != SyntaxKind::TYPE {
                out.extend(self.child_exprs(&child));
            }
        }
        out
    }

    /// Every outermost expression below `node` (PIVOT clauses, opaque statements).
    fn descendant_exprs<N: TreeNode>(&mut self, node: &N) -> Vec<ExprId> {
        self.child_exprs(node)
    }
}

/// The range covering `exprs`, or `fallback` when there are none.
fn e_range<N: TreeNode>(exprs: &[ast::Expr<N>], fallback: TextRange) -> TextRange {
    match (exprs.first(), exprs.last()) {
        (Some(f), Some(l)) => f.syntax().text_range().cover(l.syntax().text_range()),
        _ => fallback,
    }
}
