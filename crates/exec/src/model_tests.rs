//! Declarative `[[tests]]` of sidecars (FORMAT.md §3) as SQL that counts failing rows, and
//! the named tests of `test_definitions.toml`. Column names are quoted identifiers, values
//! are literals; the SQL a test holds by design (`expression`, `filter`, a named test's
//! `sql`) must be one expression or query, never a second statement.

use anyhow::{Context, bail};
use hir::{
    config::{DeclarativeTest, TestDefinitions, TestKind, TomlValue},
    syntax::Dialect,
};

use crate::quote;

fn id(name: &str) -> anyhow::Result<String> {
    Ok(quote::ident(name, Dialect::DuckDb)?)
}

/// A TOML value as a SQL literal.
pub fn literal(v: &TomlValue) -> anyhow::Result<String> {
    Ok(match v {
        TomlValue::String(s) => quote::string_literal(s)?,
        TomlValue::Integer(i) => i.to_string(),
        TomlValue::Float(f) => quote::value(&f.0.to_string())?,
        TomlValue::Boolean(b) => b.to_string(),
        TomlValue::Datetime(d) => {
            // TOML dates and times are typed: keep them typed in SQL.
            let ty = if d.len() == 10 {
                "DATE"
            } else if d.len() <= 15 && d.as_bytes().get(2) == Some(&b':') {
                "TIME"
            } else if d.ends_with('Z') || d.get(19..).is_some_and(|tail| tail.contains(['+', '-']))
            {
                "TIMESTAMPTZ"
            } else {
                "TIMESTAMP"
            };
            format!("{ty} {}", quote::string_literal(d)?)
        }
        TomlValue::Array(_) | TomlValue::Table(_) => bail!("a list or table is not a single value"),
    })
}

/// SQL written in config, checked to be one fragment: a `;` outside string literals and
/// quoted names would start a second statement.
pub fn fragment(sql: &str) -> anyhow::Result<&str> {
    let mut quote: Option<char> = None;
    for c in sql.chars() {
        match (quote, c) {
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ';') => {
                bail!("the SQL `{}` holds a `;`; a test is one expression or query", sql.trim())
            }
            _ => {}
        }
    }
    Ok(sql)
}

/// A human name for a test: `not_null(customer_id)`.
pub fn describe(t: &DeclarativeTest) -> String {
    let kind = t.kind.value.type_name();
    match (&t.column, &t.kind.value) {
        (Some(c), _) => format!("{kind}({})", c.value),
        (None, TestKind::Composite { columns }) => {
            format!(
                "{kind}({})",
                columns.iter().map(|c| c.value.as_str()).collect::<Vec<_>>().join(", ")
            )
        }
        _ => kind.to_owned(),
    }
}

/// The query counting the rows of `target` (quoted) that fail `t`. `resolve` gives the
/// quoted table a `relationships` test names (a model's target, else the name as a path).
pub fn failing_rows_sql(
    t: &DeclarativeTest,
    target: &str,
    definitions: &TestDefinitions,
    resolve: &dyn Fn(&str) -> anyhow::Result<String>,
) -> anyhow::Result<String> {
    let rows = match &t.filter {
        Some(f) => {
            format!("(SELECT * FROM {target} WHERE (\n{}\n)) AS __rocky_rows", fragment(&f.value)?)
        }
        None => format!("{target} AS __rocky_rows"),
    };
    let col = || -> anyhow::Result<String> {
        let c = t.column.as_ref().context("this test needs `column`")?;
        id(&c.value)
    };
    let count_where = |cond: String| format!("SELECT count(*) FROM {rows} WHERE {cond}");
    Ok(match &t.kind.value {
        TestKind::NotNull => count_where(format!("{} IS NULL", col()?)),
        TestKind::Unique => {
            let c = col()?;
            format!(
                "SELECT count(*) FROM (SELECT {c} FROM {rows} WHERE {c} IS NOT NULL GROUP BY {c} HAVING count(*) > 1)"
            )
        }
        TestKind::Composite { columns } => {
            if columns.is_empty() {
                bail!("composite needs `columns`");
            }
            let cs = columns
                .iter()
                .map(|c| id(&c.value))
                .collect::<anyhow::Result<Vec<_>>>()?
                .join(", ");
            format!(
                "SELECT count(*) FROM (SELECT {cs} FROM {rows} GROUP BY {cs} HAVING count(*) > 1)"
            )
        }
        TestKind::AcceptedValues { values } => {
            if values.is_empty() {
                bail!("accepted_values needs `values`");
            }
            let list = values
                .iter()
                .map(|v| literal(&v.value))
                .collect::<anyhow::Result<Vec<_>>>()?
                .join(", ");
            let c = col()?;
            count_where(format!("{c} IS NOT NULL AND {c} NOT IN ({list})"))
        }
        TestKind::Relationships { to_table, to_column } => {
            let table =
                resolve(&to_table.as_ref().context("relationships needs `to_table`")?.value)?;
            let to = id(&to_column.as_ref().context("relationships needs `to_column`")?.value)?;
            let c = col()?;
            count_where(format!(
                "{c} IS NOT NULL AND {c} NOT IN (SELECT {to} FROM {table} WHERE {to} IS NOT NULL)"
            ))
        }
        TestKind::Expression { expression } => {
            let e = expression.as_ref().context("expression needs `expression`")?;
            count_where(format!("NOT coalesce((\n{}\n), false)", fragment(&e.value)?))
        }
        TestKind::RowCountRange { min, max } => {
            let mut conds = Vec::new();
            if let Some(m) = min {
                conds.push(format!("n < {}", m.value));
            }
            if let Some(m) = max {
                conds.push(format!("n > {}", m.value));
            }
            if conds.is_empty() {
                bail!("row_count_range needs `min` or `max`");
            }
            format!(
                "SELECT CASE WHEN {} THEN 1 ELSE 0 END FROM (SELECT count(*) AS n FROM {rows})",
                conds.join(" OR ")
            )
        }
        TestKind::InRange { min, max } => {
            let c = col()?;
            let mut conds = Vec::new();
            if let Some(m) = min {
                conds.push(format!("{c} < {}", literal(&m.value)?));
            }
            if let Some(m) = max {
                conds.push(format!("{c} > {}", literal(&m.value)?));
            }
            if conds.is_empty() {
                bail!("in_range needs `min` or `max`");
            }
            count_where(format!("{c} IS NOT NULL AND ({})", conds.join(" OR ")))
        }
        TestKind::RegexMatch { pattern } => {
            let p = quote::string_literal(
                &pattern.as_ref().context("regex_match needs `pattern`")?.value,
            )?;
            let c = col()?;
            count_where(format!(
                "{c} IS NOT NULL AND NOT regexp_full_match(CAST({c} AS VARCHAR), {p})"
            ))
        }
        TestKind::Aggregate { op, cmp, value } => {
            let op = op.as_ref().context("aggregate needs `op`")?.value.to_ascii_lowercase();
            if !["sum", "avg", "min", "max", "count"].contains(&op.as_str()) {
                bail!("aggregate `op` must be sum, avg, min, max or count, not `{op}`");
            }
            let cmp = cmp.as_ref().context("aggregate needs `cmp`")?.value.clone();
            if !["=", "==", "!=", "<>", "<", "<=", ">", ">="].contains(&cmp.as_str()) {
                bail!("aggregate `cmp` must be one of = != < <= > >=, not `{cmp}`");
            }
            let cmp = if cmp == "==" { "=".to_owned() } else { cmp };
            let value = literal(&value.as_ref().context("aggregate needs `value`")?.value)?;
            format!(
                "SELECT CASE WHEN coalesce({op}({c}) {cmp} {value}, false) THEN 0 ELSE 1 END FROM {rows}",
                c = col()?
            )
        }
        TestKind::NotInFuture => count_where(format!("{} > CAST(now() AS TIMESTAMP)", col()?)),
        // Rows whose value is older than `days` days fail: the data must be recent.
        TestKind::OlderThanNDays { days } => {
            let days = days.as_ref().context("older_than_n_days needs `days`")?.value;
            count_where(format!("{} < CAST(now() AS TIMESTAMP) - INTERVAL ({days}) DAY", col()?))
        }
        TestKind::Named { name, args } => {
            let def = definitions
                .tests
                .get(name)
                .with_context(|| format!("no test named `{name}` in test_definitions.toml"))?;
            let sql =
                &def.sql.as_ref().with_context(|| format!("test `{name}` has no `sql`"))?.value;
            let mut sql = fragment(sql)?.replace("{model}", target);
            if let Some(c) = &t.column {
                sql = sql.replace("{column}", &id(&c.value)?);
            }
            for (k, v) in args {
                sql = sql.replace(&format!("{{{k}}}"), &literal(&v.value)?);
            }
            format!("SELECT count(*) FROM (\n{sql}\n)")
        }
    })
}
