//! Whole projects whose sources or text once produced false diagnostics: seed views and
//! altered tables, a half-parsable seed, constraint-looking defaults, manual tables without
//! columns, a byte-order mark, and name errors inside a model that does not parse.

use expect_test::{Expect, expect};

use super::load;
use crate::{RootDatabase, check::all_diagnostics};

/// Every diagnostic of the project, one per line: code, file, the text it points at.
fn check(fixture: &str, expect: Expect) {
    let db = RootDatabase::default();
    let _ = load(&db, fixture);
    let mut out = String::new();
    for d in all_diagnostics(&db) {
        let (path, at) = match d.file {
            Some(f) => {
                let text = f.text(&db);
                let r = usize::from(d.range.start())..usize::from(d.range.end());
                (f.path(&db).to_string(), text.get(r).unwrap_or("").to_string())
            }
            None => (String::new(), String::new()),
        };
        out.push_str(&format!("{} {path} `{at}` {}\n", d.code.as_str(), d.message));
    }
    expect.assert_eq(&out);
}

const CONFIG: &str = r#"
//- rocky.toml
[adapter]
type = "duckdb"
[pipeline]
type = "transformation"
models = "models/**"
//- models/_defaults.toml
[target]
catalog = "c"
schema = "main"
"#;

#[test]
fn seed_views_altered_tables_and_defaults() {
    check(
        &format!(
            "{CONFIG}{}",
            r#"
//- data/seed.sql
CREATE SCHEMA raw;
CREATE TABLE raw.a (id INT NOT NULL, note VARCHAR DEFAULT 'NOT NULL');
ALTER TABLE raw.a ADD COLUMN added INT;
CREATE TABLE raw.b (id INT PRIMARY KEY, x INT);
CREATE VIEW raw.av AS SELECT id FROM raw.a;
//- models/m.sql
SELECT a.id, a.added, av.anything, b.x FROM raw.a AS a JOIN raw.av AS av USING (id) JOIN raw.b AS b USING (id)
//- models/m.toml
//- models/n.sql
SELECT b.nope FROM raw.b AS b
//- models/n.toml
"#
        ),
        expect![[r#"
            E120 models/n.sql `nope` unknown column `nope` in `b`
        "#]],
    );
}

#[test]
fn a_seed_that_does_not_parse_leaves_its_tables_open() {
    check(
        &format!(
            "{CONFIG}{}",
            r#"
//- data/seed.sql
CREATE SCHEMA raw;
CREATE TABLE raw.u (id INT, v UNION(a INT, b VARCHAR), later INT);
//- models/m.sql
SELECT id, later FROM raw.u
//- models/m.toml
"#
        ),
        expect![""],
    );
}

#[test]
fn a_manual_table_without_columns_is_open() {
    check(
        r#"
//- rocky.toml
[adapter.crm]
type = "manual"
[[adapter.crm.tables]]
schema = "crm"
table = "people"
[[adapter.crm.tables]]
schema = "crm"
table = "accounts"
columns = [{ name = "id", type = "BIGINT" }]
[pipeline]
type = "transformation"
models = "models/**"
//- models/_defaults.toml
[target]
catalog = "c"
schema = "main"
//- models/m.sql
SELECT p.anything, a.nope FROM crm.people AS p, crm.accounts AS a
//- models/m.toml
"#,
        expect![[r#"
            E120 models/m.sql `nope` unknown column `nope` in `a`
        "#]],
    );
}

#[test]
fn a_byte_order_mark_is_not_a_syntax_error() {
    check(
        &format!("{CONFIG}//- models/m.sql\n\u{feff}SELECT 1 AS bom\n//- models/m.toml\n"),
        expect![""],
    );
}

#[test]
fn no_name_errors_where_the_model_does_not_parse() {
    check(
        &format!(
            "{CONFIG}{}",
            r#"
//- data/seed.sql
CREATE SCHEMA raw;
CREATE TABLE raw.orders (order_id INT, amount INT);
//- models/m.sql
SELECT order_id FROM WHERE amount > 1
//- models/m.toml
//- models/typing.sql
SELECT o. FROM raw.orders o
//- models/typing.toml
"#
        ),
        expect![[r#"
            E100 models/m.sql `WHERE` expected a table, found WHERE
            E100 models/typing.sql `.` expected `;` or end of input
        "#]],
    );
}
