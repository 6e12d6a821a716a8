//! `FROM`: table references, derived tables, table functions, joins, PIVOT, sampling.

use super::*;
use crate::grammar::atoms::subquery;
use crate::grammar::calls::arg_list;
use crate::grammar::expressions::{expr, expr_list, opt_expr};
use crate::grammar::query::{at_query_start, close_paren, query, values};

pub(crate) fn from_clause(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T![from]);
    comma_list1(p, EOF, "a table", |p| {
        if at_from_item_start(p) {
            from_item(p);
            true
        } else {
            false
        }
    });
    m.complete(p, FROM_CLAUSE);
}

fn at_from_item_start(p: &Parser<'_>) -> bool {
    at_name(p)
        || matches!(
            p.current(),
            T!['('] | T![lateral] | T![values] | T![unnest] | STRING | AT_IDENT
        )
        || p.at(T![table]) && p.nth_at(1, T!['('])
}

/// A FROM item with its joins: `a JOIN b ON .. LEFT JOIN c USING (..)`.
pub(crate) fn from_item(p: &mut Parser<'_>) {
    let Some(mut lhs) = from_primary(p) else {
        return;
    };
    let mut wrapped = 0;
    loop {
        if p.at(IDENT)
            && !fix_misspelled(p, TokenSet::new(&[T![join], T![left], T![inner], T![cross]]))
        {
            break;
        }
        if !at_join(p) {
            break;
        }
        if !p.wrap() {
            p.skip_overlong_chain(CLAUSE_START.union(CLOSERS));
            break;
        }
        wrapped += 1;
        let m = lhs.precede(p);
        join_operator(p);
        if at_from_item_start(p) {
            from_primary(p);
        } else {
            p.error("expected a table after JOIN");
        }
        // A missing ON is legal in DuckDB (`JOIN` without a condition is a cross join in
        // some dialects); the validation pass judges it.
        if matches!(p.current(), T![on] | T![using]) {
            join_constraint(p);
        }
        lhs = m.complete(p, JOIN_EXPR);
    }
    p.unwrap_chain(wrapped);
}

fn at_join(p: &Parser<'_>) -> bool {
    match p.current() {
        T![join] | T![inner] | T![cross] | T![natural] | T![full] | T![positional] => true,
        T![left] | T![right] => !p.nth_at(1, T!['(']),
        T![semi] | T![anti] => p.nth_at(1, T![join]),
        T![asof] => true,
        _ => false,
    }
}

fn join_operator(p: &mut Parser<'_>) {
    let m = p.start();
    p.eat(T![natural]);
    match p.current() {
        T![cross] | T![positional] => p.bump_any(),
        T![inner] | T![semi] | T![anti] => p.bump_any(),
        T![asof] => {
            p.bump(T![asof]);
            if matches!(p.current(), T![left] | T![right] | T![inner] | T![full]) {
                p.bump_any();
                p.eat(T![outer]);
            }
        }
        T![left] | T![right] | T![full] => {
            p.bump_any();
            if !p.eat(T![outer]) && !p.eat(T![semi]) {
                p.eat(T![anti]);
            }
        }
        _ => {}
    }
    expect_kw(p, T![join]);
    m.complete(p, JOIN_OPERATOR);
}

fn join_constraint(p: &mut Parser<'_>) {
    let m = p.start();
    if p.eat(T![on]) {
        expr(p);
    } else {
        p.bump(T![using]);
        if p.at(T!['(']) {
            column_list(p);
        } else {
            p.error("expected `(` and column names after USING");
        }
    }
    m.complete(p, JOIN_CONSTRAINT);
}

fn from_primary(p: &mut Parser<'_>) -> Option<CompletedMarker> {
    let m = p.start();
    let kind = match p.current() {
        T![lateral] => {
            p.bump(T![lateral]);
            if p.at(T!['(']) {
                subquery(p);
            } else if at_name(p) || p.at(T![unnest]) {
                path(p);
                if p.at(T!['(']) {
                    arg_list(p);
                }
            } else {
                p.error("expected a subquery or table function after LATERAL");
            }
            LATERAL_ITEM
        }
        T!['('] if at_query_start(p) => {
            subquery(p);
            DERIVED_TABLE
        }
        T!['('] => {
            let ok = p.enter();
            p.bump(T!['(']);
            if ok {
                from_item(p);
                p.leave();
            } else {
                p.error("nesting too deep");
            }
            close_paren(p);
            PAREN_FROM_ITEM
        }
        T![values] => {
            values(p);
            DERIVED_TABLE
        }
        // Snowflake `TABLE(FLATTEN(..))`, BigQuery-style `TABLE(fn(..))`.
        T![table] if p.nth_at(1, T!['(']) => {
            p.bump(T![table]);
            p.bump(T!['(']);
            expr(p);
            close_paren(p);
            TABLE_FUNCTION
        }
        STRING => {
            p.bump(STRING);
            TABLE_REF
        }
        AT_IDENT => {
            let ph = p.start();
            p.bump(AT_IDENT);
            if p.at(T!['(']) && p.nth_is_joined(0) {
                arg_list(p);
            }
            ph.complete(p, PLACEHOLDER);
            TABLE_REF
        }
        _ if at_name(p) || p.at(T![unnest]) => {
            path(p);
            if p.at(T!['(']) {
                arg_list(p);
                TABLE_FUNCTION
            } else {
                TABLE_REF
            }
        }
        _ => {
            m.abandon(p);
            p.error("expected a table");
            return None;
        }
    };
    from_item_suffixes(p);
    Some(m.complete(p, kind))
}

fn from_item_suffixes(p: &mut Parser<'_>) {
    loop {
        match p.current() {
            T![as] => opt_alias(p, true),
            T![pivot] if p.nth_at(1, T!['(']) => pivot_clause(p),
            T![unpivot]
                if p.nth_at(1, T!['('])
                    || p.nth_at(1, T![exclude])
                    || p.nth_at_contextual_kw(1, "include") =>
            {
                unpivot_clause(p)
            }
            T![tablesample] | T![sample] => sample_clause(p),
            T![using] if p.nth_at(1, T![sample]) => sample_clause(p),
            T![with] if p.nth_at(1, T![offset]) => {
                let m = p.start();
                p.bump(T![with]);
                p.bump(T![offset]);
                opt_alias(p, false);
                m.complete(p, WITH_OFFSET);
            }
            _ if at_implicit_alias(p) => opt_alias(p, true),
            _ => return,
        }
    }
}

fn pivot_clause(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T![pivot]);
    p.bump(T!['(']);
    comma_list(p, T![for], |p| {
        if opt_expr(p).is_none() {
            return false;
        }
        opt_alias(p, false);
        true
    });
    pivot_for_in(p);
    if p.at(T![group]) {
        let g = p.start();
        p.bump(T![group]);
        expect_kw(p, T![by]);
        expr_list(p, T![')']);
        g.complete(p, GROUP_BY_CLAUSE);
    }
    close_paren(p);
    m.complete(p, PIVOT_CLAUSE);
}

fn unpivot_clause(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T![unpivot]);
    if p.at(T![exclude]) || p.at_contextual_kw("include") {
        p.bump_remap(IDENT);
        p.expect(T![nulls]);
    }
    p.expect(T!['(']);
    if p.at(T!['(']) {
        column_list(p);
    } else {
        name(p, TokenSet::new(&[T![for]]));
    }
    pivot_for_in(p);
    close_paren(p);
    m.complete(p, UNPIVOT_CLAUSE);
}

/// `FOR col IN (v1 [AS a], ..)` (also `IN (ANY)` and `IN (SELECT ..)`).
fn pivot_for_in(p: &mut Parser<'_>) {
    if !p.expect(T![for]) {
        return;
    }
    if p.at(T!['(']) {
        column_list(p);
    } else {
        expressions_path(p);
    }
    if !p.expect(T![in]) {
        return;
    }
    let m = p.start();
    if p.expect(T!['(']) {
        if at_query_start(p) {
            query(p);
        } else {
            comma_list(p, T![')'], |p| {
                if p.at(T![any]) {
                    p.bump(T![any]);
                    if p.at(T![order]) {
                        query::order_by_clause(p);
                    }
                    return true;
                }
                if opt_expr(p).is_none() {
                    return false;
                }
                opt_alias(p, false);
                true
            });
        }
        close_paren(p);
    }
    m.complete(p, PIVOT_IN_LIST);
}

fn expressions_path(p: &mut Parser<'_>) {
    if at_name(p) {
        path(p);
    } else {
        p.error("expected a column name");
    }
}

/// `TABLESAMPLE [method] (n [PERCENT|ROWS]) [REPEATABLE (seed)]`, `USING SAMPLE 10%`,
/// Snowflake's `SAMPLE (10)`: a small token grammar shared by all spellings.
fn sample_clause(p: &mut Parser<'_>) {
    let m = p.start();
    if p.eat(T![using]) {
        p.bump(T![sample]);
    } else {
        p.bump_any();
    }
    let mut any = false;
    loop {
        match p.current() {
            INT_NUMBER | FLOAT_NUMBER | T![%] | T![percent] | T![rows] => p.bump_any(),
            T!['('] => p.bump_any_balanced(),
            IDENT if !any || p.nth_at(1, T!['(']) || p.at_contextual_kw("repeatable") => {
                p.bump_remap(IDENT)
            }
            _ => break,
        }
        any = true;
    }
    if !any {
        p.error("expected a sample size");
    }
    m.complete(p, SAMPLE_CLAUSE);
}
