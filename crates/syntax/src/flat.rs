//! The flat syntax tree: every node and token of a parse in one vector, in preorder, each
//! entry knowing where its subtree ends. It has the same shape as the rowan tree of the
//! same text (rowan's is built from it), costs one allocation per file and is walked
//! without reference counting, which is what a batch compile of thousands of files needs.
//! It has no parent links: it is for passes that walk down (lowering, validation).

use std::fmt;
use std::hash::{Hash, Hasher};

use rowan::NodeOrToken;

use crate::{
    SyntaxError, SyntaxKind, TextRange, TextSize,
    tree::{TreeNode, TreeToken},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    kind: SyntaxKind,
    token: bool,
    start: u32,
    end: u32,
    /// The index after this entry's subtree: its next sibling, or its parent's end.
    next: u32,
}

/// A parse as a flat tree over the text it was parsed from, with its errors.
pub struct FlatTree<'t> {
    text: &'t str,
    entries: Vec<Entry>,
    errors: Vec<SyntaxError>,
    /// Whether whitespace and comments are entries (a lossless tree).
    trivia: bool,
}

impl<'t> FlatTree<'t> {
    /// The root node (`SOURCE_FILE`).
    pub fn root(&self) -> FlatNode<'_> {
        FlatNode { tree: self, idx: 0 }
    }

    pub fn errors(&self) -> &[SyntaxError] {
        &self.errors
    }

    /// Whether the tree holds the whitespace and comments (else only significant tokens).
    pub fn has_trivia(&self) -> bool {
        self.trivia
    }

    pub(crate) fn errors_mut(&mut self) -> &mut Vec<SyntaxError> {
        &mut self.errors
    }

    /// Every node and token, in preorder (a linear scan: no child lists are walked).
    pub(crate) fn preorder(
        &self,
    ) -> impl Iterator<Item = NodeOrToken<FlatNode<'_>, FlatToken<'_>>> {
        (0..index(self.entries.len())).map(move |idx| {
            if self.entries[idx as usize].token {
                NodeOrToken::Token(FlatToken { tree: self, idx })
            } else {
                NodeOrToken::Node(FlatNode { tree: self, idx })
            }
        })
    }

    /// Replays the tree in preorder, as a tree builder consumes it.
    pub(crate) fn replay(&self, mut step: impl FnMut(Step<'_>)) {
        let mut open: Vec<u32> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            while open.last().is_some_and(|&end| end as usize <= i) {
                open.pop();
                step(Step::Finish);
            }
            if e.token {
                step(Step::Token(e.kind, self.slice(e)));
            } else {
                step(Step::Start(e.kind));
                open.push(e.next);
            }
        }
        for _ in open {
            step(Step::Finish);
        }
    }

    fn slice(&self, e: &Entry) -> &'t str {
        self.text.get(e.start as usize..e.end as usize).unwrap_or("")
    }
}

/// One step of [`FlatTree::replay`].
pub(crate) enum Step<'a> {
    Start(SyntaxKind),
    Token(SyntaxKind, &'a str),
    Finish,
}

/// Builds a flat tree from `start_node` / `token` / `finish_node` calls.
pub(crate) struct FlatSink {
    entries: Vec<Entry>,
    open: Vec<usize>,
    offset: u32,
}

impl FlatSink {
    /// Room for `entries` tokens and nodes.
    pub(crate) fn with_capacity(entries: usize) -> FlatSink {
        FlatSink { entries: Vec::with_capacity(entries + 1), open: Vec::new(), offset: 0 }
    }

    pub(crate) fn start_node(&mut self, kind: SyntaxKind) {
        self.open.push(self.entries.len());
        let at = self.offset;
        self.entries.push(Entry { kind, token: false, start: at, end: at, next: 0 });
    }

    pub(crate) fn finish_node(&mut self) {
        // Events are balanced by construction; an unbalanced finish is ignored.
        if let Some(i) = self.open.pop() {
            let next = index(self.entries.len());
            let end = self.offset;
            if let Some(e) = self.entries.get_mut(i) {
                e.end = end;
                e.next = next;
            }
        }
    }

    /// Moves past text that gets no entry (skipped trivia), to `offset`.
    pub(crate) fn skip_to(&mut self, offset: usize) {
        self.offset = index(offset);
    }

    pub(crate) fn token(&mut self, kind: SyntaxKind, len: usize) {
        let start = self.offset;
        self.offset = self.offset.saturating_add(index(len));
        let next = index(self.entries.len() + 1);
        self.entries.push(Entry { kind, token: true, start, end: self.offset, next });
    }

    /// The tree; whatever is left open is closed, and loose top-level entries are wrapped
    /// into a `SOURCE_FILE`, so no text is ever lost.
    pub(crate) fn finish<'t>(
        mut self,
        text: &'t str,
        errors: Vec<SyntaxError>,
        trivia: crate::build_tree::Trivia,
    ) -> FlatTree<'t> {
        while !self.open.is_empty() {
            self.finish_node();
        }
        let single_root =
            self.entries.first().is_some_and(|e| !e.token && e.next as usize == self.entries.len());
        if !single_root {
            for e in &mut self.entries {
                e.next += 1;
            }
            let (end, next) = (self.offset, index(self.entries.len() + 1));
            let root = Entry { kind: SyntaxKind::SOURCE_FILE, token: false, start: 0, end, next };
            self.entries.insert(0, root);
        }
        let trivia = trivia == crate::build_tree::Trivia::Keep;
        FlatTree { text, entries: self.entries, errors, trivia }
    }
}

fn index(i: usize) -> u32 {
    // Inputs are at most `MAX_INPUT_LEN` bytes, so offsets and entry counts fit.
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// A node of a [`FlatTree`].
#[derive(Clone, Copy)]
pub struct FlatNode<'a> {
    tree: &'a FlatTree<'a>,
    idx: u32,
}

/// A token of a [`FlatTree`].
#[derive(Clone, Copy)]
pub struct FlatToken<'a> {
    tree: &'a FlatTree<'a>,
    idx: u32,
}

impl<'a> FlatNode<'a> {
    fn entry(&self) -> Entry {
        self.tree.entries[self.idx as usize]
    }
}

impl<'a> FlatToken<'a> {
    fn entry(&self) -> Entry {
        self.tree.entries[self.idx as usize]
    }

    /// The token's text, borrowed from the parsed text.
    pub fn text(&self) -> &'a str {
        self.tree.slice(&self.tree.entries[self.idx as usize])
    }
}

fn range(e: Entry) -> TextRange {
    TextRange::new(TextSize::new(e.start), TextSize::new(e.end))
}

macro_rules! identity {
    ($ty:ident) => {
        impl PartialEq for $ty<'_> {
            fn eq(&self, other: &Self) -> bool {
                std::ptr::eq(self.tree, other.tree) && self.idx == other.idx
            }
        }
        impl Eq for $ty<'_> {}
        impl Hash for $ty<'_> {
            fn hash<H: Hasher>(&self, state: &mut H) {
                std::ptr::hash(self.tree, state);
                self.idx.hash(state);
            }
        }
        impl fmt::Debug for $ty<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let e = self.entry();
                write!(f, "{:?}@{:?}", e.kind, range(e))
            }
        }
    };
}
identity!(FlatNode);
identity!(FlatToken);

/// The children of a flat node: entries from `at` to `end`, hopping over subtrees.
#[derive(Clone)]
pub struct FlatChildren<'a> {
    tree: &'a FlatTree<'a>,
    at: u32,
    end: u32,
}

impl<'a> Iterator for FlatChildren<'a> {
    type Item = FlatNode<'a>;
    fn next(&mut self) -> Option<FlatNode<'a>> {
        while self.at < self.end {
            let idx = self.at;
            let e = self.tree.entries[idx as usize];
            self.at = e.next;
            if !e.token {
                return Some(FlatNode { tree: self.tree, idx });
            }
        }
        None
    }
}

/// The children of a flat node, tokens included.
#[derive(Clone)]
pub struct FlatElements<'a> {
    inner: FlatChildren<'a>,
}

impl<'a> Iterator for FlatElements<'a> {
    type Item = NodeOrToken<FlatNode<'a>, FlatToken<'a>>;
    fn next(&mut self) -> Option<Self::Item> {
        let it = &mut self.inner;
        if it.at >= it.end {
            return None;
        }
        let idx = it.at;
        let e = it.tree.entries[idx as usize];
        it.at = e.next;
        Some(if e.token {
            NodeOrToken::Token(FlatToken { tree: it.tree, idx })
        } else {
            NodeOrToken::Node(FlatNode { tree: it.tree, idx })
        })
    }
}

impl<'a> TreeNode for FlatNode<'a> {
    type Token = FlatToken<'a>;
    type Children = FlatChildren<'a>;
    type Elements = FlatElements<'a>;

    fn kind(&self) -> SyntaxKind {
        self.entry().kind
    }
    fn text_range(&self) -> TextRange {
        range(self.entry())
    }
    fn children(&self) -> FlatChildren<'a> {
        FlatChildren { tree: self.tree, at: self.idx + 1, end: self.entry().next }
    }
    fn children_with_tokens(&self) -> FlatElements<'a> {
        FlatElements { inner: self.children() }
    }
    fn first_token(&self) -> Option<FlatToken<'a>> {
        // Preorder: the first token entry inside the subtree is its first token.
        let end = self.entry().next;
        (self.idx + 1..end)
            .find(|&i| self.tree.entries[i as usize].token)
            .map(|idx| FlatToken { tree: self.tree, idx })
    }
    fn text_string(&self) -> String {
        self.tree.slice(&self.entry()).to_string()
    }
}

impl TreeToken for FlatToken<'_> {
    fn kind(&self) -> SyntaxKind {
        self.entry().kind
    }
    fn text(&self) -> &str {
        FlatToken::text(self)
    }
    fn text_range(&self) -> TextRange {
        range(self.entry())
    }
}
