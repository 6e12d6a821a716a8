//! Turns parser events plus the lexed tokens (trivia included) into a rowan green tree.

use rowan::{GreenNode, TextRange, TextSize};

use crate::{
    SyntaxError, SyntaxKind,
    flat::{FlatSink, FlatTree, Step},
    green_sink::{GreenSink, TokenInterner},
    lexer::LexedStr,
    parser::{Event, Output},
};

/// The token interner outlives a parse, so every `SELECT`, `,` and `" "` is the same green
/// token across files (its memory is bounded by its slot count). The sink is kept for its
/// buffers' capacity.
#[derive(Default)]
struct ThreadState {
    interner: TokenInterner,
    sink: GreenSink,
}

thread_local! {
    static STATE: std::cell::RefCell<ThreadState> = std::cell::RefCell::default();
}

/// The rowan tree of a flat tree (same shape, same text).
pub(crate) fn green_of(tree: &FlatTree<'_>) -> GreenNode {
    debug_assert!(tree.has_trivia(), "a rowan tree is lossless: built from a tree with trivia");
    let build = |interner: &mut TokenInterner, sink: &mut GreenSink| {
        tree.replay(|step| match step {
            Step::Start(kind) => sink.start_node(kind),
            Step::Token(kind, text) => sink.token(interner, kind, text),
            Step::Finish => sink.finish_node(),
        });
        sink.finish()
    };
    STATE.with(|cell| match cell.try_borrow_mut() {
        Ok(mut state) => {
            let ThreadState { interner, sink } = &mut *state;
            build(interner, sink)
        }
        // Re-entrant use on this thread (not something we do) gets fresh state.
        Err(_) => build(&mut TokenInterner::default(), &mut GreenSink::default()),
    })
}

/// Whether a flat tree keeps the whitespace and comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trivia {
    /// Lossless: what the rowan tree is built from.
    Keep,
    /// Only the significant tokens (node ranges unchanged): what a batch pass that walks
    /// each tree once needs, at about half the entries.
    Skip,
}

/// The flat tree of a parse: the events replayed over the lexed tokens, trivia attached
/// or skipped.
pub(crate) fn build_tree<'t>(lexed: &LexedStr<'t>, output: Output, trivia: Trivia) -> FlatTree<'t> {
    // Every token is an entry, and every node: one `Start` (and one `Finish`) event each,
    // so half the events bound the nodes and the entries never outgrow this.
    let mut sink = FlatSink::with_capacity(lexed.len() + output.events.len() / 2);
    let errors = build_with(lexed, output, &mut sink, trivia);
    sink.finish(lexed.source(), errors, trivia)
}

fn build_with(
    lexed: &LexedStr<'_>,
    Output { mut events, mut messages, significant }: Output,
    sink: &mut FlatSink,
    trivia: Trivia,
) -> Vec<SyntaxError> {
    let mut b = Builder {
        lexed,
        significant: &significant,
        consumed: 0,
        pos: 0,
        next_lex_error: 0,
        sink,
        errors: Vec::new(),
        depth: 0,
        keep_trivia: trivia == Trivia::Keep,
    };
    let mut forward_parents = Vec::new();

    for i in 0..events.len() {
        // Events are `Copy`; only forward parents, met out of order, are tombstoned.
        match events[i] {
            Event::Start { kind, forward_parent: 0 } => b.start_node(kind),
            Event::Start { kind, forward_parent } => {
                // Follow the chain of `precede`d parents: they open outermost first.
                forward_parents.push(kind);
                let mut idx = i;
                let mut fp = forward_parent;
                while fp != 0 {
                    idx += fp as usize;
                    fp = match std::mem::replace(&mut events[idx], Event::Tombstone) {
                        Event::Start { kind, forward_parent } => {
                            forward_parents.push(kind);
                            forward_parent
                        }
                        _ => 0,
                    };
                }
                while let Some(kind) = forward_parents.pop() {
                    b.start_node(kind);
                }
            }
            Event::Finish => b.finish_node(),
            Event::Token { kind } => b.token(kind),
            Event::Error { msg } => {
                let msg = messages.get_mut(msg as usize).map(std::mem::take).unwrap_or_default();
                b.error(msg);
            }
            Event::Tombstone => {}
        }
    }
    b.finish()
}

struct Builder<'a, 'b, 'c> {
    lexed: &'a LexedStr<'b>,
    /// The lexed indices of the significant tokens, as the parser consumed them.
    significant: &'a [u32],
    /// How many of them are attached.
    consumed: usize,
    /// Next lexed token (trivia included) to attach.
    pos: usize,
    /// Next unreported lexer error; they are ordered by token, like the tokens we emit.
    next_lex_error: usize,
    sink: &'c mut FlatSink,
    errors: Vec<SyntaxError>,
    depth: usize,
    keep_trivia: bool,
}

impl Builder<'_, '_, '_> {
    // Inlined into the event loop: a node per four bytes of SQL, and the call's register
    // saves cost as much as the work.
    #[inline(always)]
    fn start_node(&mut self, kind: SyntaxKind) {
        // Trivia before a node stays outside it, except at the root which holds it all.
        if self.depth > 0 {
            self.eat_trivia();
        }
        self.depth += 1;
        self.sink.start_node(kind);
    }

    fn finish_node(&mut self) {
        self.depth -= 1;
        if self.depth == 0 {
            self.eat_trivia();
        }
        self.sink.finish_node();
    }

    fn token(&mut self, kind: SyntaxKind) {
        self.eat_trivia();
        self.entry(kind);
        self.consumed += 1;
    }

    /// The current token as an entry of `kind`.
    fn entry(&mut self, kind: SyntaxKind) {
        self.lex_errors_before(self.pos + 1);
        // The length, not the text: no slicing (and its char-boundary checks) per token.
        let len = self.lexed.text_len(self.pos);
        self.sink.token(kind, len);
        self.pos += 1;
    }

    /// Reports the lexer's errors (an unclosed comment's) at tokens before `end`, kept or
    /// skipped.
    fn lex_errors_before(&mut self, end: usize) {
        if self.lexed.errors().get(self.next_lex_error).is_some_and(|e| e.token < end) {
            self.lex_errors(end);
        }
    }

    /// Rare, so out of the per-token path.
    #[cold]
    #[inline(never)]
    fn lex_errors(&mut self, end: usize) {
        while let Some(err) = self.lexed.errors().get(self.next_lex_error) {
            if err.token >= end {
                break;
            }
            self.next_lex_error += 1;
            let range = self.token_range(err.token);
            let msg = match self.lexed.kind(err.token) {
                SyntaxKind::ERROR => {
                    format!("{} `{}`", err.msg, self.lexed.text(err.token).escape_debug())
                }
                _ => err.msg.to_string(),
            };
            self.errors.push(SyntaxError::new(msg, range));
        }
    }

    // Inlined: it runs before every token and node, and without trivia it is a compare.
    #[inline(always)]
    fn eat_trivia(&mut self) {
        if self.keep_trivia {
            self.keep_trivia_entries();
            return;
        }
        // Straight to the next significant token: the trivia before it gets no entries.
        let next = self.significant.get(self.consumed).map_or(self.lexed.len(), |&t| t as usize);
        if next > self.pos {
            self.lex_errors_before(next);
            self.sink.skip_to(self.lexed.text_start(next));
            self.pos = next;
        }
    }

    fn keep_trivia_entries(&mut self) {
        while self.pos < self.lexed.len() && self.lexed.kind(self.pos).is_trivia() {
            self.entry(self.lexed.kind(self.pos));
        }
    }

    fn error(&mut self, msg: String) {
        // Errors point at the next significant token, or at the end of the previous one
        // when we are at the end of input (so "expected `)`" sits where `)` belongs).
        let mut next = self.pos;
        while next < self.lexed.len() && self.lexed.kind(next).is_trivia() {
            next += 1;
        }
        let range = if next < self.lexed.len() {
            self.token_range(next)
        } else {
            TextRange::empty(offset(self.lexed.text_start(self.pos)))
        };
        self.errors.push(SyntaxError::new(msg, range));
    }

    fn token_range(&self, i: usize) -> TextRange {
        TextRange::new(offset(self.lexed.text_start(i)), offset(self.lexed.text_start(i + 1)))
    }

    fn finish(mut self) -> Vec<SyntaxError> {
        // One mistake often trips two rules at the same token ("expected AND" then
        // "unexpected identifier"); the first says it best.
        self.errors.sort_by_key(|e| e.range.start());
        self.errors.dedup_by_key(|e| e.range.start());
        self.errors
    }
}

fn offset(o: usize) -> TextSize {
    TextSize::new(u32::try_from(o).unwrap_or(u32::MAX))
}
