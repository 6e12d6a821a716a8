//! Printing `.rocky` expressions as SQL (FORMAT.md §6 lowering rules): `==` → `=`,
//! `!=` → `IS DISTINCT FROM`, `@date` → `DATE '..'`, `match` → `CASE`, windows, and the
//! substitution of `derive`d aliases.

use syntax::{Dialect, NodeOrToken, SyntaxKind, SyntaxNode, SyntaxToken, TextRange};

use syntax::{
    T,
    ast::{self, AstNode as _},
};

use super::source_map::Out;

/// Names whose expression replaces them (`derive`d columns, in `where` and later fields).
#[derive(Debug, Clone, Default)]
pub(crate) struct Substitutions {
    pub(crate) items: Vec<(String, Out)>,
}

impl Substitutions {
    fn get(&self, name: &str) -> Option<&Out> {
        self.items.iter().rev().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, o)| o)
    }
}

pub(crate) struct Printer<'a> {
    pub(crate) dialect: Dialect,
    pub(crate) subst: &'a Substitutions,
}

pub(crate) fn tokens(node: &SyntaxNode) -> impl Iterator<Item = SyntaxToken> {
    node.children_with_tokens()
        .filter_map(NodeOrToken::into_token)
        .filter(|t| !t.kind().is_trivia())
}

pub(crate) fn has_token(node: &SyntaxNode, kind: SyntaxKind) -> bool {
    tokens(node).any(|t| t.kind() == kind)
}

pub(crate) fn exprs(node: &SyntaxNode) -> impl Iterator<Item = SyntaxNode> {
    node.children().filter(|n| <ast::Expr>::can_cast(n.kind()))
}

/// The names of a `PATH` (or of the `PATH` inside a `PATH_EXPR`), with their tokens.
pub(crate) fn path_names(node: &SyntaxNode) -> Vec<SyntaxToken> {
    let path = if node.kind() == SyntaxKind::PATH {
        Some(node.clone())
    } else {
        node.children().find(|n| n.kind() == SyntaxKind::PATH)
    };
    path.into_iter()
        .flat_map(|p| p.children().filter(|n| n.kind() == SyntaxKind::NAME_REF).collect::<Vec<_>>())
        .filter_map(|n| n.first_token())
        .collect()
}

/// The single name of a `PATH_EXPR` like `amount` (not `o.amount`).
pub(crate) fn bare_name(node: &SyntaxNode) -> Option<SyntaxToken> {
    if node.kind() != SyntaxKind::PATH_EXPR {
        return None;
    }
    match path_names(node).as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// An identifier as SQL: as written, or quoted when SQL reads the word as a keyword, in
/// the case the dialect folds unquoted names to (so `"DATE"` on Snowflake is still the
/// column `date` was).
pub(crate) fn ident(out: &mut Out, tok: &SyntaxToken, dialect: Dialect) {
    let text = tok.text();
    if SyntaxKind::from_keyword(text).is_none() {
        out.copy(text, tok.text_range());
        return;
    }
    let quoted = match dialect {
        Dialect::BigQuery | Dialect::Databricks => format!("`{text}`"),
        Dialect::Snowflake => format!("\"{}\"", text.to_ascii_uppercase()),
        Dialect::Ansi => format!("\"{}\"", text.to_ascii_lowercase()),
        Dialect::DuckDb => format!("\"{text}\""),
    };
    out.emit(&quoted, tok.text_range());
}

impl Printer<'_> {
    pub(crate) fn expr(&self, out: &mut Out, node: &SyntaxNode) {
        use SyntaxKind::*;
        let range = node.text_range();
        match node.kind() {
            LITERAL => self.literal(out, node),
            PATH_EXPR => {
                if let Some(name) = bare_name(node)
                    && let Some(sub) = self.subst.get(name.text())
                {
                    out.emit("(", name.text_range());
                    out.append(sub);
                    out.emit(")", name.text_range());
                    return;
                }
                self.path(out, node);
            }
            STAR_EXPR => {
                if node.children().any(|n| n.kind() == PATH) {
                    self.path(out, node);
                    out.emit(".", range);
                }
                out.emit("*", range);
            }
            PAREN_EXPR => {
                out.emit("(", range);
                self.first_expr(out, node);
                out.emit(")", range);
            }
            BIN_EXPR => {
                let mut parts = exprs(node);
                let (lhs, rhs) = (parts.next(), parts.next());
                let op = tokens(node).next();
                out.emit("(", range);
                self.opt(out, lhs.as_ref(), range);
                let op_text = match op.as_ref().map(SyntaxToken::kind) {
                    Some(T![==]) => " = ",
                    Some(T![!=]) => " IS DISTINCT FROM ",
                    Some(AND_KW) => " AND ",
                    Some(OR_KW) => " OR ",
                    Some(T![<]) => " < ",
                    Some(T![<=]) => " <= ",
                    Some(T![>]) => " > ",
                    Some(T![>=]) => " >= ",
                    Some(T![+]) => " + ",
                    Some(T![-]) => " - ",
                    Some(T![*]) => " * ",
                    Some(T![/]) => " / ",
                    Some(T![%]) => " % ",
                    Some(T![||]) => " || ",
                    _ => " ",
                };
                out.emit(op_text, op.map_or(range, |t| t.text_range()));
                self.opt(out, rhs.as_ref(), range);
                out.emit(")", range);
            }
            PREFIX_EXPR => {
                let op = tokens(node).next();
                let text =
                    if op.as_ref().is_some_and(|t| t.kind() == NOT_KW) { "(NOT " } else { "(- " };
                out.emit(text, op.map_or(range, |t| t.text_range()));
                self.first_expr(out, node);
                out.emit(")", range);
            }
            IS_EXPR => {
                out.emit("(", range);
                self.first_expr(out, node);
                let not = has_token(node, NOT_KW);
                out.emit(if not { " IS NOT NULL)" } else { " IS NULL)" }, range);
            }
            IN_EXPR => {
                out.emit("(", range);
                self.first_expr(out, node);
                out.emit(if has_token(node, NOT_KW) { " NOT IN " } else { " IN " }, range);
                self.in_list(out, node);
                out.emit(")", range);
            }
            CALL_EXPR => self.call(out, node),
            MATCH_EXPR => self.match_expr(out, node),
            PLACEHOLDER => {
                if let Some(tok) = node.first_token() {
                    out.copy(tok.text(), tok.text_range());
                }
                if let Some(args) = node.children().find(|n| n.kind() == ARG_LIST) {
                    self.args(out, &args);
                }
            }
            _ => {
                out.emit("NULL", range);
            }
        }
    }

    fn opt(&self, out: &mut Out, node: Option<&SyntaxNode>, range: TextRange) {
        match node {
            Some(n) => self.expr(out, n),
            None => {
                out.emit("NULL", range);
            }
        }
    }

    fn first_expr(&self, out: &mut Out, node: &SyntaxNode) {
        self.opt(out, exprs(node).next().as_ref(), node.text_range());
    }

    fn in_list(&self, out: &mut Out, node: &SyntaxNode) {
        let range = node.text_range();
        out.emit("(", range);
        if let Some(tuple) = node.children().find(|n| n.kind() == SyntaxKind::TUPLE_EXPR) {
            for (i, e) in exprs(&tuple).enumerate() {
                if i > 0 {
                    out.emit(", ", range);
                }
                self.expr(out, &e);
            }
        } else {
            out.emit("NULL", range);
        }
        out.emit(")", range);
    }

    pub(crate) fn path(&self, out: &mut Out, node: &SyntaxNode) {
        for (i, name) in path_names(node).iter().enumerate() {
            if i > 0 {
                out.emit(".", node.text_range());
            }
            ident(out, name, self.dialect);
        }
    }

    fn literal(&self, out: &mut Out, node: &SyntaxNode) {
        use SyntaxKind::*;
        let Some(tok) = node.first_token() else { return };
        let (text, range) = (tok.text(), tok.text_range());
        match tok.kind() {
            INT_NUMBER | FLOAT_NUMBER if text.contains('_') => {
                out.emit(&text.replace('_', ""), range);
            }
            INT_NUMBER | FLOAT_NUMBER => {
                out.copy(text, range);
            }
            STRING => {
                out.emit(&sql_string(text, self.dialect.info().backslash_escapes), range);
            }
            AT_DATE => {
                out.emit(&date_literal(text), range);
            }
            TRUE_KW => {
                out.emit("TRUE", range);
            }
            FALSE_KW => {
                out.emit("FALSE", range);
            }
            _ => {
                out.emit("NULL", range);
            }
        }
    }

    fn args(&self, out: &mut Out, args: &SyntaxNode) {
        let range = args.text_range();
        out.emit("(", range);
        for (i, arg) in args.children().filter(|n| n.kind() == SyntaxKind::ARG).enumerate() {
            if i > 0 {
                out.emit(", ", range);
            }
            self.first_expr(out, &arg);
        }
        out.emit(")", range);
    }

    fn call(&self, out: &mut Out, node: &SyntaxNode) {
        use SyntaxKind::*;
        // A function's name is never quoted: `date(x)`, `replace(..)` are calls.
        for (i, name) in path_names(node).iter().enumerate() {
            if i > 0 {
                out.emit(".", node.text_range());
            }
            out.copy(name.text(), name.text_range());
        }
        match node.children().find(|n| n.kind() == ARG_LIST) {
            Some(args) => self.args(out, &args),
            None => {
                out.emit("()", node.text_range());
            }
        }
        if let Some(w) = node.children().find(|n| n.kind() == PIPE_WINDOW) {
            self.window(out, &w);
        }
    }

    fn window(&self, out: &mut Out, w: &SyntaxNode) {
        use SyntaxKind::*;
        let range = w.text_range();
        out.emit(" OVER (", range);
        let mut sep = "";
        if let Some(part) = w.children().find(|n| n.kind() == PIPE_PARTITION) {
            out.emit("PARTITION BY ", part.text_range());
            self.list(out, exprs(&part), part.text_range());
            sep = " ";
        }
        if let Some(sort) = w.children().find(|n| n.kind() == PIPE_SORT) {
            out.emit(sep, range);
            out.emit("ORDER BY ", sort.text_range());
            self.sort_keys(out, &sort);
            sep = " ";
        }
        if let Some(frame) = w.children().find(|n| n.kind() == PIPE_FRAME) {
            out.emit(sep, range);
            let unit = if has_token(&frame, RANGE_KW) { "RANGE" } else { "ROWS" };
            out.emit(&format!("{unit} BETWEEN "), frame.text_range());
            let mut bounds = frame.children().filter(|n| n.kind() == PIPE_BOUND);
            bound(out, bounds.next().as_ref(), true, frame.text_range());
            out.emit(" AND ", frame.text_range());
            bound(out, bounds.next().as_ref(), false, frame.text_range());
        }
        out.emit(")", range);
    }

    pub(crate) fn list(
        &self,
        out: &mut Out,
        items: impl Iterator<Item = SyntaxNode>,
        range: TextRange,
    ) {
        for (i, e) in items.enumerate() {
            if i > 0 {
                out.emit(", ", range);
            }
            self.expr(out, &e);
        }
    }

    /// The `SORT_KEY` children of `node` as `ORDER BY` items.
    pub(crate) fn sort_keys(&self, out: &mut Out, node: &SyntaxNode) {
        use SyntaxKind::*;
        let keys: Vec<SyntaxNode> = node.children().filter(|n| n.kind() == SORT_KEY).collect();
        for (i, key) in keys.iter().enumerate() {
            if i > 0 {
                out.emit(", ", node.text_range());
            }
            self.first_expr(out, key);
            let desc = tokens(key).any(|t| matches!(t.kind(), T![-] | DESC_KW));
            if desc {
                out.emit(" DESC", key.text_range());
            }
        }
    }

    fn match_expr(&self, out: &mut Out, node: &SyntaxNode) {
        use SyntaxKind::*;
        let range = node.text_range();
        let subject = exprs(node).next();
        let mut whens = Out::default();
        let mut otherwise = None;
        for arm in node.children().filter(|n| n.kind() == MATCH_ARM) {
            let Some(pat) = arm.children().find(|n| n.kind() == MATCH_PATTERN) else { continue };
            let value = exprs(&arm).next();
            let wildcard = pat.first_token().is_some_and(|t| t.text() == "_")
                && pat.children().next().is_none();
            if wildcard {
                // The first `_` ends the match (later arms are E101, reported by `lower`).
                otherwise = Some(value);
                break;
            }
            whens.emit(" WHEN ", arm.text_range());
            self.pattern(&mut whens, subject.as_ref(), &pat);
            whens.emit(" THEN ", arm.text_range());
            self.opt(&mut whens, value.as_ref(), arm.text_range());
        }
        if whens.is_empty() {
            // Only `_` (or nothing): its value, as CASE needs a WHEN.
            out.emit("(", range);
            self.opt(out, otherwise.flatten().as_ref(), range);
            out.emit(")", range);
            return;
        }
        out.emit("CASE", range).append(&whens);
        if let Some(value) = otherwise {
            out.emit(" ELSE ", range);
            self.opt(out, value.as_ref(), range);
        }
        out.emit(" END", range);
    }

    /// A match arm's condition: the subject against the pattern, or the pattern itself.
    fn pattern(&self, out: &mut Out, subject: Option<&SyntaxNode>, pat: &SyntaxNode) {
        use SyntaxKind::*;
        let range = pat.text_range();
        let op = tokens(pat).next().map(|t| t.kind());
        let value = exprs(pat).next();
        let Some(subject) = subject else {
            // No subject: the pattern is a condition.
            self.opt(out, value.as_ref(), range);
            return;
        };
        out.emit("(", range);
        self.expr(out, subject);
        match op {
            Some(IS_KW) => {
                out.emit(if has_token(pat, NOT_KW) { " IS NOT NULL" } else { " IS NULL" }, range);
            }
            Some(IN_KW | NOT_KW) => {
                out.emit(if has_token(pat, NOT_KW) { " NOT IN " } else { " IN " }, range);
                self.in_list(out, pat);
            }
            _ => {
                let text = match op {
                    Some(T![!=]) => " IS DISTINCT FROM ",
                    Some(T![<]) => " < ",
                    Some(T![<=]) => " <= ",
                    Some(T![>]) => " > ",
                    Some(T![>=]) => " >= ",
                    _ => " = ",
                };
                out.emit(text, range);
                self.opt(out, value.as_ref(), range);
            }
        }
        out.emit(")", range);
    }
}

/// A frame bound: `unbounded`, `current`, `N` (before `..`: N PRECEDING; after: N
/// FOLLOWING), `-N` (PRECEDING), `+N` (FOLLOWING).
fn bound(out: &mut Out, b: Option<&SyntaxNode>, start: bool, range: TextRange) {
    use SyntaxKind::*;
    let Some(b) = b else {
        out.emit(if start { "UNBOUNDED PRECEDING" } else { "CURRENT ROW" }, range);
        return;
    };
    let toks: Vec<SyntaxToken> = tokens(b).collect();
    let text = match toks.as_slice() {
        [t] if t.kind() == UNBOUNDED_KW => {
            if start {
                "UNBOUNDED PRECEDING".to_string()
            } else {
                "UNBOUNDED FOLLOWING".to_string()
            }
        }
        [t] if t.kind() == CURRENT_KW => "CURRENT ROW".to_string(),
        [n] => {
            let n = n.text().replace('_', "");
            if start { format!("{n} PRECEDING") } else { format!("{n} FOLLOWING") }
        }
        [sign, n] => {
            let n = n.text().replace('_', "");
            if sign.kind() == T![-] { format!("{n} PRECEDING") } else { format!("{n} FOLLOWING") }
        }
        _ => "CURRENT ROW".to_string(),
    };
    out.emit(&text, b.text_range());
}

/// A `.rocky` string (`"it's"`, `'a'`) as a SQL string literal.
fn sql_string(text: &str, backslash_escapes: bool) -> String {
    let (quote, inner) = match text.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let body = &text[1..];
            let body = body.strip_suffix(q).unwrap_or(body);
            (q, body)
        }
        _ => ('\'', text),
    };
    let doubled = format!("{quote}{quote}");
    let value = inner.replace(&doubled, &quote.to_string());
    if backslash_escapes {
        // BigQuery and Databricks read `\` in strings and take `'a''b'` as two literals.
        format!("'{}'", value.replace('\\', "\\\\").replace('\'', "\\'"))
    } else {
        format!("'{}'", value.replace('\'', "''"))
    }
}

/// `@2025-01-01` → `DATE '2025-01-01'`; `@2025-01-01T10:00:00Z` → `TIMESTAMP '..'`.
fn date_literal(text: &str) -> String {
    let value = text.trim_start_matches('@');
    match value.split_once('T') {
        None => format!("DATE '{value}'"),
        Some((date, time)) => {
            let time = time.strip_suffix('Z').unwrap_or(time);
            format!("TIMESTAMP '{date} {time}'")
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn strings_and_dates() {
        assert_eq!(super::sql_string("\"it's\"", false), "'it''s'");
        assert_eq!(super::sql_string("'a''b'", false), "'a''b'");
        assert_eq!(super::sql_string("\"O'B\\x\"", true), "'O\\'B\\\\x'");
        assert_eq!(super::date_literal("@2025-01-01"), "DATE '2025-01-01'");
        assert_eq!(super::date_literal("@2025-01-01T10:00:00Z"), "TIMESTAMP '2025-01-01 10:00:00'");
    }
}
