//! The validation pass: constructs the parser accepts (the superset of all dialects) that
//! the chosen dialect lacks, reported as errors on the exact range.

use crate::{Dialect, SyntaxError, SyntaxKind, SyntaxNode, SyntaxToken};

pub(crate) fn validate(root: &SyntaxNode, dialect: Dialect, errors: &mut Vec<SyntaxError>) {
    let info = dialect.info();
    let name = dialect.name();
    for node in root.descendants() {
        match node.kind() {
            SyntaxKind::SELECT_ITEM_LIST if !info.trailing_commas => {
                if let Some(comma) = last_token(&node).filter(|t| t.kind() == T![,]) {
                    errors.push(SyntaxError::new(
                        format!("{name} does not allow a trailing comma in a select list"),
                        comma.text_range(),
                    ));
                }
            }
            _ => {}
        }
    }
}

fn last_token(node: &SyntaxNode) -> Option<SyntaxToken> {
    let mut tok = node.last_token()?;
    while tok.kind().is_trivia() {
        tok = tok.prev_token()?;
    }
    Some(tok)
}
