//! The models a change affects: candidates from the words, kept only when they really read
//! an affected model.

use expect_test::{Expect, expect};

use super::load;

fn check_affected(fixture: &str, changed: &[&str], expect: Expect) {
    let f = load(fixture);
    let db = f.host.db();
    let pm = hir::project::project_model(db);
    let changed: Vec<usize> = changed
        .iter()
        .map(|n| pm.models.iter().position(|m| m.name.as_str() == *n).expect("a model"))
        .collect();
    let names: Vec<&str> = crate::affected_models(db, &changed)
        .into_iter()
        .map(|m| pm.models[m].name.as_str())
        .collect();
    expect.assert_eq(&names.join(" "));
}

const DAG: &str = "//- models/a.sql
SELECT order_id AS x FROM raw.orders
//- models/b.sql
SELECT x FROM a
//- models/c.sql
SELECT b.x FROM b JOIN raw.customers ON TRUE
//- models/e.sql
WITH c AS (SELECT 1 AS x) SELECT x FROM c
//- models/f.sql
SELECT x FROM c
//- models/words.sql
SELECT 1 AS a, 2 AS b
//- models/declared.sql
SELECT 1 AS y
//- models/declared.toml
depends_on = [\"a\"]
";

#[test]
fn downstream_through_sql_and_depends_on() {
    // `words` names `a` and `b` without reading them, and `e`'s CTE shadows model `c`:
    // candidates from the words, not affected.
    check_affected(DAG, &["a"], expect!["a b c declared f"]);
    check_affected(DAG, &["c"], expect!["c f"]);
    check_affected(DAG, &["f", "words"], expect!["f words"]);
    check_affected(DAG, &[], expect![""]);
}

#[test]
fn downstream_through_a_cycle() {
    // `a` and `b` read each other (E170); `a` comes first in the cycle's layer but is
    // affected only through `b`, which reads the changed `x`.
    let cycle = "//- models/a.sql
SELECT y FROM b
//- models/b.sql
SELECT x.y FROM x JOIN a ON TRUE
//- models/x.sql
SELECT 1 AS y
//- models/z.sql
SELECT 2 AS y
";
    check_affected(cycle, &["x"], expect!["a b x"]);
    check_affected(cycle, &["a"], expect!["a b"]);
    check_affected(cycle, &["z"], expect!["z"]);
}
