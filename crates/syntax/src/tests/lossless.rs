//! Losslessness and termination on arbitrary input (proptest), plus the pathological
//! inputs the issue names.

use proptest::prelude::*;

use crate::{Dialect, LexedStr, SyntaxKind, sql};

fn check(text: &str) {
    for dialect in Dialect::ALL {
        words_agree(text, dialect);
        super::flat::without_trivia_agrees(text, dialect);
        let parse = sql::parse(text, dialect);
        assert_eq!(parse.syntax_node().to_string(), text, "lossless in {dialect}");
        for err in parse.errors() {
            assert!(err.range.end() <= crate::TextSize::of(text), "error range inside the text");
        }
    }
}

/// `LexedStr::for_each_word` sees the words a full lex classifies as names, in order.
fn words_agree(text: &str, dialect: Dialect) {
    let lexed = LexedStr::new(text, dialect);
    let full: Vec<(&str, bool)> = (0..lexed.len())
        .filter_map(|i| {
            let kind = lexed.kind(i);
            let quoted = kind == SyntaxKind::QUOTED_IDENT;
            (quoted || kind == SyntaxKind::IDENT || kind.is_keyword())
                .then(|| (lexed.text(i), quoted))
        })
        .collect();
    let mut words = Vec::new();
    LexedStr::for_each_word(text, dialect, |w, quoted| words.push((w, quoted)));
    assert_eq!(words, full, "the words of {text:?} in {dialect}");
}

/// Token soup: fragments of SQL glued in any order exercise recovery far more than
/// random bytes do.
fn soup() -> impl Strategy<Value = String> {
    let frags = prop::sample::select(vec![
        "select",
        "from",
        "where",
        "group",
        "by",
        "order",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ",",
        ";",
        "a",
        "b.c",
        "*",
        "+",
        "-",
        "::",
        "'s'",
        "'",
        "\"",
        "`",
        "1",
        "1.5",
        "case",
        "when",
        "then",
        "end",
        "join",
        "on",
        "using",
        "with",
        "as",
        "union",
        "all",
        "over",
        "partition",
        "rows",
        "between",
        "and",
        "or",
        "not",
        "in",
        "is",
        "null",
        "@var",
        "@start_date",
        "->",
        "x -> x",
        "/*",
        "*/",
        "--",
        "\n",
        " ",
        "create",
        "table",
        "insert",
        "into",
        "values",
        "distinct",
        "exclude",
        "replace",
        "pivot",
        "for",
        "interval",
        "date",
        "cast",
        "limit",
        "qualify",
        "window",
        "filter",
        "within",
        "lateral",
        "unnest",
        "struct",
        "map",
        "array",
        "<",
        ">",
        "=",
        ":",
        "$$",
        "\u{0}",
        "é",
        "🦆",
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
fn deep_nesting_terminates_without_overflow() {
    for (open, close) in [("(", ")"), ("[", "]"), ("{", "}")] {
        let text = format!("select {}1{}", open.repeat(100_000), close.repeat(100_000));
        check(&text);
        let unclosed = format!("select {}", open.repeat(100_000));
        check(&unclosed);
    }
    let subqueries = "select * from (".repeat(20_000) + &")".repeat(20_000);
    check(&subqueries);
    let not_chain = "select ".to_string() + &"not ".repeat(100_000) + "x";
    check(&not_chain);
    let cast_chain = "select x".to_string() + &"::int".repeat(100_000);
    check(&cast_chain);
    let ops = "select 1".to_string() + &" + 1".repeat(200_000);
    check(&ops);
}

#[test]
fn odd_inputs() {
    for text in [
        "",
        "\u{0}",
        "select '\u{0}'",
        "select 'unterminated",
        "select \"unterminated",
        "select `unterminated",
        "/* unterminated",
        "/* /* nested */",
        "select $$ unterminated",
        "\u{feff}select 1",
        "select 1\r\nfrom t\r\n",
        ")))",
        "(((",
        "@",
        "@var(",
        "select @",
        "select x.",
        "select 1e",
    ] {
        check(text);
    }
}

#[test]
fn fifty_megabytes_parse_losslessly() {
    let model = "with src as (select id, amount::decimal(18, 2) as amount, lower(trim(status)) as status \
                 from raw.orders where created_at >= @start_date) \
                 select status, sum(amount) over (partition by status order by id rows between unbounded preceding and current row) as running \
                 from src left join dims d using (id) where amount > 0 and status in ('a', 'b');\n";
    let broken = "select a, sum(x count(y) from t where a = = 1 group by;\n";
    let mut text = String::with_capacity(50 * 1024 * 1024 + 1024);
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(model);
        text.push_str(broken);
    }
    let parse = sql::parse(&text, Dialect::DuckDb);
    assert!(parse.syntax_node().to_string() == text, "lossless");
    assert!(!parse.errors().is_empty());
}

/// Inputs the fuzzer once crashed on (`test_data/fuzz/`), parsed as the fuzz target does.
#[test]
fn fuzz_regressions() {
    let dir = super::test_data().join("fuzz");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("test_data/fuzz")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for file in files {
        let bytes = std::fs::read(&file).expect("readable");
        check(&String::from_utf8_lossy(&bytes));
    }
}

/// A file of junk gives one error per character; reporting them stays linear (the tree
/// builder once scanned every lexer error for every token).
#[test]
fn a_lexer_error_on_every_character() {
    let text = "select ".to_string() + &"§".repeat(300_000);
    let parse = sql::parse(&text, Dialect::DuckDb);
    assert_eq!(parse.syntax_node().to_string(), text);
    assert!(parse.errors().len() >= 300_000);
}
