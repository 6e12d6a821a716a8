use expect_test::{Expect, expect};
use syntax::Dialect;

fn check(text: &str, expect: Expect) {
    let parse = syntax::pipeline::parse(text);
    assert!(parse.errors().is_empty(), "{:?}", parse.errors());
    let lowered = super::lower(&parse.syntax_node(), Dialect::DuckDb);
    let mut out = lowered.sql.clone();
    for e in &lowered.errors {
        out.push_str(&format!("\nerror {:?}: {}", e.range, e.message));
    }
    expect.assert_eq(&out);
}

#[test]
fn steps_fill_one_select() {
    check(
        "from orders as o\n| where amount > 1_000 and status != \"void\"\n| derive { big: amount * 2 }\n| where big < 10\n| sort -big, id\n| take 5",
        expect![[r#"
            SELECT *, (amount * 2) AS big
            FROM orders AS o
            WHERE ((amount > 1000) AND (status IS DISTINCT FROM 'void')) AND (((amount * 2)) < 10)
            ORDER BY big DESC, id
            LIMIT 5"#]],
    );
}

#[test]
fn group_then_where_is_having() {
    check(
        "from orders\ngroup customer_id { n: count(*), total: sum(amount) }\nwhere n > 1\nsort -total",
        expect![[r#"
            SELECT customer_id, count(*) AS n, sum(amount) AS total
            FROM orders
            GROUP BY customer_id
            HAVING ((count(*)) > 1)
            ORDER BY total DESC"#]],
    );
}

#[test]
fn joins_with_keep_and_lets() {
    check(
        "let big = from orders | where amount > 100\nfrom big as b\nleft join customers as c on customer_id { keep name }\ncross join regions\nselect { b.id, c.name, region: regions.name }",
        expect![[r#"
            WITH big AS (SELECT *
            FROM orders
            WHERE (amount > 100))
            SELECT b.id, c.name, regions.name AS region
            FROM big AS b LEFT JOIN customers AS c ON (b.customer_id = c.customer_id) CROSS JOIN regions"#]],
    );
}

#[test]
fn wraps_when_a_step_changes_meaning() {
    check(
        "from orders | take 10 | where amount > 1 | group status { n: count(*) } | derive { m: n + 1 } | select { status, m }",
        expect![[r#"
            WITH __rocky_step_1 AS (SELECT *
            FROM orders
            LIMIT 10),
            __rocky_step_2 AS (SELECT status, count(*) AS n
            FROM __rocky_step_1 AS orders
            WHERE (amount > 1)
            GROUP BY status)
            SELECT status, ((n + 1)) AS m
            FROM __rocky_step_2"#]],
    );
}

#[test]
fn match_windows_and_literals() {
    check(
        "from orders\nderive {\n  size: match amount { > 100 => \"big\", != 0 => 'small', _ => \"zero\" },\n  flag: match { status == \"x\" => 1 },\n  run: sum(amount) over (partition customer_id sort -ordered_at rows unbounded..current),\n  prev: lag(amount) over (sort id rows 2..1),\n  day: @2025-01-01,\n  at: @2025-01-01T10:30:00Z,\n  ok: status in (\"a\", \"b\") or discount is null and not (x is not null),\n  range: 1\n}",
        expect![[r#"
            SELECT *, CASE WHEN (amount > 100) THEN 'big' WHEN (amount IS DISTINCT FROM 0) THEN 'small' ELSE 'zero' END AS size, CASE WHEN (status = 'x') THEN 1 END AS flag, sum(amount) OVER (PARTITION BY customer_id ORDER BY ordered_at DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS run, lag(amount) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING) AS prev, DATE '2025-01-01' AS day, TIMESTAMP '2025-01-01 10:30:00' AS "at", ((status IN ('a', 'b')) OR ((discount IS NULL) AND (NOT ((x IS NOT NULL))))) AS ok, 1 AS "range"
            FROM orders"#]],
    );
}

#[test]
fn shape_errors() {
    check(
        "where a > 1 | from t | from u",
        expect![[r#"
        SELECT *
        WHERE (a > 1)
        error 0..11: a pipeline starts with `from NAME`
        error 14..20: `from` comes once, as the first step of a pipeline
        error 23..29: `from` comes once, as the first step of a pipeline"#]],
    );
}

#[test]
fn every_dialect_gets_its_quoting() {
    let text = "from raw.events as e\nwhere e.range != \"x\"\nderive { rows: 1 }";
    let parse = syntax::pipeline::parse(text);
    let root = parse.syntax_node();
    let out: Vec<String> = Dialect::ALL
        .iter()
        .map(|&d| format!("{d}: {}", super::lower(&root, d).sql.replace('\n', " ")))
        .collect();
    expect![[r#"
        duckdb: SELECT *, 1 AS "rows" FROM raw.events AS e WHERE (e."range" IS DISTINCT FROM 'x')
        databricks: SELECT *, 1 AS `rows` FROM raw.events AS e WHERE (e.`range` IS DISTINCT FROM 'x')
        snowflake: SELECT *, 1 AS "ROWS" FROM raw.events AS e WHERE (e."RANGE" IS DISTINCT FROM 'x')
        bigquery: SELECT *, 1 AS `rows` FROM raw.events AS e WHERE (e.`range` IS DISTINCT FROM 'x')
        ansi: SELECT *, 1 AS "rows" FROM raw.events AS e WHERE (e."range" IS DISTINCT FROM 'x')"#]].assert_eq(&out.join("\n"));
}

mod property {
    use proptest::prelude::*;
    use syntax::{Dialect, TextSize};

    fn soup() -> impl Strategy<Value = String> {
        let frags = prop::sample::select(vec![
            "let x =",
            "from t",
            "from u as a",
            "where",
            "group",
            "derive",
            "select",
            "join",
            "left join",
            "cross join",
            "on",
            "keep",
            "sort",
            "take",
            "distinct",
            "replicate",
            "{",
            "}",
            "(",
            ")",
            ",",
            ":",
            "|",
            "==",
            "!=",
            ">",
            "+",
            "-",
            "*",
            "and",
            "not",
            "is null",
            "in (1, 2)",
            "match",
            "=>",
            "_",
            "over",
            "partition",
            "rows",
            "..",
            "unbounded",
            "current",
            "1",
            "\"s\"",
            "@2025-01-01",
            "@start_date",
            "a",
            "b.c",
            "n:",
            "f(a)",
            "\n",
        ]);
        prop::collection::vec(frags, 0..40).prop_map(|v| v.join(" "))
    }

    /// Well-formed steps in any order: every combination must lower to SQL that parses.
    fn steps() -> impl Strategy<Value = String> {
        let step = prop::sample::select(vec![
            "where a > 1",
            "where b.c != \"s\" or a in (1, 2)",
            "group a { n: count(*) }",
            "group a, b",
            "derive { d: a + 1 }",
            "derive { e: d * 2, f: match a { > 1 => 'x', == 0 => 'z', _ => 'y' } }",
            "derive { g: match a { _ => 1 }, h: match { a > 1 => 2 } }",
            "select { \"x\" }",
            "derive { w: sum(a) over (partition b sort -a rows unbounded..current) }",
            "select { a, d2: a * 2 }",
            "select { * }",
            "join u on a",
            "left join u as x on a == x.a { keep z }",
            "cross join v",
            "sort -a, b desc",
            "take 5",
            "distinct",
            "replicate",
            "where n > 0 and not (a is null)",
        ]);
        (prop::collection::vec(step, 0..8), prop::bool::ANY).prop_map(|(v, with_let)| {
            let main = format!("from t\n{}", v.join("\n"));
            if with_let { format!("let t = from raw.t | where a > 0\n{main}") } else { main }
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn any_order_of_steps_lowers_to_sql_that_parses(text in steps()) {
            let parse = syntax::pipeline::parse(&text);
            prop_assert!(parse.errors().is_empty(), "{text:?}: {:?}", parse.errors());
            let lowered = super::super::lower(&parse.syntax_node(), Dialect::DuckDb);
            prop_assert!(lowered.errors.is_empty(), "{text:?}: {:?}", lowered.errors);
            let sql = syntax::sql::parse(&lowered.sql, Dialect::DuckDb);
            prop_assert!(sql.errors().is_empty(), "{text:?}\n{}\n{:?}", lowered.sql, sql.errors());
        }

        /// Lowering any pipeline, broken or not, never panics; its SQL maps inside the
        /// text; and a pipeline without errors lowers to SQL that parses.
        #[test]
        fn lowering_is_total_and_maps_inside(text in soup()) {
            let parse = syntax::pipeline::parse(&text);
            let lowered = super::super::lower(&parse.syntax_node(), Dialect::DuckDb);
            let len = TextSize::of(text.as_str());
            let sql = syntax::sql::parse(&lowered.sql, Dialect::DuckDb);
            for e in sql.errors() {
                prop_assert!(lowered.map.to_dsl(e.range).end() <= len);
            }
            if parse.errors().is_empty() && lowered.errors.is_empty() {
                prop_assert!(
                    sql.errors().is_empty(),
                    "{text:?} lowered to SQL that does not parse: {}\n{:?}",
                    lowered.sql,
                    sql.errors()
                );
            }
        }
    }
}

#[test]
fn review_cases() {
    // `select { * }` after `derive` keeps the derived column; after `keep`, the kept ones.
    check(
        "from t | derive { a: x + 1 } | select { * }",
        expect![[r#"
        WITH __rocky_step_1 AS (SELECT *, (x + 1) AS a
        FROM t)
        SELECT *
        FROM __rocky_step_1 AS t"#]],
    );
    check(
        "from t | join u on id { keep name } | replicate",
        expect![[r#"
        WITH __rocky_step_1 AS (SELECT t.*, u.name
        FROM t JOIN u ON (t.id = u.id))
        SELECT *
        FROM __rocky_step_1"#]],
    );
    // Calls are never quoted; keyword names fold to the dialect's case when quoted.
    check(
        "from t | derive { d: date(ts), first: replace(s, 'a', 'b') }",
        expect![[r#"
        SELECT *, date(ts) AS d, replace(s, 'a', 'b') AS "first"
        FROM t"#]],
    );
    // The first `_` ends a match; operator patterns need a subject; offsets are refused.
    check(
        "from t | derive { m: match a { _ => 1, > 2 => 3 }, n: match { > 1 => 2 }, t: @2025-01-01T10:00:00+02:00 }",
        expect![[r#"
            SELECT *, (1) AS m, CASE WHEN 1 THEN 2 END AS n, TIMESTAMP '2025-01-01 10:00:00+02:00' AS t
            FROM t
            error 39..47: this arm comes after `_` and is never reached
            error 62..65: a `match` without a value takes conditions: write `x > 10 => ..`, or `match x { > 10 => .. }`
            error 77..103: a timestamp is written in UTC with `Z` (`@2025-01-01T10:00:00Z`); offsets are not supported"#]],
    );
}
