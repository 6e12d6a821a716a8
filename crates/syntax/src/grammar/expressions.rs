//! Expressions: Pratt parsing of operators, then atoms (literals, names, calls, CASE, ...).
//!
//! Precedence, loosest first (PostgreSQL's table, which DuckDB follows): OR, AND, NOT,
//! IS, comparison, BETWEEN/IN/LIKE, other operators (`||`, `->`, bitwise), `+ -`,
//! `* / % //`, `^ **`, AT TIME ZONE, COLLATE, unary, postfix `::` `[]` `.`.

use super::*;
use crate::grammar::query::{at_query_start, query, recover_to_closer};

const BP_OR: u8 = 1;
const BP_AND: u8 = 2;
const BP_NOT: u8 = 3;
const BP_IS: u8 = 4;
const BP_CMP: u8 = 5;
const BP_PATTERN: u8 = 6;
const BP_OTHER: u8 = 7;
const BP_ADD: u8 = 8;
const BP_MUL: u8 = 9;
const BP_POW: u8 = 10;
const BP_AT_TZ: u8 = 11;
const BP_COLLATE: u8 = 12;
const BP_UNARY: u8 = 13;

pub(crate) fn expr(p: &mut Parser<'_>) {
    if opt_expr(p).is_none() {
        expected_expr(p);
    }
}

/// `a = = 1`: the second operator is the one mistake; skip it and read the operand.
fn operand_after_stray_operator(p: &mut Parser<'_>, bp: u8) {
    if !matches!(infix_op(p), Some((_, Infix::Binary))) || p.at(T![and]) || p.at(T![or]) {
        expected_expr(p);
        return;
    }
    let m = p.start();
    p.error(format!(
        "unexpected {}; expected an expression",
        crate::parser::describe(p.current())
    ));
    p.bump_any();
    m.complete(p, ERROR_NODE);
    let _ = expr_bp(p, bp);
}

fn expected_expr(p: &mut Parser<'_>) {
    p.err_recover("expected an expression", CLAUSE_START.union(EXPR_RECOVERY));
}

const EXPR_RECOVERY: TokenSet = TokenSet::new(&[
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

fn expr_bp(p: &mut Parser<'_>, min_bp: u8) -> Option<CompletedMarker> {
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

fn expr_bp_inner(p: &mut Parser<'_>, min_bp: u8) -> Option<CompletedMarker> {
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
const CHAIN_STOP: TokenSet = CLAUSE_START.union(CLOSERS).union(TokenSet::new(&[T![,]]));

enum Infix {
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

fn infix_op(p: &Parser<'_>) -> Option<(u8, Infix)> {
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

fn is_rest(p: &mut Parser<'_>) {
    p.bump(T![is]);
    p.eat(T![not]);
    fix_misspelled(
        p,
        TokenSet::new(&[T![null], T![true], T![false], T![distinct]]),
    );
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

fn in_rest(p: &mut Parser<'_>) {
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
        let m = p.start();
        p.bump(T!['(']);
        query(p);
        recover_to_closer(p);
        p.expect(T![')']);
        m.complete(p, SUBQUERY_EXPR);
        return;
    }
    let m = p.start();
    p.bump(T!['(']);
    expr_list(p, T![')']);
    recover_to_closer(p);
    p.expect(T![')']);
    m.complete(p, TUPLE_EXPR);
}

fn quantified(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump_any();
    p.bump(T!['(']);
    if at_query_start(p) {
        query(p);
    } else {
        expr_list(p, T![')']);
    }
    recover_to_closer(p);
    p.expect(T![')']);
    m.complete(p, QUANTIFIED_EXPR);
}

fn prefix_expr(p: &mut Parser<'_>) -> Option<CompletedMarker> {
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

fn postfix_expr(p: &mut Parser<'_>) -> Option<CompletedMarker> {
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

fn index_rest(p: &mut Parser<'_>) {
    p.bump(T!['[']);
    let slice = p.start();
    let mut is_slice = false;
    if !p.at(T![:]) {
        expr(p);
    }
    while p.at(T![:]) {
        is_slice = true;
        p.bump(T![:]);
        if !p.at(T![:]) && !p.at(T![']']) {
            expr(p);
        }
    }
    if is_slice {
        slice.complete(p, SLICE);
    } else {
        slice.abandon(p);
    }
    p.expect(T![']']);
}

const EXPR_START_KW: TokenSet = TokenSet::new(&[
    T![case],
    T![cast],
    T![try_cast],
    T![safe_cast],
    T![exists],
    T![not],
    T![null],
    T![true],
    T![false],
    T![interval],
    T![extract],
    T![left],
    T![right],
]);

pub(crate) fn at_expr_start(p: &Parser<'_>) -> bool {
    at_expr_start_n(p, 0)
}

fn at_expr_start_n(p: &Parser<'_>, n: usize) -> bool {
    let k = p.nth(n);
    at_name_kind(k)
        || EXPR_START_KW.contains(k)
        || matches!(
            k,
            INT_NUMBER
                | FLOAT_NUMBER
                | STRING
                | AT_IDENT
                | PARAM
                | T!['(']
                | T!['[']
                | T!['{']
                | T![-]
                | T![+]
                | T![~]
                | T![?]
                | T![*]
        )
}

fn atom(p: &mut Parser<'_>) -> Option<CompletedMarker> {
    let res = match p.current() {
        INT_NUMBER | FLOAT_NUMBER | STRING | T![null] | T![true] | T![false] => {
            let m = p.start();
            p.bump_any();
            // Adjacent string literals concatenate (`'a' 'b'` on separate lines).
            m.complete(p, LITERAL)
        }
        T![date] | T![time] | T![timestamp] | T![timestamptz] if p.nth_at(1, STRING) => {
            let m = p.start();
            p.bump_any();
            p.bump(STRING);
            m.complete(p, TYPED_LITERAL)
        }
        T![timestamp] | T![time]
            if matches!(p.nth(1), T![with] | T![without])
                && p.nth_at(2, T![time])
                && p.nth_at(4, STRING) =>
        {
            let m = p.start();
            types::type_ref(p);
            p.bump(STRING);
            m.complete(p, TYPED_LITERAL)
        }
        T![interval]
            if !matches!(p.nth(1), T![,] | T![')'] | T![.] | EOF)
                && !CLAUSE_START.contains(p.nth(1)) =>
        {
            interval(p)
        }
        T![case] => case_expr(p),
        T![cast] | T![try_cast] | T![safe_cast] => cast_call(p),
        T![extract] if p.nth_at(1, T!['(']) => extract(p),
        T![exists]
            if p.nth_at(1, T!['('])
                && !matches!(
                    p.nth(2),
                    T![select] | T![with] | T![from] | T![values] | T!['(']
                ) =>
        {
            call_or_path(p)
        }
        T![exists] => {
            let m = p.start();
            p.bump(T![exists]);
            if p.at(T!['(']) {
                subquery(p);
            } else {
                p.error("expected `(` and a subquery after EXISTS");
            }
            m.complete(p, EXISTS_EXPR)
        }
        T!['('] => paren_expr(p),
        T!['['] => list_literal(p, None),
        T!['{'] => struct_literal(p),
        T![array] if p.nth_at(1, T!['[']) => {
            let m = p.start();
            p.bump(T![array]);
            list_literal(p, Some(m))
        }
        T![array] if p.nth_at(1, T!['(']) && matches!(p.nth(2), T![select] | T![with]) => {
            let m = p.start();
            p.bump(T![array]);
            subquery(p);
            m.complete(p, ARRAY_EXPR)
        }
        T![map] if p.nth_at(1, T!['{']) => {
            let m = p.start();
            p.bump(T![map]);
            struct_literal(p);
            m.complete(p, MAP_EXPR)
        }
        T![struct] | T![array] if p.nth_at(1, T![<]) => {
            let m = p.start();
            types::type_ref(p);
            if p.at(T!['(']) {
                arg_list(p);
                m.complete(p, CALL_EXPR)
            } else if p.at(T!['[']) {
                list_literal(p, Some(m))
            } else {
                m.complete(p, CALL_EXPR)
            }
        }
        // DuckDB `*COLUMNS(..)` unpacks the columns into the surrounding call.
        T![*] if p.nth_at_contextual_kw(1, "columns") && p.nth_is_joined(1) => {
            let m = p.start();
            p.bump(T![*]);
            call_or_path(p);
            m.complete(p, PREFIX_EXPR)
        }
        T![*] => {
            let m = p.start();
            star(p, Some(m))
        }
        IDENT
            if p.at_contextual_kw("lambda")
                && at_name_kind(p.nth(1))
                && matches!(p.nth(2), T![:] | T![,]) =>
        {
            keyword_lambda(p)
        }
        IDENT if p.nth_at(1, STRING) && is_literal_type_name(p.nth_text(0)) => {
            let m = p.start();
            p.bump_remap(IDENT);
            p.bump(STRING);
            m.complete(p, TYPED_LITERAL)
        }
        AT_IDENT => placeholder(p),
        PARAM | T![?] => {
            let m = p.start();
            p.bump_any();
            m.complete(p, PARAM_EXPR)
        }
        T![:] if at_name_kind(p.nth(1)) && p.nth_is_joined(1) => {
            let m = p.start();
            p.bump(T![:]);
            p.bump_remap(IDENT);
            m.complete(p, PARAM_EXPR)
        }
        T![left] | T![right] | T![grouping] | T![any] | T![all] | T![values] | T![offset]
            if p.nth_at(1, T!['(']) =>
        {
            call_or_path(p)
        }
        k if at_name_kind(k) => {
            if p.nth_at(1, T![->]) && at_lambda_body(p, 2) {
                return Some(lambda(p));
            }
            call_or_path(p)
        }
        _ => return None,
    };
    Some(res)
}

/// After `x ->`: a lambda body rather than a JSON path (a string or number literal).
fn at_lambda_body(p: &Parser<'_>, n: usize) -> bool {
    !matches!(p.nth(n), STRING | INT_NUMBER)
        || !matches!(p.nth(n + 1), T![,] | T![')'] | EOF)
            && !CLAUSE_START.contains(p.nth(n + 1))
            && p.nth(n + 1) != T![as]
}

/// Type names that prefix a string to make a typed literal: `NUMERIC '1.5'`, `JSON '{}'`.
fn is_literal_type_name(word: &str) -> bool {
    const NAMES: &[&str] = &[
        "datetime",
        "numeric",
        "bignumeric",
        "json",
        "decimal",
        "bytes",
        "uuid",
        "varchar",
        "text",
        "int",
        "integer",
        "bigint",
        "double",
        "float",
        "real",
        "boolean",
        "bool",
        "blob",
        "timestamp_ntz",
        "timestamp_ltz",
        "timestamp_tz",
        "geography",
        "hugeint",
    ];
    NAMES.iter().any(|n| n.eq_ignore_ascii_case(word))
}

/// DuckDB's `lambda x, y: body`.
fn keyword_lambda(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    p.bump_remap(IDENT);
    let params = p.start();
    comma_list(p, T![:], |p| {
        if at_name(p) {
            name(p, TokenSet::EMPTY);
            true
        } else {
            false
        }
    });
    params.complete(p, LAMBDA_PARAMS);
    p.expect(T![:]);
    expr(p);
    m.complete(p, LAMBDA_EXPR)
}

fn lambda(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    let params = p.start();
    if p.eat(T!['(']) {
        comma_list(p, T![')'], |p| {
            if at_name(p) {
                name(p, TokenSet::EMPTY);
                true
            } else {
                false
            }
        });
        p.expect(T![')']);
    } else {
        name(p, TokenSet::EMPTY);
    }
    params.complete(p, LAMBDA_PARAMS);
    p.bump(T![->]);
    expr(p);
    m.complete(p, LAMBDA_EXPR)
}

fn interval(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    p.bump(T![interval]);
    if expr_bp(p, BP_UNARY).is_none() {
        expected_expr(p);
    }
    if at_interval_unit(p) {
        p.bump_remap(IDENT);
        if p.at(T![to]) && at_interval_unit_n(p, 1) {
            p.bump(T![to]);
            p.bump_remap(IDENT);
        }
    }
    m.complete(p, INTERVAL_EXPR)
}

const INTERVAL_UNITS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "millisecond",
    "milliseconds",
    "microsecond",
    "microseconds",
    "quarter",
    "quarters",
    "decade",
    "decades",
    "century",
    "centuries",
    "millennium",
    "millennia",
];

fn at_interval_unit(p: &Parser<'_>) -> bool {
    at_interval_unit_n(p, 0)
}

fn at_interval_unit_n(p: &Parser<'_>, n: usize) -> bool {
    let k = p.nth(n);
    (k == IDENT || k.is_keyword())
        && INTERVAL_UNITS
            .iter()
            .any(|u| p.nth_text(n).eq_ignore_ascii_case(u))
}

fn case_expr(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    p.bump(T![case]);
    if !p.at(T![when]) {
        expr(p);
    }
    if !p.at(T![when]) {
        p.error("expected WHEN");
    }
    while p.at(T![when]) {
        let w = p.start();
        p.bump(T![when]);
        expr(p);
        if p.expect(T![then]) || at_expr_start(p) {
            expr(p);
        }
        w.complete(p, WHEN_CLAUSE);
    }
    if p.at(T![else]) {
        let e = p.start();
        p.bump(T![else]);
        expr(p);
        e.complete(p, ELSE_CLAUSE);
    }
    if !p.eat(T![end]) {
        p.error("expected END to close CASE");
    }
    m.complete(p, CASE_EXPR)
}

fn cast_call(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    p.bump_any();
    if p.expect(T!['(']) {
        expr(p);
        if p.expect(T![as]) {
            types::type_ref(p);
        }
        if p.at_contextual_kw("format") {
            p.bump_remap(IDENT);
            expr(p);
        }
        recover_to_closer(p);
        p.expect(T![')']);
    }
    m.complete(p, CAST_EXPR)
}

fn extract(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    p.bump(T![extract]);
    p.bump(T!['(']);
    if at_name(p) || p.current().is_keyword() || p.at(STRING) {
        let n = p.start();
        if p.at(STRING) {
            p.bump(STRING);
        } else {
            p.bump_remap(IDENT);
        }
        n.complete(p, NAME_REF);
    } else {
        p.error("expected a date part");
    }
    if p.expect(T![from]) {
        expr(p);
    }
    recover_to_closer(p);
    p.expect(T![')']);
    m.complete(p, EXTRACT_EXPR)
}

pub(crate) fn subquery(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    p.bump(T!['(']);
    query(p);
    recover_to_closer(p);
    p.expect(T![')']);
    m.complete(p, SUBQUERY_EXPR)
}

/// `(expr)`, `(a, b)` (a row), `(SELECT ..)`, or `(x, y) -> body` (a lambda).
fn paren_expr(p: &mut Parser<'_>) -> CompletedMarker {
    if at_query_start(p) {
        return subquery(p);
    }
    if at_paren_lambda(p) {
        return lambda(p);
    }
    let m = p.start();
    p.bump(T!['(']);
    if p.at(T![')']) {
        p.bump(T![')']);
        return m.complete(p, TUPLE_EXPR);
    }
    expr(p);
    let mut tuple = false;
    while p.eat(T![,]) {
        tuple = true;
        if p.at(T![')']) {
            break;
        }
        expr(p);
    }
    recover_to_closer(p);
    p.expect(T![')']);
    m.complete(p, if tuple { TUPLE_EXPR } else { PAREN_EXPR })
}

fn at_paren_lambda(p: &Parser<'_>) -> bool {
    let mut n = 1;
    loop {
        if !at_name_kind(p.nth(n)) {
            return false;
        }
        match p.nth(n + 1) {
            T![,] => n += 2,
            T![')'] => return p.nth_at(n + 2, T![->]),
            _ => return false,
        }
    }
}

fn list_literal(p: &mut Parser<'_>, outer: Option<Marker>) -> CompletedMarker {
    let m = outer.unwrap_or_else(|| p.start());
    p.bump(T!['[']);
    expr_list(p, T![']']);
    // DuckDB list comprehension: `[x * 2 FOR x IN xs IF x > 0]`.
    if p.eat(T![for]) {
        name(p, TokenSet::new(&[T![in]]));
        if p.expect(T![in]) {
            expr(p);
        }
        if p.eat(T![if]) {
            expr(p);
        }
    }
    p.expect(T![']']);
    m.complete(p, ARRAY_EXPR)
}

/// `{'a': 1, b: 2}` (DuckDB struct) and the body of `MAP {k: v}`.
fn struct_literal(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    p.bump(T!['{']);
    comma_list(p, T!['}'], |p| {
        let f = p.start();
        if opt_expr(p).is_none() {
            f.abandon(p);
            return false;
        }
        if p.expect(T![:]) {
            expr(p);
        }
        f.complete(p, STRUCT_FIELD);
        true
    });
    p.expect(T!['}']);
    m.complete(p, STRUCT_EXPR)
}

/// `@start_date`, `@var(name[, default])`, `@macro(args)`: real syntax, never a text
/// pre-pass, so every offset stays true.
fn placeholder(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    p.bump(AT_IDENT);
    if p.at(T!['(']) && p.nth_is_joined(0) {
        arg_list(p);
    }
    m.complete(p, PLACEHOLDER)
}

/// `*` with DuckDB/Snowflake/BigQuery modifiers: `EXCLUDE`, `EXCEPT`, `REPLACE`, `RENAME`.
pub(crate) fn star(p: &mut Parser<'_>, outer: Option<Marker>) -> CompletedMarker {
    let m = outer.unwrap_or_else(|| p.start());
    p.bump(T![*]);
    star_modifiers(p);
    m.complete(p, STAR_EXPR)
}

pub(crate) fn star_modifiers(p: &mut Parser<'_>) {
    loop {
        match p.current() {
            T![exclude] | T![except] if p.current() == T![exclude] || p.nth_at(1, T!['(']) => {
                let m = p.start();
                p.bump_any();
                if p.at(T!['(']) {
                    paren_name_refs(p, COLUMN_ALIAS_LIST);
                } else if at_name(p) {
                    path(p);
                } else {
                    p.error("expected a column list");
                }
                m.complete(p, STAR_MODIFIER);
            }
            T![replace] if p.nth_at(1, T!['(']) => {
                let m = p.start();
                p.bump(T![replace]);
                p.bump(T!['(']);
                comma_list(p, T![')'], |p| {
                    let item = p.start();
                    if opt_expr(p).is_none() {
                        item.abandon(p);
                        return false;
                    }
                    if p.expect(T![as]) {
                        name_after_as(p, TokenSet::EMPTY);
                    }
                    item.complete(p, REPLACE_ITEM);
                    true
                });
                p.expect(T![')']);
                m.complete(p, STAR_MODIFIER);
            }
            T![rename] if p.nth_at(1, T!['(']) || at_name_kind(p.nth(1)) => {
                let m = p.start();
                p.bump(T![rename]);
                let paren = p.eat(T!['(']);
                comma_list(p, T![')'], |p| {
                    if !at_name(p) {
                        return false;
                    }
                    let item = p.start();
                    path(p);
                    if p.expect(T![as]) {
                        name_after_as(p, TokenSet::EMPTY);
                    }
                    item.complete(p, RENAME_ITEM);
                    paren
                });
                if paren {
                    p.expect(T![')']);
                }
                m.complete(p, STAR_MODIFIER);
            }
            _ => return,
        }
    }
}

/// A name, a qualified name, a function call or `t.*`.
fn call_or_path(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    let is_struct = p.at(T![struct]);
    path(p);
    if p.at(T![.]) && p.nth_at(1, T![*]) {
        p.bump(T![.]);
        p.bump(T![*]);
        star_modifiers(p);
        return m.complete(p, STAR_EXPR);
    }
    if p.at(T!['(']) {
        arg_list_with(p, is_struct);
        call_suffixes(p);
        return m.complete(p, CALL_EXPR);
    }
    m.complete(p, PATH_EXPR)
}

/// `( [DISTINCT|ALL] args [ORDER BY ..] [IGNORE|RESPECT NULLS] [LIMIT n] )`.
pub(crate) fn arg_list(p: &mut Parser<'_>) {
    arg_list_with(p, false);
}

/// `named_fields`: BigQuery's `STRUCT(x AS a)` names fields inline.
fn arg_list_with(p: &mut Parser<'_>, named_fields: bool) {
    let m = p.start();
    p.bump(T!['(']);
    if !p.eat(T![distinct]) {
        p.eat(T![all]);
    }
    comma_list(p, T![')'], |p| arg(p, named_fields));
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
    recover_to_closer(p);
    p.expect(T![')']);
    m.complete(p, ARG_LIST);
}

fn arg(p: &mut Parser<'_>, named_fields: bool) -> bool {
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
    while p.at(T![from]) || p.at(T![for]) || p.at_contextual_kw("placing") {
        p.bump_remap(p.current());
        expr(p);
    }
    if named_fields && p.at(T![as]) {
        let a = p.start();
        p.bump(T![as]);
        name_after_as(p, TokenSet::EMPTY);
        a.complete(p, ALIAS);
    }
    m.complete(p, ARG);
    true
}

fn null_treatment(p: &mut Parser<'_>) {
    if matches!(p.current(), T![ignore] | T![respect]) && p.nth_at(1, T![nulls]) {
        let m = p.start();
        p.bump_any();
        p.bump(T![nulls]);
        m.complete(p, NULL_TREATMENT);
    }
}

/// After a call's arguments: `WITHIN GROUP (..)`, `FILTER (WHERE ..)`, `IGNORE NULLS`,
/// `OVER (..)`.
fn call_suffixes(p: &mut Parser<'_>) {
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
            recover_to_closer(p);
            p.expect(T![')']);
        }
        m.complete(p, WITHIN_GROUP_CLAUSE);
    }
    if p.at(T![filter]) && p.nth_at(1, T!['(']) {
        let m = p.start();
        p.bump(T![filter]);
        p.bump(T!['(']);
        expect_kw(p, T![where]);
        expr(p);
        recover_to_closer(p);
        p.expect(T![')']);
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
    if at_name(p)
        && !matches!(
            p.current(),
            T![partition] | T![rows] | T![range] | T![groups]
        )
    {
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
        recover_to_closer(p);
        p.expect(T![')']);
    }
    m.complete(p, WINDOW_SPEC);
}

fn frame(p: &mut Parser<'_>) {
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

fn frame_bound(p: &mut Parser<'_>) {
    let m = p.start();
    if p.eat(T![unbounded]) {
        if !p.eat(T![preceding]) && !p.eat(T![following]) {
            p.error("expected PRECEDING or FOLLOWING");
        }
    } else if p.at(T![current]) {
        p.bump(T![current]);
        p.expect(T![row]);
    } else if expr_bp(p, BP_AND).is_some() {
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

/// `TOP n` and `TOP (n)`: a literal, a placeholder or a parenthesised expression.
pub(crate) fn atom_or_paren(p: &mut Parser<'_>) {
    if atom(p).is_none() {
        p.error("expected a number");
    }
}
