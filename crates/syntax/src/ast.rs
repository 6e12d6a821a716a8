//! The typed AST: thin wrappers over `SyntaxNode` whose accessors all return `Option`.
//!
//! The wrappers, their accessors and the enums (`Expr`, `Stmt`, `FromItem`, ...) are
//! generated from `crates/syntax/rocky.ungram` by `cargo xtask codegen`; conveniences the
//! grammar cannot express are written by hand below.

mod generated;
#[cfg(test)]
mod tests;

use std::marker::PhantomData;

pub use generated::nodes::*;

use crate::{SyntaxKind, SyntaxNode, SyntaxNodeChildren, SyntaxToken};

pub trait AstNode {
    fn can_cast(kind: SyntaxKind) -> bool
    where
        Self: Sized;
    fn cast(syntax: SyntaxNode) -> Option<Self>
    where
        Self: Sized;
    fn syntax(&self) -> &SyntaxNode;
}

/// The children of a node that cast to `N`, in order.
#[derive(Debug, Clone)]
pub struct AstChildren<N> {
    inner: SyntaxNodeChildren,
    ph: PhantomData<N>,
}

impl<N> AstChildren<N> {
    fn new(parent: &SyntaxNode) -> Self {
        AstChildren { inner: parent.children(), ph: PhantomData }
    }
}

impl<N: AstNode> Iterator for AstChildren<N> {
    type Item = N;
    fn next(&mut self) -> Option<N> {
        self.inner.find_map(N::cast)
    }
}

pub(crate) mod support {
    use super::{AstChildren, AstNode, SyntaxKind, SyntaxNode, SyntaxToken};

    pub(crate) fn child<N: AstNode>(parent: &SyntaxNode) -> Option<N> {
        parent.children().find_map(N::cast)
    }

    pub(crate) fn children<N: AstNode>(parent: &SyntaxNode) -> AstChildren<N> {
        AstChildren::new(parent)
    }

    pub(crate) fn token(parent: &SyntaxNode, kind: SyntaxKind) -> Option<SyntaxToken> {
        parent.children_with_tokens().filter_map(|it| it.into_token()).find(|it| it.kind() == kind)
    }

    /// The first direct token child whose kind is one of `kinds`.
    pub(crate) fn token_in(parent: &SyntaxNode, kinds: &[SyntaxKind]) -> Option<SyntaxToken> {
        parent
            .children_with_tokens()
            .filter_map(|it| it.into_token())
            .find(|it| kinds.contains(&it.kind()))
    }
}

// ---- hand-written conveniences ------------------------------------------------------------

/// The direct token children of `node` that are not trivia.
fn significant_tokens(node: &SyntaxNode) -> impl Iterator<Item = SyntaxToken> {
    node.children_with_tokens().filter_map(|it| it.into_token()).filter(|it| !it.kind().is_trivia())
}

/// The text of an identifier token without its quotes: `"a""b"` → `a"b`, `` `x` `` → `x`,
/// `[x]` → `x`, `'x'` → `x`; other tokens as written.
pub fn unquote(token: &SyntaxToken) -> String {
    let text = token.text();
    let unwrap = |open: char, close: char| {
        let inner = text.strip_prefix(open)?.strip_suffix(close)?;
        let doubled: String = [close, close].iter().collect();
        Some(inner.replace(&doubled, &close.to_string()))
    };
    let unquoted = match text.chars().next() {
        Some('"') => unwrap('"', '"'),
        Some('`') => unwrap('`', '`'),
        Some('[') => unwrap('[', ']'),
        Some('\'') => unwrap('\'', '\''),
        _ => None,
    };
    unquoted.unwrap_or_else(|| text.to_string())
}

/// The words of a name node, unquoted; a multi-word type name (`double precision`,
/// `timestamp with time zone`) joined by single spaces, dotted parts by `.`.
fn name_text(node: &SyntaxNode) -> String {
    let mut res = String::new();
    let mut after_dot = true;
    for token in significant_tokens(node) {
        if token.kind() == SyntaxKind::DOT {
            res.push('.');
            after_dot = true;
            continue;
        }
        if !after_dot {
            res.push(' ');
        }
        res.push_str(&unquote(&token));
        after_dot = false;
    }
    res
}

/// `f(text, quoted)` over a name node: the text as [`name_text`] gives it and whether the
/// first token is quoted. A single plain identifier (nearly every name) is passed without
/// building a `String`.
fn with_name_text<R>(node: &SyntaxNode, f: impl FnOnce(&str, bool) -> R) -> R {
    let mut tokens = significant_tokens(node);
    if let Some(first) = tokens.next() {
        let quoted = first.kind() == SyntaxKind::QUOTED_IDENT;
        let plain = !matches!(first.text().as_bytes().first(), Some(b'"' | b'`' | b'[' | b'\''));
        if plain && tokens.next().is_none() {
            return f(first.text(), quoted);
        }
        return f(&name_text(node), quoted);
    }
    f("", false)
}

/// Whether the name's (first) token is a quoted identifier, whose case is significant.
fn name_is_quoted(node: &SyntaxNode) -> bool {
    significant_tokens(node).next().is_some_and(|t| t.kind() == SyntaxKind::QUOTED_IDENT)
}

impl Name {
    /// The defined name without quotes: `"Order Id"` → `Order Id`.
    pub fn text(&self) -> String {
        name_text(self.syntax())
    }

    /// `f(text, quoted)`: [`Self::text`] and [`Self::is_quoted`] in one pass, without an
    /// allocation for a plain identifier.
    pub fn with_text<R>(&self, f: impl FnOnce(&str, bool) -> R) -> R {
        with_name_text(self.syntax(), f)
    }

    pub fn is_quoted(&self) -> bool {
        name_is_quoted(self.syntax())
    }
}

impl NameRef {
    /// The referenced name without quotes: `"Order Id"` → `Order Id`, `` `x` `` → `x`.
    pub fn text(&self) -> String {
        name_text(self.syntax())
    }

    /// `f(text, quoted)`: [`Self::text`] and [`Self::is_quoted`] in one pass, without an
    /// allocation for a plain identifier.
    pub fn with_text<R>(&self, f: impl FnOnce(&str, bool) -> R) -> R {
        with_name_text(self.syntax(), f)
    }

    pub fn is_quoted(&self) -> bool {
        name_is_quoted(self.syntax())
    }
}

impl Path {
    /// The parts of `db.schema.table`, first to last.
    pub fn segments(&self) -> AstChildren<NameRef> {
        self.name_refs()
    }

    /// The last part: the column of `t.col`, the table of `schema.table`.
    pub fn last_segment(&self) -> Option<NameRef> {
        self.segments().last()
    }

    /// The unquoted parts: `"My Schema".t` → `["My Schema", "t"]`.
    pub fn texts(&self) -> Vec<String> {
        self.segments().map(|s| s.text()).collect()
    }
}

impl Alias {
    /// The alias name without quotes.
    pub fn text(&self) -> Option<String> {
        self.name().map(|n| n.text())
    }
}

impl BinExpr {
    /// The operator's kind: `T![+]`, `T![and]`, `T![||]`, ... (`IDENT` for `DIV`).
    pub fn op_kind(&self) -> Option<SyntaxKind> {
        self.op_token().map(|t| t.kind())
    }
}

impl PrefixExpr {
    /// The operator's kind: `T![not]`, `T![-]`, ...
    pub fn op_kind(&self) -> Option<SyntaxKind> {
        self.op_token().map(|t| t.kind())
    }
}

impl Literal {
    /// The literal's one token (`INT_NUMBER`, `STRING`, `T![null]`, ...).
    pub fn token(&self) -> Option<SyntaxToken> {
        significant_tokens(self.syntax()).next()
    }
}

impl Slice {
    /// The bounds of `[lower:upper:step]`, each absent when left out (`[:3]`, `[2:]`).
    fn part(&self, index: usize) -> Option<Expr> {
        let mut colons = 0;
        for element in self.syntax().children_with_tokens() {
            match element {
                rowan::NodeOrToken::Token(t) if t.kind() == SyntaxKind::COLON => colons += 1,
                rowan::NodeOrToken::Node(n) if colons == index => {
                    if let Some(expr) = Expr::cast(n) {
                        return Some(expr);
                    }
                }
                _ => {}
            }
        }
        None
    }

    pub fn lower(&self) -> Option<Expr> {
        self.part(0)
    }

    pub fn upper(&self) -> Option<Expr> {
        self.part(1)
    }

    pub fn step(&self) -> Option<Expr> {
        self.part(2)
    }
}

impl SelectItem {
    /// The name the item's column gets from its alias, when it has one.
    pub fn alias_text(&self) -> Option<String> {
        self.alias()?.text()
    }
}

impl Query {
    /// The CTEs of the query's `WITH` clause, in order.
    pub fn ctes(&self) -> impl Iterator<Item = Cte> {
        self.with_clause().into_iter().flat_map(|w| w.ctes())
    }
}

impl LimitClause {
    /// The row count: `n` of `LIMIT n`, `b` of MySQL's `LIMIT a, b`.
    pub fn row_count(&self) -> Option<Expr> {
        let mut exprs = self.exprs();
        if self.comma_token().is_some() { exprs.nth(1) } else { exprs.next() }
    }

    /// The offset of MySQL's `LIMIT offset, count`.
    pub fn offset(&self) -> Option<Expr> {
        self.comma_token()?;
        self.exprs().next()
    }
}

impl Arg {
    /// The argument's value: its first expression (`s` of `SUBSTRING(s FROM 1)`).
    pub fn expr(&self) -> Option<Expr> {
        self.exprs().next()
    }
}

impl BinExpr {
    /// The operator as written, including two-token operators (`@>`, `>>`), in lower case.
    pub fn op_text(&self) -> String {
        let lhs_end = self.lhs().map(|l| l.syntax().text_range().end());
        let rhs_start = self.rhs().map(|r| r.syntax().text_range().start());
        significant_tokens(self.syntax())
            .filter(|t| lhs_end.is_none_or(|end| t.text_range().start() >= end))
            .filter(|t| rhs_start.is_none_or(|start| t.text_range().end() <= start))
            .map(|t| t.text().to_ascii_lowercase())
            .collect()
    }
}

impl FromItem {
    /// The alias the item is visible under: the last one (`t AS a PIVOT (..) AS p` → `p`).
    /// A join has none.
    pub fn alias(&self) -> Option<Alias> {
        if matches!(self, FromItem::JoinExpr(_)) {
            return None;
        }
        support::children::<Alias>(self.syntax()).last()
    }
}

impl CallExpr {
    /// The function's name: the last part of its path (`sum`, `fn` of `s.fn`), the method
    /// of `x.lower()`, or the type name of `STRUCT<..>(..)`.
    pub fn function_name(&self) -> Option<NameRef> {
        if let Some(path) = self.path() {
            return path.last_segment();
        }
        if let Some(ty) = self.ty() {
            return ty.name_ref();
        }
        self.method()
    }
}
