//! `discover_duckdb` over a DuckDB file made here: every kind of column, a view, and the
//! catalogs and schemas it must leave out.

use std::path::PathBuf;

use exec::discover::discover_duckdb;
use exec::hir::catalog_snapshot::{parse, to_json};
use expect_test::expect;

/// A fresh path under the temp dir, removed again on drop.
struct TempDb(PathBuf);

impl TempDb {
    fn new(name: &str) -> TempDb {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let dir = std::env::temp_dir().join(format!("rocky-{name}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create a temp dir");
        TempDb(dir)
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn discovers_tables_and_views_of_a_duckdb_file() {
    let dir = TempDb::new("discover");
    let path = dir.0.join("playground.duckdb");
    {
        let conn = duckdb::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE SCHEMA raw__orders;
             CREATE SCHEMA raw__customers;
             CREATE TABLE raw__orders.orders (
                 id BIGINT NOT NULL,
                 amount DECIMAL(12,2),
                 status VARCHAR,
                 ordered_at TIMESTAMP NOT NULL,
                 tags VARCHAR[],
                 shipping STRUCT(city VARCHAR, zip INTEGER)
             );
             CREATE TABLE raw__customers.customers (customer_id INTEGER PRIMARY KEY, name VARCHAR);
             CREATE VIEW raw__orders.big_orders AS
                 SELECT id, amount FROM raw__orders.orders WHERE amount > 100;
             CREATE TABLE main.\"Zeta\" (z BOOLEAN);",
        )
        .unwrap();
    }
    let snapshot = discover_duckdb(Some(&path), "default").unwrap();
    let json = to_json(&snapshot);
    expect![[r#"
        {
          "version": 1,
          "adapter": "default",
          "tables": [
            {
              "catalog": "playground",
              "schema": "main",
              "table": "Zeta",
              "columns": [
                {"name": "z", "type": "BOOLEAN", "nullable": true}
              ]
            },
            {
              "catalog": "playground",
              "schema": "raw__customers",
              "table": "customers",
              "columns": [
                {"name": "customer_id", "type": "INTEGER", "nullable": false},
                {"name": "name", "type": "VARCHAR", "nullable": true}
              ]
            },
            {
              "catalog": "playground",
              "schema": "raw__orders",
              "table": "big_orders",
              "columns": [
                {"name": "id", "type": "BIGINT", "nullable": true},
                {"name": "amount", "type": "DECIMAL(12,2)", "nullable": true}
              ]
            },
            {
              "catalog": "playground",
              "schema": "raw__orders",
              "table": "orders",
              "columns": [
                {"name": "id", "type": "BIGINT", "nullable": false},
                {"name": "amount", "type": "DECIMAL(12,2)", "nullable": true},
                {"name": "status", "type": "VARCHAR", "nullable": true},
                {"name": "ordered_at", "type": "TIMESTAMP", "nullable": false},
                {"name": "tags", "type": "VARCHAR[]", "nullable": true},
                {"name": "shipping", "type": "STRUCT(city VARCHAR, zip INTEGER)", "nullable": true}
              ]
            }
          ]
        }
    "#]]
    .assert_eq(&json);
    assert_eq!(parse(&json), (snapshot, Vec::new()));
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let dir = TempDb::new("discover-missing");
    let path = dir.0.join("nowhere.duckdb");
    let err = discover_duckdb(Some(&path), "default").unwrap_err();
    assert!(format!("{err:#}").contains("does not exist; run the seed or `rocky run` first"));
    assert!(!path.exists(), "discovery must not create the file");
}

#[test]
fn in_memory_is_empty() {
    let snapshot = discover_duckdb(None, "mem").unwrap();
    assert_eq!(
        to_json(&snapshot),
        "{\n  \"version\": 1,\n  \"adapter\": \"mem\",\n  \"tables\": []\n}\n"
    );
}
