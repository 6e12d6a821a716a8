//! Schema drift: a model's compiled columns against the table the warehouse holds. Safe
//! widening (Int32 → Int64, Float32 → Float64, decimal and string growth, numbers to
//! String) is applied with `ALTER TABLE`; new columns are added; removed columns are kept
//! (NULL for new rows); any other type change rebuilds a stateful model in full, since its
//! rows cannot be converted in place.

use duckdb::Connection;
use hir::{syntax::Dialect, ty::Ty};
use serde::Serialize;

use crate::{
    duckdb::{Relation, columns},
    plan::{Materialization, ModelPlan},
    quote,
};

#[derive(Debug, Clone, Serialize)]
pub struct ColumnDrift {
    pub column: String,
    /// `widened`, `changed`, `added`, `removed`.
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Drift {
    pub model: String,
    pub target: String,
    pub changes: Vec<ColumnDrift>,
    /// `alter`, `full_refresh`, `none` (a full-refresh model is rebuilt anyway).
    pub action: &'static str,
    /// The `ALTER TABLE` statements of `alter`.
    pub statements: Vec<String>,
}

/// Keeps what every existing row holds: the lattice's widening plus any number to text.
fn safe(from: &Ty, to: &Ty) -> bool {
    from.widens_to(to)
        || (matches!(to, Ty::String) && (from.is_numeric() || matches!(from, Ty::String)))
}

/// The drift of model `m`, whose target is `existing` in the warehouse; `None` when it has
/// no table yet, is not a table, or its columns are not all known.
pub fn detect(
    conn: &Connection,
    m: &ModelPlan,
    existing: Option<Relation>,
) -> anyhow::Result<Option<Drift>> {
    let Some(compiled) = &m.signature else { return Ok(None) };
    if matches!(m.strategy, None | Some(Materialization::Ephemeral | Materialization::View))
        || existing != Some(Relation::Table)
    {
        return Ok(None);
    }
    // Snapshot tables carry their own validity columns.
    let own = |c: &str| {
        matches!(m.strategy, Some(Materialization::Snapshot { .. }))
            && matches!(c, "valid_from" | "valid_to")
    };
    let actual = columns(conn, &m.target_parts)?;
    // Where compile could not type a column (a source with no known schema), DuckDB's own
    // DESCRIBE of the query says.
    let mut compiled = compiled.clone();
    if compiled.iter().any(|(_, t)| t.is_unknown())
        && let Some(sql) = m.sql_for_window(&crate::render::Window::all_time())
        && let Ok(described) = describe(conn, &sql)
    {
        for (name, ty) in compiled.iter_mut().filter(|(_, t)| t.is_unknown()) {
            if let Some((_, t)) = described.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
                *ty = Ty::from_sql(t);
            }
        }
    }
    let compiled = &compiled;
    let mut changes = Vec::new();
    let mut statements = Vec::new();
    let mut rebuild = false;
    let target = &m.target_sql;
    for (name, ty) in compiled {
        let Some((real, actual_ty, _)) =
            actual.iter().find(|(a, _, _)| a.eq_ignore_ascii_case(name))
        else {
            changes.push(ColumnDrift {
                column: name.clone(),
                kind: "added",
                from: None,
                to: Some(ty.to_string()),
            });
            if !ty.is_unknown() {
                statements.push(format!(
                    "ALTER TABLE {target} ADD COLUMN {} {}",
                    quote::ident(name, Dialect::DuckDb)?,
                    ty.duckdb_name()
                ));
            } else {
                rebuild = true;
            }
            continue;
        };
        let have = Ty::from_sql(actual_ty);
        if ty.is_unknown() || have.is_unknown() || have == *ty {
            continue;
        }
        if safe(&have, ty) {
            changes.push(ColumnDrift {
                column: real.clone(),
                kind: "widened",
                from: Some(have.to_string()),
                to: Some(ty.to_string()),
            });
            statements.push(format!(
                "ALTER TABLE {target} ALTER COLUMN {} SET DATA TYPE {}",
                quote::ident(real, Dialect::DuckDb)?,
                ty.duckdb_name()
            ));
        } else {
            changes.push(ColumnDrift {
                column: real.clone(),
                kind: "changed",
                from: Some(have.to_string()),
                to: Some(ty.to_string()),
            });
            rebuild = true;
        }
    }
    for (real, actual_ty, _) in &actual {
        if !own(real) && !compiled.iter().any(|(c, _)| c.eq_ignore_ascii_case(real)) {
            changes.push(ColumnDrift {
                column: real.clone(),
                kind: "removed",
                from: Some(Ty::from_sql(actual_ty).to_string()),
                to: None,
            });
        }
    }
    if changes.is_empty() {
        return Ok(None);
    }
    let action = if matches!(m.strategy, Some(Materialization::FullRefresh)) {
        statements.clear();
        "none"
    } else if rebuild {
        statements.clear();
        "full_refresh"
    } else if statements.is_empty() {
        "none"
    } else {
        "alter"
    };
    Ok(Some(Drift { model: m.name.clone(), target: m.target.clone(), changes, action, statements }))
}

/// The columns a query returns, as DuckDB types them (nothing runs).
fn describe(conn: &Connection, sql: &str) -> anyhow::Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare(&format!("DESCRIBE SELECT * FROM (\n{sql}\n) AS __rocky_query"))?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
