//! Signature help: the overloads of the builtin function whose argument list holds the
//! cursor, and which parameter the cursor is on.

use hir::{Db, builtins, project::project_config};
use syntax::{SyntaxKind, T};

use crate::{
    FilePosition,
    hover::overload_label,
    navigation::{model_of, source_tree},
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureHelp {
    /// Each overload: its label and its parameters' labels (substrings of it).
    pub signatures: Vec<(String, Vec<String>)>,
    pub doc: Option<String>,
    pub active_signature: u32,
    pub active_parameter: u32,
}

pub(crate) fn signature_help(db: &dyn Db, pos: FilePosition) -> Option<SignatureHelp> {
    model_of(db, pos.file)?;
    let root = source_tree(db, pos.file)?;
    let mut token = root.token_at_offset(pos.offset).left_biased();
    let (mut depth, mut commas) = (0u32, 0u32);
    // Back to the unclosed `(` before the cursor, counting commas at its level.
    let name = loop {
        let t = token?;
        if t.text_range().end() <= pos.offset && !t.kind().is_trivia() {
            match t.kind() {
                T![')'] | T![']'] => depth += 1,
                T!['('] | T!['['] if depth > 0 => depth -= 1,
                T!['('] => {
                    let mut prev = t.prev_token();
                    while let Some(p) = prev.clone().filter(|p| p.kind().is_trivia()) {
                        prev = p.prev_token();
                    }
                    let p = prev?;
                    if matches!(p.kind(), SyntaxKind::IDENT | SyntaxKind::QUOTED_IDENT)
                        || p.kind().is_keyword()
                    {
                        break p.text().trim_matches('"').to_lowercase();
                    }
                    return None;
                }
                T![,] if depth == 0 => commas += 1,
                T![;] => return None,
                _ => {}
            }
        }
        token = t.prev_token();
    };
    let dialect = project_config(db).config.dialect();
    let f = builtins::catalog(dialect).get(&name)?;
    let mut signatures = Vec::new();
    let mut active_signature = None;
    for (i, o) in f.overloads.iter().enumerate() {
        let (label, params) = overload_label(f, o);
        let fits = (commas as usize) < params.len() || o.varargs.is_some();
        if fits && active_signature.is_none() {
            active_signature = Some(i as u32);
        }
        signatures.push((label, params));
    }
    let active_signature = active_signature.unwrap_or(0);
    let n_params = signatures.get(active_signature as usize).map_or(0, |s| s.1.len() as u32);
    let varargs = f.overloads.get(active_signature as usize).is_some_and(|o| o.varargs.is_some());
    let active_parameter = if varargs { commas.min(n_params.saturating_sub(1)) } else { commas };
    let doc = (!f.description.is_empty()).then(|| f.description.to_string());
    Some(SignatureHelp { signatures, doc, active_signature, active_parameter })
}
