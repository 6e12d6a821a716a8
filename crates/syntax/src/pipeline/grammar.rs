//! The `.rocky` grammar (FORMAT.md §6): `let` bindings, then a pipeline of steps.
//!
//! Recovery: step keywords and `|` stop every sub-parser, so a broken step never loses the
//! steps after it; braces and parentheses stay balanced; a misspelled step keyword is
//! reported with a suggestion and read as the step.

use crate::{
    SyntaxKind::{self, *},
    TokenSet,
    parser::{CompletedMarker, Parser},
};

const STEP_START: TokenSet = TokenSet::new(&[
    FROM_KW,
    WHERE_KW,
    GROUP_KW,
    DERIVE_KW,
    SELECT_KW,
    JOIN_KW,
    LEFT_KW,
    RIGHT_KW,
    FULL_KW,
    CROSS_KW,
    SORT_KW,
    TAKE_KW,
    DISTINCT_KW,
    REPLICATE_KW,
]);

/// Where every sub-parser stops: the start of the next step or binding.
const STEP_STOP: TokenSet = STEP_START.union(TokenSet::new(&[LET_KW, T![|]]));

/// What ends an expression without belonging to it.
const EXPR_STOP: TokenSet =
    STEP_STOP.union(TokenSet::new(&[T![,], T!['}'], T![')'], T![=>], T![:], T![..]]));

/// Keywords that never name a column: they start steps or expressions, or are operators.
const NOT_A_NAME: TokenSet = STEP_STOP.union(TokenSet::new(&[
    NOT_KW, NULL_KW, TRUE_KW, FALSE_KW, MATCH_KW, AND_KW, OR_KW, IS_KW, IN_KW, ON_KW, AS_KW,
    OVER_KW,
]));

pub(crate) fn pipeline_file(p: &mut Parser<'_>) {
    let m = p.start();
    let mut seen_pipeline = false;
    while !p.at_eof() {
        if p.at(LET_KW) {
            if seen_pipeline {
                p.error("a `let` binding must come before the main pipeline");
            }
            let_binding(p);
        } else if p.at_ts(STEP_START) || p.at(T![|]) || misspelled_step(p) {
            pipeline(p, false);
            seen_pipeline = true;
        } else {
            skip_to_step(p, "expected `let` or a pipeline step such as `from`");
        }
    }
    m.complete(p, PIPELINE_FILE);
}

/// `let NAME = steps`.
fn let_binding(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(LET_KW);
    if at_name(p) {
        name(p);
    } else {
        p.error("expected a name after `let`");
    }
    if !p.eat(T![=]) {
        p.error("expected `=` after the binding's name");
    }
    if p.at_ts(STEP_START) || p.at(T![|]) || misspelled_step(p) {
        pipeline(p, true);
    } else {
        p.error("expected the binding's steps, starting with `from`");
    }
    m.complete(p, LET_BINDING);
}

/// Steps up to the next `let` (or, in a binding, the next `from`: newlines being
/// cosmetic, a binding's steps end where the next pipeline starts).
fn pipeline(p: &mut Parser<'_>, in_let: bool) {
    let m = p.start();
    let mut first = true;
    loop {
        while p.eat(T![|]) {}
        let next_from =
            p.at(FROM_KW) || (p.at(IDENT) && near_word(p).is_some_and(|(_, k)| k == FROM_KW));
        if p.at_eof() || p.at(LET_KW) || (in_let && !first && next_from) {
            break;
        }
        first = false;
        if p.at_ts(STEP_START) || misspelled_step(p) {
            step(p);
        } else {
            skip_to_step(p, "expected a pipeline step (`where`, `derive`, `select`, `sort`, ...)");
        }
    }
    m.complete(p, PIPELINE);
}

/// The words a misspelled step is compared with: the lexer's step keywords (joins start
/// with `join`; a `let` is not guessed).
fn step_words() -> impl Iterator<Item = (&'static str, SyntaxKind)> {
    super::lexer::keywords().filter(|&(_, k)| {
        STEP_START.contains(k) && !matches!(k, LEFT_KW | RIGHT_KW | FULL_KW | CROSS_KW)
    })
}

/// The step keyword the current identifier is a typo of, if any.
fn near_word(p: &Parser<'_>) -> Option<(&'static str, SyntaxKind)> {
    let word = p.nth_text(0).to_ascii_lowercase();
    step_words()
        .map(|(w, k)| (strsim::osa_distance(&word, w), w, k))
        .filter(|&(d, w, _)| d > 0 && d <= if w.len() <= 4 { 1 } else { 2 })
        .min_by_key(|&(d, _, _)| d)
        .map(|(_, w, k)| (w, k))
}

/// An identifier that is a typo of a step keyword: reported, then read as the step.
fn misspelled_step(p: &mut Parser<'_>) -> bool {
    if !p.at(IDENT) {
        return false;
    }
    let Some((w, kind)) = near_word(p) else { return false };
    let written = p.nth_text(0).to_string();
    p.error(format!("unknown step `{written}`; did you mean `{w}`?"));
    p.override_current(kind);
    true
}

/// Skips one token, or a bracketed group when at an opening bracket; an unclosed group
/// ends before a step keyword (no step starts inside brackets; `sort` in a window does,
/// when its `(` is closed later), so a stray `(` never swallows the steps after it.
fn skip_balanced(p: &mut Parser<'_>) {
    let mut depth = 0usize;
    loop {
        match p.current() {
            EOF => return,
            T!['('] | T!['{'] => depth += 1,
            T![')'] | T!['}'] => depth = depth.saturating_sub(1),
            k if depth > 0 && STEP_STOP.contains(k) && !(k == SORT_KW && p.closer_ahead()) => {
                return;
            }
            _ => {}
        }
        p.bump_any();
        if depth == 0 {
            return;
        }
    }
}

/// Reports `msg` and skips tokens (brackets balanced) up to the next step or binding.
fn skip_to_step(p: &mut Parser<'_>, msg: &str) {
    let m = p.start();
    if p.at(ERROR) {
        let ch = p.nth_text(0).to_string();
        p.error(format!("unexpected character `{ch}`"));
    } else {
        p.error(msg);
    }
    loop {
        skip_balanced(p);
        if p.at_eof() || p.at_ts(STEP_STOP) {
            break;
        }
    }
    m.complete(p, ERROR_NODE);
}

fn step(p: &mut Parser<'_>) {
    let m = p.start();
    let kind = match p.current() {
        FROM_KW => {
            p.bump_any();
            if at_name(p) {
                path(p);
            } else {
                p.error("expected a model or table name after `from`");
            }
            opt_alias(p);
            FROM_STEP
        }
        WHERE_KW => {
            p.bump_any();
            expr_or_error(p, "expected a condition after `where`");
            WHERE_STEP
        }
        GROUP_KW => {
            p.bump_any();
            let keys = !p.at(T!['{']) && expr_list(p);
            if p.at(T!['{']) {
                field_list(p);
            } else if !keys {
                p.error("expected grouping keys or `{ name: aggregate, ... }` after `group`");
            }
            GROUP_STEP
        }
        DERIVE_KW | SELECT_KW => {
            let kind = if p.at(DERIVE_KW) { DERIVE_STEP } else { SELECT_STEP };
            p.bump_any();
            if p.at(T!['{']) {
                field_list(p);
            } else {
                p.error(if kind == DERIVE_STEP {
                    "expected `{ name: expression, ... }` after `derive`"
                } else {
                    "expected `{ column, ... }` after `select`"
                });
                // Read the fields anyway, so a forgotten brace loses nothing.
                fields(p, STEP_STOP);
            }
            kind
        }
        JOIN_KW | LEFT_KW | RIGHT_KW | FULL_KW | CROSS_KW => {
            join(p);
            JOIN_STEP
        }
        SORT_KW => {
            p.bump_any();
            if !sort_keys(p) {
                p.error("expected a column to sort by");
            }
            SORT_STEP
        }
        TAKE_KW => {
            p.bump_any();
            expr_or_error(p, "expected a row count after `take`");
            TAKE_STEP
        }
        DISTINCT_KW => {
            p.bump_any();
            DISTINCT_STEP
        }
        _ => {
            p.bump_any();
            REPLICATE_STEP
        }
    };
    m.complete(p, kind);
}

/// `[left|right|full] join M [as A] on k1, k2 [{ keep a.x, ... }]`, `cross join M [as A]`.
fn join(p: &mut Parser<'_>) {
    let cross = p.at(CROSS_KW);
    if p.at(JOIN_KW) {
        p.bump_any();
    } else {
        p.bump_any();
        if !p.eat(JOIN_KW) {
            p.error("expected `join`");
        }
    }
    if at_name(p) {
        path(p);
    } else {
        p.error("expected a model or table name to join");
    }
    opt_alias(p);
    if cross {
        if p.at(ON_KW) {
            let m = p.start();
            p.error("a cross join takes no `on` keys");
            p.bump_any();
            expr_list(p);
            m.complete(p, ERROR_NODE);
        }
    } else if p.eat(ON_KW) {
        if !expr_list(p) {
            p.error("expected join keys after `on`");
        }
    } else {
        p.error("expected `on` and the join keys");
    }
    if p.at(T!['{']) {
        keep_list(p);
    }
}

/// `{ keep a.x, b }`.
fn keep_list(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T!['{']);
    if !p.eat(KEEP_KW) {
        p.error("expected `keep` in a join's block");
    }
    // Like `{ fields }`, a trailing comma is allowed.
    while at_expr_start(p) {
        expr_or_error(p, "expected a column");
        if !p.eat(T![,]) {
            break;
        }
    }
    close_brace(p);
    m.complete(p, KEEP_LIST);
}

fn opt_alias(p: &mut Parser<'_>) {
    if p.at(AS_KW) {
        let m = p.start();
        p.bump_any();
        if at_name(p) {
            name(p);
        } else {
            p.error("expected an alias after `as`");
        }
        m.complete(p, ALIAS);
    }
}

/// `{ field, ... }`.
fn field_list(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T!['{']);
    fields(p, STEP_STOP.union(TokenSet::new(&[T!['}']])));
    close_brace(p);
    m.complete(p, FIELD_LIST);
}

/// Fields separated by commas (a trailing one allowed), up to `stop`.
fn fields(p: &mut Parser<'_>, stop: TokenSet) {
    loop {
        if p.at_eof() || p.at_ts(stop) || p.at(T![')']) {
            return;
        }
        field(p);
        if p.eat(T![,]) {
            continue;
        }
        if p.at_eof() || p.at_ts(stop) || p.at(T![')']) {
            return;
        }
        if at_expr_start(p) {
            p.error("expected `,` between fields");
        } else {
            skip_in_list(p, "expected `,` or `}`", stop);
        }
    }
}

/// `name: expr` or `expr`.
fn field(p: &mut Parser<'_>) {
    let m = p.start();
    if at_name(p) && p.nth_at(1, T![:]) {
        name(p);
        p.bump(T![:]);
        expr_or_error(p, "expected an expression after `:`");
    } else {
        expr_or_error(p, "expected a field: `name: expression` or a column");
    }
    m.complete(p, FIELD);
}

/// Skips one unexpected token (a bracketed group whole) inside a list.
fn skip_in_list(p: &mut Parser<'_>, msg: &str, stop: TokenSet) {
    let m = p.start();
    p.error(msg);
    while !p.at_eof() && !p.at_ts(stop) && !p.at(T![,]) && !p.at(T![')']) {
        skip_balanced(p);
    }
    m.complete(p, ERROR_NODE);
}

fn close_brace(p: &mut Parser<'_>) {
    if !p.eat(T!['}']) {
        p.error("expected `}`");
    }
}

/// `e, e, ...`; false when there was none.
fn expr_list(p: &mut Parser<'_>) -> bool {
    if !at_expr_start(p) {
        return false;
    }
    loop {
        expr_or_error(p, "expected an expression after `,`");
        if !p.eat(T![,]) {
            return true;
        }
    }
}

/// `[-|+] e [asc|desc], ...`.
fn sort_keys(p: &mut Parser<'_>) -> bool {
    if !(at_expr_start(p) || p.at(T![+])) {
        return false;
    }
    loop {
        let m = p.start();
        if p.at(T![-]) || p.at(T![+]) {
            p.bump_any();
        }
        expr_or_error(p, "expected a column to sort by");
        if p.at(ASC_KW) || p.at(DESC_KW) {
            p.bump_any();
        }
        m.complete(p, SORT_KEY);
        if !p.eat(T![,]) {
            return true;
        }
    }
}

// ---- names ------------------------------------------------------------------------------

fn at_name(p: &Parser<'_>) -> bool {
    at_name_kind(p.current())
}

fn at_name_kind(kind: SyntaxKind) -> bool {
    kind == IDENT
        || ((kind.is_keyword() || kind.is_pipeline_keyword()) && !NOT_A_NAME.contains(kind))
}

fn name(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump_remap(IDENT);
    m.complete(p, NAME);
}

fn name_ref(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump_remap(IDENT);
    m.complete(p, NAME_REF);
}

/// `a`, `a.b`, `a.b.c` as a `PATH`.
fn path(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    name_ref(p);
    while p.at(T![.]) && at_name_kind(p.nth(1)) {
        p.bump(T![.]);
        name_ref(p);
    }
    m.complete(p, PATH)
}

// ---- expressions --------------------------------------------------------------------------

fn at_expr_start(p: &Parser<'_>) -> bool {
    at_name(p)
        || matches!(
            p.current(),
            INT_NUMBER
                | FLOAT_NUMBER
                | STRING
                | AT_DATE
                | AT_IDENT
                | TRUE_KW
                | FALSE_KW
                | NULL_KW
                | NOT_KW
                | MATCH_KW
                | T!['(']
                | T![-]
                | T![*]
        )
}

fn expr_or_error(p: &mut Parser<'_>, msg: &str) {
    if expr(p).is_none() {
        if p.at_eof() || p.at_ts(EXPR_STOP) {
            p.error(msg);
        } else {
            let m = p.start();
            p.error(msg);
            skip_balanced(p);
            m.complete(p, ERROR_NODE);
        }
    }
}

pub(crate) fn expr(p: &mut Parser<'_>) -> Option<CompletedMarker> {
    expr_bp(p, 0)
}

/// Binding powers (FORMAT.md §6): `or` < `and` < comparison < `+ - ||` < `* / %` < unary.
fn infix_bp(kind: SyntaxKind) -> Option<u8> {
    Some(match kind {
        OR_KW => 1,
        AND_KW => 2,
        T![==] | T![!=] | T![<] | T![<=] | T![>] | T![>=] => 3,
        T![+] | T![-] | T![||] => 4,
        T![*] | T![/] | T![%] => 5,
        _ => return None,
    })
}

const COMPARISON_BP: u8 = 3;
const PREFIX_BP: u8 = 6;

fn expr_bp(p: &mut Parser<'_>, min_bp: u8) -> Option<CompletedMarker> {
    if !p.enter() {
        let m = p.start();
        p.error("expression nests too deeply to analyse");
        while !p.at_eof() && !p.at_ts(EXPR_STOP) {
            skip_balanced(p);
        }
        m.complete(p, ERROR_NODE);
        return None;
    }
    let res = expr_bp_inner(p, min_bp);
    p.leave();
    res
}

fn expr_bp_inner(p: &mut Parser<'_>, min_bp: u8) -> Option<CompletedMarker> {
    let mut lhs = if p.at(NOT_KW) || p.at(T![-]) {
        let m = p.start();
        p.bump_any();
        if expr_bp(p, PREFIX_BP).is_none() {
            p.error("expected an expression after the operator");
        }
        m.complete(p, PREFIX_EXPR)
    } else {
        primary(p)?
    };
    let mut wrapped = 0;
    loop {
        if !p.wrap() {
            p.skip_overlong_chain(EXPR_STOP);
            break;
        }
        wrapped += 1;
        let kind = p.current();
        if kind == IS_KW && COMPARISON_BP > min_bp {
            let m = lhs.precede(p);
            p.bump_any();
            p.eat(NOT_KW);
            if !p.eat(NULL_KW) {
                p.error("expected `null` after `is` (or `is not`)");
            }
            lhs = m.complete(p, IS_EXPR);
            continue;
        }
        if (kind == IN_KW || (kind == NOT_KW && p.nth_at(1, IN_KW))) && COMPARISON_BP > min_bp {
            let m = lhs.precede(p);
            p.eat(NOT_KW);
            p.bump(IN_KW);
            in_list(p);
            lhs = m.complete(p, IN_EXPR);
            continue;
        }
        let Some(bp) = infix_bp(kind) else { break };
        if bp <= min_bp {
            break;
        }
        let m = lhs.precede(p);
        p.bump_any();
        if expr_bp(p, bp).is_none() {
            p.error("expected an expression after the operator");
        }
        lhs = m.complete(p, BIN_EXPR);
    }
    p.unwrap_chain(wrapped);
    Some(lhs)
}

/// `(a, b, ...)` after `in`.
fn in_list(p: &mut Parser<'_>) {
    let m = p.start();
    if !p.eat(T!['(']) {
        p.error("expected `(` and a list of values after `in`");
        m.abandon(p);
        return;
    }
    args_until_paren(p, false);
    m.complete(p, TUPLE_EXPR);
}

/// Comma-separated expressions up to `)` (consumed); with `wrap`, each in an `ARG`.
fn args_until_paren(p: &mut Parser<'_>, wrap: bool) {
    while !p.at(T![')']) && !p.at_eof() && !p.at_ts(STEP_STOP) {
        let m = wrap.then(|| p.start());
        expr_or_error(p, "expected an expression");
        if let Some(m) = m {
            m.complete(p, ARG);
        }
        if !p.eat(T![,]) {
            break;
        }
    }
    if !p.eat(T![')']) {
        p.error("expected `)`");
    }
}

fn primary(p: &mut Parser<'_>) -> Option<CompletedMarker> {
    let m = p.start();
    let kind = match p.current() {
        INT_NUMBER | FLOAT_NUMBER | STRING | AT_DATE | TRUE_KW | FALSE_KW | NULL_KW => {
            p.bump_any();
            LITERAL
        }
        AT_IDENT => {
            let args = p.nth_at(1, T!['(']) && p.nth_is_joined(1);
            p.bump_any();
            if args {
                let a = p.start();
                p.bump(T!['(']);
                args_until_paren(p, true);
                a.complete(p, ARG_LIST);
            }
            PLACEHOLDER
        }
        T!['('] => {
            p.bump_any();
            expr_or_error(p, "expected an expression after `(`");
            if !p.eat(T![')']) {
                p.error("expected `)`");
            }
            PAREN_EXPR
        }
        T![*] => {
            p.bump_any();
            STAR_EXPR
        }
        MATCH_KW => {
            match_expr(p);
            MATCH_EXPR
        }
        _ if at_name(p) => {
            path(p);
            if p.at(T![.]) && p.nth_at(1, T![*]) {
                p.bump(T![.]);
                p.bump(T![*]);
                STAR_EXPR
            } else if p.at(T!['(']) {
                let a = p.start();
                p.bump(T!['(']);
                args_until_paren(p, true);
                a.complete(p, ARG_LIST);
                if p.at(OVER_KW) {
                    window(p);
                }
                CALL_EXPR
            } else {
                PATH_EXPR
            }
        }
        _ => {
            m.abandon(p);
            return None;
        }
    };
    Some(m.complete(p, kind))
}

/// `match [e] { pattern => e, ... }`.
fn match_expr(p: &mut Parser<'_>) {
    p.bump(MATCH_KW);
    if !p.at(T!['{']) && expr(p).is_none() {
        p.error("expected the value to match, or `{`");
    }
    if !p.eat(T!['{']) {
        p.error("expected `{` and the match arms");
        return;
    }
    let stop = STEP_STOP.union(TokenSet::new(&[T!['}'], T![')']]));
    while !p.at_eof() && !p.at_ts(stop) {
        match_arm(p);
        if !p.eat(T![,]) && !p.at(T!['}']) {
            if at_expr_start(p) || at_pattern_op(p) {
                p.error("expected `,` between match arms");
            } else if !p.at_eof() && !p.at_ts(stop) {
                skip_in_list(p, "expected `,` or `}`", stop);
            }
        }
    }
    close_brace(p);
}

fn at_pattern_op(p: &Parser<'_>) -> bool {
    matches!(p.current(), T![==] | T![!=] | T![<] | T![<=] | T![>] | T![>=] | IS_KW | IN_KW)
        || (p.at(NOT_KW) && p.nth_at(1, IN_KW))
}

fn match_arm(p: &mut Parser<'_>) {
    let m = p.start();
    let pat = p.start();
    if p.at(IDENT) && p.nth_text(0) == "_" {
        p.bump(IDENT);
    } else if matches!(p.current(), T![==] | T![!=] | T![<] | T![<=] | T![>] | T![>=]) {
        p.bump_any();
        expr_or_error(p, "expected a value after the comparison");
    } else if p.at(IS_KW) {
        p.bump_any();
        p.eat(NOT_KW);
        if !p.eat(NULL_KW) {
            p.error("expected `null` after `is`");
        }
    } else if p.at(IN_KW) || (p.at(NOT_KW) && p.nth_at(1, IN_KW)) {
        p.eat(NOT_KW);
        p.bump(IN_KW);
        in_list(p);
    } else {
        expr_or_error(p, "expected a pattern: `_`, `> value`, a value or a condition");
    }
    pat.complete(p, MATCH_PATTERN);
    if !p.eat(T![=>]) {
        p.error("expected `=>` after the pattern");
    }
    expr_or_error(p, "expected the arm's value after `=>`");
    m.complete(p, MATCH_ARM);
}

/// `over (partition a, b sort -c rows unbounded..current)`.
fn window(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(OVER_KW);
    let paren = p.eat(T!['(']);
    if !paren {
        p.error("expected `(` after `over`");
        if !(p.at(PARTITION_KW) || p.at(SORT_KW) || p.at(ROWS_KW) || p.at(RANGE_KW)) {
            m.complete(p, PIPE_WINDOW);
            return;
        }
    }
    if p.at(PARTITION_KW) {
        let w = p.start();
        p.bump_any();
        if !expr_list(p) {
            p.error("expected columns after `partition`");
        }
        w.complete(p, PIPE_PARTITION);
    }
    if p.at(SORT_KW) {
        let w = p.start();
        p.bump_any();
        if !sort_keys(p) {
            p.error("expected a column after `sort`");
        }
        w.complete(p, PIPE_SORT);
    }
    if p.at(ROWS_KW) || p.at(RANGE_KW) {
        let w = p.start();
        p.bump_any();
        bound(p);
        if !p.eat(T![..]) {
            p.error("expected `..` between the frame's bounds");
        }
        bound(p);
        w.complete(p, PIPE_FRAME);
    }
    if paren {
        if !p.at(T![')']) && !p.at_eof() && !p.at_ts(STEP_STOP) {
            let e = p.start();
            p.error("expected `partition`, `sort`, `rows`, `range` or `)` in a window");
            while !p.at(T![')']) && !p.at_eof() && !p.at_ts(STEP_STOP) {
                skip_balanced(p);
            }
            e.complete(p, ERROR_NODE);
        }
        if !p.eat(T![')']) {
            p.error("expected `)`");
        }
    }
    m.complete(p, PIPE_WINDOW);
}

/// `unbounded`, `current`, `N`, `-N`.
fn bound(p: &mut Parser<'_>) {
    let m = p.start();
    match p.current() {
        UNBOUNDED_KW | CURRENT_KW => p.bump_any(),
        T![-] | T![+] if p.nth_at(1, INT_NUMBER) => {
            p.bump_any();
            p.bump(INT_NUMBER);
        }
        INT_NUMBER => p.bump(INT_NUMBER),
        _ => p.error("expected a frame bound: `unbounded`, `current` or a number of rows"),
    }
    m.complete(p, PIPE_BOUND);
}
