//! The `.rocky` lexer: token shapes with logos, words classified as the pipeline's keywords.
//!
//! Like the SQL lexer it never fails: every byte lands in one token, unknown characters
//! become `ERROR` tokens and an unterminated string runs to the end with an error attached.

use logos::Logos;

use crate::{LexedStr, SyntaxKind, lexer::LexError};

#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(extras = Option<&'static str>)]
enum Shape {
    #[regex(r"[ \t\r\n\f\v]+")]
    Whitespace,
    #[regex(r"--[^\n]*", allow_greedy = true)]
    Comment,
    #[regex(r"[A-Za-z_][A-Za-z0-9_]*")]
    Ident,
    #[token("\"", |lex| quoted(lex, b'"'))]
    #[token("'", |lex| quoted(lex, b'\''))]
    String,
    #[regex(r"[0-9][0-9_]*")]
    Int,
    // A digit must follow the dot, so `1..current` is `1`, `..`, `current`.
    #[regex(r"[0-9][0-9_]*\.[0-9][0-9_]*([eE][+-]?[0-9]+)?")]
    #[regex(r"[0-9][0-9_]*[eE][+-]?[0-9]+")]
    Float,
    #[regex(
        r"@[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?"
    )]
    Date,
    #[regex(r"@[A-Za-z_][A-Za-z0-9_]*")]
    AtIdent,
    #[token(",")]
    Comma,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("{")]
    LCurly,
    #[token("}")]
    RCurly,
    #[token(".")]
    Dot,
    #[token("..")]
    Dot2,
    #[token("*")]
    Star,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("/")]
    Slash,
    #[token("%")]
    Percent,
    #[token("||")]
    Pipe2,
    #[token("|")]
    Pipe,
    #[token("=")]
    Eq,
    #[token("==")]
    Eq2,
    #[token("!=")]
    Neq,
    #[token("<")]
    Lt,
    #[token("<=")]
    LtEq,
    #[token(">")]
    Gt,
    #[token(">=")]
    GtEq,
    #[token(":")]
    Colon,
    #[token("=>")]
    FatArrow,
}

fn quoted(lex: &mut logos::Lexer<'_, Shape>, quote: u8) {
    let rest = lex.remainder().as_bytes();
    let mut i = 0;
    while i < rest.len() {
        if rest[i] == quote {
            if rest.get(i + 1) == Some(&quote) {
                i += 2;
                continue;
            }
            lex.bump(i + 1);
            return;
        }
        i += 1;
    }
    lex.extras = Some("unterminated string literal");
    let len = rest.len();
    lex.bump(len);
}

/// The pipeline's words, lower case. SQL keyword kinds where SQL has the word, so the
/// two trees share `FROM_KW`, `AND_KW`, ...
const WORDS: &[(&str, SyntaxKind)] = {
    use SyntaxKind::*;
    &[
        ("and", AND_KW),
        ("as", AS_KW),
        ("asc", ASC_KW),
        ("cross", CROSS_KW),
        ("current", CURRENT_KW),
        ("derive", DERIVE_KW),
        ("desc", DESC_KW),
        ("distinct", DISTINCT_KW),
        ("false", FALSE_KW),
        ("from", FROM_KW),
        ("full", FULL_KW),
        ("group", GROUP_KW),
        ("in", IN_KW),
        ("is", IS_KW),
        ("join", JOIN_KW),
        ("keep", KEEP_KW),
        ("left", LEFT_KW),
        ("let", LET_KW),
        ("match", MATCH_KW),
        ("not", NOT_KW),
        ("null", NULL_KW),
        ("on", ON_KW),
        ("or", OR_KW),
        ("over", OVER_KW),
        ("partition", PARTITION_KW),
        ("range", RANGE_KW),
        ("replicate", REPLICATE_KW),
        ("right", RIGHT_KW),
        ("rows", ROWS_KW),
        ("select", SELECT_KW),
        ("sort", SORT_KW),
        ("take", TAKE_KW),
        ("true", TRUE_KW),
        ("unbounded", UNBOUNDED_KW),
        ("where", WHERE_KW),
    ]
};

/// The keyword kind of a pipeline word (case-insensitive), if it is one.
pub fn keyword(word: &str) -> Option<SyntaxKind> {
    if word.len() > 9 {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    WORDS.binary_search_by(|(w, _)| w.cmp(&lower.as_str())).ok().map(|i| WORDS[i].1)
}

/// Every pipeline keyword with its spelling, for completion.
pub fn keywords() -> impl Iterator<Item = (&'static str, SyntaxKind)> {
    WORDS.iter().copied()
}

pub(crate) fn lex(text: &str) -> LexedStr<'_> {
    use SyntaxKind as K;
    let mut kinds = Vec::with_capacity(text.len() / 4);
    let mut starts = Vec::with_capacity(text.len() / 4);
    let mut errors = Vec::new();
    let mut lex = Shape::lexer(text);
    while let Some(shape) = lex.next() {
        let span = lex.span();
        let kind = match shape {
            Ok(shape) => match shape {
                Shape::Whitespace => K::WHITESPACE,
                Shape::Comment => K::COMMENT,
                Shape::Ident => keyword(&text[span.clone()]).unwrap_or(K::IDENT),
                Shape::String => K::STRING,
                Shape::Int => K::INT_NUMBER,
                Shape::Float => K::FLOAT_NUMBER,
                Shape::Date => K::AT_DATE,
                Shape::AtIdent => K::AT_IDENT,
                Shape::Comma => T![,],
                Shape::LParen => T!['('],
                Shape::RParen => T![')'],
                Shape::LCurly => T!['{'],
                Shape::RCurly => T!['}'],
                Shape::Dot => T![.],
                Shape::Dot2 => T![..],
                Shape::Star => T![*],
                Shape::Plus => T![+],
                Shape::Minus => T![-],
                Shape::Slash => T![/],
                Shape::Percent => T![%],
                Shape::Pipe2 => T![||],
                Shape::Pipe => T![|],
                Shape::Eq => T![=],
                Shape::Eq2 => T![==],
                Shape::Neq => T![!=],
                Shape::Lt => T![<],
                Shape::LtEq => T![<=],
                Shape::Gt => T![>],
                Shape::GtEq => T![>=],
                Shape::Colon => T![:],
                Shape::FatArrow => T![=>],
            },
            Err(()) => {
                let ch_len = text[span.start..].chars().next().map_or(1, char::len_utf8);
                if span.len() < ch_len {
                    lex.bump(ch_len - span.len());
                }
                errors.push(LexError { token: kinds.len(), msg: "unexpected character" });
                K::ERROR
            }
        };
        if let Some(msg) = lex.extras.take() {
            errors.push(LexError { token: kinds.len(), msg });
        }
        kinds.push(kind);
        starts.push(u32::try_from(lex.span().start).unwrap_or(u32::MAX));
    }
    starts.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
    LexedStr::from_parts(text, kinds, starts, errors)
}

#[cfg(test)]
mod tests {
    #[test]
    fn words_are_sorted() {
        assert!(super::WORDS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
