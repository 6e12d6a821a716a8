//! Fuzzes `syntax::pipeline::parse` (`.rocky`): it must not panic;
//! the parse must be lossless and report errors only at ranges inside the text.

#![no_main]

use libfuzzer_sys::fuzz_target;
use syntax::TextSize;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parse = syntax::pipeline::parse(&text);
    assert_eq!(parse.syntax_node().text().to_string(), text, "tree text differs from the input");
    let len = TextSize::of(&*text);
    for err in parse.errors() {
        assert!(err.range.end() <= len, "error range {:?} outside the text: {}", err.range, err.message);
    }
});
