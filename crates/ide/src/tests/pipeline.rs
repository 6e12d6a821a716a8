//! Editor features on `.rocky` files: the same queries as on SQL, with every range in the
//! pipeline text.

use expect_test::expect;

use super::{
    check_completion, check_definition, check_hover, check_references, check_rename, load,
};

const STG: &str = "//- models/stg.sql
SELECT order_id, customer_id, amount, status FROM raw.orders
";

#[test]
fn hover_on_a_pipeline_column_and_alias() {
    check_hover(
        &format!(
            "{STG}//- models/m.rocky
from stg
derive {{ doubled: amo$0unt * 2 }}
"
        ),
        expect![[r#"
            27..33
            ```sql
            amount: Decimal(12,2)
            ```

            column of model `stg`

            lineage:
            - `raw.orders.amount` — direct, source"#]],
    );
    check_hover(
        &format!(
            "{STG}//- models/m.rocky
from stg
group status {{ tot$0al: sum(amount) }}
"
        ),
        expect![[r#"
            24..29
            ```sql
            total: Decimal(38,2)
            ```

            lineage:
            - `stg.amount` — aggregation
              - `raw.orders.amount` — direct, source"#]],
    );
}

#[test]
fn definition_from_a_pipeline_into_sql_and_back() {
    check_definition(
        &format!(
            "{STG}//- models/m.rocky
from stg as s
where s.stat$0us == \"paid\"
"
        ),
        expect![[r#"models/stg.sql 38..44 "status""#]],
    );
    check_definition(
        &format!(
            "{STG}//- models/m.rocky
let paid = from stg | where status == \"paid\"
from pa$0id
"
        ),
        expect![[r#"models/m.rocky 4..8 "paid""#]],
    );
}

#[test]
fn references_and_rename_reach_pipelines() {
    check_references(
        "//- models/stg.sql
SELECT order_id, amount AS tot$0al FROM raw.orders
//- models/m.rocky
from stg
where total > 10
derive { twice: total * 2 }
",
        expect![[r#"
            models/m.rocky 15..20 "total"
            models/m.rocky 42..47 "total"
            models/stg.sql 27..32 "total""#]],
    );
    check_rename(
        "//- models/stg.sql
SELECT order_id, amount AS tot$0al FROM raw.orders
//- models/m.rocky
from stg
where total > 10
select { order_id, total }
",
        "amount_total",
        expect![[r#"
            models/stg.sql 27..32 "total" 27..32 -> "amount_total"
            models/m.rocky 15..20 "total" 15..20 -> "amount_total"
            models/m.rocky 45..45 "" 45..45 -> "total: "
            models/m.rocky 45..50 "total" 45..50 -> "amount_total"
        "#]],
    );
}

#[test]
fn completion_in_pipeline_steps() {
    check_completion(
        &format!(
            "{STG}//- models/m.rocky
from stg
where sta$0
"
        ),
        expect![[r#"
            Column status String
            Function starts_with starts_with(string VARCHAR, search_string VARCHAR) -> BOOLEAN
            Function stats stats(expression ANY) -> JSON"#]],
    );
    check_completion(
        &format!(
            "{STG}//- models/m.rocky
from $0
"
        ),
        expect![[r#"
            Model stg shop.main.stg
            Source raw.customers source
            Source raw.orders source"#]],
    );
    check_completion(
        &format!(
            "{STG}//- models/m.rocky
from stg
de$0
"
        ),
        expect![[r#"
            Function decade decade(col0 TIMESTAMPTZ) -> BIGINT
            Function decimal_average decimal_average(arg DECIMAL) -> DECIMAL
            Function decimal_division decimal_division(x DECIMAL, y DECIMAL) -> DECIMAL
            Function decode decode(blob BLOB) -> VARCHAR
            Function degrees degrees(x DOUBLE) -> DOUBLE
            Function dense_rank dense_rank() -> BIGINT
            Keyword derive "#]],
    );
}

#[test]
fn inlay_hints_semantic_tokens_and_folds() {
    let f = load(&format!(
        "{STG}//- models/m.rocky
$0from stg as s -- staged
where amount > 1_000 and status != \"void\"
derive {{ day: @2025-01-01, big: match amount {{ > 10 => 1, _ => 0 }} }}
"
    ));
    let file = f.cursor_file.expect("file");
    let a = f.host.analysis();
    let text = a.file_text(file).expect("not cancelled");
    let hints = a.inlay_hints(file, None).expect("not cancelled");
    let hints: Vec<String> = hints
        .iter()
        .map(|h| {
            format!("{:?} {}", &text[..usize::from(h.offset)].lines().last().unwrap_or(""), h.label)
        })
        .collect();
    expect![[r#"
        "derive { day: @2025-01-01" : DATE NOT NULL
        "derive { day: @2025-01-01, big: match amount { > 10 => 1, _ => 0 }" : INTEGER NOT NULL"#]]
    .assert_eq(&hints.join("\n"));
    let hl = a.highlight(file, None).expect("not cancelled");
    let hl: Vec<String> = hl.iter().map(|h| format!("{:?} {}", h.tag, &text[h.range])).collect();
    expect![[r#"
        Keyword from
        Model stg
        Keyword as
        Comment -- staged
        Keyword where
        Column amount
        Operator >
        Number 1_000
        Keyword and
        Column status
        Operator !=
        String "void"
        Keyword derive
        Column day
        Number @2025-01-01
        Column big
        Keyword match
        Column amount
        Operator >
        Number 10
        Operator =>
        Number 1
        Operator =>
        Number 0"#]]
    .assert_eq(&hl.join("\n"));
    let diags = a.diagnostics(file).expect("not cancelled");
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn rename_refuses_what_a_pipeline_would_miss() {
    // `total` is read in `where` through substitution: no IR node stands there.
    check_rename(
        "//- models/m.rocky
from raw.orders
derive { tot$0al: amount * 2 }
where total > 10
",
        "grand_total",
        expect![
            "error: `total` is also read at byte 51 of `models/m.rocky`, where the pipeline substitutes or redefines it; rename it there by hand"
        ],
    );
    // `on customer_id` names a column of both sides with one word.
    check_rename(
        "//- models/stg.sql
SELECT customer_id AS custo$0mer_id, amount FROM raw.orders
//- models/m.rocky
from stg
join raw.customers as c on customer_id
",
        "cust_id",
        expect![
            "error: `on customer_id` in `models/m.rocky` joins two relations with one name; write it as `on a.customer_id == b.customer_id` first"
        ],
    );
    // A derived column selected by name: the `derive` defines it where no IR node stands.
    check_rename(
        "//- models/m.rocky
from raw.orders
derive { total: amount * 2 }
select { order_id, tot$0al }
",
        "grand_total",
        expect!["error: nothing to rename here"],
    );
}
