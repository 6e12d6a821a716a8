//! Statements per materialization (FORMAT.md §3, Strategies). Each function returns the
//! statements of one step, which the runner executes in one transaction; every name goes
//! through [`quote::ident`], every query is the model's rendered SELECT.

use hir::syntax::Dialect;

use crate::{
    quote::{self, UnsafeIdent},
    render::Window,
};

/// Statements of one transactional step.
pub type Step = Vec<String>;

/// Alias of the target inside MERGE / UPDATE / DELETE statements.
const T: &str = "__rocky_target";
/// Alias of the new rows.
const S: &str = "__rocky_source";
/// Per-connection temporary table holding a model's new rows while they are applied.
const STAGE: &str = "__rocky_stage";

fn id(name: &str) -> Result<String, UnsafeIdent> {
    quote::ident(name, Dialect::DuckDb)
}

/// `a.k1 <op> b.k1 AND a.k2 <op> b.k2 ...`: rows of `a` and `b` with equal keys.
fn keys_match(keys: &[String], a: &str, op: &str, b: &str) -> Result<String, UnsafeIdent> {
    Ok(keys
        .iter()
        .map(|k| Ok(format!("{a}.{k} {op} {b}.{k}", k = id(k)?)))
        .collect::<Result<Vec<_>, UnsafeIdent>>()?
        .join(" AND "))
}

/// `CREATE OR REPLACE TABLE t AS <sql>` (full refresh; first run of the others).
pub fn replace_table(target: &str, sql: &str) -> Step {
    vec![format!("CREATE OR REPLACE TABLE {target} AS\n{sql}\n")]
}

pub fn replace_view(target: &str, sql: &str) -> Step {
    vec![format!("CREATE OR REPLACE VIEW {target} AS\n{sql}\n")]
}

/// Inserts the rows newer than the table's own watermark, read in the same statement: a
/// crash between this commit and the state store's never inserts a row twice.
pub fn incremental_insert(target: &str, sql: &str, ts: &str) -> Result<Step, UnsafeIdent> {
    let ts = id(ts)?;
    Ok(vec![format!(
        "INSERT INTO {target} BY NAME\nSELECT * FROM (\n{sql}\n) AS {S}\n\
         WHERE (SELECT max({ts}) FROM {target}) IS NULL\n   OR {S}.{ts} > (SELECT max({ts}) FROM {target})"
    )])
}

/// `MERGE INTO t USING (<sql>) ON keys WHEN MATCHED UPDATE .. WHEN NOT MATCHED INSERT`.
pub fn merge(
    target: &str,
    sql: &str,
    keys: &[String],
    update_columns: &[String],
) -> Result<Step, UnsafeIdent> {
    let on = keys_match(keys, T, "=", S)?;
    let set = update_columns
        .iter()
        .map(|c| Ok(format!("{c} = {S}.{c}", c = id(c)?)))
        .collect::<Result<Vec<_>, UnsafeIdent>>()?
        .join(", ");
    let matched = if set.is_empty() {
        String::new()
    } else {
        format!("WHEN MATCHED THEN UPDATE SET {set}\n")
    };
    Ok(vec![format!(
        "MERGE INTO {target} AS {T}\nUSING (\n{sql}\n) AS {S}\nON {on}\n{matched}WHEN NOT MATCHED THEN INSERT BY NAME"
    )])
}

/// An empty table with the query's columns (first run of a time-partitioned model).
pub fn create_empty(target: &str, sql: &str) -> Step {
    vec![format!(
        "CREATE TABLE IF NOT EXISTS {target} AS\nSELECT * FROM (\n{sql}\n) AS {S}\nLIMIT 0"
    )]
}

/// One window of a time-partitioned model: delete it, insert it again, atomically. Only
/// rows inside the window are inserted, so windows never overlap.
pub fn replace_window(
    target: &str,
    sql: &str,
    time_column: &str,
    w: &Window,
) -> Result<Step, UnsafeIdent> {
    let tc = id(time_column)?;
    Ok(vec![
        format!(
            "DELETE FROM {target} WHERE {tc} >= {start} AND {tc} < {end}",
            start = w.start,
            end = w.end
        ),
        format!(
            "INSERT INTO {target} BY NAME\nSELECT * FROM (\n{sql}\n) AS {S}\nWHERE {S}.{tc} >= {start} AND {S}.{tc} < {end}",
            start = w.start,
            end = w.end
        ),
    ])
}

/// Replaces the partitions present in the new rows (NULL partition values included).
pub fn delete_insert(
    target: &str,
    sql: &str,
    partition_by: &[String],
) -> Result<Step, UnsafeIdent> {
    let same = keys_match(partition_by, S, "IS NOT DISTINCT FROM", T)?;
    Ok(vec![
        format!("CREATE OR REPLACE TEMP TABLE {STAGE} AS\n{sql}\n"),
        format!(
            "DELETE FROM {target} AS {T} WHERE EXISTS (SELECT 1 FROM {STAGE} AS {S} WHERE {same})"
        ),
        format!("INSERT INTO {target} BY NAME SELECT * FROM {STAGE}"),
        format!("DROP TABLE {STAGE}"),
    ])
}

/// First run of a snapshot: every row opens a version.
pub fn snapshot_create(target: &str, sql: &str, updated_at: &str) -> Result<Step, UnsafeIdent> {
    let u = id(updated_at)?;
    Ok(vec![format!(
        "CREATE TABLE {target} AS\nSELECT {S}.*, {S}.{u} AS valid_from, CASE WHEN false THEN {S}.{u} END AS valid_to\n\
         FROM (\n{sql}\n) AS {S}"
    )])
}

/// SCD2: close the open version of every key whose `updated_at` advanced, open a version
/// for every key with no open one (new, changed or back after a delete), and, when asked,
/// close the versions of keys gone from the source at `now`.
pub fn snapshot_apply(
    target: &str,
    sql: &str,
    keys: &[String],
    updated_at: &str,
    invalidate_hard_deletes: bool,
    now: &str,
) -> Result<Step, UnsafeIdent> {
    let u = id(updated_at)?;
    let join = |a: &str, b: &str| keys_match(keys, a, "=", b);
    let mut step = vec![
        format!("CREATE OR REPLACE TEMP TABLE {STAGE} AS\n{sql}\n"),
        format!(
            "UPDATE {target} AS {T} SET valid_to = {S}.{u}\nFROM {STAGE} AS {S}\n\
             WHERE {on} AND {T}.valid_to IS NULL AND {S}.{u} > {T}.{u}",
            on = join(T, S)?
        ),
        format!(
            "INSERT INTO {target} BY NAME\nSELECT {S}.*, {S}.{u} AS valid_from, CASE WHEN false THEN {S}.{u} END AS valid_to\n\
             FROM {STAGE} AS {S}\nWHERE NOT EXISTS (SELECT 1 FROM {target} AS {T} WHERE {on} AND {T}.valid_to IS NULL)",
            on = join(T, S)?
        ),
    ];
    if invalidate_hard_deletes {
        step.push(format!(
            "UPDATE {target} AS {T} SET valid_to = {now}\n\
             WHERE {T}.valid_to IS NULL AND NOT EXISTS (SELECT 1 FROM {STAGE} AS {S} WHERE {on})",
            on = join(S, T)?
        ));
    }
    step.push(format!("DROP TABLE {STAGE}"));
    Ok(step)
}

/// Databricks, Snowflake and BigQuery spell a materialized view alike.
pub fn materialized_view(target: &str, sql: &str, dialect: Dialect) -> Result<Step, String> {
    match dialect {
        Dialect::Databricks | Dialect::Snowflake | Dialect::BigQuery => {
            Ok(vec![format!("CREATE OR REPLACE MATERIALIZED VIEW {target} AS\n{sql}\n")])
        }
        _ => Err("materialized_view needs Databricks, Snowflake or BigQuery; DuckDB has no \
                  materialized views (use `table` or `view`)"
            .to_owned()),
    }
}

/// Snowflake's dynamic table, refreshed by Snowflake within `target_lag`.
pub fn dynamic_table(
    target: &str,
    sql: &str,
    target_lag: &str,
    warehouse: Option<&str>,
    dialect: Dialect,
) -> Result<Step, String> {
    if dialect != Dialect::Snowflake {
        return Err("dynamic_table is a Snowflake feature; this warehouse has none".to_owned());
    }
    let lag = quote::string_literal(target_lag).map_err(|e| e.to_string())?;
    let wh = match warehouse {
        Some(w) => format!(" WAREHOUSE = {}", quote::ident(w, dialect).map_err(|e| e.to_string())?),
        None => String::new(),
    };
    Ok(vec![format!("CREATE OR REPLACE DYNAMIC TABLE {target} TARGET_LAG = {lag}{wh} AS\n{sql}\n")])
}
