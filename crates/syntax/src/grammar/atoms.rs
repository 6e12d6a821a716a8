//! Expression atoms: literals, names, CASE, CAST, EXTRACT, subqueries, lambdas, list and
//! struct literals, placeholders, stars and postfix subscripts.

use super::*;
use crate::grammar::calls::*;
use crate::grammar::expressions::*;
use crate::grammar::query::{at_query_start, close_paren, query};

pub(crate) fn index_rest(p: &mut Parser<'_>) {
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

pub(crate) const EXPR_START_KW: TokenSet = TokenSet::new(&[
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

pub(crate) fn at_expr_start_n(p: &Parser<'_>, n: usize) -> bool {
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

pub(crate) fn atom(p: &mut Parser<'_>) -> Option<CompletedMarker> {
    let res = match p.current() {
        INT_NUMBER | FLOAT_NUMBER | STRING | T![null] | T![true] | T![false] => {
            let m = p.start();
            p.bump_any();
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
                && p.nth_at(3, T![zone])
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
                && !matches!(p.nth(2), T![select] | T![with] | T![from] | T![values] | T!['(']) =>
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
            if matches!(p.nth(2), T![:] | T![,])
                && at_name_kind(p.nth(1))
                && p.at_contextual_kw("lambda") =>
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
        k if at_name_kind(k) => call_or_path(p),
        // A reserved word where a value belongs (`WHERE table = 1`): say how to use it as
        // a name and read it as one, so the rest of the expression still parses.
        k if k.is_keyword()
            && !CLAUSE_START.contains(k)
            && !STMT_START.contains(k)
            && !NOT_A_NAME.contains(k) =>
        {
            let m = p.start();
            let word = p.nth_text(0).to_string();
            p.error(format!(
                "`{word}` is a reserved keyword; quote it (\"{word}\") to use it as a name"
            ));
            p.bump_any();
            m.complete(p, ERROR_NODE)
        }
        _ => return None,
    };
    Some(res)
}

/// After `x ->`: a lambda body rather than a JSON path (a string or number literal).
/// A lambda starts here: `x -> ..` or `(x, y) -> ..`. Only function arguments hold
/// lambdas (as in DuckDB); elsewhere `->` is the JSON operator, and so is `x -> 'k'` or
/// `x -> 0` even in an argument.
pub(crate) fn at_lambda(p: &Parser<'_>) -> bool {
    let single = at_name(p) && p.nth_at(1, T![->]) && !matches!(p.nth(2), STRING | INT_NUMBER);
    single || at_paren_lambda(p)
}

/// Type names that prefix a string to make a typed literal: `NUMERIC '1.5'`, `JSON '{}'`.
pub(crate) fn is_literal_type_name(word: &str) -> bool {
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
pub(crate) fn keyword_lambda(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    p.bump_remap(IDENT);
    let params = p.start();
    comma_list(p, T![:], opt_name);
    params.complete(p, LAMBDA_PARAMS);
    p.expect(T![:]);
    expr(p);
    m.complete(p, LAMBDA_EXPR)
}

pub(crate) fn lambda(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    let params = p.start();
    if p.eat(T!['(']) {
        comma_list(p, T![')'], opt_name);
        p.expect(T![')']);
    } else {
        name(p, TokenSet::EMPTY);
    }
    params.complete(p, LAMBDA_PARAMS);
    p.bump(T![->]);
    expr(p);
    m.complete(p, LAMBDA_EXPR)
}

pub(crate) fn interval(p: &mut Parser<'_>) -> CompletedMarker {
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

pub(crate) const INTERVAL_UNITS: &[&str] = &[
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

pub(crate) fn at_interval_unit(p: &Parser<'_>) -> bool {
    at_interval_unit_n(p, 0)
}

pub(crate) fn at_interval_unit_n(p: &Parser<'_>, n: usize) -> bool {
    let k = p.nth(n);
    (k == IDENT || k.is_keyword())
        && INTERVAL_UNITS.iter().any(|u| p.nth_text(n).eq_ignore_ascii_case(u))
}

pub(crate) fn case_expr(p: &mut Parser<'_>) -> CompletedMarker {
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

pub(crate) fn cast_call(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    p.bump_any();
    // `CAST a AS int`: report the missing `(` and read the rest as if it were there.
    let paren = p.expect(T!['(']);
    expr(p);
    if p.expect(T![as]) {
        types::type_ref(p);
    }
    if p.at_contextual_kw("format") {
        p.bump_remap(IDENT);
        expr(p);
    }
    if paren {
        close_paren(p);
    }
    m.complete(p, CAST_EXPR)
}

/// Keywords that end or join expressions: never read as a misplaced name.
const NOT_A_NAME: TokenSet = EXPR_RECOVERY.union(TokenSet::new(&[
    T![natural],
    T![is],
    T![in],
    T![like],
    T![ilike],
    T![between],
    T![not],
    T![by],
    T![into],
    T![asof],
    T![positional],
    T![semi],
    T![anti],
    T![lateral],
    T![all],
    T![distinct],
]));

pub(crate) fn extract(p: &mut Parser<'_>) -> CompletedMarker {
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
    close_paren(p);
    m.complete(p, EXTRACT_EXPR)
}

pub(crate) fn subquery(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    p.bump(T!['(']);
    query(p);
    close_paren(p);
    m.complete(p, SUBQUERY_EXPR)
}

/// `(expr)`, `(a, b)` (a row), `(SELECT ..)`, or `(x, y) -> body` (a lambda).
pub(crate) fn paren_expr(p: &mut Parser<'_>) -> CompletedMarker {
    if at_query_start(p) {
        return subquery(p);
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
    close_paren(p);
    m.complete(p, if tuple { TUPLE_EXPR } else { PAREN_EXPR })
}

pub(crate) fn at_paren_lambda(p: &Parser<'_>) -> bool {
    if !p.at(T!['(']) {
        return false;
    }
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

pub(crate) fn list_literal(p: &mut Parser<'_>, outer: Option<Marker>) -> CompletedMarker {
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
pub(crate) fn struct_literal(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    p.bump(T!['{']);
    comma_list(p, T!['}'], |p| {
        let f = p.start();
        if opt_expr(p).is_none() {
            f.abandon(p);
            return false;
        }
        // `{'a' 1}`: report the `:`, still read the value.
        if p.expect(T![:]) || at_expr_start(p) {
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
pub(crate) fn placeholder(p: &mut Parser<'_>) -> CompletedMarker {
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
                    column_list(p);
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

/// `TOP n` and `TOP (n)`: a literal, a placeholder or a parenthesised expression.
pub(crate) fn atom_or_paren(p: &mut Parser<'_>) {
    if atom(p).is_none() {
        p.error("expected a number");
    }
}
