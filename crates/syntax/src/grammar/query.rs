//! Queries: `WITH`, select cores and their clauses, set operations, `ORDER BY`, `LIMIT`.

use super::*;
use crate::grammar::calls::order_by_items;
use crate::grammar::expressions::{expr, expr_list, opt_expr};

const QUERY_START: TokenSet =
    TokenSet::new(&[T![select], T![with], T![from], T![values], T!['('], T![pivot], T![unpivot]]);

/// Whether a query (not a parenthesised expression) starts here: `(` followed by a
/// query keyword counts.
pub(crate) fn at_query_start(p: &Parser<'_>) -> bool {
    match p.current() {
        T![select] | T![with] | T![values] => true,
        T![from] => true,
        T!['('] => {
            // Bounded: a deeper `((((SELECT` parses as parenthesised subquery expressions.
            let mut n = 1;
            while n < 32 && p.nth_at(n, T!['(']) {
                n += 1;
            }
            matches!(p.nth(n), T![select] | T![with] | T![from] | T![values])
                || matches!(p.nth(n), T![pivot] | T![unpivot]) && at_name_kind(p.nth(n + 1))
        }
        _ => false,
    }
}

/// Where a statement or a CTE body expects a query: any query keyword, `(` or a DuckDB
/// PIVOT statement.
pub(crate) fn at_query(p: &Parser<'_>) -> bool {
    at_query_start(p) || QUERY_START.contains(p.current())
}

/// A full query: `[WITH ..] body [ORDER BY ..] [LIMIT ..] [OFFSET ..] [FETCH ..]`.
pub(crate) fn query(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    nested(p, m, QUERY, |p| {
        if p.at(T![with]) {
            with_clause(p);
        }
        compound_select(p, 0);
        query_tail(p);
    })
}

fn query_tail(p: &mut Parser<'_>) {
    if p.at(IDENT) {
        fix_misspelled(p, TokenSet::new(&[T![order], T![limit], T![offset]]));
    }
    if p.at(T![order]) {
        order_by_clause(p);
    }
    loop {
        match p.current() {
            T![limit] => limit_clause(p),
            T![offset] => offset_clause(p),
            T![fetch] => fetch_clause(p),
            _ => break,
        }
    }
}

fn with_clause(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T![with]);
    p.eat(T![recursive]);
    comma_list1(p, EOF, "a CTE", |p| {
        if at_name(p) || p.at(T![as]) {
            cte(p);
            true
        } else {
            false
        }
    });
    m.complete(p, WITH_CLAUSE);
}

fn cte(p: &mut Parser<'_>) {
    let m = p.start();
    name(p, CLAUSE_START.union(TokenSet::new(&[T![as]])));
    // `c (SELECT ..)`: the body without AS, not a column list.
    if p.at(T!['(']) && !at_query_start(p) {
        column_alias_list(p);
    }
    let has_as = p.eat(T![as]);
    if !has_as {
        p.error("expected AS after the CTE name");
    }
    if p.at(T![not]) && p.nth_at(1, T![materialized]) {
        p.bump(T![not]);
        p.bump(T![materialized]);
    } else {
        p.eat(T![materialized]);
    }
    if p.at(T!['(']) {
        let sub = p.start();
        p.bump(T!['(']);
        if at_query(p) {
            query(p);
        } else {
            p.error("expected a query in the CTE body");
        }
        close_paren(p);
        sub.complete(p, PAREN_SELECT);
    } else if has_as && at_query_start(p) {
        // `c AS SELECT ..`: report the missing parentheses, read the query anyway.
        p.error("expected `(` around the CTE's query");
        query(p);
    } else {
        p.error("expected `(` and the CTE's query");
    }
    m.complete(p, CTE);
}

/// Inside parentheses, skips what the inner rule left before the `)`.
/// Expects the `)` that closes the current group, skipping (with one error) what the
/// inner rule left before it.
pub(crate) fn close_paren(p: &mut Parser<'_>) {
    recover_to_closer(p);
    p.expect(T![')']);
}

/// When the `)` is there further on (before the statement ends), the tokens up to it are
/// skipped with one error; when it is missing, nothing is skipped and the caller's
/// `expect(')')` reports it where it belongs.
pub(crate) fn recover_to_closer(p: &mut Parser<'_>) {
    if p.at(T![')']) || p.at_eof() || !p.closer_ahead() {
        return;
    }
    let m = p.start();
    p.error(format!("unexpected {}; expected `)`", crate::parser::describe(p.current())));
    while !p.at(T![')']) && !p.at_eof() {
        p.bump_any_balanced();
    }
    m.complete(p, ERROR_NODE);
}

/// Binding power of a set operator: INTERSECT binds tighter than UNION and EXCEPT.
fn set_op_bp(p: &Parser<'_>) -> Option<u8> {
    match p.current() {
        T![union] | T![except] => Some(1),
        T![intersect] => Some(2),
        IDENT
            if p.at_contextual_kw("minus")
                && matches!(p.nth(1), T![select] | T!['('] | T![from] | T![values]) =>
        {
            Some(1)
        }
        _ => None,
    }
}

fn compound_select(p: &mut Parser<'_>, min_bp: u8) {
    let Some(mut lhs) = select_primary(p) else {
        return;
    };
    let mut wrapped = 0;
    while let Some(bp) = set_op_bp(p) {
        if bp <= min_bp {
            break;
        }
        if !p.wrap() {
            p.skip_overlong_chain(TokenSet::new(&[T![;], T![')'], T![order], T![limit]]));
            break;
        }
        wrapped += 1;
        let m = lhs.precede(p);
        set_operator(p);
        if at_query_start(p) || p.at(T!['(']) {
            compound_select(p, bp);
        } else {
            p.error("expected a query after the set operator");
        }
        lhs = m.complete(p, COMPOUND_SELECT);
    }
    p.unwrap_chain(wrapped);
}

fn set_operator(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump_any();
    if !p.eat(T![all]) {
        p.eat(T![distinct]);
    }
    if p.at(T![by]) && p.nth_at_contextual_kw(1, "name") {
        p.bump(T![by]);
        p.bump_remap(IDENT);
    }
    m.complete(p, SET_OPERATOR);
}

fn select_primary(p: &mut Parser<'_>) -> Option<CompletedMarker> {
    match p.current() {
        T![select] => Some(select_core(p)),
        T![from] => Some(select_core(p)),
        T![values] => Some(values(p)),
        T![pivot] | T![unpivot] => Some(pivot_statement(p)),
        T!['('] => {
            let m = p.start();
            Some(nested(p, m, PAREN_SELECT, |p| {
                p.bump(T!['(']);
                query(p);
                close_paren(p);
            }))
        }
        _ => {
            p.error("expected SELECT, FROM, VALUES or `(`");
            None
        }
    }
}

/// A select core, also DuckDB's FROM-first form (`FROM t [SELECT ..]`).
fn select_core(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    if p.at(T![from]) {
        from::from_clause(p);
        if p.at(T![select]) {
            select_clause(p);
        }
    } else {
        select_clause(p);
        if p.at(IDENT) {
            fix_misspelled(p, TokenSet::new(&[T![from]]));
        }
        if p.at(T![from]) {
            from::from_clause(p);
        }
    }
    select_tail(p);
    m.complete(p, SELECT)
}

const CORE_CLAUSES: TokenSet = TokenSet::new(&[
    T![where],
    T![group],
    T![having],
    T![qualify],
    T![window],
    T![order],
    T![limit],
]);

fn select_tail(p: &mut Parser<'_>) {
    loop {
        if p.at(IDENT) && !fix_misspelled(p, CORE_CLAUSES) {
            break;
        }
        match p.current() {
            T![where] => clause(p, WHERE_CLAUSE, |p| {
                p.bump(T![where]);
                expr(p);
            }),
            T![group] => group_by_clause(p),
            T![having] => clause(p, HAVING_CLAUSE, |p| {
                p.bump(T![having]);
                expr(p);
            }),
            T![qualify] => clause(p, QUALIFY_CLAUSE, |p| {
                p.bump(T![qualify]);
                expr(p);
            }),
            T![window] => window_clause(p),
            _ => break,
        }
    }
}

fn clause(p: &mut Parser<'_>, kind: SyntaxKind, f: impl FnOnce(&mut Parser<'_>)) {
    let m = p.start();
    f(p);
    skip_clause_garbage(p);
    m.complete(p, kind);
}

/// After a clause's content, tokens that start nothing we know are skipped up to the next
/// clause keyword, `;` or closer, with one error.
pub(crate) fn skip_clause_garbage(p: &mut Parser<'_>) {
    if p.at_eof()
        || p.at_ts(CLAUSE_START)
        || p.at_ts(CLOSERS)
        || p.at_ts(STMT_START)
        || p.at(IDENT) && misspelled_clause_keyword(p).is_some()
    {
        return;
    }
    // A window's ORDER BY is followed by its frame.
    if matches!(p.current(), T![rows] | T![range] | T![groups]) {
        return;
    }
    let m = p.start();
    p.error(unexpected(p));
    while !p.at_eof() && !p.at_ts(CLAUSE_START) && !p.at_ts(CLOSERS) && !p.at_ts(STMT_START) {
        p.bump_any_balanced();
    }
    m.complete(p, ERROR_NODE);
}

fn select_clause(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T![select]);
    if p.at(T![top]) {
        let t = p.start();
        p.bump(T![top]);
        atoms::atom_or_paren(p);
        p.eat(T![percent]);
        t.complete(p, TOP_CLAUSE);
    }
    if p.at(T![distinct]) {
        let d = p.start();
        p.bump(T![distinct]);
        if p.at(T![on]) {
            p.bump(T![on]);
            p.expect(T!['(']);
            expressions::expr_list1(p, T![')']);
            p.expect(T![')']);
        }
        d.complete(p, DISTINCT_CLAUSE);
    } else if p.at(T![all]) {
        let d = p.start();
        p.bump(T![all]);
        d.complete(p, DISTINCT_CLAUSE);
    }
    let list = p.start();
    if comma_list_trailing(p, select_item) == 0 && !p.at_ts(CLAUSE_START) {
        p.error("expected a select item");
    }
    list.complete(p, SELECT_ITEM_LIST);
    m.complete(p, SELECT_CLAUSE);
}

fn select_item(p: &mut Parser<'_>) -> bool {
    if p.at_ts(CLAUSE_START) || p.at_ts(CLOSERS) {
        return false;
    }
    let m = p.start();
    if p.at(T![*]) {
        atoms::star(p, None);
        m.complete(p, SELECT_ITEM);
        return true;
    }
    // DuckDB prefix alias: `total: amount + tax`.
    if at_name(p) && p.nth_at(1, T![:]) && p.dialect.info().list_struct_literals {
        let a = p.start();
        name(p, TokenSet::EMPTY);
        p.bump(T![:]);
        a.complete(p, ALIAS);
        expr(p);
        m.complete(p, SELECT_ITEM);
        return true;
    }
    if opt_expr(p).is_none() {
        m.abandon(p);
        return false;
    }
    opt_alias(p, false);
    m.complete(p, SELECT_ITEM);
    true
}

fn group_by_clause(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T![group]);
    expect_kw(p, T![by]);
    if p.at(T![all]) {
        p.bump(T![all]);
    } else {
        p.eat(T![distinct]);
        comma_list1(p, EOF, "a GROUP BY item", grouping_element);
    }
    skip_clause_garbage(p);
    m.complete(p, GROUP_BY_CLAUSE);
}

fn grouping_element(p: &mut Parser<'_>) -> bool {
    match p.current() {
        T![rollup] | T![cube] if p.nth_at(1, T!['(']) => {
            let m = p.start();
            p.bump_any();
            p.bump(T!['(']);
            expr_list(p, T![')']);
            p.expect(T![')']);
            m.complete(p, GROUPING_ELEMENT);
            true
        }
        T![grouping] if p.nth_at(1, T![sets]) => {
            let m = p.start();
            p.bump(T![grouping]);
            p.bump(T![sets]);
            p.expect(T!['(']);
            comma_list(p, T![')'], grouping_element);
            p.expect(T![')']);
            m.complete(p, GROUPING_ELEMENT);
            true
        }
        T!['('] if p.nth_at(1, T![')']) => {
            let m = p.start();
            p.bump(T!['(']);
            p.bump(T![')']);
            m.complete(p, GROUPING_ELEMENT);
            true
        }
        _ => opt_expr(p).is_some(),
    }
}

fn window_clause(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T![window]);
    comma_list1(p, EOF, "a window definition", |p| {
        if !at_name(p) {
            return false;
        }
        let w = p.start();
        name(p, CLAUSE_START);
        p.expect(T![as]);
        calls::window_spec(p);
        w.complete(p, NAMED_WINDOW);
        true
    });
    skip_clause_garbage(p);
    m.complete(p, WINDOW_CLAUSE);
}

pub(crate) fn order_by_clause(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T![order]);
    expect_kw(p, T![by]);
    if p.at(T![all]) {
        let item = p.start();
        p.bump(T![all]);
        calls::order_modifiers(p);
        item.complete(p, ORDER_ITEM);
    } else {
        order_by_items(p);
    }
    skip_clause_garbage(p);
    m.complete(p, ORDER_BY_CLAUSE);
}

fn limit_clause(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T![limit]);
    if !p.eat(T![all]) && opt_expr(p).is_none() {
        p.error("expected a row count after LIMIT");
    }
    if !p.eat(T![%]) {
        p.eat(T![percent]);
    }
    if p.eat(T![,]) {
        expr(p);
    }
    skip_clause_garbage(p);
    m.complete(p, LIMIT_CLAUSE);
}

fn offset_clause(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T![offset]);
    expr(p);
    if !p.eat(T![rows]) && p.at_contextual_kw("row") {
        p.bump_remap(IDENT);
    }
    skip_clause_garbage(p);
    m.complete(p, OFFSET_CLAUSE);
}

fn fetch_clause(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T![fetch]);
    if !p.eat(T![first]) && !p.eat(T![next]) {
        p.error("expected FIRST or NEXT");
    }
    if !p.at(T![rows]) && !p.at(T![row]) {
        expr(p);
    }
    p.eat(T![percent]);
    if !p.eat(T![rows]) && !p.eat(T![row]) {
        p.error("expected ROWS");
    }
    if !p.eat(T![only]) {
        if p.at(T![with]) && p.nth_at(1, T![ties]) {
            p.bump(T![with]);
            p.bump(T![ties]);
        } else {
            p.error("expected ONLY or WITH TIES");
        }
    }
    m.complete(p, FETCH_CLAUSE);
}

/// `VALUES (..), (..)`.
pub(crate) fn values(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    p.bump(T![values]);
    comma_list1(p, EOF, "a row", |p| {
        if !p.at(T!['(']) {
            return false;
        }
        let row = p.start();
        p.bump(T!['(']);
        expr_list(p, T![')']);
        p.expect(T![')']);
        row.complete(p, ROW_VALUES);
        true
    });
    m.complete(p, VALUES)
}

/// DuckDB's `PIVOT t ON c USING agg GROUP BY k` and `UNPIVOT t ON cols INTO NAME k VALUE v`.
pub(crate) fn pivot_statement(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    let kind = if p.at(T![pivot]) { PIVOT_STMT } else { UNPIVOT_STMT };
    pivot_statement_body(p);
    m.complete(p, kind)
}

fn pivot_statement_body(p: &mut Parser<'_>) {
    p.bump_any();
    from::from_item(p);
    if p.eat(T![on]) {
        expr_list(p, EOF);
    }
    if p.eat(T![using]) {
        comma_list(p, EOF, |p| {
            if opt_expr(p).is_none() {
                return false;
            }
            opt_alias(p, false);
            true
        });
    }
    if p.eat(T![into]) {
        for word in ["name", "value"] {
            if p.at_contextual_kw(word) {
                p.bump_remap(IDENT);
                comma_list(p, EOF, |p| {
                    if at_name(p) && !p.at_contextual_kw("value") {
                        name(p, TokenSet::EMPTY);
                        true
                    } else {
                        false
                    }
                });
            }
        }
    }
    if p.at(T![group]) {
        group_by_clause(p);
    }
}
