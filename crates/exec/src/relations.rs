//! The warehouse's tables and views, read once per command. Asking DuckDB about one name
//! costs a scan of its whole catalog (`information_schema.tables` or `duckdb_tables()`:
//! 10–36 ms on a 1,100-table database), so a run of 1,000 models reads the catalog once
//! and keeps the snapshot true itself: it knows what each model's step created or dropped,
//! and asks DuckDB again about a model only when its step failed half-way.

use std::{collections::HashMap, sync::Mutex};

use duckdb::Connection;

use crate::duckdb::{Relation, relation};

pub struct Relations {
    known: Mutex<HashMap<String, Relation>>,
}

/// DuckDB resolves names case-insensitively.
fn key(parts: &[String; 3]) -> String {
    parts.iter().map(|p| p.to_lowercase()).collect::<Vec<_>>().join("\0")
}

impl Relations {
    /// Every table and view of every attached catalog (system views excluded).
    pub fn load(conn: &Connection) -> anyhow::Result<Relations> {
        let mut stmt = conn.prepare(
            "SELECT database_name, schema_name, table_name, false FROM duckdb_tables() \
             UNION ALL \
             SELECT database_name, schema_name, view_name, true FROM duckdb_views() \
             WHERE NOT internal",
        )?;
        let rows = stmt.query_map([], |r| {
            let parts = [r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?];
            let kind = if r.get::<_, bool>(3)? { Relation::View } else { Relation::Table };
            Ok((key(&parts), kind))
        })?;
        let known = rows.collect::<Result<HashMap<_, _>, _>>()?;
        Ok(Relations { known: Mutex::new(known) })
    }

    pub fn get(&self, parts: &[String; 3]) -> Option<Relation> {
        self.lock().get(&key(parts)).copied()
    }

    /// Records what a statement this process ran made of `parts`.
    pub fn set(&self, parts: &[String; 3], now: Option<Relation>) {
        let mut known = self.lock();
        match now {
            Some(r) => known.insert(key(parts), r),
            None => known.remove(&key(parts)),
        };
    }

    /// Asks the warehouse again, for a name whose state this process cannot know.
    pub fn refresh(&self, conn: &Connection, parts: &[String; 3]) -> anyhow::Result<()> {
        self.set(parts, relation(conn, parts)?);
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Relation>> {
        // The map is valid after any panic: every update is a single insert or remove.
        self.known.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_matches_the_catalog_and_follows_updates() -> anyhow::Result<()> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch(
            "CREATE SCHEMA s; CREATE TABLE s.\"Orders\" (a INT); \
             CREATE VIEW main.v AS SELECT 1 AS x",
        )?;
        let rel = Relations::load(&conn)?;
        let p = |c: &str, s: &str, n: &str| [c.to_owned(), s.to_owned(), n.to_owned()];
        assert_eq!(rel.get(&p("memory", "s", "orders")), Some(Relation::Table));
        assert_eq!(rel.get(&p("MEMORY", "MAIN", "V")), Some(Relation::View));
        assert_eq!(rel.get(&p("memory", "main", "tables")), None, "no system views");
        assert_eq!(rel.get(&p("memory", "main", "missing")), None);
        conn.execute_batch("DROP VIEW main.v; CREATE TABLE main.v (b INT)")?;
        rel.refresh(&conn, &p("memory", "main", "v"))?;
        assert_eq!(rel.get(&p("memory", "main", "v")), Some(Relation::Table));
        rel.set(&p("memory", "s", "orders"), None);
        assert_eq!(rel.get(&p("memory", "s", "orders")), None);
        Ok(())
    }
}
