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

use crate::{SyntaxKind, SyntaxNode, TreeNode, TreeToken};

/// A typed view of a node of tree type `N` (rowan's by default, or the flat tree's).
pub trait AstNode<N: TreeNode = SyntaxNode> {
    fn can_cast(kind: SyntaxKind) -> bool
    where
        Self: Sized;
    fn cast(syntax: N) -> Option<Self>
    where
        Self: Sized;
    fn syntax(&self) -> &N;
}

/// The children of a node that cast to `A`, in order.
#[derive(Debug, Clone)]
pub struct AstChildren<A, N: TreeNode = SyntaxNode> {
    inner: N::Children,
    ph: PhantomData<A>,
}

impl<A, N: TreeNode> AstChildren<A, N> {
    fn new(parent: &N) -> Self {
        AstChildren { inner: parent.children(), ph: PhantomData }
    }
}

impl<A: AstNode<N>, N: TreeNode> Iterator for AstChildren<A, N> {
    type Item = A;
    fn next(&mut self) -> Option<A> {
        self.inner.find_map(A::cast)
    }
}

pub(crate) mod support {
    use rowan::NodeOrToken;

    use super::{AstChildren, AstNode, SyntaxKind, TreeNode, TreeToken};

    pub(crate) fn child<A: AstNode<N>, N: TreeNode>(parent: &N) -> Option<A> {
        parent.children().find_map(A::cast)
    }

    pub(crate) fn children<A: AstNode<N>, N: TreeNode>(parent: &N) -> AstChildren<A, N> {
        AstChildren::new(parent)
    }

    pub(crate) fn token<N: TreeNode>(parent: &N, kind: SyntaxKind) -> Option<N::Token> {
        parent
            .children_with_tokens()
            .filter_map(NodeOrToken::into_token)
            .find(|it| it.kind() == kind)
    }

    /// The first direct token child whose kind is one of `kinds`.
    pub(crate) fn token_in<N: TreeNode>(parent: &N, kinds: &[SyntaxKind]) -> Option<N::Token> {
        parent
            .children_with_tokens()
            .filter_map(NodeOrToken::into_token)
            .find(|it| kinds.contains(&it.kind()))
    }
}

// ---- hand-written conveniences ------------------------------------------------------------

/// The direct token children of `node` that are not trivia.
fn significant_tokens<N: TreeNode>(node: &N) -> impl Iterator<Item = N::Token> {
    node.children_with_tokens()
        .filter_map(rowan::NodeOrToken::into_token)
        .filter(|it| !it.kind().is_trivia())
}

/// The text of an identifier token without its quotes: `"a""b"` → `a"b`, `` `x` `` → `x`,
/// `[x]` → `x`, `'x'` → `x`; other tokens as written.
pub fn unquote(token: &impl TreeToken) -> String {
    unquote_text(token.text())
}

/// [`unquote`] over a token's text.
pub fn unquote_text(text: &str) -> String {
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
fn name_text<N: TreeNode>(node: &N) -> String {
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
fn with_name_text<N: TreeNode, R>(node: &N, f: impl FnOnce(&str, bool) -> R) -> R {
    let mut tokens = significant_tokens(node);
    if let Some(first) = tokens.next() {
        let quoted = first.kind() == SyntaxKind::QUOTED_IDENT;
        let text = first.text();
        let plain = !matches!(text.as_bytes().first(), Some(b'"' | b'`' | b'[' | b'\''));
        if plain && tokens.next().is_none() {
            return f(text, quoted);
        }
        return f(&name_text(node), quoted);
    }
    f("", false)
}

/// Whether the name's (first) token is a quoted identifier, whose case is significant.
fn name_is_quoted<N: TreeNode>(node: &N) -> bool {
    significant_tokens(node).next().is_some_and(|t| t.kind() == SyntaxKind::QUOTED_IDENT)
}

impl<N: TreeNode> Name<N> {
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

impl<N: TreeNode> NameRef<N> {
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

impl<N: TreeNode> Path<N> {
    /// The parts of `db.schema.table`, first to last.
    pub fn segments(&self) -> AstChildren<NameRef<N>, N> {
        self.name_refs()
    }

    /// The last part: the column of `t.col`, the table of `schema.table`.
    pub fn last_segment(&self) -> Option<NameRef<N>> {
        self.segments().last()
    }

    /// The unquoted parts: `"My Schema".t` → `["My Schema", "t"]`.
    pub fn texts(&self) -> Vec<String> {
        self.segments().map(|s| s.text()).collect()
    }
}

impl<N: TreeNode> Alias<N> {
    /// The alias name without quotes.
    pub fn text(&self) -> Option<String> {
        self.name().map(|n| n.text())
    }
}

impl<N: TreeNode> BinExpr<N> {
    /// The operator's kind: `T![+]`, `T![and]`, `T![||]`, ... (`IDENT` for `DIV`).
    pub fn op_kind(&self) -> Option<SyntaxKind> {
        self.op_token().map(|t| t.kind())
    }
}

impl<N: TreeNode> PrefixExpr<N> {
    /// The operator's kind: `T![not]`, `T![-]`, ...
    pub fn op_kind(&self) -> Option<SyntaxKind> {
        self.op_token().map(|t| t.kind())
    }
}

impl<N: TreeNode> Literal<N> {
    /// The literal's one token (`INT_NUMBER`, `STRING`, `T![null]`, ...).
    pub fn token(&self) -> Option<N::Token> {
        significant_tokens(self.syntax()).next()
    }
}

impl<N: TreeNode> Slice<N> {
    /// The bounds of `[lower:upper:step]`, each absent when left out (`[:3]`, `[2:]`).
    fn part(&self, index: usize) -> Option<Expr<N>> {
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

    pub fn lower(&self) -> Option<Expr<N>> {
        self.part(0)
    }

    pub fn upper(&self) -> Option<Expr<N>> {
        self.part(1)
    }

    pub fn step(&self) -> Option<Expr<N>> {
        self.part(2)
    }
}

impl<N: TreeNode> SelectItem<N> {
    /// The name the item's column gets from its alias, when it has one.
    pub fn alias_text(&self) -> Option<String> {
        self.alias()?.text()
    }
}

impl<N: TreeNode> Query<N> {
    /// The CTEs of the query's `WITH` clause, in order.
    pub fn ctes(&self) -> impl Iterator<Item = Cte<N>> {
        self.with_clause().into_iter().flat_map(|w| w.ctes())
    }
}

impl<N: TreeNode> LimitClause<N> {
    /// The row count: `n` of `LIMIT n`, `b` of MySQL's `LIMIT a, b`.
    pub fn row_count(&self) -> Option<Expr<N>> {
        let mut exprs = self.exprs();
        if self.comma_token().is_some() { exprs.nth(1) } else { exprs.next() }
    }

    /// The offset of MySQL's `LIMIT offset, count`.
    pub fn offset(&self) -> Option<Expr<N>> {
        self.comma_token()?;
        self.exprs().next()
    }
}

impl<N: TreeNode> Arg<N> {
    /// The argument's value: its first expression (`s` of `SUBSTRING(s FROM 1)`).
    pub fn expr(&self) -> Option<Expr<N>> {
        self.exprs().next()
    }
}

impl<N: TreeNode> BinExpr<N> {
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

impl<N: TreeNode> FromItem<N> {
    /// The alias the item is visible under: the last one (`t AS a PIVOT (..) AS p` → `p`).
    /// A join has none.
    pub fn alias(&self) -> Option<Alias<N>> {
        if matches!(self, FromItem::JoinExpr(_)) {
            return None;
        }
        support::children::<Alias<N>, N>(self.syntax()).last()
    }
}

impl<N: TreeNode> CallExpr<N> {
    /// The function's name: the last part of its path (`sum`, `fn` of `s.fn`), the method
    /// of `x.lower()`, or the type name of `STRUCT<..>(..)`.
    pub fn function_name(&self) -> Option<NameRef<N>> {
        if let Some(path) = self.path() {
            return path.last_segment();
        }
        if let Some(ty) = self.ty() {
            return ty.name_ref();
        }
        self.method()
    }
}
