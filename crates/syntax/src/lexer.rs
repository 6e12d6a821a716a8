//! The lexer: token shapes with logos, then keywords and dialect quoting classified.
//!
//! It never fails: every byte lands in exactly one token, unknown characters become
//! `ERROR` tokens and unterminated strings or comments run to the end of the input with an
//! error attached.

use logos::Logos;

use crate::{Dialect, SyntaxKind};

/// The tokens of one text, as parallel arrays (kinds and start offsets) for cache-friendly
/// parsing; the text of token `i` is `text[start[i]..start[i + 1]]`.
#[derive(Debug)]
pub struct LexedStr<'a> {
    text: &'a str,
    kinds: Vec<SyntaxKind>,
    starts: Vec<u32>,
    errors: Vec<LexError>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexError {
    pub token: usize,
    pub msg: &'static str,
}

#[derive(Default)]
struct Extras {
    backslash_escapes: bool,
    nested_comments: bool,
    unterminated: Option<&'static str>,
}

#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(extras = Extras)]
enum Shape {
    #[regex(r"[ \t\r\n\f\v]+")]
    Whitespace,
    #[regex(r"--[^\n]*", allow_greedy = true)]
    LineComment,
    #[token("/*", block_comment)]
    BlockComment,
    #[regex(r"[A-Za-z_\p{Alphabetic}][A-Za-z0-9_$\p{Alphabetic}\p{Nd}\p{Mn}\p{Mc}]*")]
    Ident,
    // Where `"` quotes a string (BigQuery, Databricks), backslashes escape in it too.
    #[token("\"", |lex| { let escapes = lex.extras.backslash_escapes; quoted(lex, b'"', escapes) })]
    DoubleQuoted,
    #[token("`", |lex| quoted(lex, b'`', false))]
    Backtick,
    #[token("'", |lex| { let escapes = lex.extras.backslash_escapes; quoted(lex, b'\'', escapes) })]
    #[regex(r"[eE]'", |lex| quoted(lex, b'\'', true))]
    #[regex(r"([xXbBnN]|[rR][bB]?|[bB][rR])'", |lex| quoted(lex, b'\'', false))]
    String,
    #[regex(r"\$[A-Za-z_]*\$", dollar_quoted)]
    DollarString,
    #[regex(r"[0-9][0-9_]*")]
    #[regex(r"0[xX][0-9A-Fa-f_]+")]
    // Databricks typed suffixes: `1L`, `1S`, `1Y`.
    #[regex(r"[0-9][0-9_]*[LSY]")]
    Int,
    #[regex(r"[0-9][0-9_]*\.[0-9_]*([eE][+-]?[0-9]+)?")]
    #[regex(r"\.[0-9][0-9_]*([eE][+-]?[0-9]+)?")]
    #[regex(r"[0-9][0-9_]*[eE][+-]?[0-9]+")]
    // Databricks `1D`, `1.5F`, `1BD`.
    #[regex(r"[0-9][0-9_]*(\.[0-9_]*)?([DF]|BD)")]
    Float,
    #[regex(r"@[A-Za-z_][A-Za-z0-9_]*")]
    AtIdent,
    #[regex(r"\$[0-9]+")]
    Param,

    #[token(";")]
    Semicolon,
    #[token(",")]
    Comma,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBrack,
    #[token("]")]
    RBrack,
    #[token("{")]
    LCurly,
    #[token("}")]
    RCurly,
    #[token(".")]
    Dot,
    #[token("*")]
    Star,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("/")]
    Slash,
    #[token("//")]
    Slash2,
    #[token("%")]
    Percent,
    #[token("^")]
    Caret,
    #[token("**")]
    Star2,
    #[token("||")]
    Pipe2,
    #[token("|")]
    Pipe,
    #[token("&")]
    Amp,
    #[token("~")]
    Tilde,
    #[token("!")]
    Bang,
    #[token("<<")]
    Shl,
    #[token("&&")]
    #[token("~~")]
    #[token("!~~")]
    #[token("~~*")]
    #[token("!~~*")]
    #[token("!~")]
    #[token("~*")]
    #[token("!~*")]
    Operator,
    #[token("=")]
    Eq,
    #[token("==")]
    Eq2,
    #[token("!=")]
    Neq,
    #[token("<>")]
    LtGt,
    #[token("<")]
    Lt,
    #[token("<=")]
    LtEq,
    #[token(">")]
    Gt,
    #[token(">=")]
    GtEq,
    #[token("<=>")]
    NullsafeEq,
    #[token(":")]
    Colon,
    #[token("::")]
    Colon2,
    #[token(":=")]
    ColonEq,
    #[token("=>")]
    FatArrow,
    #[token("->")]
    ThinArrow,
    #[token("->>")]
    ThinArrow2,
    #[token("?")]
    Question,
    #[token("@")]
    At,
    #[token("#")]
    Hash,
    #[token("$")]
    Dollar,
}

/// Scans a quoted token whose opening quote was just matched; a doubled quote escapes it.
fn quoted(lex: &mut logos::Lexer<'_, Shape>, quote: u8, backslash: bool) {
    let rest = lex.remainder().as_bytes();
    let mut i = 0;
    while i < rest.len() {
        let b = rest[i];
        if backslash && b == b'\\' {
            i += 2;
            continue;
        }
        if b == quote {
            if rest.get(i + 1) == Some(&quote) {
                i += 2;
                continue;
            }
            lex.bump(i + 1);
            return;
        }
        i += 1;
    }
    lex.extras.unterminated = Some(match quote {
        b'\'' => "unterminated string literal",
        _ => "unterminated quoted identifier",
    });
    bump_to_end(lex);
}

fn block_comment(lex: &mut logos::Lexer<'_, Shape>) {
    let rest = lex.remainder().as_bytes();
    let nested = lex.extras.nested_comments;
    let mut depth = 1usize;
    let mut i = 0;
    while i < rest.len() {
        match (rest[i], rest.get(i + 1)) {
            (b'*', Some(b'/')) => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    lex.bump(i);
                    return;
                }
            }
            (b'/', Some(b'*')) if nested => {
                depth += 1;
                i += 2;
            }
            _ => i += 1,
        }
    }
    lex.extras.unterminated = Some("unterminated block comment");
    bump_to_end(lex);
}

/// `$$ .. $$` or `$tag$ .. $tag$`.
fn dollar_quoted(lex: &mut logos::Lexer<'_, Shape>) {
    let tag = lex.slice();
    match lex.remainder().find(tag) {
        Some(idx) => lex.bump(idx + tag.len()),
        None => {
            lex.extras.unterminated = Some("unterminated dollar-quoted string");
            bump_to_end(lex);
        }
    }
}

fn bump_to_end(lex: &mut logos::Lexer<'_, Shape>) {
    let len = lex.remainder().len();
    lex.bump(len);
}

impl<'a> LexedStr<'a> {
    pub fn new(text: &'a str, dialect: Dialect) -> LexedStr<'a> {
        let info = dialect.info();
        let mut res = LexedStr {
            text,
            kinds: Vec::with_capacity(text.len() / 4),
            starts: Vec::with_capacity(text.len() / 4),
            errors: Vec::new(),
        };
        let mut lex = shape_lexer(text, info);
        while let Some(shape) = lex.next() {
            let kind = match shape {
                Ok(Shape::LBrack) if info.bracket_identifiers => {
                    match bracket_identifier_len(lex.remainder()) {
                        Some(len) => {
                            lex.bump(len);
                            SyntaxKind::QUOTED_IDENT
                        }
                        None => T!['['],
                    }
                }
                Ok(Shape::Ident) => {
                    SyntaxKind::from_keyword(lex.slice()).unwrap_or(SyntaxKind::IDENT)
                }
                Ok(shape) => classify(shape, info),
                Err(()) => {
                    widen_to_char(&mut lex, text);
                    res.errors
                        .push(LexError { token: res.kinds.len(), msg: "unexpected character" });
                    SyntaxKind::ERROR
                }
            };
            if let Some(msg) = lex.extras.unterminated.take() {
                res.errors.push(LexError { token: res.kinds.len(), msg });
            }
            res.kinds.push(kind);
            res.starts.push(to_u32(lex.span().start));
        }
        res.starts.push(to_u32(text.len()));
        res
    }

    /// Calls `f(text, quoted)` for each word of `text` in order: every identifier or
    /// keyword (`quoted` false) and every quoted identifier, quotes included (`quoted`
    /// true) — the tokens [`LexedStr::new`] would classify as `IDENT`, a keyword or
    /// `QUOTED_IDENT`. Nothing is stored and no keyword is looked up, so a pass that only
    /// wants the names a text mentions (`hir::scan`) costs a fraction of a full lex.
    pub fn for_each_word<'t>(text: &'t str, dialect: Dialect, mut f: impl FnMut(&'t str, bool)) {
        let info = dialect.info();
        let mut lex = shape_lexer(text, info);
        while let Some(shape) = lex.next() {
            match shape {
                Ok(Shape::Ident) => f(lex.slice(), false),
                Ok(Shape::DoubleQuoted) if !info.double_quoted_strings => f(lex.slice(), true),
                Ok(Shape::Backtick) => f(lex.slice(), true),
                Ok(Shape::LBrack) if info.bracket_identifiers => {
                    if let Some(len) = bracket_identifier_len(lex.remainder()) {
                        lex.bump(len);
                        f(lex.slice(), true);
                    }
                }
                Ok(_) => {}
                Err(()) => widen_to_char(&mut lex, text),
            }
        }
    }

    pub(crate) fn from_parts(
        text: &'a str,
        kinds: Vec<SyntaxKind>,
        starts: Vec<u32>,
        errors: Vec<LexError>,
    ) -> LexedStr<'a> {
        LexedStr { text, kinds, starts, errors }
    }

    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    pub fn kind(&self, i: usize) -> SyntaxKind {
        self.kinds.get(i).copied().unwrap_or(SyntaxKind::EOF)
    }

    pub fn kinds(&self) -> &[SyntaxKind] {
        &self.kinds
    }

    /// The whole lexed text.
    pub fn source(&self) -> &'a str {
        self.text
    }

    pub fn text(&self, i: usize) -> &'a str {
        self.bounds(i).map_or("", |(lo, hi)| &self.text[lo..hi])
    }

    /// The length in bytes of token `i`'s text (0 past the end).
    pub fn text_len(&self, i: usize) -> usize {
        self.bounds(i).map_or(0, |(lo, hi)| hi.saturating_sub(lo))
    }

    /// Where token `i`'s text starts and ends in the source, if there is such a token.
    fn bounds(&self, i: usize) -> Option<(usize, usize)> {
        let (&lo, &hi) = (self.starts.get(i)?, self.starts.get(i + 1)?);
        Some((lo as usize, hi as usize))
    }

    pub fn text_start(&self, i: usize) -> usize {
        self.starts.get(i).map_or(self.text.len(), |&s| s as usize)
    }

    pub fn errors(&self) -> &[LexError] {
        &self.errors
    }
}

/// The kind of a token of any shape but `Ident`, whose kind depends on its text.
fn classify(shape: Shape, info: &crate::DialectInfo) -> SyntaxKind {
    use SyntaxKind as K;
    match shape {
        Shape::Whitespace => K::WHITESPACE,
        Shape::LineComment | Shape::BlockComment => K::COMMENT,
        Shape::Ident => K::IDENT,
        Shape::DoubleQuoted if info.double_quoted_strings => K::STRING,
        Shape::DoubleQuoted | Shape::Backtick => K::QUOTED_IDENT,
        Shape::String | Shape::DollarString => K::STRING,
        Shape::Int => K::INT_NUMBER,
        Shape::Float => K::FLOAT_NUMBER,
        Shape::AtIdent => K::AT_IDENT,
        Shape::Param => K::PARAM,
        Shape::Semicolon => T![;],
        Shape::Comma => T![,],
        Shape::LParen => T!['('],
        Shape::RParen => T![')'],
        Shape::LBrack => T!['['],
        Shape::RBrack => T![']'],
        Shape::LCurly => T!['{'],
        Shape::RCurly => T!['}'],
        Shape::Dot => T![.],
        Shape::Star => T![*],
        Shape::Plus => T![+],
        Shape::Minus => T![-],
        Shape::Slash => T![/],
        Shape::Slash2 => SyntaxKind::SLASH2,
        Shape::Percent => T![%],
        Shape::Caret => T![^],
        Shape::Star2 => T![**],
        Shape::Pipe2 => T![||],
        Shape::Pipe => T![|],
        Shape::Amp => T![&],
        Shape::Tilde => T![~],
        Shape::Bang => T![!],
        Shape::Shl => T![<<],
        Shape::Operator => K::OPERATOR,
        Shape::Eq => T![=],
        Shape::Eq2 => T![==],
        Shape::Neq => T![!=],
        Shape::LtGt => T![<>],
        Shape::Lt => T![<],
        Shape::LtEq => T![<=],
        Shape::Gt => T![>],
        Shape::GtEq => T![>=],
        Shape::NullsafeEq => T![<=>],
        Shape::Colon => T![:],
        Shape::Colon2 => T![::],
        Shape::ColonEq => T![:=],
        Shape::FatArrow => T![=>],
        Shape::ThinArrow => T![->],
        Shape::ThinArrow2 => T![->>],
        Shape::Question => T![?],
        Shape::At => T![@],
        Shape::Hash => K::HASH,
        Shape::Dollar => K::DOLLAR,
    }
}

/// The shape lexer of `text` under a dialect's quoting and comment rules.
fn shape_lexer<'t>(text: &'t str, info: &crate::DialectInfo) -> logos::Lexer<'t, Shape> {
    let extras = Extras {
        backslash_escapes: info.backslash_escapes,
        nested_comments: info.nested_comments,
        unterminated: None,
    };
    Shape::lexer_with_extras(text, extras)
}

/// logos reports an unknown character's first byte; the error token is widened to the
/// whole character so that token boundaries stay on char boundaries.
fn widen_to_char(lex: &mut logos::Lexer<'_, Shape>, text: &str) {
    let span = lex.span();
    let ch_len = text[span.start..].chars().next().map_or(1, char::len_utf8);
    if span.len() < ch_len {
        lex.bump(ch_len - span.len());
    }
}

/// `[name]` on one line, for dialects that quote identifiers with brackets.
fn bracket_identifier_len(rest: &str) -> Option<usize> {
    let end = rest.find([']', '\n', '['])?;
    let ok = rest.as_bytes()[end] == b']' && end > 0;
    ok.then_some(end + 1)
}

/// Offsets are `u32` like rowan's `TextSize`; `parse` refuses longer inputs up front.
fn to_u32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}
