//! Builds green trees without rowan's `GreenNodeBuilder`: nodes are not deduplicated (a
//! hash per node cost more than it saved) and tokens are shared by a cheap interner.

use rowan::{GreenNode, GreenToken, NodeOrToken};

use crate::SyntaxKind;

type GreenElement = NodeOrToken<GreenNode, GreenToken>;

/// Shares green tokens between trees: a direct-mapped cache keyed by a hash of kind and
/// text. A hit costs a hash and one compare; a miss (or a collision) allocates the token
/// and takes the slot. Keywords, punctuation, whitespace and column names repeat, so
/// nearly every token hits; memory is bounded by the slot count.
pub(crate) struct TokenInterner {
    slots: Vec<Option<GreenToken>>,
}

const SLOTS: usize = 1 << 14;

/// Longer tokens (comments, long literals) are allocated directly.
const MAX_INTERNED_LEN: usize = 48;

impl Default for TokenInterner {
    fn default() -> Self {
        TokenInterner { slots: vec![None; SLOTS] }
    }
}

impl TokenInterner {
    fn token(&mut self, kind: SyntaxKind, text: &str) -> GreenToken {
        if text.len() > MAX_INTERNED_LEN {
            return GreenToken::new(kind.into(), text);
        }
        let mut hasher = rustc_hash::FxHasher::default();
        std::hash::Hash::hash(&(kind as u16), &mut hasher);
        std::hash::Hash::hash(text, &mut hasher);
        let slot = (std::hash::Hasher::finish(&hasher) as usize) & (SLOTS - 1);
        let raw: rowan::SyntaxKind = kind.into();
        match &self.slots[slot] {
            Some(tok) if tok.kind() == raw && tok.text() == text => tok.clone(),
            _ => {
                let tok = GreenToken::new(raw, text);
                self.slots[slot] = Some(tok.clone());
                tok
            }
        }
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
