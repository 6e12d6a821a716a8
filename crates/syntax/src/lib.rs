//! Text to trees: the lossless, error-tolerant syntax layer for SQL and `.rocky` pipelines.
//!
//! `sql::parse` never fails, never panics and keeps every byte: `parse.syntax_node().text()`
//! is the input. Errors are data (`SyntaxError` with a byte range). The crate knows nothing
//! of salsa, files, projects or warehouses.

#[macro_use]
mod syntax_kind;
mod build_tree;
mod dialect;
pub mod flat;
mod grammar;
mod green_sink;
mod lexer;
mod parser;
pub mod pipeline;
mod token_set;
mod tree;
mod validation;

pub mod ast;

use std::fmt;
use std::marker::PhantomData;

use rowan::GreenNode;
pub use rowan::{Direction, NodeOrToken, TextRange, TextSize, WalkEvent};

pub(crate) use crate::token_set::TokenSet;
pub use crate::{
    dialect::{Dialect, DialectInfo},
    flat::{FlatNode, FlatToken, FlatTree},
    lexer::{LexError, LexedStr},
    syntax_kind::SyntaxKind,
    tree::{TreeNode, TreeToken, element_kind, element_range},
};

#[derive(Debug, Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RockyLanguage {}

impl rowan::Language for RockyLanguage {
    type Kind = SyntaxKind;

    fn kind_from_raw(raw: rowan::SyntaxKind) -> SyntaxKind {
        // Only our own builder creates green nodes, from `SyntaxKind`s.
        SyntaxKind::from_u16(raw.0).unwrap_or(SyntaxKind::ERROR)
    }

    fn kind_to_raw(kind: SyntaxKind) -> rowan::SyntaxKind {
        kind.into()
    }
}

pub type SyntaxNode = rowan::SyntaxNode<RockyLanguage>;
pub type SyntaxToken = rowan::SyntaxToken<RockyLanguage>;
pub type SyntaxElement = rowan::SyntaxElement<RockyLanguage>;
pub type SyntaxNodeChildren = rowan::SyntaxNodeChildren<RockyLanguage>;

/// A syntax error (or dialect-validation error) with the byte range it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SyntaxError {
    pub message: String,
    pub range: TextRange,
}

impl SyntaxError {
    pub fn new(message: impl Into<String>, range: TextRange) -> SyntaxError {
        SyntaxError { message: message.into(), range }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.range, self.message)
    }
}

/// The result of parsing: a green tree (cheap to clone, `Send + Sync`) and its errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parse<T> {
    green: GreenNode,
    errors: Vec<SyntaxError>,
    _ty: PhantomData<fn() -> T>,
}

impl<T> Parse<T> {
    pub fn syntax_node(&self) -> SyntaxNode {
        SyntaxNode::new_root(self.green.clone())
    }

    pub fn green(&self) -> &GreenNode {
        &self.green
    }

    pub fn errors(&self) -> &[SyntaxError] {
        &self.errors
    }
}

impl<T: ast::AstNode> Parse<T> {
    pub fn tree(&self) -> Option<T> {
        T::cast(self.syntax_node())
    }
}

impl<T> Parse<T> {
    /// The tree, one node or token per line with ranges, then the errors: the format of
    /// the `.rast` snapshots and of `rocky debug syntax-tree`.
    pub fn debug_dump(&self) -> String {
        let mut buf = format!("{:#?}", self.syntax_node());
        for err in &self.errors {
            buf.push_str(&format!("error {:?}: {}\n", err.range, err.message));
        }
        buf
    }
}

/// The largest input we parse: offsets are `u32`, like rowan's `TextSize`.
pub const MAX_INPUT_LEN: usize = u32::MAX as usize;

pub mod sql {
    //! Parsing SQL text.

    use super::*;

    /// Lexing and parsing to events, without building the tree: what `xtask bench`
    /// reports next to the full parse, to show where time goes.
    #[doc(hidden)]
    pub fn parse_events_only(text: &str, dialect: Dialect) -> usize {
        let lexed = LexedStr::new(text, dialect);
        events(&lexed, dialect).events.len()
    }

    fn events(lexed: &LexedStr<'_>, dialect: Dialect) -> parser::Output {
        let mut p = parser::Parser::new(lexed, dialect);
        grammar::source_file(&mut p);
        p.finish()
    }

    /// Parses SQL text in `dialect` into a rowan tree (the editor's tree). Never fails.
    /// An input over `MAX_INPUT_LEN` bytes gives an empty tree and one error (the CLI
    /// refuses such files with a clear message before reading them into a parse).
    pub fn parse(text: &str, dialect: Dialect) -> Parse<ast::SourceFile> {
        let mut flat = parse_flat(text, dialect);
        let green = build_tree::green_of(&flat);
        Parse { green, errors: std::mem::take(flat.errors_mut()), _ty: PhantomData }
    }

    /// Parses SQL text in `dialect` into a flat tree borrowing the text, lossless: the
    /// rowan tree of [`parse`] is built from it. Same shape and errors as [`parse`].
    pub fn parse_flat(text: &str, dialect: Dialect) -> FlatTree<'_> {
        flat(text, dialect, build_tree::Trivia::Keep)
    }

    /// [`parse_flat`] without whitespace and comments (node ranges and errors the same):
    /// what a batch pass that walks each tree once (lowering) reads, at about half the
    /// entries.
    pub fn parse_flat_without_trivia(text: &str, dialect: Dialect) -> FlatTree<'_> {
        flat(text, dialect, build_tree::Trivia::Skip)
    }

    fn flat(text: &str, dialect: Dialect, trivia: build_tree::Trivia) -> FlatTree<'_> {
        let (text, too_long) = match text.get(..MAX_INPUT_LEN.min(text.len())) {
            Some(t) if t.len() == text.len() => (t, false),
            _ => ("", true),
        };
        let lexed = LexedStr::new(text, dialect);
        let mut tree = build_tree::build_tree(&lexed, events(&lexed, dialect), trivia);
        let mut errors = std::mem::take(tree.errors_mut());
        if too_long {
            errors.push(SyntaxError::new(
                "input is larger than 4 GiB and was not parsed",
                TextRange::empty(0.into()),
            ));
        }
        validation::validate(&tree, dialect, &mut errors);
        errors.sort_by_key(|e| (e.range.start(), e.range.end()));
        *tree.errors_mut() = errors;
        tree
    }
}

#[cfg(test)]
// Tests read their fixtures from `test_data/`; the crate itself does no IO.
#[allow(clippy::disallowed_methods)]
mod tests;
