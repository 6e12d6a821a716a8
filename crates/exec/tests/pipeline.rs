//! The `.rocky` semantics test: every program of `test_data/pipeline/ok/` is lowered to
//! SQL and run on DuckDB over `test_data/pipeline/seed.sql`, next to its hand-written SQL
//! twin (`NAME.sql`); both must return the same multiset of rows, NULLs included, and at
//! least one row (an empty result would prove nothing).

#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};

use duckdb::{Connection, types::Value};
use hir::syntax::{self, Dialect};

fn pipeline_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test_data/pipeline")
}

fn rows(conn: &Connection, sql: &str) -> Result<Vec<String>, String> {
    let mut stmt = conn.prepare(sql).map_err(|e| e.to_string())?;
    let mut rows = stmt.query([]).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(|e| e.to_string())? {
        let n = row.as_ref().column_count();
        let vals: Vec<String> = (0..n)
            .map(|i| row.get::<_, Value>(i).map(|v| format!("{v:?}")).unwrap_or_default())
            .collect();
        out.push(vals.join(" | "));
    }
    out.sort();
    Ok(out)
}

#[test]
fn pipelines_return_what_their_sql_twins_return() {
    let dir = pipeline_dir();
    let seed = std::fs::read_to_string(dir.join("seed.sql")).expect("seed.sql");
    let conn = Connection::open_in_memory().expect("in-memory DuckDB");
    conn.execute_batch(&seed).expect("seeding");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("ok"))
        .expect("pipeline/ok")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rocky"))
        .collect();
    files.sort();
    assert!(files.len() >= 60, "at least 60 programs, found {}", files.len());
    let mut failures = Vec::new();
    for file in &files {
        let name = file.file_stem().and_then(|s| s.to_str()).unwrap_or("?").to_string();
        let text = std::fs::read_to_string(file).expect("program");
        let twin = std::fs::read_to_string(file.with_extension("sql"))
            .unwrap_or_else(|_| panic!("{name}: no SQL twin {name}.sql"));
        let parse = syntax::pipeline::parse(&text);
        let lowered = hir::pipeline::lower(&parse.syntax_node(), Dialect::DuckDb);
        if !parse.errors().is_empty() || !lowered.errors.is_empty() {
            failures.push(format!("{name}: {:?} {:?}", parse.errors(), lowered.errors));
            continue;
        }
        let ours = rows(&conn, &lowered.sql);
        let theirs = rows(&conn, &twin);
        match (ours, theirs) {
            (Ok(a), Ok(b)) if a == b && !a.is_empty() => {}
            (Ok(a), Ok(b)) if a == b => failures.push(format!("{name}: both return no rows")),
            (Ok(a), Ok(b)) => failures.push(format!(
                "{name}: rows differ\n  pipeline SQL: {}\n  pipeline: {a:?}\n  twin:     {b:?}",
                lowered.sql.replace('\n', " ")
            )),
            (Err(e), _) => failures.push(format!(
                "{name}: the pipeline's SQL fails: {e}\n  {}",
                lowered.sql.replace('\n', " ")
            )),
            (_, Err(e)) => failures.push(format!("{name}: the twin fails: {e}")),
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
