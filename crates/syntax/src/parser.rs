//! The parser engine: a cursor over non-trivia tokens that emits events through markers.
//!
//! It knows nothing of rowan; `build_tree` turns the events into a green tree. Grammar
//! functions live in `grammar/`.

use std::cell::Cell;

use crate::{Dialect, SyntaxKind, TokenSet, lexer::LexedStr};

/// Eight bytes each: a full parse makes about two per token, so their size is memory
/// traffic on the hot path.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Event {
    /// `forward_parent` is the distance to a later `Start` that must wrap this one (set by
    /// `precede`; 0 for none), so `a + b` can become the left child of `(a + b) * c` after
    /// the fact.
    Start {
        kind: SyntaxKind,
        forward_parent: u32,
    },
    Finish,
    /// `kind` may differ from the lexed kind (a keyword used as a name becomes `IDENT`).
    Token {
        kind: SyntaxKind,
    },
    /// An index into the parser's error messages.
    Error {
        msg: u32,
    },
    Tombstone,
}

/// What the parser hands the tree builder.
pub(crate) struct Output {
    pub(crate) events: Vec<Event>,
    pub(crate) messages: Vec<String>,
    /// Indices into the lexed tokens of the significant ones (not whitespace or comments),
    /// in order: each `Token` event is the next of these.
    pub(crate) significant: Vec<u32>,
}

/// How deeply grammar rules may nest before the parser stops descending. Keeps the native
/// stack (and the recursive drop of green nodes) bounded for any input.
const MAX_DEPTH: u32 = 200;

/// How many chained wrappings (see `Parser::chain`) may be open at once.
const MAX_CHAIN: u32 = 1000;

pub(crate) struct Parser<'t> {
    lexed: &'t LexedStr<'t>,
    /// Indices into `lexed` of the non-trivia tokens.
    tokens: Vec<u32>,
    /// Their kinds: every lookahead reads one of these, so they sit in one array.
    kinds: Vec<SyntaxKind>,
    pos: usize,
    events: Vec<Event>,
    messages: Vec<String>,
    /// Steps without progress; at the limit every lookahead reads EOF, which ends all
    /// loops. A stuck grammar rule is thus an error in the tree, never a hang.
    fuel: Cell<u32>,
    depth: u32,
    /// Nodes wrapped around a completed one by `precede` in loops that are still open
    /// (operator chains `a + b + c ..`, postfix chains, join chains). Each adds a level to
    /// the tree, whose drop is recursive, so the total is bounded too.
    chain: u32,
    /// The position of a misspelled keyword the grammar reads as the keyword (its kind in
    /// `kinds` is the keyword's; it lands in the tree as `ERROR`); `usize::MAX` for none.
    override_pos: usize,
    pub(crate) dialect: Dialect,
}

const FUEL: u32 = 4096;

impl<'t> Parser<'t> {
    pub(crate) fn new(lexed: &'t LexedStr<'t>, dialect: Dialect) -> Parser<'t> {
        let all = lexed.len();
        let (mut tokens, mut kinds) = (Vec::with_capacity(all), Vec::with_capacity(all));
        for (i, &kind) in lexed.kinds().iter().enumerate() {
            if !kind.is_trivia() {
                tokens.push(u32::try_from(i).unwrap_or(u32::MAX));
                kinds.push(kind);
            }
        }
        Parser {
            lexed,
            // A token event each, and a start and a finish per node: nodes are nearly as
            // many as tokens.
            events: Vec::with_capacity(tokens.len() * 3 + 8),
            messages: Vec::new(),
            tokens,
            kinds,
            pos: 0,
            fuel: Cell::new(FUEL),
            depth: 0,
            chain: 0,
            override_pos: usize::MAX,
            dialect,
        }
    }

    pub(crate) fn finish(self) -> Output {
        Output { events: self.events, messages: self.messages, significant: self.tokens }
    }

    pub(crate) fn current(&self) -> SyntaxKind {
        self.nth(0)
    }

    pub(crate) fn nth(&self, n: usize) -> SyntaxKind {
        let fuel = self.fuel.get();
        if fuel == 0 {
            return SyntaxKind::EOF;
        }
        self.fuel.set(fuel - 1);
        self.raw_nth(n)
    }

    fn raw_nth(&self, n: usize) -> SyntaxKind {
        self.kinds.get(self.pos + n).copied().unwrap_or(SyntaxKind::EOF)
    }

    /// The source text of the nth token ahead, for contextual keywords.
    pub(crate) fn nth_text(&self, n: usize) -> &str {
        self.tokens.get(self.pos + n).map_or("", |&i| self.lexed.text(i as usize))
    }

    pub(crate) fn at(&self, kind: SyntaxKind) -> bool {
        self.current() == kind
    }

    pub(crate) fn nth_at(&self, n: usize, kind: SyntaxKind) -> bool {
        self.nth(n) == kind
    }

    pub(crate) fn at_ts(&self, set: TokenSet) -> bool {
        set.contains(self.current())
    }

    /// An identifier-like word with this text (case-insensitive): `NAME` in `BY NAME`.
    pub(crate) fn at_contextual_kw(&self, word: &str) -> bool {
        self.nth_at_contextual_kw(0, word)
    }

    pub(crate) fn nth_at_contextual_kw(&self, n: usize, word: &str) -> bool {
        let kind = self.nth(n);
        (kind == SyntaxKind::IDENT || kind.is_keyword())
            && self.nth_text(n).eq_ignore_ascii_case(word)
    }

    pub(crate) fn at_eof(&self) -> bool {
        self.at(SyntaxKind::EOF)
    }

    pub(crate) fn eat(&mut self, kind: SyntaxKind) -> bool {
        if !self.at(kind) {
            return false;
        }
        self.do_bump(kind);
        true
    }

    pub(crate) fn bump(&mut self, kind: SyntaxKind) {
        let ok = self.eat(kind);
        debug_assert!(ok, "bump({kind:?}) at {:?}", self.raw_nth(0));
    }

    pub(crate) fn bump_any(&mut self) {
        let kind = self.current();
        if kind != SyntaxKind::EOF {
            self.do_bump(kind);
        }
    }

    /// Consumes the current token, recording it as `kind` (contextual keyword → `IDENT`).
    pub(crate) fn bump_remap(&mut self, kind: SyntaxKind) {
        if !self.at_eof() {
            self.do_bump(kind);
        }
    }

    /// Makes the grammar read the current token as `kw`; it lands in the tree as `ERROR`.
    pub(crate) fn override_current(&mut self, kw: SyntaxKind) {
        // The parser never moves back, so the kind can be overwritten where lookahead reads
        // it: one array read per lookahead, no second check.
        if let Some(kind) = self.kinds.get_mut(self.pos) {
            *kind = kw;
            self.override_pos = self.pos;
        }
    }

    /// Whether the nth token ahead directly follows the one before it (no trivia between):
    /// `@macro(` takes arguments, `@start_date (` does not.
    pub(crate) fn nth_is_joined(&self, n: usize) -> bool {
        match (
            self.tokens.get(self.pos + n),
            (self.pos + n).checked_sub(1).and_then(|i| self.tokens.get(i)),
        ) {
            (Some(&cur), Some(&prev)) => cur == prev + 1,
            _ => false,
        }
    }

    fn do_bump(&mut self, kind: SyntaxKind) {
        let kind = if self.pos == self.override_pos { SyntaxKind::ERROR } else { kind };
        self.pos += 1;
        self.fuel.set(FUEL);
        self.events.push(Event::Token { kind });
    }

    /// Whether a `)` closes the current bracket level before the statement ends (`;` or
    /// EOF at this level). Looks at most a few thousand tokens ahead, without fuel.
    pub(crate) fn closer_ahead(&self) -> bool {
        let mut depth = 0usize;
        for n in 0..4096 {
            match self.raw_nth(n) {
                SyntaxKind::EOF => return false,
                T![;] if depth == 0 => return false,
                T!['('] | T!['['] | T!['{'] => depth += 1,
                T![')'] if depth == 0 => return true,
                T![')'] | T![']'] | T!['}'] => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        false
    }

    /// Consumes whatever the grammar left (only after fuel ran out or a stray closer at
    /// the top level), so every token ends up in the tree.
    pub(crate) fn bump_rest(&mut self) {
        self.fuel.set(FUEL);
        while self.raw_nth(0) != SyntaxKind::EOF {
            let kind = self.raw_nth(0);
            self.do_bump(kind);
        }
    }

    pub(crate) fn start(&mut self) -> Marker {
        let pos = self.events.len();
        self.events.push(Event::Tombstone);
        Marker { pos: u32::try_from(pos).unwrap_or(u32::MAX), done: false }
    }

    pub(crate) fn error(&mut self, msg: impl Into<String>) {
        let idx = u32::try_from(self.messages.len()).unwrap_or(u32::MAX);
        self.messages.push(msg.into());
        self.events.push(Event::Error { msg: idx });
    }

    pub(crate) fn expect(&mut self, kind: SyntaxKind) -> bool {
        if self.eat(kind) {
            return true;
        }
        self.error(format!("expected {}", describe(kind)));
        false
    }

    /// Reports an error and wraps the current token in an `ERROR_NODE`, unless it belongs
    /// to an enclosing rule (`recovery`) or closes a bracket, which we never consume here.
    pub(crate) fn err_recover(&mut self, msg: &str, recovery: TokenSet) {
        if self.at_ts(recovery) || self.at_ts(crate::grammar::CLOSERS) || self.at_eof() {
            self.error(msg);
            return;
        }
        let m = self.start();
        self.error(msg);
        self.bump_any_balanced();
        m.complete(self, SyntaxKind::ERROR_NODE);
    }

    /// Reports an error and consumes one token into an `ERROR_NODE`.
    pub(crate) fn err_and_bump(&mut self, msg: &str) {
        self.err_recover(msg, TokenSet::EMPTY);
    }

    /// Bumps one token, or a whole bracketed group when at an opening bracket, so that
    /// skipped input never leaves brackets unbalanced.
    pub(crate) fn bump_any_balanced(&mut self) {
        let mut depth = 0usize;
        loop {
            match self.current() {
                SyntaxKind::EOF => return,
                T!['('] | T!['['] | T!['{'] => depth += 1,
                T![')'] | T![']'] | T!['}'] => depth = depth.saturating_sub(1),
                _ => {}
            }
            self.bump_any();
            if depth == 0 {
                return;
            }
        }
    }

    /// Enters a nested rule; `false` (with an error) when nesting is already too deep.
    /// Callers then skip the construct flat with `bump_any_balanced`.
    pub(crate) fn enter(&mut self) -> bool {
        if self.depth >= MAX_DEPTH {
            return false;
        }
        self.depth += 1;
        true
    }

    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Asks to wrap one more level around a chain; on `false` the caller reports the
    /// chain as too long and skips the rest of it flat (`skip_overlong_chain`).
    pub(crate) fn wrap(&mut self) -> bool {
        if self.chain >= MAX_CHAIN {
            return false;
        }
        self.chain += 1;
        true
    }

    pub(crate) fn unwrap_chain(&mut self, n: u32) {
        self.chain = self.chain.saturating_sub(n);
    }

    /// Past `MAX_CHAIN`: one error, then the rest of the construct as a flat `ERROR_NODE`
    /// up to a clause keyword, a closer or a comma.
    pub(crate) fn skip_overlong_chain(&mut self, stop: TokenSet) {
        let m = self.start();
        self.error("expression is too long to analyse (over 1000 chained operators); split it");
        while !self.at_eof() && !self.at_ts(stop) {
            self.bump_any_balanced();
        }
        m.complete(self, SyntaxKind::ERROR_NODE);
    }
}

pub(crate) fn describe(kind: SyntaxKind) -> String {
    match kind.static_text() {
        Some(text) if kind.is_keyword() => text.to_ascii_uppercase(),
        Some(text) => format!("`{text}`"),
        None => match kind {
            SyntaxKind::IDENT => "identifier".to_string(),
            SyntaxKind::STRING => "string literal".to_string(),
            SyntaxKind::INT_NUMBER => "integer".to_string(),
            SyntaxKind::EOF => "end of input".to_string(),
            _ => format!("{kind:?}").to_ascii_lowercase(),
        },
    }
}

pub(crate) struct Marker {
    pos: u32,
    done: bool,
}

impl Marker {
    pub(crate) fn complete(mut self, p: &mut Parser<'_>, kind: SyntaxKind) -> CompletedMarker {
        self.done = true;
        let idx = self.pos as usize;
        p.events[idx] = Event::Start { kind, forward_parent: 0 };
        p.events.push(Event::Finish);
        CompletedMarker { pos: self.pos }
    }

    pub(crate) fn abandon(mut self, p: &mut Parser<'_>) {
        self.done = true;
        let idx = self.pos as usize;
        if idx + 1 == p.events.len() {
            p.events.pop();
        }
    }
}

impl Drop for Marker {
    fn drop(&mut self) {
        debug_assert!(self.done || std::thread::panicking(), "marker dropped without completion");
    }
}

#[derive(Clone, Copy)]
pub(crate) struct CompletedMarker {
    pos: u32,
}

impl CompletedMarker {
    /// Starts a node that will wrap this completed one.
    pub(crate) fn precede(self, p: &mut Parser<'_>) -> Marker {
        let new = p.start();
        if let Event::Start { forward_parent, .. } = &mut p.events[self.pos as usize] {
            *forward_parent = new.pos - self.pos;
        }
        new
    }
}
