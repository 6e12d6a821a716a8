//! Turns parser events plus the lexed tokens (trivia included) into a rowan green tree.

use rowan::{GreenNode, GreenNodeBuilder, TextRange, TextSize};

use crate::{SyntaxError, SyntaxKind, lexer::LexedStr, parser::Event};

pub(crate) fn build_tree(
    lexed: &LexedStr<'_>,
    mut events: Vec<Event>,
) -> (GreenNode, Vec<SyntaxError>) {
    let mut b = Builder {
        lexed,
        pos: 0,
        inner: GreenNodeBuilder::new(),
        errors: Vec::new(),
        depth: 0,
    };
    let mut forward_parents = Vec::new();

    for i in 0..events.len() {
        match std::mem::replace(&mut events[i], Event::Tombstone) {
            Event::Start {
                kind,
                forward_parent,
            } => {
                // Follow the chain of `precede`d parents: they open outermost first.
                forward_parents.push(kind);
                let mut idx = i;
                let mut fp = forward_parent;
                while let Some(distance) = fp {
                    idx += distance as usize;
                    fp = match std::mem::replace(&mut events[idx], Event::Tombstone) {
                        Event::Start {
                            kind,
                            forward_parent,
                        } => {
                            forward_parents.push(kind);
                            forward_parent
                        }
                        _ => None,
                    };
                }
                for kind in forward_parents.drain(..).rev() {
                    b.start_node(kind);
                }
            }
            Event::Finish => b.finish_node(),
            Event::Token { kind } => b.token(kind),
            Event::Error { msg } => b.error(msg),
            Event::Tombstone => {}
        }
    }
    b.finish()
}

struct Builder<'a, 'b> {
    lexed: &'a LexedStr<'b>,
    /// Next lexed token (trivia included) to attach.
    pos: usize,
    inner: GreenNodeBuilder<'static>,
    errors: Vec<SyntaxError>,
    depth: usize,
}

impl Builder<'_, '_> {
    fn start_node(&mut self, kind: SyntaxKind) {
        // Trivia before a node stays outside it, except at the root which holds it all.
        if self.depth > 0 {
            self.eat_trivia();
        }
        self.depth += 1;
        self.inner.start_node(kind.into());
    }

    fn finish_node(&mut self) {
        self.depth -= 1;
        if self.depth == 0 {
            self.eat_trivia();
        }
        self.inner.finish_node();
    }

    fn token(&mut self, kind: SyntaxKind) {
        self.eat_trivia();
        self.emit(kind);
    }

    fn emit(&mut self, kind: SyntaxKind) {
        let text = self.lexed.text(self.pos);
        for err in self.lexed.errors().iter().filter(|e| e.token == self.pos) {
            let range = self.token_range(self.pos);
            self.errors.push(SyntaxError::new(err.msg, range));
        }
        self.inner.token(kind.into(), text);
        self.pos += 1;
    }

    fn eat_trivia(&mut self) {
        while self.pos < self.lexed.len() && self.lexed.kind(self.pos).is_trivia() {
            self.emit(self.lexed.kind(self.pos));
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
        TextRange::new(
            offset(self.lexed.text_start(i)),
            offset(self.lexed.text_start(i + 1)),
        )
    }

    fn finish(mut self) -> (GreenNode, Vec<SyntaxError>) {
        // One mistake often trips two rules at the same token ("expected AND" then
        // "unexpected identifier"); the first says it best.
        self.errors.sort_by_key(|e| e.range.start());
        self.errors.dedup_by_key(|e| e.range.start());
        (self.inner.finish(), self.errors)
    }
}

fn offset(o: usize) -> TextSize {
    TextSize::new(u32::try_from(o).unwrap_or(u32::MAX))
}
