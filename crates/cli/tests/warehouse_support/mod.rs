//! What the warehouse tests share: rows of a DuckDB query as text, and partition states
//! from `rocky state` JSON.

use duckdb::Connection;

/// Each row of `sql` as `a|b|c` (NULL spelled `NULL`), in the query's order.
pub fn rows(conn: &Connection, sql: &str) -> Vec<String> {
    let sql = format!("SELECT COLUMNS(*)::VARCHAR FROM ({sql}) AS __t");
    let mut stmt = conn.prepare(&sql).unwrap_or_else(|e| panic!("{e}\n{sql}"));
    let mut rows = stmt.query([]).expect("query");
    let mut out = Vec::new();
    while let Some(row) = rows.next().expect("row") {
        let n = row.as_ref().column_count();
        let cells: Vec<String> = (0..n)
            .map(|i| {
                row.get::<_, Option<String>>(i).expect("cell").unwrap_or_else(|| "NULL".into())
            })
            .collect();
        out.push(cells.join("|"));
    }
    out
}

/// `KEY Status` for each partition of `model` in `rocky state -o json` output.
pub fn partitions(state: &serde_json::Value, model: &str) -> Vec<String> {
    state["partitions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["model"] == model)
        .map(|p| {
            format!(
                "{} {}",
                p["partition"].as_str().unwrap_or(""),
                p["record"]["status"].as_str().unwrap_or("")
            )
        })
        .collect()
}
