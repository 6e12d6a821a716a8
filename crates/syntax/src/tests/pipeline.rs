//! The `.rocky` parser's promises on any input: lossless, terminating, errors inside the
//! text; and recovery that keeps every step after a broken one.

use proptest::prelude::*;

use crate::{SyntaxKind, pipeline};

fn check(text: &str) {
    let parse = pipeline::parse(text);
    assert_eq!(parse.syntax_node().to_string(), text, "lossless");
    for err in parse.errors() {
        assert!(err.range.end() <= crate::TextSize::of(text), "error range inside the text");
    }
}

fn soup() -> impl Strategy<Value = String> {
    let frags = prop::sample::select(vec![
        "let",
        "x",
        "=",
        "from",
        "orders",
        "as",
        "o",
        "where",
        "group",
        "derive",
        "select",
        "join",
        "left",
        "cross",
        "on",
        "keep",
        "sort",
        "take",
        "distinct",
        "replicate",
        "{",
        "}",
        "(",
        ")",
        ",",
        ":",
        "|",
        "||",
        "==",
        "!=",
        "<",
        ">=",
        "+",
        "-",
        "*",
        "/",
        "%",
        "and",
        "or",
        "not",
        "is",
        "null",
        "in",
        "match",
        "=>",
        "_",
        "over",
        "partition",
        "rows",
        "range",
        "unbounded",
        "current",
        "..",
        "1",
        "1_000",
        "2.5",
        "\"s\"",
        "'t'",
        "\"",
        "@2025-01-01",
        "@2025-01-01T10:00:00Z",
        "@start_date",
        "@",
        "a.b",
        "f(x)",
        "--c\n",
        "\n",
        " ",
        "^",
        "é",
        "🦆",
        "\u{0}",
    ]);
    prop::collection::vec(frags, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn lossless_on_any_string(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn lossless_on_token_soup(text in soup()) {
        check(&text);
    }
}

#[test]
fn deep_nesting_and_long_chains_terminate() {
    check(&format!("from t | where {}1{}", "(".repeat(100_000), ")".repeat(100_000)));
    check(&format!("from t | where {}", "(".repeat(100_000)));
    check(&format!("from t | where {}x", "not ".repeat(100_000)));
    check(&format!("from t | derive {{ x: 1{} }}", " + 1".repeat(200_000)));
    check(&format!(
        "from t | derive {{ x: {}1{} }}",
        "match { _ => ".repeat(50_000),
        " }".repeat(50_000)
    ));
    check(&"{".repeat(100_000));
    check(&"}".repeat(100_000));
}

/// Every step keyword of each `err/` program still heads its own step: a broken step
/// never swallows the steps after it.
#[test]
fn broken_steps_keep_the_steps_after_them() {
    use SyntaxKind::*;
    let dir = super::test_data().join("pipeline/err");
    for file in super::files_with(&dir, "rocky") {
        let text = std::fs::read_to_string(&file).expect("readable");
        let root = pipeline::parse(&text).syntax_node();
        for tok in root.descendants_with_tokens().filter_map(|e| e.into_token()) {
            let heads_step = matches!(
                tok.kind(),
                FROM_KW | WHERE_KW | GROUP_KW | DERIVE_KW | SELECT_KW | TAKE_KW | DISTINCT_KW
            ) || (tok.kind() == SORT_KW
                && tok.parent().is_some_and(|p| p.kind() != PIPE_SORT));
            if !heads_step {
                continue;
            }
            let parent = tok.parent().map(|p| p.kind());
            assert!(
                matches!(
                    parent,
                    Some(
                        FROM_STEP
                            | WHERE_STEP
                            | GROUP_STEP
                            | DERIVE_STEP
                            | SELECT_STEP
                            | SORT_STEP
                            | TAKE_STEP
                            | DISTINCT_STEP
                    )
                ),
                "{}: `{}` at {:?} is inside {parent:?}, not its own step",
                file.display(),
                tok.text(),
                tok.text_range()
            );
        }
    }
}
