//! Function calls and what hangs off them: arguments, ORDER BY and null treatment inside
//! the parentheses, WITHIN GROUP, FILTER, OVER and window specifications.

use super::*;
use crate::grammar::atoms::*;
use crate::grammar::expressions::*;
use crate::grammar::query::{at_query_start, close_paren, query};

/// A name, a qualified name, a function call or `t.*`.
/// Calls whose arguments have a syntax of their own.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum CallForm {
    Plain,
    /// BigQuery's `STRUCT(x AS a)` names fields inline.
    Struct,
    /// `POSITION(sub IN s)`: the `IN` separates arguments, it is no IN predicate.
    Position,
}

pub(crate) fn call_or_path(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    let form = if p.at(T![struct]) {
        CallForm::Struct
    } else if p.at_contextual_kw("position") && p.nth_at(1, T!['(']) {
        CallForm::Position
    } else {
        CallForm::Plain
    };
    path(p);
    if p.at(T![.]) && p.nth_at(1, T![*]) {
        p.bump(T![.]);
        p.bump(T![*]);
        star_modifiers(p);
        return m.complete(p, STAR_EXPR);
    }
    if p.at(T!['(']) {
        arg_list_with(p, form);
        call_suffixes(p);
        return m.complete(p, CALL_EXPR);
    }
    m.complete(p, PATH_EXPR)
}

/// `( [DISTINCT|ALL] args [ORDER BY ..] [IGNORE|RESPECT NULLS] [LIMIT n] )`.
pub(crate) fn arg_list(p: &mut Parser<'_>) {
    arg_list_with(p, CallForm::Plain);
}

pub(crate) fn arg_list_with(p: &mut Parser<'_>, form: CallForm) {
    let m = p.start();
    p.bump(T!['(']);
    if !p.eat(T![distinct]) {
        p.eat(T![all]);
    }
    comma_list(p, T![')'], |p| arg(p, form));
    loop {
        if p.at(T![order]) {
            query::order_by_clause(p);
        } else if matches!(p.current(), T![ignore] | T![respect]) && p.nth_at(1, T![nulls]) {
            null_treatment(p);
        } else if p.eat(T![limit]) {
            expr(p);
        } else {
            break;
        }
    }
    close_paren(p);
    m.complete(p, ARG_LIST);
}

pub(crate) fn arg(p: &mut Parser<'_>, form: CallForm) -> bool {
    if p.at_ts(CLAUSE_START) && !p.at(T![select]) && !p.at(T![from]) && !p.at(T![values]) {
        return false;
    }
    let m = p.start();
    if at_name(p) && matches!(p.nth(1), T![:=] | T![=>]) {
        name(p, TokenSet::EMPTY);
        p.bump_any();
        expr(p);
        m.complete(p, NAMED_ARG);
        return true;
    }
    if at_lambda(p) {
        lambda(p);
        m.complete(p, ARG);
        return true;
    }
    if form == CallForm::Position && expr_bp(p, BP_PATTERN).is_some() {
        if p.eat(T![in]) {
            expr(p);
        }
        m.complete(p, ARG);
        return true;
    }
    if at_query_start(p) && !p.at(T!['(']) {
        // `read_csv(SELECT ..)` is not SQL, but `generate_series((select ..))` is: only
        // bare queries land here, e.g. `ARRAY(SELECT ..)` bodies and `IN (SELECT ..)`.
        query(p);
        m.complete(p, ARG);
        return true;
    }
    // SQL-standard `TRIM(BOTH 'x' FROM s)`.
    if (p.at_contextual_kw("both")
        || p.at_contextual_kw("leading")
        || p.at_contextual_kw("trailing"))
        && !matches!(p.nth(1), T![,] | T![')'])
    {
        p.bump_remap(IDENT);
        if !p.at(T![from]) {
            expr(p);
        }
    } else if opt_expr(p).is_none() {
        if p.at(T![from]) {
            // `TRIM(FROM s)`
        } else {
            m.abandon(p);
            return false;
        }
    }
    // SQL-standard keyword-separated arguments: `SUBSTRING(s FROM 1 FOR 3)`,
    // `OVERLAY(s PLACING t FROM 2)`.
    // Only when the `)` is there: `sum(amount from t` is a missing `)`, not an argument.
    while (p.at(T![from]) || p.at(T![for]) || p.at_contextual_kw("placing")) && p.closer_ahead() {
        p.bump_remap(p.current());
        expr(p);
    }
    if form == CallForm::Struct && p.at(T![as]) {
        let a = p.start();
        p.bump(T![as]);
        name_after_as(p, TokenSet::EMPTY);
        a.complete(p, ALIAS);
    }
    m.complete(p, ARG);
    true
}

pub(crate) fn null_treatment(p: &mut Parser<'_>) {
    if matches!(p.current(), T![ignore] | T![respect]) && p.nth_at(1, T![nulls]) {
        let m = p.start();
        p.bump_any();
        p.bump(T![nulls]);
        m.complete(p, NULL_TREATMENT);
    }
}

/// After a call's arguments: `WITHIN GROUP (..)`, `FILTER (WHERE ..)`, `IGNORE NULLS`,
/// `OVER (..)`.
pub(crate) fn call_suffixes(p: &mut Parser<'_>) {
    if p.at(T![within]) && p.nth_at(1, T![group]) {
        let m = p.start();
        p.bump(T![within]);
        p.bump(T![group]);
        if p.expect(T!['(']) {
            if p.at(T![order]) {
                query::order_by_clause(p);
            } else {
                p.error("expected ORDER BY");
            }
            close_paren(p);
        }
        m.complete(p, WITHIN_GROUP_CLAUSE);
    }
    if p.at(T![filter]) && p.nth_at(1, T!['(']) {
        let m = p.start();
        p.bump(T![filter]);
        p.bump(T!['(']);
        expect_kw(p, T![where]);
        expr(p);
        close_paren(p);
        m.complete(p, FILTER_CLAUSE);
    }
    null_treatment(p);
    if p.at(T![over]) {
        let m = p.start();
        p.bump(T![over]);
        if p.at(T!['(']) || matches!(p.current(), T![partition] | T![order]) && p.nth_at(1, T![by])
        {
            window_spec(p);
        } else if at_name(p) {
            name_ref(p);
        } else {
            p.error("expected a window name or `(` after OVER");
        }
        m.complete(p, OVER_CLAUSE);
    }
}

/// `( [base] [PARTITION BY ..] [ORDER BY ..] [frame] )`.
pub(crate) fn window_spec(p: &mut Parser<'_>) {
    let m = p.start();
    // `OVER PARTITION BY ..` without the parentheses: say so, read the spec anyway.
    let paren = p.expect(T!['(']);
    if at_name(p) && !matches!(p.current(), T![partition] | T![rows] | T![range] | T![groups]) {
        name_ref(p);
    }
    if p.at(T![partition]) {
        let pb = p.start();
        p.bump(T![partition]);
        expect_kw(p, T![by]);
        expr_list1(p, T![')']);
        pb.complete(p, PARTITION_BY);
    }
    if p.at(T![order]) {
        query::order_by_clause(p);
    }
    if matches!(p.current(), T![rows] | T![range] | T![groups]) {
        frame(p);
    }
    if paren {
        close_paren(p);
    }
    m.complete(p, WINDOW_SPEC);
}

pub(crate) fn frame(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump_any();
    if p.eat(T![between]) {
        frame_bound(p);
        p.expect(T![and]);
        frame_bound(p);
    } else {
        frame_bound(p);
    }
    if p.at(T![exclude]) {
        let e = p.start();
        p.bump(T![exclude]);
        match p.current() {
            T![current] => {
                p.bump(T![current]);
                p.expect(T![row]);
            }
            T![group] | T![ties] => p.bump_any(),
            T![no] => {
                p.bump(T![no]);
                p.expect(T![others]);
            }
            _ => p.error("expected CURRENT ROW, GROUP, TIES or NO OTHERS"),
        }
        e.complete(p, FRAME_EXCLUSION);
    }
    m.complete(p, FRAME_CLAUSE);
}

pub(crate) fn frame_bound(p: &mut Parser<'_>) {
    const DIRECTION: TokenSet = TokenSet::new(&[T![preceding], T![following]]);
    let m = p.start();
    if p.eat(T![unbounded]) {
        fix_misspelled(p, DIRECTION);
        if !p.eat(T![preceding]) && !p.eat(T![following]) {
            p.error("expected PRECEDING or FOLLOWING");
        }
    } else if p.at(T![current]) {
        p.bump(T![current]);
        p.expect(T![row]);
    } else if expr_bp(p, BP_AND).is_some() {
        fix_misspelled(p, DIRECTION);
        if !p.eat(T![preceding]) && !p.eat(T![following]) {
            p.error("expected PRECEDING or FOLLOWING");
        }
    } else {
        p.error("expected a frame bound (UNBOUNDED, CURRENT ROW or an offset)");
    }
    m.complete(p, FRAME_BOUND);
}

/// `ORDER BY` items: `expr [ASC|DESC] [NULLS FIRST|LAST]`.
pub(crate) fn order_by_items(p: &mut Parser<'_>) {
    comma_list1(p, EOF, "an ORDER BY item", |p| {
        let m = p.start();
        if opt_expr(p).is_none() {
            m.abandon(p);
            return false;
        }
        order_modifiers(p);
        m.complete(p, ORDER_ITEM);
        true
    });
}

pub(crate) fn order_modifiers(p: &mut Parser<'_>) {
    if !p.eat(T![asc]) {
        p.eat(T![desc]);
    }
    if p.at(T![nulls]) {
        p.bump(T![nulls]);
        if !p.eat(T![first]) && !p.eat(T![last]) {
            p.error("expected FIRST or LAST after NULLS");
        }
    }
}
