//! `rocky compare`: each model's shadow table (`rocky run --shadow`) against its
//! production table: columns, row counts, and the rows only one side holds (a multiset
//! difference over the common columns).

use duckdb::Connection;
use hir::syntax::Dialect;
use serde::Serialize;

use crate::{
    duckdb::{columns, relation},
    quote,
};

#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub model: String,
    pub production: String,
    pub shadow: String,
    /// `same`, `different`, `no_shadow`, `no_production`.
    pub verdict: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub columns_only_in_production: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub columns_only_in_shadow: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub type_changes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub production_rows: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shadow_rows: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows_only_in_production: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows_only_in_shadow: Option<u64>,
}

fn count(conn: &Connection, sql: &str) -> anyhow::Result<u64> {
    Ok(conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
}

pub fn compare(
    conn: &Connection,
    model: &str,
    prod: &[String; 3],
    shadow: &[String; 3],
) -> anyhow::Result<Comparison> {
    let mut c = Comparison {
        model: model.to_owned(),
        production: prod.join("."),
        shadow: shadow.join("."),
        verdict: "same",
        columns_only_in_production: Vec::new(),
        columns_only_in_shadow: Vec::new(),
        type_changes: Vec::new(),
        production_rows: None,
        shadow_rows: None,
        rows_only_in_production: None,
        rows_only_in_shadow: None,
    };
    if relation(conn, shadow)?.is_none() {
        c.verdict = "no_shadow";
        return Ok(c);
    }
    if relation(conn, prod)?.is_none() {
        c.verdict = "no_production";
        return Ok(c);
    }
    let p_cols = columns(conn, prod)?;
    let s_cols = columns(conn, shadow)?;
    let mut common = Vec::new();
    for (name, ty, _) in &p_cols {
        match s_cols.iter().find(|(n, _, _)| n.eq_ignore_ascii_case(name)) {
            Some((_, sty, _)) => {
                if sty != ty {
                    c.type_changes.push(format!("{name}: {ty} -> {sty}"));
                }
                common.push(quote::ident(name, Dialect::DuckDb)?);
            }
            None => c.columns_only_in_production.push(name.clone()),
        }
    }
    for (name, _, _) in &s_cols {
        if !p_cols.iter().any(|(n, _, _)| n.eq_ignore_ascii_case(name)) {
            c.columns_only_in_shadow.push(name.clone());
        }
    }
    let p = quote::path(&[&prod[0], &prod[1], &prod[2]], Dialect::DuckDb)?;
    let s = quote::path(&[&shadow[0], &shadow[1], &shadow[2]], Dialect::DuckDb)?;
    c.production_rows = Some(count(conn, &format!("SELECT count(*) FROM {p}"))?);
    c.shadow_rows = Some(count(conn, &format!("SELECT count(*) FROM {s}"))?);
    if !common.is_empty() {
        let cols = common.join(", ");
        c.rows_only_in_production = Some(count(
            conn,
            &format!(
                "SELECT count(*) FROM (SELECT {cols} FROM {p} EXCEPT ALL SELECT {cols} FROM {s})"
            ),
        )?);
        c.rows_only_in_shadow = Some(count(
            conn,
            &format!(
                "SELECT count(*) FROM (SELECT {cols} FROM {s} EXCEPT ALL SELECT {cols} FROM {p})"
            ),
        )?);
    }
    let differs = !c.columns_only_in_production.is_empty()
        || !c.columns_only_in_shadow.is_empty()
        || !c.type_changes.is_empty()
        || c.production_rows != c.shadow_rows
        || c.rows_only_in_production.unwrap_or(0) > 0
        || c.rows_only_in_shadow.unwrap_or(0) > 0;
    if differs {
        c.verdict = "different";
    }
    Ok(c)
}
