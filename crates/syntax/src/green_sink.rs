//! Builds green trees without rowan's `GreenNodeBuilder`: nodes are not deduplicated (a
//! hash per node cost more than it saved) and tokens are shared by a cheap interner.

use rowan::{GreenNode, GreenToken, NodeOrToken};
use rustc_hash::FxHashMap;

use crate::SyntaxKind;

type GreenElement = NodeOrToken<GreenNode, GreenToken>;

/// Shares green tokens between trees. Keywords and punctuation repeat with the same
/// text, so the last token of each kind is reused when its text matches; identifiers and
/// whitespace are looked up by text. Literals and comments are rarely repeated and are
/// allocated directly.
#[derive(Default)]
pub(crate) struct TokenInterner {
    last: Vec<Option<GreenToken>>,
    idents: FxHashMap<Box<str>, GreenToken>,
    whitespace: FxHashMap<Box<str>, GreenToken>,
}

/// Longer identifiers and whitespace runs are not interned.
const MAX_INTERNED_LEN: usize = 64;

impl TokenInterner {
    fn token(&mut self, kind: SyntaxKind, text: &str) -> GreenToken {
        if kind.is_keyword() || kind.is_punct() {
            let idx = kind as usize;
            if idx >= self.last.len() {
                self.last.resize(idx + 1, None);
            }
            return match &self.last[idx] {
                Some(tok) if tok.text() == text => tok.clone(),
                _ => {
                    let tok = GreenToken::new(kind.into(), text);
                    self.last[idx] = Some(tok.clone());
                    tok
                }
            };
        }
        let map = match kind {
            SyntaxKind::IDENT => &mut self.idents,
            SyntaxKind::WHITESPACE => &mut self.whitespace,
            _ => return GreenToken::new(kind.into(), text),
        };
        if text.len() > MAX_INTERNED_LEN {
            return GreenToken::new(kind.into(), text);
        }
        if let Some(tok) = map.get(text) {
            return tok.clone();
        }
        let tok = GreenToken::new(kind.into(), text);
        map.insert(text.into(), tok.clone());
        tok
    }
}

/// The open nodes and the finished children waiting for their parent.
#[derive(Default)]
pub(crate) struct GreenSink {
    parents: Vec<(SyntaxKind, usize)>,
    children: Vec<GreenElement>,
}

impl GreenSink {
    pub(crate) fn start_node(&mut self, kind: SyntaxKind) {
        self.parents.push((kind, self.children.len()));
    }

    pub(crate) fn finish_node(&mut self) {
        // Events are balanced by construction (every marker completes once); an
        // unbalanced finish is ignored rather than trusted.
        if let Some((kind, first)) = self.parents.pop() {
            let node = GreenNode::new(kind.into(), self.children.drain(first..));
            self.children.push(node.into());
        }
    }

    pub(crate) fn token(&mut self, interner: &mut TokenInterner, kind: SyntaxKind, text: &str) {
        self.children.push(interner.token(kind, text).into());
    }

    /// The root; whatever is left open or loose is wrapped into a `SOURCE_FILE` so no
    /// text is ever lost.
    pub(crate) fn finish(&mut self) -> GreenNode {
        while !self.parents.is_empty() {
            self.finish_node();
        }
        match (self.children.pop(), self.children.is_empty()) {
            (Some(NodeOrToken::Node(root)), true) => root,
            (last, _) => {
                self.children.extend(last);
                GreenNode::new(SyntaxKind::SOURCE_FILE.into(), self.children.drain(..))
            }
        }
    }
}
