//! The DuckDB function catalog that `hir` types calls with is DuckDB's own
//! `duckdb_functions()`, read from the embedded DuckDB: this test fails when the committed
//! table and the linked DuckDB disagree, and `cargo xtask builtins` (or `UPDATE_EXPECT=1`
//! on this test) writes it anew.

use expect_test::expect_file;

/// One row per overload of every scalar, aggregate, window function and macro: name, kind,
/// return type, parameters (`name TYPE`, `|`-separated), varargs type, alias target,
/// description (only where it differs from the row above of the same name), and a
/// macro's definition. Whitespace inside texts is folded to one space, so a row is a line.
const QUERY: &str = r#"
SELECT DISTINCT
    function_name,
    function_type,
    coalesce(return_type, ''),
    array_to_string(
        list_transform(
            range(1, greatest(len(parameters), len(parameter_types)) + 1),
            lambda i: trim(coalesce(parameters[i], '') || ' ' || coalesce(parameter_types[i], ''))),
        '|'),
    coalesce(varargs, ''),
    coalesce(alias_of, ''),
    regexp_replace(coalesce(description, ''), '\s+', ' ', 'g'),
    regexp_replace(coalesce(macro_definition, ''), '\s+', ' ', 'g')
FROM duckdb_functions()
WHERE function_type IN ('scalar', 'aggregate', 'window', 'macro')
ORDER BY ALL
"#;

#[test]
fn duckdb_function_catalog_is_current() {
    let conn = duckdb::Connection::open_in_memory().expect("in-memory DuckDB");
    let version: String =
        conn.query_row("SELECT version()", [], |r| r.get(0)).expect("DuckDB version");
    let mut stmt = conn.prepare(QUERY).expect("catalog query");
    let rows = stmt
        .query_map([], |r| {
            let mut cols = Vec::with_capacity(8);
            for i in 0..8 {
                cols.push(r.get::<_, String>(i)?);
            }
            Ok(cols)
        })
        .expect("catalog rows");
    let mut out = format!(
        "# DuckDB {version} builtin functions, from duckdb_functions(); written by \
         `cargo xtask builtins`, do not edit.\n\
         # name\tkind\treturn\tparameters\tvarargs\talias_of\tdescription\tmacro\n"
    );
    let mut last: Option<(String, String)> = None;
    for row in rows {
        let mut cols = row.expect("catalog row");
        assert!(
            cols.iter().all(|c| !c.contains(['\t', '\n'])),
            "a catalog text holds a tab or newline: {cols:?}"
        );
        let key = (cols[0].clone(), cols[6].clone());
        if last.as_ref().is_some_and(|(name, desc)| *name == key.0 && *desc == key.1) {
            cols[6].clear();
        }
        last = Some(key);
        out.push_str(&cols.join("\t"));
        out.push('\n');
    }
    expect_file!["../../hir/src/builtins/duckdb.tsv"].assert_eq(&out);
}
