//! The flat tree has the rowan tree's shape: same nodes, tokens, ranges and texts, seen
//! through the `TreeNode` view the typed AST uses (children, tokens, first token).

use std::fmt::Write;

use rowan::NodeOrToken;

use super::{dialect_of, sql_files, test_data};
use crate::{TreeNode, TreeToken, sql};

fn dump<N: TreeNode>(node: &N, depth: usize, out: &mut String) {
    dump_with(node, depth, out, true);
}

/// The dump with or without the trivia tokens. Without, the root's first token is left
/// out: only there can it be trivia (trivia before any other node stays outside it).
fn dump_with<N: TreeNode>(node: &N, depth: usize, out: &mut String, trivia: bool) {
    let first = node.first_token().map(|t| (t.kind(), t.text_range()));
    let first = if trivia || depth > 0 { format!("{first:?}") } else { String::new() };
    let _ = writeln!(
        out,
        "{:depth$}{:?}@{:?} first={first} text={:?}",
        "",
        node.kind(),
        node.text_range(),
        node.text_string()
    );
    let nodes: Vec<N> = node.children().collect();
    let mut seen = 0;
    for child in node.children_with_tokens() {
        match child {
            NodeOrToken::Node(n) => {
                assert_eq!(
                    nodes.get(seen),
                    Some(&n),
                    "children() and children_with_tokens() agree"
                );
                seen += 1;
                dump_with(&n, depth + 2, out, trivia);
            }
            NodeOrToken::Token(t) if !trivia && t.kind().is_trivia() => {}
            NodeOrToken::Token(t) => {
                let _ = writeln!(
                    out,
                    "{:w$}{:?}@{:?} {:?}",
                    "",
                    t.kind(),
                    t.text_range(),
                    t.text(),
                    w = depth + 2
                );
            }
        }
    }
    assert_eq!(seen, nodes.len());
}

#[test]
fn flat_tree_has_the_rowan_shape() {
    let mut files = sql_files(&test_data().join("parser/ok"));
    files.extend(sql_files(&test_data().join("parser/err")));
    assert!(files.len() > 20, "the parser corpus is missing");
    for file in files {
        let bytes = std::fs::read(&file).expect("readable test input");
        let text = String::from_utf8_lossy(&bytes);
        let dialect = dialect_of(&text);
        let (mut rowan_dump, mut flat_dump) = (String::new(), String::new());
        let parse = sql::parse(&text, dialect);
        dump(&parse.syntax_node(), 0, &mut rowan_dump);
        let flat = sql::parse_flat(&text, dialect);
        dump(&flat.root(), 0, &mut flat_dump);
        assert_eq!(rowan_dump, flat_dump, "{}", file.display());
        assert_eq!(parse.errors(), flat.errors(), "{}", file.display());
        without_trivia_agrees(&text, dialect);
    }
}

/// The tree without trivia is the lossless tree less its whitespace and comments: same
/// nodes, ranges, significant tokens and errors. (Also run on arbitrary input by the
/// proptests of `lossless.rs`.)
pub(super) fn without_trivia_agrees(text: &str, dialect: crate::Dialect) {
    let (full, lean) =
        (sql::parse_flat(text, dialect), sql::parse_flat_without_trivia(text, dialect));
    assert!(full.has_trivia() && !lean.has_trivia());
    let (mut full_dump, mut lean_dump) = (String::new(), String::new());
    dump_with(&full.root(), 0, &mut full_dump, false);
    dump_with(&lean.root(), 0, &mut lean_dump, false);
    assert_eq!(full_dump, lean_dump, "without trivia, {text:?} in {dialect}");
    assert_eq!(full.errors(), lean.errors(), "without trivia, {text:?} in {dialect}");
    assert!(lean.preorder().all(|e| !crate::tree::element_kind(&e).is_trivia()));
}

#[test]
fn empty_and_trivia_only_inputs_have_a_root() {
    for text in ["", "  ", "-- only a comment\n", ";"] {
        let flat = sql::parse_flat(text, crate::Dialect::DuckDb);
        let root = flat.root();
        assert_eq!(root.kind(), crate::SyntaxKind::SOURCE_FILE);
        assert_eq!(root.text_string(), text);
    }
}
