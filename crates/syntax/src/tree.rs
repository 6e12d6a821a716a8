//! What the typed AST needs from a tree, so one set of accessors serves both trees: rowan's
//! (the editor's: parents, mutation-free sharing, positions found by offset) and the flat
//! preorder tree (the batch compiler's: one allocation per file, no per-node cursors).

use std::fmt;
use std::hash::Hash;

use rowan::NodeOrToken;

use crate::{SyntaxKind, SyntaxNode, SyntaxNodeChildren, SyntaxToken, TextRange};

pub trait TreeNode: Clone + fmt::Debug + PartialEq + Eq + Hash {
    type Token: TreeToken;
    type Children: Iterator<Item = Self> + Clone;
    type Elements: Iterator<Item = NodeOrToken<Self, Self::Token>>;

    fn kind(&self) -> SyntaxKind;
    fn text_range(&self) -> TextRange;
    /// The child nodes, in order.
    fn children(&self) -> Self::Children;
    /// The child nodes and tokens (trivia included), in order.
    fn children_with_tokens(&self) -> Self::Elements;
    /// The first token below the node, trivia included.
    fn first_token(&self) -> Option<Self::Token>;
    /// The node's text, as written.
    fn text_string(&self) -> String;
}

pub trait TreeToken: Clone + fmt::Debug + PartialEq + Eq + Hash {
    fn kind(&self) -> SyntaxKind;
    fn text(&self) -> &str;
    fn text_range(&self) -> TextRange;
}

impl TreeNode for SyntaxNode {
    type Token = SyntaxToken;
    type Children = SyntaxNodeChildren;
    type Elements = rowan::SyntaxElementChildren<crate::RockyLanguage>;

    fn kind(&self) -> SyntaxKind {
        SyntaxNode::kind(self)
    }
    fn text_range(&self) -> TextRange {
        SyntaxNode::text_range(self)
    }
    fn children(&self) -> Self::Children {
        SyntaxNode::children(self)
    }
    fn children_with_tokens(&self) -> Self::Elements {
        SyntaxNode::children_with_tokens(self)
    }
    fn first_token(&self) -> Option<SyntaxToken> {
        SyntaxNode::first_token(self)
    }
    fn text_string(&self) -> String {
        self.text().to_string()
    }
}

impl TreeToken for SyntaxToken {
    fn kind(&self) -> SyntaxKind {
        SyntaxToken::kind(self)
    }
    fn text(&self) -> &str {
        SyntaxToken::text(self)
    }
    fn text_range(&self) -> TextRange {
        SyntaxToken::text_range(self)
    }
}

/// The kind of a child element, node or token.
pub fn element_kind<N: TreeNode>(element: &NodeOrToken<N, N::Token>) -> SyntaxKind {
    match element {
        NodeOrToken::Node(n) => n.kind(),
        NodeOrToken::Token(t) => t.kind(),
    }
}

/// The range of a child element, node or token.
pub fn element_range<N: TreeNode>(element: &NodeOrToken<N, N::Token>) -> TextRange {
    match element {
        NodeOrToken::Node(n) => n.text_range(),
        NodeOrToken::Token(t) => t.text_range(),
    }
}
