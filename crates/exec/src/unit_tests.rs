//! `[[test]]` unit tests (FORMAT.md §3): the model's query over given rows, compared with
//! the expected rows as a multiset (or in order with `ordered = true`). Each test gets a
//! fresh in-memory DuckDB holding only its given tables, under the names the query reads.

use std::collections::BTreeSet;

use anyhow::{Context, bail};
use hir::{
    config::{Row, UnitTest},
    syntax::Dialect,
};

use crate::{duckdb::Warehouse, model_tests::literal, quote};

/// Rows of a mismatch shown in a failure message.
const SHOWN: usize = 10;

/// Runs one unit test. `sql` is the model's query ready to run; `table_of` gives the
/// `[catalog, schema, table]` a `ref` is read under (a model's target, else the source
/// name, in the database's own catalog). `Ok(None)` is a pass; `Ok(Some(msg))` a failure.
pub fn run(
    test: &UnitTest,
    sql: &str,
    table_of: &dyn Fn(&str, &str) -> [String; 3],
) -> anyhow::Result<Option<String>> {
    let wh = Warehouse::open(None)?;
    let mut tables = Vec::new();
    for given in &test.given {
        let name = given.reference.as_ref().context("a `[[test.given]]` needs `ref`")?;
        tables.push((table_of(&name.value, &wh.catalog), &given.rows, &name.value));
    }
    wh.prepare_targets(tables.iter().map(|(t, _, _)| t))?;
    for (parts, rows, name) in &tables {
        let path = quote::path(&[&parts[0], &parts[1], &parts[2]], Dialect::DuckDb)?;
        wh.conn
            .execute_batch(&format!("CREATE TABLE {path} AS {}", values(rows)?))
            .with_context(|| format!("cannot create the given rows of `{name}`"))?;
    }
    let expect = test.expect.as_ref().context("the test has no `[test.expect]`")?;
    wh.conn
        .execute_batch(&format!("CREATE TEMP TABLE __rocky_actual AS\n{sql}\n"))
        .context("the model's query fails on the given rows")?;
    let columns = columns_of(&expect.rows);
    let actual_types: Vec<(String, String)> = {
        let mut stmt = wh.conn.prepare(
            "SELECT column_name, data_type FROM information_schema.columns \
             WHERE table_name = '__rocky_actual' ORDER BY ordinal_position",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    let mut act_cols = Vec::new();
    let mut exp_cols = Vec::new();
    for c in &columns {
        let Some((real, ty)) = actual_types.iter().find(|(n, _)| n.eq_ignore_ascii_case(c)) else {
            bail!("the model has no column `{c}`, which the expected rows name");
        };
        let q = quote::ident(real, Dialect::DuckDb)?;
        act_cols.push(format!("CAST({q} AS VARCHAR)"));
        // Expected values take the model's column type, so `10` meets `10.00`.
        exp_cols
            .push(format!("CAST(CAST({} AS {ty}) AS VARCHAR)", quote::ident(c, Dialect::DuckDb)?));
    }
    let fetch = |sql: String| -> anyhow::Result<Vec<String>> {
        let mut stmt = wh.conn.prepare(&sql)?;
        let n = columns.len();
        let rows = stmt.query_map([], |r| {
            (0..n)
                .map(|i| Ok(r.get::<_, Option<String>>(i)?.unwrap_or_else(|| "NULL".into())))
                .collect::<Result<Vec<_>, duckdb::Error>>()
                .map(|cells| cells.join(" | "))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    };
    let mut actual = fetch(format!("SELECT {} FROM __rocky_actual", act_cols.join(", ")))?;
    wh.conn.execute_batch(&format!(
        "CREATE TEMP TABLE __rocky_expected AS {}",
        values(&expect.rows)?
    ))?;
    let mut expected = fetch(format!("SELECT {} FROM __rocky_expected", exp_cols.join(", ")))
        .context("an expected value does not convert to the model's column type")?;
    if !test.ordered {
        actual.sort();
        expected.sort();
    }
    if actual == expected {
        return Ok(None);
    }
    let header = columns.join(" | ");
    let mut msg = format!(
        "rows differ ({} expected, {} produced); columns: {header}",
        expected.len(),
        actual.len()
    );
    if test.ordered {
        msg.push_str(&format!(
            "\n  expected: {:?}\n  produced: {:?}",
            first(&expected),
            first(&actual)
        ));
    } else {
        let (missing, extra) = multiset_diff(&expected, &actual);
        if !missing.is_empty() {
            msg.push_str(&format!("\n  missing:    {:?}", first(&missing)));
        }
        if !extra.is_empty() {
            msg.push_str(&format!("\n  unexpected: {:?}", first(&extra)));
        }
    }
    Ok(Some(msg))
}

fn first(rows: &[String]) -> &[String] {
    &rows[..rows.len().min(SHOWN)]
}

fn multiset_diff(want: &[String], got: &[String]) -> (Vec<String>, Vec<String>) {
    let mut extra: Vec<String> = got.to_vec();
    let mut missing = Vec::new();
    for w in want {
        match extra.iter().position(|g| g == w) {
            Some(i) => {
                extra.remove(i);
            }
            None => missing.push(w.clone()),
        }
    }
    (missing, extra)
}

/// The columns any row names, in first-seen order.
fn columns_of(rows: &[Row]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for r in rows {
        for k in r.values.keys() {
            if seen.insert(k.to_lowercase()) {
                out.push(k.clone());
            }
        }
    }
    out
}

/// `SELECT * FROM (VALUES ..) AS t(cols)`; a value a row lacks is NULL.
fn values(rows: &[Row]) -> anyhow::Result<String> {
    let columns = columns_of(rows);
    if rows.is_empty() || columns.is_empty() {
        bail!("rows must hold at least one row with one column (their types come from the values)");
    }
    let mut tuples = Vec::new();
    for r in rows {
        let mut cells = Vec::new();
        for c in &columns {
            cells.push(match r.values.iter().find(|(k, _)| k.eq_ignore_ascii_case(c)) {
                Some((_, v)) => literal(&v.value)?,
                None => "NULL".to_owned(),
            });
        }
        tuples.push(format!("({})", cells.join(", ")));
    }
    let names =
        columns.iter().map(|c| quote::ident(c, Dialect::DuckDb)).collect::<Result<Vec<_>, _>>()?;
    Ok(format!(
        "SELECT * FROM (VALUES {}) AS __rocky_rows({})",
        tuples.join(", "),
        names.join(", ")
    ))
}
