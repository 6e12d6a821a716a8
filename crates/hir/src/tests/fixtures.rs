//! The data-driven project fixtures of `test_data/hir/*.md`: prose, then files in
//! `//- path` blocks, with every expected diagnostic written under the line it points at,
//! rust-analyzer style:
//!
//! ```text
//! SELECT amout FROM orders
//! --     ^^^^^ E120 unknown column `amout`
//! ```
//!
//! (`#` instead of `--` in TOML files). The carets give the columns on the nearest line
//! above that is not an annotation; the text after the code must be contained in the
//! message. Every diagnostic of the project must be annotated and every annotation must
//! match one, so a fixture states exactly what the project reports, at the exact range.
//! `-- type: NAME TYPE[?]` lines in a model state the type of one of its output columns.
//! A `models/*.sql` file without a sidecar block gets an empty sidecar (V008 is tested
//! by the sample projects), so fixtures show only what they are about.

use std::path::Path;

use super::load_files;
use crate::{RootDatabase, check::all_diagnostics};

/// `(path, line, first column, last column + 1, "CODE message")`, 0-based, in characters.
type Finding = (String, usize, usize, usize, String);

#[test]
fn hir_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test_data/hir");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("test_data/hir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 3, "fixtures under {}", dir.display());
    let mut failures = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("fixture");
        if let Err(why) = check_fixture(&text) {
            failures.push(format!("{}:\n{why}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn check_fixture(text: &str) -> Result<(), String> {
    let mut files = split_files(text);
    let sidecars: Vec<(String, String)> = files
        .iter()
        .filter_map(|(p, _)| p.strip_suffix(".sql").filter(|_| p.starts_with("models/")))
        .map(|stem| format!("{stem}.toml"))
        .filter(|toml| !files.iter().any(|(p, _)| p == toml))
        .map(|toml| (toml, String::new()))
        .collect();
    files.extend(sidecars);
    let mut expected = Vec::new();
    for (path, body) in &files {
        expected.extend(annotations(path, body)?);
    }
    let mut db = RootDatabase::default();
    let _ = load_files(&db, files.clone());
    if crate::scan::single_pass(&db) {
        check_possible_upstreams(&db)?;
    }
    check_findings(&db, &expected).map_err(|e| format!("resolved in one pass:\n{e}"))?;
    check_types(&db, &files)?;
    let ws = crate::Workspace::get(&db);
    let options = crate::input::Options { two_pass: true, ..(**ws.options(&db)).clone() };
    salsa::Setter::to(ws.set_options(&mut db), std::sync::Arc::new(options));
    check_findings(&db, &expected).map_err(|e| format!("resolved in two passes:\n{e}"))
}

/// One-pass resolution relies on the scan finding every model a model really reads.
fn check_possible_upstreams(db: &RootDatabase) -> Result<(), String> {
    let pm = crate::project::project_model(db);
    for (i, m) in pm.models.iter().enumerate() {
        let possible = crate::scan::possible_upstreams(db, m.file);
        for path in crate::model::model_refs(db, m.file).iter() {
            if let Some(up) = pm.model_for_path(path)
                && up != i
                && !possible.contains(&up)
            {
                return Err(format!("the scan of `{}` misses `{}`", m.name, pm.models[up].name));
            }
        }
    }
    Ok(())
}

fn check_findings(db: &RootDatabase, expected: &[Finding]) -> Result<(), String> {
    let mut actual: Vec<Finding> = Vec::new();
    for d in all_diagnostics(db) {
        let Some(f) = d.file else {
            actual.push((String::new(), 0, 0, 0, format!("{} {}", d.code.as_str(), d.message)));
            continue;
        };
        let text = f.text(db);
        let (line, col) = line_col(text, usize::from(d.range.start()));
        let (end_line, end_col) = line_col(text, usize::from(d.range.end()));
        let end = if end_line == line { end_col } else { col + 1 };
        let message = format!("{} {}", d.code.as_str(), d.message);
        actual.push((f.path(db).to_string(), line, col, end.max(col + 1), message));
    }
    let mut problems = Vec::new();
    let mut unmatched: Vec<&Finding> = actual.iter().collect();
    for e in expected {
        let hit = unmatched.iter().position(|a| {
            a.0 == e.0 && a.1 == e.1 && a.2 == e.2 && a.3 == e.3 && a.4.contains(e.4.as_str())
        });
        match hit {
            Some(i) => {
                unmatched.remove(i);
            }
            None => problems.push(format!("expected, not reported: {e:?}")),
        }
    }
    for a in unmatched {
        problems.push(format!("reported, not annotated: {a:?}"));
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n")) }
}

/// The `-- type: NAME TYPE` lines of the model files: the model's output column NAME has
/// TYPE as CLI.md spells it, with `?` when nullable (`-- type: total Decimal(38,2)?`).
fn check_types(db: &RootDatabase, files: &[(String, String)]) -> Result<(), String> {
    let by_path: std::collections::HashMap<String, crate::SourceFile> =
        crate::Workspace::get(db).files(db).iter().map(|f| (f.path(db).to_string(), *f)).collect();
    let mut problems = Vec::new();
    for (path, body) in files {
        for line in body.lines() {
            let Some(spec) = line.trim_start().strip_prefix("-- type:") else { continue };
            let Some((name, want)) = spec.trim().split_once(' ') else {
                problems.push(format!("{path}: `{line}` needs NAME TYPE"));
                continue;
            };
            let Some(&file) = by_path.get(path) else { continue };
            let sig = crate::model::model_signature(db, file);
            let got = sig
                .column(&crate::Name::folded(name))
                .map(|c| format!("{}{}", c.ty, if c.nullable { "?" } else { "" }));
            if got.as_deref() != Some(want.trim()) {
                problems.push(format!("{path}: `{name}` is {got:?}, expected {}", want.trim()));
            }
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n")) }
}

/// The `//- path` blocks, verbatim.
fn split_files(text: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(path) = line.strip_prefix("//- ") {
            files.push((path.trim().to_string(), String::new()));
        } else if let Some((_, body)) = files.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    files
}

/// The `-- ^^^ CODE text` / `# ^^^ CODE text` lines of one file.
fn annotations(path: &str, body: &str) -> Result<Vec<Finding>, String> {
    let mut out = Vec::new();
    let mut target: Option<usize> = None;
    for (i, line) in body.lines().enumerate() {
        let trimmed = line.trim_start();
        let rest = trimmed.strip_prefix("--").or_else(|| trimmed.strip_prefix('#'));
        let Some(caret) = rest.and_then(|r| r.find('^').map(|_| line.find('^'))).flatten() else {
            target = Some(i);
            continue;
        };
        let Some(on) = target else {
            return Err(format!("{path}:{i}: annotation before any line"));
        };
        let width = line[caret..].chars().take_while(|&c| c == '^').count();
        let what = line[caret + width..].trim().to_string();
        if what.is_empty() {
            return Err(format!("{path}:{i}: annotation without a code"));
        }
        let col = line[..caret].chars().count();
        out.push((path.to_string(), on, col, col + width, what));
    }
    Ok(out)
}

/// 0-based line and character column of byte `offset`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count())
}
