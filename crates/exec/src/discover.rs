//! Source-schema discovery: the tables and views of a DuckDB file, as the catalog snapshot
//! `rocky discover` commits so compile can type sources offline.

use std::{collections::BTreeMap, path::Path};

use anyhow::{Context, bail};
use duckdb::{AccessMode, Config, Connection};
use hir::catalog_snapshot::{CatalogSnapshot, ColumnSchema, TableSchema};

/// Every column of every base table and view, in ordinal order, without DuckDB's own
/// catalogs (`system`, `temp`) and schemas (`information_schema`, `pg_catalog`).
const COLUMNS_QUERY: &str = "
SELECT c.table_catalog, c.table_schema, c.table_name, c.column_name, c.data_type,
       c.is_nullable, c.ordinal_position
FROM information_schema.columns AS c
JOIN information_schema.tables AS t
  ON t.table_catalog = c.table_catalog
 AND t.table_schema = c.table_schema
 AND t.table_name = c.table_name
WHERE t.table_type IN ('BASE TABLE', 'VIEW')
  AND c.table_catalog NOT IN ('system', 'temp')
  AND c.table_schema NOT IN ('information_schema', 'pg_catalog')
";

/// Reads the source schemas of the DuckDB file at `db_path`, opened read-only so a
/// discovery never changes (or locks for writing) the warehouse. `None` is an in-memory
/// database, which has no tables before a run: an empty snapshot and a note on stderr.
pub fn discover_duckdb(
    db_path: Option<&Path>,
    adapter_name: &str,
) -> anyhow::Result<CatalogSnapshot> {
    let Some(path) = db_path else {
        eprintln!(
            "note: adapter `{adapter_name}` is an in-memory DuckDB, which holds no tables to \
             discover; give it a `path` to discover its sources"
        );
        return Ok(CatalogSnapshot::empty(adapter_name));
    };
    // DuckDB would create a missing file even in read-only mode on some versions, and fail
    // with a less helpful message on others: check first.
    if !path.is_file() {
        bail!(
            "the DuckDB file `{}` does not exist; run the seed or `rocky run` first",
            path.display()
        );
    }
    let config = Config::default()
        .access_mode(AccessMode::ReadOnly)
        .context("cannot configure a read-only DuckDB connection")?;
    let conn = Connection::open_with_flags(path, config)
        .with_context(|| format!("cannot open `{}` read-only", path.display()))?;
    let snapshot = read_columns(&conn, adapter_name)
        .with_context(|| format!("cannot read the schemas of `{}`", path.display()))?;
    Ok(snapshot)
}

/// The tables `seed_sql` creates, as an in-memory DuckDB reports them after running it
/// (`rocky compile --with-seed`): exact types where reading the statements cannot tell,
/// such as the columns of `CREATE TABLE .. AS SELECT i FROM range(10) t(i)`.
pub fn seed_catalog(seed_sql: &str) -> anyhow::Result<CatalogSnapshot> {
    let conn = Connection::open_in_memory().context("cannot open an in-memory DuckDB")?;
    conn.execute_batch(seed_sql).context("the seed fails on DuckDB")?;
    read_columns(&conn, "seed")
}

fn read_columns(conn: &Connection, adapter_name: &str) -> anyhow::Result<CatalogSnapshot> {
    let mut stmt = conn.prepare(COLUMNS_QUERY)?;
    let mut rows = stmt.query([])?;
    // Grouped and ordered here rather than by SQL: the file promises Rust's byte order,
    // whatever collation the database uses.
    let mut tables: BTreeMap<(String, String, String), Vec<(i64, ColumnSchema)>> = BTreeMap::new();
    while let Some(row) = rows.next()? {
        let key = (row.get(0)?, row.get(1)?, row.get(2)?);
        let column = ColumnSchema {
            name: row.get(3)?,
            ty: row.get(4)?,
            // information_schema spells it YES / NO; anything else is taken as nullable,
            // the safe side for type checking.
            nullable: row.get::<_, String>(5)? != "NO",
        };
        let ordinal: i64 = row.get(6)?;
        tables.entry(key).or_default().push((ordinal, column));
    }
    let mut snapshot = CatalogSnapshot::empty(adapter_name);
    snapshot.tables = tables
        .into_iter()
        .map(|((catalog, schema, table), mut columns)| {
            columns.sort_by_key(|&(ordinal, _)| ordinal);
            let columns = columns.into_iter().map(|(_, c)| c).collect();
            TableSchema { catalog, schema, table, columns }
        })
        .collect();
    Ok(snapshot)
}
