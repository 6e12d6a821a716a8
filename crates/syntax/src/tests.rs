//! Data-driven tests over `test_data/`: every input has a `.rast` snapshot (the tree and
//! its errors); `ok/` inputs must have no errors, `err/` inputs must have some.

mod flat;
mod lossless;
mod pipeline;
mod recovery;

use std::{
    fs,
    path::{Path, PathBuf},
};

use crate::{Dialect, sql};

fn test_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test_data")
}

/// The dialect named on a `-- dialect: NAME` line among the leading comment lines.
pub(crate) fn dialect_of(text: &str) -> Dialect {
    text.lines()
        .take_while(|l| l.trim_start().starts_with("--"))
        .find_map(|l| l.trim_start().trim_start_matches('-').trim().strip_prefix("dialect:"))
        .and_then(|d| d.trim().parse().ok())
        .unwrap_or_default()
}

fn sql_files(dir: &Path) -> Vec<PathBuf> {
    files_with(dir, "sql")
}

fn files_with(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

/// Compares (or with `UPDATE_EXPECT=1` rewrites) each snapshot; collects every failure
/// before failing, so one run shows them all.
fn dir_tests(dir: &str, render: impl Fn(&Path, &str) -> Result<String, String>) {
    dir_tests_of(dir, "sql", render);
}

fn dir_tests_of(dir: &str, ext: &str, render: impl Fn(&Path, &str) -> Result<String, String>) {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let dir = test_data().join(dir);
    let files = files_with(&dir, ext);
    assert!(!files.is_empty(), "no test inputs in {}", dir.display());
    let mut failures = Vec::new();
    for file in &files {
        let bytes = fs::read(file).expect("readable test input");
        let text = String::from_utf8_lossy(&bytes);
        let actual = match render(file, &text) {
            Ok(actual) => actual,
            Err(msg) => {
                failures.push(format!("{}: {msg}", file.display()));
                continue;
            }
        };
        let snapshot = file.with_extension("rast");
        let expected = fs::read_to_string(&snapshot).unwrap_or_default();
        if expected != actual {
            if update {
                fs::write(&snapshot, &actual).expect("writable snapshot");
            } else {
                failures.push(format!(
                    "{}: snapshot differs (UPDATE_EXPECT=1 refreshes it)",
                    snapshot.display()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn parser_ok() {
    dir_tests("parser/ok", |_, text| {
        let parse = sql::parse(text, dialect_of(text));
        if !parse.errors().is_empty() {
            let errs: Vec<_> = parse.errors().iter().map(ToString::to_string).collect();
            return Err(format!("unexpected errors: {}", errs.join("; ")));
        }
        Ok(parse.debug_dump())
    });
}

#[test]
fn parser_err() {
    dir_tests("parser/err", |_, text| {
        let parse = sql::parse(text, dialect_of(text));
        if parse.errors().is_empty() {
            return Err("expected at least one error".to_string());
        }
        Ok(parse.debug_dump())
    });
}

/// Every `.rocky` program of `pipeline/ok/` parses without an error (their semantics are
/// checked against DuckDB by the exec crate's tests).
#[test]
fn pipeline_ok() {
    let dir = test_data().join("pipeline/ok");
    let files = files_with(&dir, "rocky");
    assert!(files.len() >= 60, "at least 60 pipeline programs, found {}", files.len());
    let mut failures = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("readable test input");
        let parse = crate::pipeline::parse(&text);
        assert_eq!(parse.syntax_node().to_string(), text, "lossless: {}", file.display());
        if !parse.errors().is_empty() {
            let errs: Vec<_> = parse.errors().iter().map(ToString::to_string).collect();
            failures.push(format!("{}: {}", file.display(), errs.join("; ")));
        }
    }
    assert!(failures.is_empty(), "unexpected errors:\n{}", failures.join("\n"));
}

/// Recovery snapshots: the tree and every error with its range.
#[test]
fn pipeline_err() {
    let count = files_with(&test_data().join("pipeline/err"), "rocky").len();
    assert!(count >= 30, "at least 30 recovery programs, found {count}");
    dir_tests_of("pipeline/err", "rocky", |_, text| {
        let parse = crate::pipeline::parse(text);
        if parse.errors().is_empty() {
            return Err("expected at least one error".to_string());
        }
        Ok(parse.debug_dump())
    });
}

fn lex_dump(text: &str) -> String {
    let lexed = crate::LexedStr::new(text, dialect_of(text));
    let mut buf = String::new();
    for i in 0..lexed.len() {
        buf.push_str(&format!("{:?} {:?}\n", lexed.kind(i), lexed.text(i)));
    }
    for err in lexed.errors() {
        buf.push_str(&format!("error at token {}: {}\n", err.token, err.msg));
    }
    buf
}

#[test]
fn lexer_ok() {
    dir_tests("lexer/ok", |_, text| {
        let lexed = crate::LexedStr::new(text, dialect_of(text));
        if !lexed.errors().is_empty() {
            return Err(format!("unexpected lexer errors: {:?}", lexed.errors()));
        }
        Ok(lex_dump(text))
    });
}

#[test]
fn lexer_err() {
    dir_tests("lexer/err", |_, text| {
        let lexed = crate::LexedStr::new(text, dialect_of(text));
        if lexed.errors().is_empty() {
            return Err("expected at least one lexer error".to_string());
        }
        Ok(lex_dump(text))
    });
}

mod differential;
