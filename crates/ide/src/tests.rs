//! Feature tests over multi-file fixtures: `//- path` blocks, `$0` marking the cursor
//! (and `$0..$0` a range), rust-analyzer style.

use std::sync::Arc;

use expect_test::{Expect, expect};
use hir::input::{FileKind, FileStatus};
use syntax::{TextRange, TextSize};

use crate::{AnalysisHost, Change, FileChange, FileId, FilePosition, FileRange, SourceChange};

mod affected;
mod pipeline;

const SEED: &str = "//- rocky.toml
[adapter]
type = \"duckdb\"
//- data/seed.sql
CREATE SCHEMA raw;
CREATE TABLE raw.orders (order_id BIGINT NOT NULL, customer_id INTEGER, amount DECIMAL(12, 2), status VARCHAR, ordered_on DATE);
CREATE TABLE raw.customers (customer_id BIGINT NOT NULL, name VARCHAR, signed_up TIMESTAMP);
//- models/_defaults.toml
[target]
catalog = \"shop\"
schema = \"main\"
";

struct Fixture {
    host: AnalysisHost,
    cursor_file: Option<FileId>,
    range: Option<TextRange>,
}

/// Loads the seed project plus `fixture`; models get an empty sidecar unless given one.
fn load(fixture: &str) -> Fixture {
    let text = format!("{SEED}{fixture}");
    let mut files: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(path) = line.strip_prefix("//- ") {
            files.push((path.trim().to_string(), String::new()));
        } else if let Some((_, body)) = files.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    let sidecars: Vec<(String, String)> = files
        .iter()
        .filter_map(|(p, _)| {
            p.strip_suffix(".sql")
                .or_else(|| p.strip_suffix(".rocky"))
                .filter(|_| p.starts_with("models/"))
        })
        .map(|stem| format!("{stem}.toml"))
        .filter(|t| !files.iter().any(|(p, _)| p == t))
        .map(|t| (t, String::new()))
        .collect();
    files.extend(sidecars);
    let mut cursor = None;
    let dirs = vec!["models".to_string()];
    let changes = files
        .into_iter()
        .map(|(path, mut body)| {
            if let Some(start) = body.find("$0") {
                body.replace_range(start..start + 2, "");
                let end = body.find("$0").map_or(start, |e| {
                    body.replace_range(e..e + 2, "");
                    e
                });
                cursor = Some((path.clone(), start, end));
            }
            let kind = FileKind::classify(&path, &dirs, None);
            FileChange::read(path, Arc::from(body), kind, FileStatus::Present)
        })
        .collect();
    let mut host = AnalysisHost::default();
    host.apply_change(Change { files: changes, env: None, options: None });
    let (cursor_file, range) = match cursor {
        Some((p, s, e)) => (
            host.file(&p),
            Some(TextRange::new(TextSize::from(s as u32), TextSize::from(e as u32))),
        ),
        None => (None, None),
    };
    Fixture { host, cursor_file, range }
}

impl Fixture {
    fn pos(&self) -> FilePosition {
        FilePosition {
            file: self.cursor_file.expect("a $0"),
            offset: self.range.expect("$0").start(),
        }
    }

    fn path(&self, f: FileId) -> String {
        self.host.analysis().file_path(f).expect("not cancelled").to_string()
    }

    fn show_range(&self, f: FileId, r: TextRange) -> String {
        let text = self.host.analysis().file_text(f).expect("not cancelled");
        format!("{} {:?} {:?}", self.path(f), r, &text[r])
    }

    fn show_change(&self, c: &SourceChange) -> String {
        let mut out = String::new();
        for (f, edits) in &c.edits {
            for e in edits {
                out.push_str(&format!(
                    "{} {:?} -> {:?}\n",
                    self.show_range(*f, e.range),
                    e.range,
                    e.insert
                ));
            }
        }
        for fs in &c.file_system {
            let crate::FileSystemEdit::Move { src, dst } = fs;
            out.push_str(&format!("move {} -> {dst}\n", self.path(*src)));
        }
        out
    }
}

fn check_hover(fixture: &str, expect: Expect) {
    let f = load(fixture);
    let h = f.host.analysis().hover(f.pos()).expect("not cancelled");
    let actual = match h {
        Some(h) => format!("{:?}\n{}", h.range, h.markup),
        None => "no hover".to_string(),
    };
    expect.assert_eq(&actual);
}

#[test]
fn hover_column_through_models() {
    check_hover(
        "//- models/stg_orders.sql
-- Orders as they arrive.
SELECT order_id, amount AS total FROM raw.orders
//- models/mart.sql
SELECT s.tot$0al FROM stg_orders AS s
",
        expect![[r#"
            9..14
            ```sql
            total: Decimal(12,2)
            ```

            column of model `stg_orders`

            lineage:
            - `raw.orders.amount` — direct, source

            Orders as they arrive."#]],
    );
}

#[test]
fn hover_model_reference() {
    check_hover(
        "//- models/stg_orders.sql
-- Orders as they arrive.
SELECT order_id, amount FROM raw.orders
//- models/mart.sql
SELECT * FROM stg_$0orders
",
        expect![[r#"
            14..24
            **model** `stg_orders` → `shop.main.stg_orders` (full_refresh)

            `models/stg_orders.sql`

            Orders as they arrive.

            ```sql
            order_id: Int64 not null
            amount: Decimal(12,2)
            ```"#]],
    );
}

#[test]
fn hover_function() {
    check_hover(
        "//- models/m.sql
SELECT coal$0esce(amount, 0) AS a FROM raw.orders
",
        expect!["no hover"],
    );
    check_hover(
        "//- models/m.sql
SELECT upp$0er(status) AS a FROM raw.orders
",
        expect![[r#"
            7..12
            ```sql
            upper(string VARCHAR) -> VARCHAR
            ```

            scalar function: Converts `string` to upper case."#]],
    );
}

fn check_definition(fixture: &str, expect: Expect) {
    let f = load(fixture);
    let navs = f.host.analysis().goto_definition(f.pos()).expect("not cancelled");
    let actual: Vec<String> = navs.iter().map(|n| f.show_range(n.file, n.focus_range)).collect();
    expect.assert_eq(&actual.join("\n"));
}

#[test]
fn definition_of_column_through_cte_and_star() {
    check_definition(
        "//- models/stg.sql
SELECT order_id, amount * 2 AS doubled FROM raw.orders
//- models/mid.sql
SELECT * FROM stg
//- models/mart.sql
WITH x AS (SELECT m.doubled AS d2 FROM mid AS m)
SELECT d$02 FROM x
",
        expect![[r#"models/mart.sql 31..33 "d2""#]],
    );
    check_definition(
        "//- models/stg.sql
SELECT order_id, amount * 2 AS doubled FROM raw.orders
//- models/mid.sql
SELECT * FROM stg
//- models/mart.sql
SELECT m.doub$0led FROM mid AS m
",
        expect![[r#"models/stg.sql 31..38 "doubled""#]],
    );
}

#[test]
fn definition_of_model_alias_and_cte() {
    check_definition(
        "//- models/stg.sql
SELECT 1 AS a
//- models/mart.sql
WITH c AS (SELECT a FROM stg)
SELECT c$0.a, o.order_id FROM c, raw.orders AS o
",
        expect![[r#"models/mart.sql 5..6 "c""#]],
    );
    check_definition(
        "//- models/stg.sql
SELECT 1 AS a
//- models/mart.sql
SELECT a FROM st$0g
",
        expect![[r#"models/stg.sql 0..0 """#]],
    );
}

fn check_references(fixture: &str, expect: Expect) {
    let f = load(fixture);
    let refs = f.host.analysis().references(f.pos()).expect("not cancelled");
    let actual: Vec<String> = refs.iter().map(|r| f.show_range(r.file, r.range)).collect();
    expect.assert_eq(&actual.join("\n"));
}

#[test]
fn references_of_a_column_downstream() {
    check_references(
        "//- models/stg.sql
SELECT order_id, amount AS total$0 FROM raw.orders
//- models/mid.sql
SELECT * FROM stg WHERE total > 0
//- models/mart.sql
SELECT m.total, sum(total) OVER () AS running FROM mid AS m
",
        expect![[r#"
            models/mart.sql 9..14 "total"
            models/mart.sql 20..25 "total"
            models/mid.sql 24..29 "total"
            models/stg.sql 27..32 "total""#]],
    );
}

fn check_rename(fixture: &str, new: &str, expect: Expect) {
    let f = load(fixture);
    let actual = match f.host.analysis().rename(f.pos(), new).expect("not cancelled") {
        Ok(c) => f.show_change(&c),
        Err(e) => format!("error: {e}"),
    };
    expect.assert_eq(&actual);
}

#[test]
fn rename_column_keeps_consumers_outputs() {
    check_rename(
        "//- models/stg.sql
SELECT order_id, amount AS total$0 FROM raw.orders
//- models/mart.sql
SELECT s.total, s.total * 2 AS twice FROM stg AS s
",
        "amount_total",
        expect![[r#"
            models/stg.sql 27..32 "total" 27..32 -> "amount_total"
            models/mart.sql 9..14 "total" 9..14 -> "amount_total"
            models/mart.sql 14..14 "" 14..14 -> " AS total"
            models/mart.sql 18..23 "total" 18..23 -> "amount_total"
        "#]],
    );
}

#[test]
fn rename_refusals() {
    check_rename(
        "//- models/stg.sql
SELECT order_id, amount AS total$0 FROM raw.orders
",
        "order_id",
        expect!["error: `stg` already has a column named `order_id`"],
    );
    check_rename(
        "//- models/stg.sql
SELECT * FROM raw.orders
//- models/mart.sql
SELECT s.amo$0unt FROM stg AS s
",
        "x",
        expect!["error: `amount` comes from a `*`; rename it where it is defined upstream"],
    );
    check_rename(
        "//- models/stg.sql
SELECT 1 AS a$0
",
        "select",
        expect!["error: `select` is a reserved word; choose another name"],
    );
}

#[test]
fn rename_model_moves_files() {
    check_rename(
        "//- models/stg.sql
SELECT 1 AS a
//- models/mart.sql
SELECT stg.a FROM st$0g
",
        "staging",
        expect![[r#"
            models/mart.sql 7..10 "stg" 7..10 -> "staging"
            models/mart.sql 18..21 "stg" 18..21 -> "staging"
            move models/stg.sql -> models/staging.sql
            move models/stg.toml -> models/staging.toml
        "#]],
    );
}

fn check_completion(fixture: &str, expect: Expect) {
    let f = load(fixture);
    let items = f.host.analysis().completions(f.pos()).expect("not cancelled");
    let actual: Vec<String> = items
        .iter()
        .map(|i| format!("{:?} {} {}", i.kind, i.label, i.detail.as_deref().unwrap_or("")))
        .collect();
    expect.assert_eq(&actual.join("\n"));
}

#[test]
fn completion_after_qualifier_and_from() {
    check_completion(
        "//- models/m.sql
SELECT o.$0 FROM raw.orders AS o
",
        expect![[r#"
            Column amount Decimal(12,2)
            Column customer_id Int32
            Column order_id Int64
            Column ordered_on Date
            Column status String"#]],
    );
    check_completion(
        "//- models/stg.sql
SELECT 1 AS a
//- models/m.sql
SELECT * FROM $0
",
        expect![[r#"
            Model stg shop.main.stg
            Source raw.customers source
            Source raw.orders source"#]],
    );
    check_completion(
        "//- models/m.sql
SELECT sta$0 FROM raw.orders
",
        expect![[r#"
            Column status String
            Function starts_with starts_with(string VARCHAR, search_string VARCHAR) -> BOOLEAN
            Function stats stats(expression ANY) -> JSON"#]],
    );
}

#[test]
fn signature_help_tracks_the_argument() {
    let f = load(
        "//- models/m.sql
SELECT date_diff('day', ordered_on, $0) FROM raw.orders
",
    );
    let h = f.host.analysis().signature_help(f.pos()).expect("not cancelled").expect("help");
    expect!["2 date_diff(col0 VARCHAR, col1 TIMESTAMPTZ, col2 TIMESTAMPTZ) -> BIGINT"].assert_eq(
        &format!("{} {}", h.active_parameter, h.signatures[h.active_signature as usize].0),
    );
}

#[test]
fn inlay_hints_show_types() {
    let f = load(
        "//- models/m.sql
$0SELECT order_id, amount * 2 AS d, count(*) OVER () AS n FROM raw.orders
",
    );
    let file = f.cursor_file.expect("file");
    let hints = f.host.analysis().inlay_hints(file, None).expect("not cancelled");
    let actual: Vec<String> = hints.iter().map(|h| format!("{:?} {}", h.offset, h.label)).collect();
    expect![[r#"
        15 : BIGINT NOT NULL
        32 : DECIMAL(18,2)
        55 : BIGINT NOT NULL"#]]
    .assert_eq(&actual.join("\n"));
}

#[test]
fn semantic_tokens_classify_names() {
    let f = load(
        "//- models/stg.sql
SELECT 1 AS a
//- models/m.sql
$0WITH c AS (SELECT a FROM stg) SELECT upper(c.a) AS u, @var(x) FROM c
",
    );
    let file = f.cursor_file.expect("file");
    let text = f.host.analysis().file_text(file).expect("not cancelled");
    let hl = f.host.analysis().highlight(file, None).expect("not cancelled");
    let actual: Vec<String> =
        hl.iter().map(|h| format!("{:?} {}", h.tag, &text[h.range])).collect();
    expect![[r#"
        Keyword WITH
        Cte c
        Keyword AS
        Keyword SELECT
        Column a
        Keyword FROM
        Model stg
        Keyword SELECT
        Function upper
        Cte c
        Column a
        Keyword AS
        Column u
        Placeholder @var
        Keyword FROM
        Cte c"#]]
    .assert_eq(&actual.join("\n"));
}

#[test]
fn document_symbols_list_ctes_and_columns() {
    let f = load(
        "//- models/m.sql
$0WITH c AS (SELECT order_id, amount FROM raw.orders)
SELECT order_id, amount * 2 AS doubled FROM c
",
    );
    let file = f.cursor_file.expect("file");
    let syms = f.host.analysis().document_symbols(file).expect("not cancelled");
    let mut actual = Vec::new();
    for s in &syms {
        actual.push(format!("{:?} {} {:?}", s.kind, s.name, s.detail));
        for c in &s.children {
            actual.push(format!("  {:?} {} {:?}", c.kind, c.name, c.detail));
        }
    }
    expect![[r#"
        Cte c Some("CTE")
          Column order_id Some("Int64")
          Column amount Some("Decimal(12,2)")
        Model m Some("shop.main.m")
          Column order_id Some("Int64")
          Column doubled Some("Decimal(18,2)")"#]]
    .assert_eq(&actual.join("\n"));
}

#[test]
fn folding_ranges_cover_ctes_and_comments() {
    let f = load(
        "//- models/m.sql
$0-- one
-- two
WITH c AS (
  SELECT 1 AS a
)
SELECT a FROM c
",
    );
    let file = f.cursor_file.expect("file");
    let folds = f.host.analysis().folding_ranges(file).expect("not cancelled");
    let actual: Vec<String> = folds.iter().map(|x| format!("{:?} {:?}", x.kind, x.range)).collect();
    expect![[r#"
        Comment 0..13
        Region 19..43"#]]
    .assert_eq(&actual.join("\n"));
}

fn check_assists(fixture: &str, expect: Expect) {
    let f = load(fixture);
    let file = f.cursor_file.expect("file");
    let range = f.range.expect("range");
    let assists = f.host.analysis().assists(FileRange { file, range }).expect("not cancelled");
    let actual: Vec<String> =
        assists.iter().map(|a| format!("{}\n{}", a.label, f.show_change(&a.change))).collect();
    expect.assert_eq(&actual.join("\n"));
}

#[test]
fn quick_fixes() {
    check_assists(
        "//- models/m.sql
SELECT amout$0 FROM raw.orders
",
        expect![[r#"
            Change to `amount`
            models/m.sql 7..12 "amout" 7..12 -> "amount"
        "#]],
    );
    check_assists(
        "//- models/m.sql
SELECT order_id FROM raw.orders WHERE ordered_on = $0customer_id
",
        expect![[r#"
            Cast the right side to DATE
            models/m.sql 51..62 "customer_id" 51..62 -> "CAST(customer_id AS DATE)"
        "#]],
    );
    check_assists(
        "//- models/m.sql
SELECT status, $0amount, count(*) AS n FROM raw.orders GROUP BY status
",
        expect![[r#"
            Add `amount` to GROUP BY
            models/m.sql 68..68 "" 68..68 -> ", amount"
        "#]],
    );
    check_assists(
        "//- models/m.sql
SELECT o.*$0 EXCLUDE (status) FROM raw.orders AS o
",
        expect![[r#"
            Expand `o.* EXCLUDE (status)` into 4 columns
            models/m.sql 7..27 "o.* EXCLUDE (status)" 7..27 -> "o.order_id, o.customer_id, o.amount, o.ordered_on"
        "#]],
    );
}

#[test]
fn quick_fix_adds_depends_on() {
    check_assists(
        "//- models/stg.sql
SELECT 1 AS a
//- models/other.sql
SELECT 2 AS b
//- models/mart.sql
SELECT a FROM $0stg
//- models/mart.toml
depends_on = [\"other\"]
",
        expect![[r#"
            Add "stg" to depends_on
            models/mart.toml 14..14 "" 14..14 -> "\"stg\", "
        "#]],
    );
}

#[test]
fn diagnostics_of_one_file() {
    let f = load(
        "//- models/m.sql
$0SELECT amout FROM raw.orders
//- models/other.sql
SELECT nope FROM raw.orders
",
    );
    let file = f.cursor_file.expect("file");
    let diags = f.host.analysis().diagnostics(file).expect("not cancelled");
    let actual: Vec<String> =
        diags.iter().map(|d| format!("{} {:?} {}", d.code.as_str(), d.range, d.message)).collect();
    expect!["E120 7..12 unknown column `amout`"].assert_eq(&actual.join("\n"));
}
