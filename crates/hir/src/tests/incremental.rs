//! What an edit re-runs, read from salsa's execution events (as rust-analyzer's
//! `incremental.rs` tests do): the signature firewall and backdating at work.

use expect_test::{Expect, expect};
use salsa::Setter;

use super::{file, load};
use crate::{RootDatabase, check::all_diagnostics};

const PROJECT: &str = r#"
//- rocky.toml
[adapter]
type = "duckdb"
[pipeline]
type = "transformation"
models = "models/**"
//- data/seed.sql
CREATE SCHEMA raw;
CREATE TABLE raw.orders (id BIGINT NOT NULL, customer_id BIGINT, amount DECIMAL(12, 2));
//- models/_defaults.toml
[target]
catalog = "c"
schema = "main"
//- models/stg.sql
-- staging
SELECT id, customer_id, amount FROM raw.orders
//- models/stg.toml
//- models/mid.sql
SELECT customer_id, sum(amount) AS total FROM stg GROUP BY customer_id
//- models/mid.toml
//- models/top.sql
SELECT customer_id, total FROM mid
//- models/top.toml
//- models/other.sql
SELECT id FROM stg
//- models/other.toml
"#;

/// Applies one edit to `path` and shows the queries it re-ran, with their file.
fn check_edit(path: &str, new_text: &str, expect: Expect) {
    let mut db = RootDatabase::with_execution_log();
    let files = load(&db, PROJECT);
    let before = all_diagnostics(&db);
    assert!(before.is_empty(), "{before:#?}");
    db.take_execution_log();
    let f = file(&db, &files, path);
    f.set_text(&mut db).to(new_text.into());
    let _ = all_diagnostics(&db);
    let log = db.take_execution_log();
    let mut shown: Vec<String> = log
        .iter()
        .map(|entry| {
            let name = entry.split('(').next().unwrap_or(entry);
            let id =
                entry.split_once('(').and_then(|(_, rest)| rest.strip_suffix(')')).unwrap_or("");
            let which = files
                .iter()
                .find(|f| format!("{:?}", salsa::plumbing::AsId::as_id(*f)) == id)
                .map(|f| f.path(&db).to_string())
                .unwrap_or_default();
            if which.is_empty() { name.to_string() } else { format!("{name}({which})") }
        })
        .collect();
    shown.sort();
    shown.dedup();
    expect.assert_eq(&(shown.join("\n") + "\n"));
}

#[test]
fn editing_a_comment_reruns_nothing_downstream() {
    check_edit(
        "models/stg.sql",
        "-- staging, cleaned\nSELECT id, customer_id, amount FROM raw.orders\n",
        expect![[r#"
            frontmatter(models/stg.sql)
            model_diagnostics(models/stg.sql)
            model_signature(models/stg.sql)
            model_table_refs(models/stg.sql)
            model_words(models/stg.sql)
            resolve_model(models/stg.sql)
        "#]],
    );
}

#[test]
fn a_body_edit_that_keeps_the_columns_reruns_no_downstream_model() {
    check_edit(
        "models/mid.sql",
        "SELECT customer_id, sum(amount) AS total FROM stg WHERE amount > 0 GROUP BY customer_id\n",
        expect![[r#"
            frontmatter(models/mid.sql)
            model_words(models/mid.sql)
            possible_upstreams(models/mid.sql)
            resolve_model(models/mid.sql)
        "#]],
    );
}

#[test]
fn renaming_a_column_reruns_exactly_its_consumers() {
    check_edit(
        "models/mid.sql",
        "SELECT customer_id, sum(amount) AS revenue FROM stg GROUP BY customer_id\n",
        expect![[r#"
            frontmatter(models/mid.sql)
            model_diagnostics(models/mid.sql)
            model_diagnostics(models/top.sql)
            model_signature(models/mid.sql)
            model_table_refs(models/mid.sql)
            model_table_refs(models/top.sql)
            model_words(models/mid.sql)
            possible_upstreams(models/mid.sql)
            resolve_model(models/mid.sql)
            resolve_model(models/top.sql)
        "#]],
    );
}
