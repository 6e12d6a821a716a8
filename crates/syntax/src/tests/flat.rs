//! The flat tree has the rowan tree's shape: same nodes, tokens, ranges and texts, seen
//! through the `TreeNode` view the typed AST uses (children, tokens, first token).

use std::fmt::Write;

use rowan::NodeOrToken;

use super::{dialect_of, sql_files, test_data};
use crate::{TreeNode, TreeToken, sql};

fn dump<N: TreeNode>(node: &N, depth: usize, out: &mut String) {
    let first = node.first_token().map(|t| (t.kind(), t.text_range()));
    let _ = writeln!(
        out,
        "{:depth$}{:?}@{:?} first={first:?} text={:?}",
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
                dump(&n, depth + 2, out);
            }
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
    }
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
