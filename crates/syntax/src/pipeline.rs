//! Parsing `.rocky` pipeline text (FORMAT.md §6) into the same rowan tree family as SQL.
//!
//! Same promises as [`crate::sql::parse`]: never fails, never panics, lossless, every
//! error with its byte range.

mod grammar;
mod lexer;

use std::marker::PhantomData;

use crate::{
    MAX_INPUT_LEN, Parse, SyntaxError, TextRange, ast, build_tree, flat::FlatTree, parser,
};

pub use self::lexer::{keyword, keywords};

/// Parses `.rocky` text into a rowan tree (the editor's tree). Never fails.
pub fn parse(text: &str) -> Parse<ast::PipelineFile> {
    let mut flat = parse_flat(text);
    let green = build_tree::green_of(&flat);
    Parse { green, errors: std::mem::take(flat.errors_mut()), _ty: PhantomData }
}

/// Parses `.rocky` text into a flat tree borrowing the text: what lowering walks.
pub fn parse_flat(text: &str) -> FlatTree<'_> {
    let (text, too_long) = match text.get(..MAX_INPUT_LEN.min(text.len())) {
        Some(t) if t.len() == text.len() => (t, false),
        _ => ("", true),
    };
    let lexed = lexer::lex(text);
    let mut p = parser::Parser::new(&lexed, crate::Dialect::default());
    grammar::pipeline_file(&mut p);
    let mut tree = build_tree::build_tree(&lexed, p.finish(), build_tree::Trivia::Keep);
    if too_long {
        tree.errors_mut().push(SyntaxError::new(
            "input is larger than 4 GiB and was not parsed",
            TextRange::empty(0.into()),
        ));
    }
    tree.errors_mut().sort_by_key(|e| (e.range.start(), e.range.end()));
    tree
}
