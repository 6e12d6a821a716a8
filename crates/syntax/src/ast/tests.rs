//! The typed AST over real parses: generated accessors and the hand-written conveniences.

use crate::{
    Dialect, SyntaxKind,
    ast::{self, AstNode},
    sql,
};

/// The first node of type `N` in a DuckDB parse of `text`, which must parse cleanly.
fn find<N: AstNode>(text: &str) -> N {
    find_in(text, Dialect::DuckDb)
}

fn find_in<N: AstNode>(text: &str, dialect: Dialect) -> N {
    let parse = sql::parse(text, dialect);
    assert!(parse.errors().is_empty(), "errors in {text:?}: {:?}", parse.errors());
    parse
        .syntax_node()
        .descendants()
        .find_map(N::cast)
        .unwrap_or_else(|| panic!("no {} in {text:?}", std::any::type_name::<N>()))
}

fn texts<N: ToString>(items: impl Iterator<Item = N>) -> Vec<String> {
    items.map(|n| n.to_string()).collect()
}

#[test]
fn source_file_statements() {
    let parse = sql::parse("select 1; create table t (a int); drop view v", Dialect::DuckDb);
    let file = parse.tree().expect("a source file");
    let kinds: Vec<_> = file
        .stmts()
        .map(|s| match s {
            ast::Stmt::QueryStmt(_) => "query",
            ast::Stmt::CreateTableStmt(_) => "create table",
            ast::Stmt::DropStmt(_) => "drop",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["query", "create table", "drop"]);
    assert_eq!(file.to_string(), "select 1; create table t (a int); drop view v");
}

#[test]
fn select_items_and_aliases() {
    let select: ast::Select = find("select a, b + 1 as c, t.* exclude (x), \"Q\" d from t");
    let items: Vec<_> = select
        .select_clause()
        .and_then(|c| c.select_item_list())
        .expect("items")
        .select_items()
        .collect();
    assert_eq!(texts(items.iter()), ["a", "b + 1 as c", "t.* exclude (x)", "\"Q\" d"]);
    assert_eq!(
        items.iter().map(|i| i.alias_text()).collect::<Vec<_>>(),
        [None, Some("c".into()), None, Some("d".into())]
    );
    let Some(ast::Expr::StarExpr(star)) = items[2].expr() else { panic!("a star expression") };
    assert_eq!(star.path().map(|p| p.texts()), Some(vec!["t".to_string()]));
    let excluded =
        star.star_modifiers().next().and_then(|m| m.column_list()).expect("EXCLUDE list");
    assert_eq!(texts(excluded.paths()), ["x"]);
    assert!(matches!(items[1].expr(), Some(ast::Expr::BinExpr(_))));
}

#[test]
fn duckdb_prefix_alias() {
    let item: ast::SelectItem = find("select total: price * qty from t");
    assert_eq!(item.alias_text().as_deref(), Some("total"));
    assert_eq!(item.expr().map(|e| e.to_string()).as_deref(), Some("price * qty"));
}

#[test]
fn select_clauses() {
    let select: ast::Select =
        find("select a, count(*) from t where a > 1 group by a having count(*) > 2 qualify true");
    assert_eq!(
        select.where_clause().and_then(|w| w.expr()).map(|e| e.to_string()).as_deref(),
        Some("a > 1")
    );
    let group_by = select.group_by_clause().expect("GROUP BY");
    assert_eq!(texts(group_by.grouping_items()), ["a"]);
    assert!(select.having_clause().is_some());
    assert!(select.qualify_clause().is_some());
    assert!(select.window_clause().is_none());
}

#[test]
fn from_first_select() {
    let select: ast::Select = find("from orders select id");
    assert!(select.from_clause().is_some());
    assert!(select.select_clause().is_some());
}

#[test]
fn from_items_and_join_constraint() {
    let from: ast::FromClause = find(
        "select * from a left join b using (id) join c as cc on cc.id = a.id, read_csv('x.csv') r, (select 1) s",
    );
    let items: Vec<_> = from.from_items().collect();
    assert_eq!(items.len(), 3);

    let ast::FromItem::JoinExpr(outer) = &items[0] else { panic!("a join, got {:?}", items[0]) };
    assert_eq!(outer.join_operator().map(|o| o.to_string()).as_deref(), Some("join"));
    let on = outer.join_constraint().and_then(|c| c.expr()).expect("ON condition");
    assert_eq!(on.to_string(), "cc.id = a.id");
    let Some(ast::FromItem::TableRef(c)) = outer.rhs() else { panic!("a table on the right") };
    assert_eq!(c.path().map(|p| p.texts()), Some(vec!["c".to_string()]));
    assert_eq!(ast::FromItem::TableRef(c).alias().and_then(|a| a.text()).as_deref(), Some("cc"));

    let Some(ast::FromItem::JoinExpr(inner)) = outer.lhs() else { panic!("a nested join") };
    assert!(inner.join_operator().and_then(|o| o.left_token()).is_some());
    let using = inner.join_constraint().and_then(|c| c.column_list()).expect("USING list");
    assert_eq!(texts(using.paths()), ["id"]);
    assert_eq!(texts(inner.lhs().into_iter()), ["a"]);
    assert_eq!(texts(inner.rhs().into_iter()), ["b"]);

    let ast::FromItem::TableFunction(f) = &items[1] else { panic!("a table function") };
    assert_eq!(f.path().map(|p| p.to_string()).as_deref(), Some("read_csv"));
    assert_eq!(items[1].alias().and_then(|a| a.text()).as_deref(), Some("r"));
    let ast::FromItem::DerivedTable(d) = &items[2] else { panic!("a derived table") };
    assert!(d.subquery_expr().and_then(|s| s.query()).is_some());
    assert_eq!(items[2].alias().and_then(|a| a.text()).as_deref(), Some("s"));
}

#[test]
fn ctes() {
    let query: ast::Query =
        find("with a as (select 1), \"B c\" (x) as materialized (select 2) select * from a");
    let names: Vec<_> = query.ctes().filter_map(|c| c.name()).map(|n| n.text()).collect();
    assert_eq!(names, ["a", "B c"]);
    let second = query.ctes().nth(1).expect("second CTE");
    assert!(second.materialized_token().is_some());
    assert_eq!(texts(second.column_alias_list().expect("columns").names()), ["x"]);
    assert!(second.paren_select().and_then(|p| p.query()).is_some());
    assert!(matches!(query.select_body(), Some(ast::SelectBody::Select(_))));
}

#[test]
fn bin_expr_operands() {
    let bin: ast::BinExpr = find("select a + b * 2");
    assert_eq!(bin.lhs().map(|e| e.to_string()).as_deref(), Some("a"));
    assert_eq!(bin.rhs().map(|e| e.to_string()).as_deref(), Some("b * 2"));
    assert_eq!(bin.op_kind(), Some(T![+]));
    let Some(ast::Expr::BinExpr(mul)) = bin.rhs() else { panic!("b * 2") };
    assert_eq!(mul.op_kind(), Some(T![*]));
    assert_eq!(mul.op_text(), "*");

    let and: ast::BinExpr = find("select 1 where a = 1 AND b");
    assert_eq!(and.op_kind(), Some(T![and]));
    assert_eq!(and.op_text(), "and");
    let contains: ast::BinExpr = find("select tags @> ['a']");
    assert_eq!(contains.op_text(), "@>");
}

#[test]
fn positional_children() {
    let between: ast::BetweenExpr = find("select x not between 1 and 2");
    assert_eq!(
        texts([between.expr(), between.low(), between.high()].into_iter().flatten()),
        ["x", "1", "2"]
    );
    assert!(between.not_token().is_some());

    let like: ast::LikeExpr = find("select a ilike 'x%' escape '!'");
    assert_eq!(like.op_token().map(|t| t.kind()), Some(T![ilike]));
    assert_eq!(
        texts([like.expr(), like.pattern(), like.escape()].into_iter().flatten()),
        ["a", "'x%'", "'!'"]
    );

    let is: ast::IsExpr = find("select a is not distinct from b");
    assert_eq!(texts([is.lhs(), is.rhs()].into_iter().flatten()), ["a", "b"]);

    let cast: ast::CastExpr = find("select cast(x as int)");
    assert_eq!(cast.expr().map(|e| e.to_string()).as_deref(), Some("x"));
    assert_eq!(cast.ty().map(|t| t.to_string()).as_deref(), Some("int"));
    let cast: ast::CastExpr = find("select x::decimal(18, 2)");
    assert_eq!(cast.expr().map(|e| e.to_string()).as_deref(), Some("x"));
    assert_eq!(
        cast.ty().and_then(|t| t.type_args()).map(|a| a.to_string()).as_deref(),
        Some("(18, 2)")
    );

    let when: ast::WhenClause = find("select case when a then b end");
    assert_eq!(texts([when.condition(), when.result()].into_iter().flatten()), ["a", "b"]);

    let index: ast::IndexExpr = find("select xs[1]");
    assert_eq!(texts([index.base(), index.index()].into_iter().flatten()), ["xs", "1"]);

    let field: ast::StructField = find("select {'a': 1}");
    assert_eq!(texts([field.key(), field.value()].into_iter().flatten()), ["'a'", "1"]);

    let compound: ast::CompoundSelect = find("select 1 union all select 2");
    assert_eq!(
        texts([compound.lhs(), compound.rhs()].into_iter().flatten()),
        ["select 1", "select 2"]
    );
    assert!(compound.set_operator().and_then(|o| o.all_token()).is_some());
}

#[test]
fn slices() {
    let slice: ast::Slice = find("select xs[:3]");
    assert!(slice.lower().is_none());
    assert_eq!(slice.upper().map(|e| e.to_string()).as_deref(), Some("3"));
    let slice: ast::Slice = find("select xs[2:]");
    assert_eq!(slice.lower().map(|e| e.to_string()).as_deref(), Some("2"));
    assert!(slice.upper().is_none());
    let slice: ast::Slice = find("select xs[1:5:2]");
    assert_eq!(
        texts([slice.lower(), slice.upper(), slice.step()].into_iter().flatten()),
        ["1", "5", "2"]
    );
}

#[test]
fn calls() {
    let call: ast::CallExpr = find(
        "select my_schema.sum(distinct x order by y) filter (where x > 0) over (partition by g)",
    );
    assert_eq!(call.function_name().map(|n| n.text()).as_deref(), Some("sum"));
    let args = call.arg_list().expect("arguments");
    assert!(args.distinct_token().is_some());
    assert_eq!(args.call_args().count(), 1);
    assert!(args.order_by_clause().is_some());
    assert!(call.filter_clause().is_some());
    let spec = call.over_clause().and_then(|o| o.window_spec()).expect("window");
    assert_eq!(texts(spec.partition_by().expect("PARTITION BY").exprs()), ["g"]);

    let method: ast::CallExpr = find("select 'Abc'.lower()");
    assert_eq!(method.receiver().map(|r| r.to_string()).as_deref(), Some("'Abc'"));
    assert_eq!(method.function_name().map(|n| n.text()).as_deref(), Some("lower"));

    let named: ast::NamedArg = find("select read_csv('x.csv', header := true)");
    assert_eq!(named.name().map(|n| n.text()).as_deref(), Some("header"));
    let arg: ast::Arg = find("select substring(s from 1 for 2)");
    assert_eq!(arg.expr().map(|e| e.to_string()).as_deref(), Some("s"));
    assert_eq!(texts(arg.exprs()), ["s", "1", "2"]);
}

#[test]
fn names_unquote() {
    let path: ast::Path = find_in("select * from `My \"Db\".main`.`t```", Dialect::Databricks);
    assert_eq!(path.texts(), ["My \"Db\".main", "t`"]);
    assert!(path.segments().next().is_some_and(|s| s.is_quoted()));
    assert_eq!(path.last_segment().map(|s| s.text()).as_deref(), Some("t`"));
    let name: ast::Name = find("select 1 as \"a \"\"b\"\"\"");
    assert_eq!(name.text(), "a \"b\"");
    assert!(name.is_quoted());
    let ty: ast::Type = find("select x::double precision");
    assert_eq!(ty.name_ref().map(|n| n.text()).as_deref(), Some("double precision"));
}

#[test]
fn limit_forms() {
    let limit: ast::LimitClause = find("select 1 limit 10");
    assert_eq!(limit.row_count().map(|e| e.to_string()).as_deref(), Some("10"));
    assert!(limit.offset().is_none());
    let limit: ast::LimitClause = find("select 1 limit 5, 10");
    assert_eq!(limit.row_count().map(|e| e.to_string()).as_deref(), Some("10"));
    assert_eq!(limit.offset().map(|e| e.to_string()).as_deref(), Some("5"));
    let query: ast::Query = find("select 1 order by 1 limit 3 offset 2");
    assert!(query.order_by_clause().is_some());
    assert_eq!(
        query.offset_clause().and_then(|o| o.expr()).map(|e| e.to_string()).as_deref(),
        Some("2")
    );
}

#[test]
fn ddl() {
    let create: ast::CreateTableStmt = find(
        "create or replace table s.t (id int primary key, name varchar not null, foreign key (id) references u (uid))",
    );
    assert!(create.replace_token().is_some());
    assert_eq!(create.path().map(|p| p.texts()), Some(vec!["s".to_string(), "t".to_string()]));
    let elements: Vec<_> = create.column_def_list().expect("columns").table_elements().collect();
    assert_eq!(elements.len(), 3);
    let ast::TableElement::ColumnDef(id) = &elements[0] else { panic!("a column") };
    assert_eq!(id.name().map(|n| n.text()).as_deref(), Some("id"));
    assert_eq!(id.ty().map(|t| t.to_string()).as_deref(), Some("int"));
    assert!(id.column_constraints().any(|c| c.primary_token().is_some()));
    let ast::TableElement::TableConstraint(fk) = &elements[2] else { panic!("a constraint") };
    assert_eq!(fk.columns().map(|c| c.to_string()).as_deref(), Some("(id)"));
    assert_eq!(fk.ref_columns().map(|c| c.to_string()).as_deref(), Some("(uid)"));

    let insert: ast::InsertStmt = find("insert into t (a, b) select 1, 2");
    assert_eq!(texts(insert.column_list().expect("columns").paths()), ["a", "b"]);
    assert!(insert.query().is_some());
}

#[test]
fn enum_casts_and_conversions() {
    let bin: ast::BinExpr = find("select 1 + 2");
    let expr: ast::Expr = bin.clone().into();
    assert_eq!(expr.syntax().kind(), SyntaxKind::BIN_EXPR);
    assert!(<ast::Expr>::can_cast(SyntaxKind::LITERAL));
    assert!(!<ast::Expr>::can_cast(SyntaxKind::SELECT));
    // An enum variant that is itself an enum: GROUP BY items are grouping elements or
    // expressions.
    assert!(<ast::GroupingItem>::can_cast(SyntaxKind::CALL_EXPR));
    let item = ast::GroupingItem::cast(bin.syntax().clone()).expect("an expression item");
    assert!(matches!(item, ast::GroupingItem::Expr(ast::Expr::BinExpr(_))));
    assert_eq!(item.to_string(), "1 + 2");
    let lit = bin.lhs().expect("lhs");
    let ast::Expr::Literal(lit) = lit else { panic!("a literal") };
    assert_eq!(lit.token().map(|t| t.kind()), Some(SyntaxKind::INT_NUMBER));
}

/// The typed AST of `.rocky` files (generated from the same grammar file) fits the trees
/// the pipeline parser builds.
#[test]
fn pipeline_nodes() {
    let parse = crate::pipeline::parse(
        "let b = from orders as o | where amount > 1\nfrom b\ngroup k { n: count(*) }\n\
         derive { r: sum(n) over (partition k sort -n rows 2..current), s: match n { > 1 => 'x', _ => 'y' } }",
    );
    assert!(parse.errors().is_empty(), "{:?}", parse.errors());
    let file = parse.tree().expect("a pipeline file");
    let lets: Vec<_> = file.let_bindings().collect();
    assert_eq!(lets.len(), 1);
    assert_eq!(lets[0].name().map(|n| n.text()).as_deref(), Some("b"));
    let steps: Vec<_> = file.pipelines().next().expect("main").pipeline_steps().collect();
    assert_eq!(steps.len(), 3);
    let ast::PipelineStep::GroupStep(group) = &steps[1] else { panic!("a group step") };
    assert_eq!(texts(group.exprs()), ["k"]);
    let field = group.field_list().and_then(|l| l.fields().next()).expect("a field");
    assert_eq!(field.name().map(|n| n.text()).as_deref(), Some("n"));
    assert_eq!(field.expr().map(|e| e.to_string()).as_deref(), Some("count(*)"));
    let ast::PipelineStep::DeriveStep(derive) = &steps[2] else { panic!("a derive step") };
    let fields: Vec<_> = derive.field_list().expect("fields").fields().collect();
    let Some(ast::Expr::CallExpr(call)) = fields[0].expr() else { panic!("a call") };
    let frame = call.pipe_window().and_then(|w| w.pipe_frame()).expect("a frame");
    assert_eq!(frame.start().map(|b| b.to_string()).as_deref(), Some("2"));
    assert_eq!(frame.end().map(|b| b.to_string()).as_deref(), Some("current"));
    let Some(ast::Expr::MatchExpr(m)) = fields[1].expr() else { panic!("a match") };
    assert_eq!(m.subject().map(|s| s.to_string()).as_deref(), Some("n"));
    assert_eq!(m.match_arms().count(), 2);
}
