//! No input panics: every fixture, truncated, with a character deleted or a TOML-significant
//! character inserted at each position, parses (as its own kind and as `rocky.toml`) with
//! in-bounds ranges.

use super::{check_ranges, fixtures, parse_as};

const INSERTS: &[&str] =
    &["\"", "'", "[", "]", "[[", "{", "}", "=", "\n", "${", "$", "#", "é", "---\n", "\r"];

fn check_all(name: &str, text: &str) {
    for name in [name, "rocky.toml"] {
        let (_, diags) = parse_as(name, text);
        if let Err(e) = check_ranges(text, &diags) {
            panic!("{name} on {text:?}: {e}");
        }
    }
}

#[test]
fn mangled_inputs_never_panic() {
    let mut inputs = 0usize;
    for file in fixtures("ok").into_iter().chain(fixtures("err")) {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let text = std::fs::read_to_string(&file).expect("fixture is UTF-8");
        let boundaries: Vec<usize> =
            text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        // About 120 positions per file keep this affordable in debug builds (unoptimised toml);
        // the stride is odd, so deletions and insertions meet every kind of character.
        let stride = (boundaries.len() / 120) | 1;
        for (n, &at) in boundaries.iter().enumerate().step_by(stride) {
            let truncated = text.get(..at).unwrap_or("");
            check_all(&name, truncated);
            inputs += 1;
            if let Some(next) = boundaries.get(n + 1) {
                let deleted = format!("{}{}", truncated, text.get(*next..).unwrap_or(""));
                check_all(&name, &deleted);
                inputs += 1;
            }
            let insert = INSERTS[n % INSERTS.len()];
            let inserted = format!("{truncated}{insert}{}", text.get(at..).unwrap_or(""));
            check_all(&name, &inserted);
            inputs += 1;
        }
    }
    assert!(inputs > 1000, "only {inputs} mangled inputs");
}
