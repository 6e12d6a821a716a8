//! Expressions: Pratt parsing of operators, then atoms (literals, names, calls, CASE, ...).
//!
//! Precedence, loosest first (PostgreSQL's table, which DuckDB follows): OR, AND, NOT,
//! IS, comparison, BETWEEN/IN/LIKE, other operators (`||`, `->`, bitwise), `+ -`,
//! `* / % //`, `^ **`, AT TIME ZONE, COLLATE, unary, postfix `::` `[]` `.`.

use super::*;
use crate::grammar::atoms::*;
use crate::grammar::calls::*;
use crate::grammar::query::{at_query_start, close_paren, query};

pub(crate) const BP_OR: u8 = 1;

pub(crate) const BP_AND: u8 = 2;

pub(crate) const BP_NOT: u8 = 3;

pub(crate) const BP_IS: u8 = 4;

pub(crate) const BP_CMP: u8 = 5;

pub(crate) const BP_PATTERN: u8 = 6;

pub(crate) const BP_OTHER: u8 = 7;

pub(crate) const BP_ADD: u8 = 8;

pub(crate) const BP_MUL: u8 = 9;

pub(crate) const BP_POW: u8 = 10;

pub(crate) const BP_AT_TZ: u8 = 11;

pub(crate) const BP_COLLATE: u8 = 12;

pub(crate) const BP_UNARY: u8 = 13;

pub(crate) fn expr(p: &mut Parser<'_>) {
    if opt_expr(p).is_none() {
        expected_expr(p);
    }
}

/// `a = = 1`: the second operator is the one mistake; skip it and read the operand.
pub(crate) fn operand_after_stray_operator(p: &mut Parser<'_>, bp: u8) {
    if !matches!(infix_op(p), Some((_, Infix::Binary))) || p.at(T![and]) || p.at(T![or]) {
        expected_expr(p);
        return;
    }
    let m = p.start();
    p.error(format!("unexpected {}; expected an expression", crate::parser::describe(p.current())));
    p.bump_any();
    m.complete(p, ERROR_NODE);
    let _ = expr_bp(p, bp);
}

pub(crate) fn expected_expr(p: &mut Parser<'_>) {
    p.err_recover("expected an expression", CLAUSE_START.union(EXPR_RECOVERY));
}

pub(crate) const EXPR_RECOVERY: TokenSet = TokenSet::new(&[
    T![,],
    T![then],
    T![when],
    T![else],
    T![end],
    T![and],
    T![or],
    T![as],
    T![on],
    T![using],
    T![join],
    T![left],
    T![right],
    T![inner],
    T![full],
    T![cross],
]);

pub(crate) fn opt_expr(p: &mut Parser<'_>) -> Option<CompletedMarker> {
    expr_bp(p, 0)
}

/// `expr, expr, ...` up to `end`.
pub(crate) fn expr_list(p: &mut Parser<'_>, end: SyntaxKind) {
    comma_list(p, end, |p| opt_expr(p).is_some());
}

/// `expr_list` needing at least one expression.
pub(crate) fn expr_list1(p: &mut Parser<'_>, end: SyntaxKind) {
    comma_list1(p, end, "an expression", |p| opt_expr(p).is_some());
}

pub(crate) fn expr_bp(p: &mut Parser<'_>, min_bp: u8) -> Option<CompletedMarker> {
    if !p.enter() {
        if at_expr_start(p) {
            let m = p.start();
            p.error("nesting too deep");
            p.bump_any_balanced();
            return Some(m.complete(p, ERROR_NODE));
        }
        return None;
    }
    let res = expr_bp_inner(p, min_bp);
    p.leave();
    res
}

pub(crate) fn expr_bp_inner(p: &mut Parser<'_>, min_bp: u8) -> Option<CompletedMarker> {
    let mut lhs = prefix_expr(p)?;
    let mut wrapped = 0;
    while let Some((bp, kind)) = infix_op(p) {
        if bp <= min_bp {
            break;
        }
        if !p.wrap() {
            p.skip_overlong_chain(CHAIN_STOP);
            break;
        }
        wrapped += 1;
        let m = lhs.precede(p);
        lhs = match kind {
            Infix::Binary => {
                p.bump_any();
                if matches!(p.current(), T![any] | T![all]) && p.nth_at(1, T!['('])
                    || p.at_contextual_kw("some") && p.nth_at(1, T!['('])
                {
                    quantified(p);
                } else if expr_bp(p, bp).is_none() {
                    operand_after_stray_operator(p, bp);
                }
                m.complete(p, BIN_EXPR)
            }
            Infix::Pair => {
                p.bump_any();
                p.bump_any();
                if expr_bp(p, bp).is_none() {
                    expected_expr(p);
                }
                m.complete(p, BIN_EXPR)
            }
            Infix::Is => {
                is_rest(p);
                m.complete(p, IS_EXPR)
            }
            Infix::Postfix => {
                p.bump_any();
                m.complete(p, IS_EXPR)
            }
            Infix::Between => {
                p.eat(T![not]);
                p.bump(T![between]);
                if expr_bp(p, BP_PATTERN).is_none() {
                    expected_expr(p);
                }
                if !p.eat(T![and]) {
                    p.error("expected AND in BETWEEN");
                }
                if expr_bp(p, BP_PATTERN).is_none() {
                    expected_expr(p);
                }
                m.complete(p, BETWEEN_EXPR)
            }
            Infix::In => {
                p.eat(T![not]);
                p.bump(T![in]);
                in_rest(p);
                m.complete(p, IN_EXPR)
            }
            Infix::Like => {
                p.eat(T![not]);
                if p.eat(T![similar]) {
                    p.expect(T![to]);
                } else {
                    p.bump_any();
                }
                if matches!(p.current(), T![any] | T![all]) && p.nth_at(1, T!['(']) {
                    quantified(p);
                } else if expr_bp(p, BP_PATTERN).is_none() {
                    expected_expr(p);
                }
                if p.eat(T![escape]) && expr_bp(p, BP_PATTERN).is_none() {
                    expected_expr(p);
                }
                m.complete(p, LIKE_EXPR)
            }
            Infix::Collate => {
                p.bump(T![collate]);
                if at_name(p) || p.at(STRING) {
                    let n = p.start();
                    p.bump_any();
                    while p.at(T![.]) && at_name_kind(p.nth(1)) {
                        p.bump(T![.]);
                        p.bump_remap(IDENT);
                    }
                    n.complete(p, NAME_REF);
                } else {
                    p.error("expected a collation name");
                }
                m.complete(p, COLLATE_EXPR)
            }
            Infix::AtTimeZone => {
                p.bump(T![at]);
                p.bump(T![time]);
                p.bump(T![zone]);
                if expr_bp(p, BP_AT_TZ).is_none() {
                    expected_expr(p);
                }
                m.complete(p, AT_TIME_ZONE_EXPR)
            }
        };
    }
    p.unwrap_chain(wrapped);
    Some(lhs)
}

/// Where the flat skip of an overlong chain stops.
pub(crate) const CHAIN_STOP: TokenSet = CLAUSE_START.union(CLOSERS).union(TokenSet::new(&[T![,]]));

pub(crate) enum Infix {
    Binary,
    /// A two-token operator such as `>>` or `^@`.
    Pair,
    Is,
    Postfix,
    Between,
    In,
    Like,
    Collate,
    AtTimeZone,
}

pub(crate) fn infix_op(p: &Parser<'_>) -> Option<(u8, Infix)> {
    let res = match p.current() {
        // `^@`, `<@`, `@>`, `>>`: written without a space, lexed as two tokens.
        T![^] | T![<] if p.nth_at(1, T![@]) && p.nth_is_joined(1) => (BP_OTHER, Infix::Pair),
        T![@] if p.nth_at(1, T![>]) && p.nth_is_joined(1) => (BP_OTHER, Infix::Pair),
        T![>] if p.nth_at(1, T![>]) && p.nth_is_joined(1) => (BP_OTHER, Infix::Pair),
        T![or] => (BP_OR, Infix::Binary),
        T![and] => (BP_AND, Infix::Binary),
        T![is] => (BP_IS, Infix::Is),
        T![isnull] | T![notnull] => (BP_IS, Infix::Postfix),
        T![=] | T![==] | T![!=] | T![<>] | T![<] | T![<=] | T![>] | T![>=] | T![<=>] => {
            (BP_CMP, Infix::Binary)
        }
        T![between] => (BP_PATTERN, Infix::Between),
        T![in] => (BP_PATTERN, Infix::In),
        T![like] | T![ilike] | T![glob] | T![rlike] | T![regexp] => (BP_PATTERN, Infix::Like),
        T![similar] if p.nth_at(1, T![to]) => (BP_PATTERN, Infix::Like),
        T![not] => match p.nth(1) {
            T![between] => (BP_PATTERN, Infix::Between),
            T![in] => (BP_PATTERN, Infix::In),
            T![like] | T![ilike] | T![glob] | T![rlike] | T![regexp] | T![similar] => {
                (BP_PATTERN, Infix::Like)
            }
            _ => return None,
        },
        T![||] | T![->] | T![->>] | T![<<] | T![&] | T![|] | T![~] => (BP_OTHER, Infix::Binary),
        T![+] | T![-] => (BP_ADD, Infix::Binary),
        T![%] if !at_expr_start_n(p, 1) => return None,
        T![*] | T![/] | SLASH2 | T![%] => (BP_MUL, Infix::Binary),
        OPERATOR => (BP_OTHER, Infix::Binary),
        T![^] | T![**] => (BP_POW, Infix::Binary),
        IDENT if p.at_contextual_kw("div") => (BP_MUL, Infix::Binary),
        T![at] if p.nth_at(1, T![time]) && p.nth_at(2, T![zone]) => (BP_AT_TZ, Infix::AtTimeZone),
        T![collate] => (BP_COLLATE, Infix::Collate),
        _ => return None,
    };
    Some(res)
}

pub(crate) fn is_rest(p: &mut Parser<'_>) {
    p.bump(T![is]);
    p.eat(T![not]);
    fix_misspelled(p, TokenSet::new(&[T![null], T![true], T![false], T![distinct]]));
    match p.current() {
        T![null] | T![true] | T![false] => p.bump_any(),
        T![distinct] => {
            p.bump(T![distinct]);
            p.expect(T![from]);
            if expr_bp(p, BP_IS).is_none() {
                expected_expr(p);
            }
        }
        IDENT if p.at_contextual_kw("unknown") => p.bump_remap(IDENT),
        _ => p.error("expected NULL, TRUE, FALSE or DISTINCT FROM after IS"),
    }
}

pub(crate) fn in_rest(p: &mut Parser<'_>) {
    if p.at(T![unnest]) {
        call_or_path(p);
        return;
    }
    if !p.at(T!['(']) {
        // DuckDB: `x IN list_column`.
        if expr_bp(p, BP_PATTERN).is_none() {
            p.error("expected `(` after IN");
        }
        return;
    }
    if at_query_start(p) && !p.nth_at(1, T!['(']) {
        subquery(p);
        return;
    }
    let m = p.start();
    p.bump(T!['(']);
    expr_list(p, T![')']);
    close_paren(p);
    m.complete(p, TUPLE_EXPR);
}

pub(crate) fn quantified(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump_any();
    p.bump(T!['(']);
    if at_query_start(p) {
        query(p);
    } else {
        expr_list(p, T![')']);
    }
    close_paren(p);
    m.complete(p, QUANTIFIED_EXPR);
}

pub(crate) fn prefix_expr(p: &mut Parser<'_>) -> Option<CompletedMarker> {
    let bp = match p.current() {
        T![not] => BP_NOT,
        T![-] | T![+] | T![~] => BP_UNARY,
        T![!] => BP_UNARY,
        _ => return postfix_expr(p),
    };
    let m = p.start();
    p.bump_any();
    if expr_bp(p, bp).is_none() {
        expected_expr(p);
    }
    Some(m.complete(p, PREFIX_EXPR))
}

pub(crate) fn postfix_expr(p: &mut Parser<'_>) -> Option<CompletedMarker> {
    let mut lhs = atom(p)?;
    let mut wrapped = 0;
    loop {
        if matches!(p.current(), T![::] | T!['['] | T![.] | T![:]) {
            if !p.wrap() {
                p.skip_overlong_chain(CHAIN_STOP);
                break;
            }
            wrapped += 1;
        }
        lhs = match p.current() {
            T![::] => {
                let m = lhs.precede(p);
                p.bump(T![::]);
                types::type_ref(p);
                m.complete(p, CAST_EXPR)
            }
            T!['['] => {
                let m = lhs.precede(p);
                index_rest(p);
                m.complete(p, INDEX_EXPR)
            }
            // Snowflake/Databricks `v:path`; DuckDB uses `:` in struct literals and slices.
            T![:]
                if !p.dialect.info().list_struct_literals
                    && p.nth_is_joined(0)
                    && p.nth_is_joined(1)
                    && at_word_kind(p.nth(1)) =>
            {
                let m = lhs.precede(p);
                p.bump(T![:]);
                name_ref(p);
                m.complete(p, FIELD_EXPR)
            }
            T![.] if at_word_kind(p.nth(1)) || p.nth_at(1, T![*]) || p.nth_at(1, INT_NUMBER) => {
                let m = lhs.precede(p);
                p.bump(T![.]);
                if p.at(T![*]) {
                    p.bump(T![*]);
                    m.complete(p, STAR_EXPR)
                } else if p.at(INT_NUMBER) {
                    p.bump(INT_NUMBER);
                    m.complete(p, FIELD_EXPR)
                } else {
                    name_ref(p);
                    if p.at(T!['(']) {
                        // DuckDB method call: `x.lower()`.
                        arg_list(p);
                        call_suffixes(p);
                        m.complete(p, CALL_EXPR)
                    } else {
                        m.complete(p, FIELD_EXPR)
                    }
                }
            }
            _ => break,
        };
    }
    p.unwrap_chain(wrapped);
    Some(lhs)
}
