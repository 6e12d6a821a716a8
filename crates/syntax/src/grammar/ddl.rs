//! The statements a `data/seed.sql` uses: CREATE TABLE/VIEW/SCHEMA, INSERT, DROP; other
//! statements (SET, INSTALL, COPY, ...) are kept whole as `OTHER_STMT`.

use super::*;
use crate::grammar::expressions::{expr, opt_expr};
use crate::grammar::from;
use crate::grammar::query::{at_query, at_query_start, close_paren, query};
use crate::grammar::types::type_ref;

pub(crate) fn create(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T![create]);
    if p.at(T![or]) {
        p.bump(T![or]);
        expect_kw(p, T![replace]);
    }
    if matches!(p.current(), T![temp] | T![temporary]) || p.at_contextual_kw("transient") {
        p.bump_remap(p.current());
    }
    let kind = match p.current() {
        T![table] => {
            p.bump(T![table]);
            create_table(p);
            CREATE_TABLE_STMT
        }
        T![view] => {
            p.bump(T![view]);
            create_view(p);
            CREATE_VIEW_STMT
        }
        T![materialized] if p.nth_at(1, T![view]) => {
            p.bump(T![materialized]);
            p.bump(T![view]);
            create_view(p);
            CREATE_VIEW_STMT
        }
        T![schema] => {
            p.bump(T![schema]);
            opt_if_exists(p, true);
            table_name(p);
            CREATE_SCHEMA_STMT
        }
        _ => {
            // CREATE MACRO, SEQUENCE, TYPE, ...: kept whole, not analysed.
            rest_of_statement(p);
            OTHER_STMT
        }
    };
    m.complete(p, kind);
}

fn table_name(p: &mut Parser<'_>) {
    if at_name(p) {
        path(p);
    } else {
        p.err_recover(
            "expected a name",
            CLAUSE_START.union(STMT_START).union(TokenSet::new(&[T!['('], T![as]])),
        );
    }
}

fn create_table(p: &mut Parser<'_>) {
    opt_if_exists(p, true);
    table_name(p);
    if p.at(T!['(']) && !at_query_start(p) {
        column_defs(p);
    }
    table_options(p);
    if p.eat(T![as]) {
        if at_query(p) {
            query(p);
        } else {
            p.error("expected a query after AS");
        }
    } else if at_query_start(p) {
        p.error("expected AS before the query");
        query(p);
    }
}

/// Databricks/BigQuery table options: `USING DELTA`, `PARTITIONED BY (..)`, `COMMENT '..'`,
/// `OPTIONS (..)`, `TBLPROPERTIES (..)`, `CLUSTER BY (..)`, `LOCATION '..'`.
fn table_options(p: &mut Parser<'_>) {
    loop {
        if p.at(T![using]) && at_name_kind(p.nth(1)) {
            p.bump(T![using]);
            p.bump_remap(IDENT);
        } else if (p.at_contextual_kw("partitioned") || p.at_contextual_kw("cluster"))
            && p.nth_at(1, T![by])
        {
            p.bump_remap(IDENT);
            p.bump(T![by]);
            if p.at(T!['(']) {
                p.bump_any_balanced();
            } else {
                expressions_list(p);
            }
        } else if (p.at_contextual_kw("comment") || p.at_contextual_kw("location"))
            && p.nth_at(1, STRING)
        {
            p.bump_remap(IDENT);
            p.bump(STRING);
        } else if (p.at_contextual_kw("options") || p.at_contextual_kw("tblproperties"))
            && p.nth_at(1, T!['('])
        {
            p.bump_remap(IDENT);
            p.bump_any_balanced();
        } else {
            return;
        }
    }
}

fn expressions_list(p: &mut Parser<'_>) {
    comma_list(p, EOF, |p| opt_expr(p).is_some());
}

fn column_defs(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T!['(']);
    comma_list(p, T![')'], |p| {
        if matches!(
            p.current(),
            T![primary] | T![unique] | T![foreign] | T![check] | T![constraint]
        ) {
            table_constraint(p);
            true
        } else if at_name(p) {
            column_def(p);
            true
        } else {
            false
        }
    });
    close_paren(p);
    m.complete(p, COLUMN_DEF_LIST);
}

fn column_def(p: &mut Parser<'_>) {
    let m = p.start();
    name(p, TokenSet::new(&[T![,], T![')']]));
    if !matches!(p.current(), T![,] | T![')']) {
        type_ref(p);
    }
    while column_constraint(p) {}
    m.complete(p, COLUMN_DEF);
}

fn column_constraint(p: &mut Parser<'_>) -> bool {
    let m = p.start();
    match p.current() {
        T![not] if p.nth_at(1, T![null]) => {
            p.bump(T![not]);
            p.bump(T![null]);
        }
        T![null] => p.bump(T![null]),
        T![primary] => {
            p.bump(T![primary]);
            p.expect(T![key]);
        }
        T![unique] => p.bump(T![unique]),
        T![default] => {
            p.bump(T![default]);
            expr(p);
        }
        T![check] => {
            p.bump(T![check]);
            paren_expr_required(p);
        }
        T![collate] => {
            p.bump(T![collate]);
            name_ref(p);
        }
        T![references] => references(p),
        T![as] => {
            p.bump(T![as]);
            paren_expr_required(p);
        }
        _ if p.at_contextual_kw("generated") => {
            p.bump_remap(IDENT);
            if p.at_contextual_kw("always") {
                p.bump_remap(IDENT);
            }
            p.expect(T![as]);
            paren_expr_required(p);
            if p.at_contextual_kw("stored") || p.at_contextual_kw("virtual") {
                p.bump_remap(IDENT);
            }
        }
        _ if p.at_contextual_kw("comment") && p.nth_at(1, STRING) => {
            p.bump_remap(IDENT);
            p.bump(STRING);
        }
        _ => {
            m.abandon(p);
            return false;
        }
    }
    m.complete(p, COLUMN_CONSTRAINT);
    true
}

fn paren_expr_required(p: &mut Parser<'_>) {
    if p.expect(T!['(']) {
        expr(p);
        p.expect(T![')']);
    }
}

fn references(p: &mut Parser<'_>) {
    p.bump(T![references]);
    table_name(p);
    if p.at(T!['(']) {
        column_list(p);
    }
}

fn table_constraint(p: &mut Parser<'_>) {
    let m = p.start();
    if p.eat(T![constraint]) {
        name(p, TokenSet::EMPTY);
    }
    match p.current() {
        T![primary] => {
            p.bump(T![primary]);
            p.expect(T![key]);
            column_list(p);
        }
        T![unique] => {
            p.bump(T![unique]);
            column_list(p);
        }
        T![foreign] => {
            p.bump(T![foreign]);
            p.expect(T![key]);
            column_list(p);
            if p.at(T![references]) {
                references(p);
            } else {
                p.error("expected REFERENCES");
            }
        }
        T![check] => {
            p.bump(T![check]);
            paren_expr_required(p);
        }
        _ => p.error("expected PRIMARY KEY, UNIQUE, FOREIGN KEY or CHECK"),
    }
    m.complete(p, TABLE_CONSTRAINT);
}

fn create_view(p: &mut Parser<'_>) {
    opt_if_exists(p, true);
    table_name(p);
    if p.at(T!['(']) {
        column_alias_list(p);
    }
    table_options(p);
    if expect_kw(p, T![as]) {
        if at_query(p) {
            query(p);
        } else {
            p.error("expected a query after AS");
        }
    }
}

/// `INSERT [OR REPLACE|IGNORE] INTO t [BY NAME] [(cols)] VALUES .. | query | DEFAULT VALUES`.
pub(crate) fn insert(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T![insert]);
    if p.eat(T![or]) {
        if p.at(T![replace]) || p.at_contextual_kw("ignore") || p.at(T![ignore]) {
            p.bump_remap(p.current());
        } else {
            p.error("expected REPLACE or IGNORE");
        }
    }
    if !expect_kw(p, T![into]) && p.at_contextual_kw("overwrite") {
        p.bump_remap(IDENT);
        p.eat(T![table]);
    }
    table_name(p);
    if p.at(T![as]) {
        opt_alias(p, false);
    }
    if p.at(T![by]) {
        p.bump(T![by]);
        if p.at_contextual_kw("name") || p.at_contextual_kw("position") {
            p.bump_remap(IDENT);
        } else {
            p.error("expected NAME or POSITION");
        }
    }
    if p.at(T!['(']) && !at_query_start(p) {
        column_list(p);
    }
    if p.at(T![default]) && p.nth_at(1, T![values]) {
        p.bump(T![default]);
        p.bump(T![values]);
    } else if at_query(p) {
        query(p);
    } else {
        p.error("expected VALUES or a query");
    }
    if p.at(T![on]) || p.at_contextual_kw("returning") {
        rest_of_statement(p);
    }
    m.complete(p, INSERT_STMT);
}

/// `DROP TABLE|VIEW|SCHEMA|.. [IF EXISTS] name [, name] [CASCADE|RESTRICT]`.
pub(crate) fn drop(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T![drop]);
    match p.current() {
        T![table] | T![view] | T![schema] => p.bump_any(),
        T![materialized] if p.nth_at(1, T![view]) => {
            p.bump(T![materialized]);
            p.bump(T![view]);
        }
        _ if at_name(p) => p.bump_remap(IDENT),
        _ => p.error("expected TABLE, VIEW or SCHEMA"),
    }
    opt_if_exists(p, false);
    comma_list1(p, EOF, "a name", opt_path);
    if !p.eat(T![cascade]) {
        p.eat(T![restrict]);
    }
    m.complete(p, DROP_STMT);
}

/// `DELETE FROM t [USING ..] [WHERE ..]`.
pub(crate) fn delete(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T![delete]);
    expect_kw(p, T![from]);
    table_name(p);
    if p.at(T![as]) || at_implicit_alias(p) {
        opt_alias(p, false);
    }
    if p.eat(T![using]) {
        comma_list1(p, EOF, "a table", |p| {
            if at_name(p) || p.at(T!['(']) {
                from::from_item(p);
                true
            } else {
                false
            }
        });
    }
    if p.at(T![where]) {
        let w = p.start();
        p.bump(T![where]);
        expr(p);
        w.complete(p, WHERE_CLAUSE);
    }
    if p.at_contextual_kw("returning") {
        rest_of_statement(p);
    }
    m.complete(p, DELETE_STMT);
}

/// Keeps the rest of a statement we do not analyse, brackets balanced, up to `;`.
pub(crate) fn rest_of_statement(p: &mut Parser<'_>) {
    while !p.at_eof() && !p.at(T![;]) {
        p.bump_any_balanced();
    }
}
