//! Fuzzes `syntax::sql::parse`: it must not panic, must be lossless, and must report
//! errors only at ranges inside the text. The first byte picks the dialect.

#![no_main]

use libfuzzer_sys::fuzz_target;
use syntax::{Dialect, TextSize};

fuzz_target!(|data: &[u8]| {
    let dialect = match data.first() {
        Some(&b) => Dialect::ALL[usize::from(b) % Dialect::ALL.len()],
        None => Dialect::DuckDb,
    };
    let text = String::from_utf8_lossy(data);
    let parse = syntax::sql::parse(&text, dialect);

    let tree_text = parse.syntax_node().text().to_string();
    assert_eq!(
        tree_text, text,
        "tree text differs from the input ({dialect:?})"
    );

    let len = TextSize::of(&*text);
    for err in parse.errors() {
        assert!(
            err.range.end() <= len,
            "error range {:?} outside the text (len {len:?}, {dialect:?}): {}",
            err.range,
            err.message
        );
    }
});
