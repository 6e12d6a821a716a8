//! The SQL grammar: recursive descent over the token cursor, one module per area.
//!
//! Recovery: statements recover at statement keywords and `;`; clauses stop every
//! sub-parser at clause keywords (`CLAUSE_START`), so a broken `WHERE` never swallows
//! `GROUP BY`; skipped tokens never unbalance brackets.

mod atoms;
mod calls;
mod ddl;
mod expressions;
mod from;
mod query;
mod types;

use crate::{
    SyntaxKind::{self, *},
    TokenSet,
    parser::{CompletedMarker, Marker, Parser},
};

pub(crate) const CLOSERS: TokenSet = TokenSet::new(&[T![')'], T![']'], T!['}']]);

/// Keywords that start a statement, and where skipping after an error stops.
const STMT_RESYNC: TokenSet = TokenSet::new(&[
    T![select],
    T![with],
    T![values],
    T![create],
    T![insert],
    T![drop],
    T![delete],
    T![pivot],
    T![unpivot],
]);

/// DuckDB's FROM-first queries start with FROM too.
pub(crate) const STMT_START: TokenSet = STMT_RESYNC.union(TokenSet::new(&[T![from]]));

/// Keywords that start a clause of a query; no expression or list runs across them.
pub(crate) const CLAUSE_START: TokenSet = TokenSet::new(&[
    T![select],
    T![from],
    T![where],
    T![group],
    T![having],
    T![qualify],
    T![window],
    T![order],
    T![limit],
    T![offset],
    T![fetch],
    T![union],
    T![intersect],
    T![except],
    T![;],
]);

/// Keywords that can never be a bare name (column, table, alias) in any dialect we parse.
pub(crate) const RESERVED: TokenSet = TokenSet::new(&[
    T![all],
    T![and],
    T![anti],
    T![as],
    T![asof],
    T![between],
    T![by],
    T![case],
    T![cast],
    T![create],
    T![cross],
    T![distinct],
    T![drop],
    T![else],
    T![end],
    T![except],
    T![exists],
    T![false],
    T![fetch],
    T![from],
    T![full],
    T![group],
    T![having],
    T![ilike],
    T![in],
    T![inner],
    T![insert],
    T![intersect],
    T![into],
    T![is],
    T![isnull],
    T![join],
    T![lateral],
    T![left],
    T![like],
    T![limit],
    T![natural],
    T![not],
    T![notnull],
    T![null],
    T![offset],
    T![on],
    T![or],
    T![order],
    T![positional],
    T![qualify],
    T![right],
    T![select],
    T![semi],
    T![table],
    T![then],
    T![true],
    T![try_cast],
    T![safe_cast],
    T![union],
    T![using],
    T![values],
    T![when],
    T![where],
    T![window],
    T![with],
]);

/// Non-reserved keywords that still may not be an alias without `AS`, because they
/// continue the expression or the FROM item before them.
const NO_IMPLICIT_ALIAS: TokenSet = TokenSet::new(&[
    T![over],
    T![filter],
    T![within],
    T![respect],
    T![ignore],
    T![collate],
    T![at],
    T![glob],
    T![rlike],
    T![regexp],
    T![similar],
    T![escape],
    T![pivot],
    T![unpivot],
    T![tablesample],
    T![sample],
    T![for],
    T![asc],
    T![desc],
    T![nulls],
    T![exclude],
    T![replace],
    T![rename],
    T![rows],
    T![range],
    T![groups],
]);

pub(crate) fn source_file(p: &mut Parser<'_>) {
    let m = p.start();
    while !p.at_eof() {
        if p.eat(T![;]) {
            continue;
        }
        let parsed = statement(p);
        if !parsed {
            continue;
        }
        if p.at(T![')']) {
            p.error("unmatched `)`");
            skip_to_statement(p);
        } else if !p.at_eof() && !p.at(T![;]) {
            // A statement ended early: report once, skip to the next statement.
            p.error("expected `;` or end of input");
            skip_to_statement(p);
        }
    }
    p.bump_rest();
    m.complete(p, SOURCE_FILE);
}

/// After a statement that ended early, skips to the next `;` or statement keyword. `FROM`
/// does not count here: after a broken select list it is far more likely the broken
/// statement's own clause than a DuckDB FROM-first statement.
fn skip_to_statement(p: &mut Parser<'_>) {
    let m = p.start();
    let mut any = false;
    while !(p.at_eof() || p.at(T![;]) || p.at_ts(STMT_RESYNC) && any) {
        p.bump_any_balanced();
        any = true;
    }
    if any {
        m.complete(p, ERROR_NODE);
    } else {
        m.abandon(p);
    }
}

/// Parses one statement; `false` when there was none, only input skipped with an error
/// (then no `;` is demanded after it).
fn statement(p: &mut Parser<'_>) -> bool {
    if p.at(IDENT) {
        fix_misspelled(p, STMT_START);
    }
    match p.current() {
        T![create] => ddl::create(p),
        T![insert] => ddl::insert(p),
        T![drop] => ddl::drop(p),
        T![delete] => ddl::delete(p),
        T![pivot] | T![unpivot] if !p.nth_at(1, T!['(']) => {
            query::pivot_statement(p);
        }
        T![select] | T![with] | T![from] | T![values] | T!['('] => {
            let m = p.start();
            query::query(p);
            m.complete(p, QUERY_STMT);
        }
        _ if at_other_statement(p) => {
            let m = p.start();
            ddl::rest_of_statement(p);
            m.complete(p, OTHER_STMT);
        }
        T![')'] => {
            let m = p.start();
            p.error("unmatched `)`");
            while p.at(T![')']) {
                p.bump_any();
            }
            m.complete(p, ERROR_NODE);
            return false;
        }
        _ => {
            let m = p.start();
            p.error("expected a statement (SELECT, WITH, FROM, VALUES, CREATE, INSERT, DROP)");
            while !p.at_eof() && !p.at(T![;]) && !p.at_ts(STMT_START) {
                p.bump_any_balanced();
            }
            m.complete(p, ERROR_NODE);
            return false;
        }
    }
    true
}

/// Statements we keep whole without analysing them (session settings, extensions, DML
/// other than INSERT): valid in a seed file, irrelevant to models.
const OTHER_STATEMENTS: &[&str] = &[
    "set",
    "reset",
    "install",
    "load",
    "copy",
    "attach",
    "detach",
    "pragma",
    "use",
    "begin",
    "commit",
    "rollback",
    "update",
    "alter",
    "truncate",
    "call",
    "checkpoint",
    "export",
    "import",
    "vacuum",
    "analyze",
    "explain",
    "describe",
    "show",
    "summarize",
    "merge",
    "comment",
    "grant",
    "revoke",
];

fn at_other_statement(p: &Parser<'_>) -> bool {
    let k = p.current();
    (k == IDENT || k.is_keyword())
        && OTHER_STATEMENTS.iter().any(|w| p.nth_text(0).eq_ignore_ascii_case(w))
}

// ---- names ----------------------------------------------------------------------------

/// An identifier, a quoted identifier or a keyword that is not reserved.
pub(crate) fn at_name(p: &Parser<'_>) -> bool {
    at_name_kind(p.current())
}

pub(crate) fn at_name_kind(kind: SyntaxKind) -> bool {
    matches!(kind, IDENT | QUOTED_IDENT) || (kind.is_keyword() && !RESERVED.contains(kind))
}

/// After a dot every keyword is a name: `t.values`, `s.order`.
pub(crate) fn at_word_kind(kind: SyntaxKind) -> bool {
    matches!(kind, IDENT | QUOTED_IDENT) || kind.is_keyword()
}

/// A word that may follow an expression or FROM item as an alias without `AS`.
pub(crate) fn at_implicit_alias(p: &Parser<'_>) -> bool {
    let kind = p.current();
    match kind {
        QUOTED_IDENT => true,
        IDENT => {
            let set_op =
                p.at_contextual_kw("minus") && matches!(p.nth(1), T![select] | T!['('] | T![from]);
            !set_op && misspelled_clause_keyword(p).is_none()
        }
        _ => at_name_kind(kind) && !NO_IMPLICIT_ALIAS.contains(kind),
    }
}

fn bump_name_token(p: &mut Parser<'_>) {
    match p.current() {
        QUOTED_IDENT => p.bump(QUOTED_IDENT),
        _ => p.bump_remap(IDENT),
    }
}

/// A defining name (`NAME`): alias, CTE, column definition.
pub(crate) fn name(p: &mut Parser<'_>, recovery: TokenSet) {
    if at_name(p) {
        let m = p.start();
        bump_name_token(p);
        m.complete(p, NAME);
    } else {
        p.err_recover("expected a name", recovery);
    }
}

/// A name after `AS`, where even reserved keywords and strings are accepted.
pub(crate) fn name_after_as(p: &mut Parser<'_>, recovery: TokenSet) {
    let kind = p.current();
    if at_name(p) || (kind.is_keyword() && !CLAUSE_START.contains(kind)) || kind == STRING {
        let m = p.start();
        match kind {
            QUOTED_IDENT | STRING => p.bump_any(),
            _ => p.bump_remap(IDENT),
        }
        m.complete(p, NAME);
    } else {
        p.err_recover("expected an alias after AS", recovery);
    }
}

/// A `NAME` when one is here: the item parser of name lists.
pub(crate) fn opt_name(p: &mut Parser<'_>) -> bool {
    let here = at_name(p);
    if here {
        name(p, TokenSet::EMPTY);
    }
    here
}

/// A `PATH` when one is here: the item parser of column and table lists.
pub(crate) fn opt_path(p: &mut Parser<'_>) -> bool {
    let here = at_name(p);
    if here {
        path(p);
    }
    here
}

pub(crate) fn name_ref(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    bump_name_token(p);
    m.complete(p, NAME_REF)
}

/// `a.b.c` as a `PATH` of `NAME_REF`s: tables, functions, qualified columns.
pub(crate) fn path(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    name_ref(p);
    while p.at(T![.]) && at_word_kind(p.nth(1)) {
        p.bump(T![.]);
        name_ref(p);
    }
    m.complete(p, PATH)
}

/// `[AS] alias [(a, b)]`, when one is there.
pub(crate) fn opt_alias(p: &mut Parser<'_>, column_list: bool) {
    let m = p.start();
    if p.eat(T![as]) {
        name_after_as(p, CLAUSE_START);
    } else if at_implicit_alias(p) {
        name(p, CLAUSE_START);
    } else {
        m.abandon(p);
        return;
    }
    if column_list && p.at(T!['(']) {
        column_alias_list(p);
    }
    m.complete(p, ALIAS);
}

pub(crate) fn column_alias_list(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T!['(']);
    comma_list(p, T![')'], opt_name);
    p.expect(T![')']);
    m.complete(p, COLUMN_ALIAS_LIST);
}

/// `( col, col )` naming existing columns: `USING (..)`, `EXCLUDE (..)`,
/// `INSERT INTO t (..)`, key constraints, PIVOT/UNPIVOT column lists.
pub(crate) fn column_list(p: &mut Parser<'_>) {
    let m = p.start();
    p.expect(T!['(']);
    comma_list1(p, T![')'], "a column name", opt_path);
    p.expect(T![')']);
    m.complete(p, COLUMN_LIST);
}

// ---- lists and recovery ---------------------------------------------------------------

/// Parses `item (, item)*` up to (not including) `end`. `item` returns false when nothing
/// it knows is there; then the token is either left for an enclosing rule (clause
/// keyword, closer) or skipped with an error. A trailing comma is accepted only right
/// before `end`.
pub(crate) fn comma_list(
    p: &mut Parser<'_>,
    end: SyntaxKind,
    item: impl FnMut(&mut Parser<'_>) -> bool,
) -> usize {
    comma_list_impl(p, end, false, "an item", item)
}

/// A select list: a trailing comma before the next clause is DuckDB/BigQuery syntax,
/// judged per dialect by the validation pass.
pub(crate) fn comma_list_trailing(
    p: &mut Parser<'_>,
    item: impl FnMut(&mut Parser<'_>) -> bool,
) -> usize {
    comma_list_impl(p, EOF, true, "a select item", item)
}

fn comma_list_impl(
    p: &mut Parser<'_>,
    end: SyntaxKind,
    trailing_ok: bool,
    what: &str,
    mut item: impl FnMut(&mut Parser<'_>) -> bool,
) -> usize {
    let mut count = 0;
    let mut after_comma = false;
    // Set once junk was skipped with its error: the list may then end without another.
    let mut recovered = false;
    loop {
        if p.at(end) || p.at_eof() {
            return count;
        }
        if item(p) {
            count += 1;
        } else if p.at(T![,]) {
            p.error(format!("expected {what} before `,`"));
        } else if p.at_ts(CLAUSE_START) || p.at_ts(CLOSERS) || p.at_ts(STMT_START) {
            if !(trailing_ok && after_comma || recovered) {
                p.error(format!("expected {what}, found {}", crate::parser::describe(p.current())));
            }
            return count;
        } else {
            skip_list_garbage(p, end);
            recovered = true;
            if p.eat(T![,]) {
                after_comma = true;
            }
            continue;
        }
        if p.at(end) {
            return count;
        }
        if !p.eat(T![,]) {
            // Inside brackets, or in a select list, another expression here means a
            // missing comma: report it and go on with the list.
            let bracketed = end != EOF;
            if (bracketed || trailing_ok) && at_missing_comma(p) {
                p.error("expected `,` between items");
                continue;
            }
            if p.at_ts(JUNK) {
                skip_list_garbage(p, end);
                recovered = true;
                if p.eat(T![,]) {
                    after_comma = true;
                    continue;
                }
            }
            return count;
        }
        after_comma = true;
    }
}

/// Tokens that start no item: one error, then all of them up to the next `,`, the list's
/// end or a clause keyword, so a stray `🦆 b` costs one diagnostic.
fn skip_list_garbage(p: &mut Parser<'_>, end: SyntaxKind) {
    let m = p.start();
    p.error(unexpected(p));
    let stop = CLAUSE_START.union(STMT_START).union(CLOSERS).union(TokenSet::new(&[T![,]]));
    p.bump_any_balanced();
    while !p.at_eof() && !p.at(end) && !p.at_ts(stop) {
        p.bump_any_balanced();
    }
    m.complete(p, ERROR_NODE);
}

/// Tokens that never continue anything: met after a list item, they are junk in the list.
const JUNK: TokenSet = TokenSet::new(&[ERROR, HASH, DOLLAR, T![?], T![@]]);

fn at_missing_comma(p: &Parser<'_>) -> bool {
    let k = p.current();
    let stops = CLAUSE_START.union(STMT_START).union(CLOSERS);
    let typo = k == IDENT && misspelled_clause_keyword(p).is_some();
    atoms::at_expr_start(p)
        && !(stops.contains(k) || NO_IMPLICIT_ALIAS.contains(k) || typo || k == T![*])
}

/// A `comma_list` that needs at least one item; `what` names it in the error.
pub(crate) fn comma_list1(
    p: &mut Parser<'_>,
    end: SyntaxKind,
    what: &str,
    item: impl FnMut(&mut Parser<'_>) -> bool,
) {
    // `comma_list_impl` itself reports a list cut short by a clause keyword or a closer.
    if comma_list_impl(p, end, false, what, item) == 0 && (p.at(end) || p.at_eof()) {
        p.error(format!("expected {what}"));
    }
}

/// The message for an unexpected token, with a did-you-mean for a likely keyword typo.
pub(crate) fn unexpected(p: &Parser<'_>) -> String {
    let word = p.nth_text(0);
    if p.at(ERROR) {
        return format!("unexpected character `{}`", word.escape_debug());
    }
    if p.at(IDENT)
        && word.len() >= 3
        && let Some(kw) = near_keyword_in(word, SyntaxKind::keywords())
    {
        return format!("unknown keyword `{word}`; did you mean {}?", crate::parser::describe(kw));
    }
    format!("unexpected {}", crate::parser::describe(p.current()))
}

/// The keyword of `candidates` that `word` is a likely typo of.
fn near_keyword(word: &str, candidates: TokenSet) -> Option<SyntaxKind> {
    near_keyword_in(word, SyntaxKind::keywords().filter(|k| candidates.contains(*k)))
}

fn near_keyword_in(word: &str, candidates: impl Iterator<Item = SyntaxKind>) -> Option<SyntaxKind> {
    if word.len() < 2 || word.len() > 12 || !word.is_ascii() {
        return None;
    }
    let max = if word.len() <= 4 { 1 } else { 2 };
    let word = word.to_ascii_lowercase();
    candidates
        .filter_map(|k| Some((strsim::osa_distance(&word, k.static_text()?), k)))
        .filter(|&(d, _)| d >= 1 && d <= max)
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

const AFTER_CLAUSE_KEYWORD: TokenSet = TokenSet::new(&[T![,], T![;], T![')'], T![.], T!['('], EOF]);

/// An identifier where an alias could stand that is really a misspelled clause keyword:
/// close to one, and not followed by what may follow an alias.
pub(crate) fn misspelled_clause_keyword(p: &Parser<'_>) -> Option<SyntaxKind> {
    let next = p.nth(1);
    if next == T![select] {
        // No alias is ever followed by SELECT; a set operator is.
        return near_keyword(p.nth_text(0), TokenSet::new(&[T![union], T![intersect], T![except]]));
    }
    if AFTER_CLAUSE_KEYWORD.contains(next) || CLAUSE_START.contains(next) || next == T![as] {
        return None;
    }
    near_keyword(p.nth_text(0), CLAUSE_START.union(JOIN_WORDS))
}

const JOIN_WORDS: TokenSet = TokenSet::new(&[T![join], T![left], T![inner], T![cross]]);

/// When the current identifier is a typo of a keyword in `candidates`, reports it and
/// lets the grammar read it as that keyword. Returns whether it did.
pub(crate) fn fix_misspelled(p: &mut Parser<'_>, candidates: TokenSet) -> bool {
    if !p.at(IDENT) {
        return false;
    }
    let Some(kw) = near_keyword(p.nth_text(0), candidates) else {
        return false;
    };
    let word = p.nth_text(0).to_string();
    p.error(format!("unknown keyword `{word}`; did you mean {}?", crate::parser::describe(kw)));
    p.override_current(kw);
    true
}

/// `expect` for a keyword that also reads a likely typo of it (with an error).
pub(crate) fn expect_kw(p: &mut Parser<'_>, kw: SyntaxKind) -> bool {
    if p.eat(kw) {
        return true;
    }
    if fix_misspelled(p, TokenSet::new(&[kw])) {
        p.bump(kw);
        return true;
    }
    p.error(format!("expected {}", crate::parser::describe(kw)));
    false
}

/// `IF NOT EXISTS` (CREATE) or `IF EXISTS` (DROP), when present.
pub(crate) fn opt_if_exists(p: &mut Parser<'_>, negated: bool) {
    if !p.at(T![if]) {
        return;
    }
    let m = p.start();
    p.bump(T![if]);
    if negated {
        p.expect(T![not]);
    } else if p.at(T![not]) {
        p.err_and_bump("DROP takes IF EXISTS, not IF NOT EXISTS");
    }
    p.expect(T![exists]);
    m.complete(p, if negated { IF_NOT_EXISTS } else { IF_EXISTS });
}

/// Runs `f` one nesting level deeper, or skips the construct flat when too deep.
pub(crate) fn nested(
    p: &mut Parser<'_>,
    m: Marker,
    kind: SyntaxKind,
    f: impl FnOnce(&mut Parser<'_>),
) -> CompletedMarker {
    if p.enter() {
        f(p);
        p.leave();
        m.complete(p, kind)
    } else {
        p.error("nesting too deep");
        p.bump_any_balanced();
        m.complete(p, ERROR_NODE)
    }
}
