use std::sync::Arc;

use expect_test::{Expect, expect};
use syntax::Dialect;

use super::*;
use crate::body::lower_source_file;

/// Tables `orders(id, customer_id, amount)` and `customers(id, name)` as sources.
struct Env;

impl TableEnv for Env {
    fn table(&self, path: &[NameSpan]) -> TableLookup {
        let cols: &[&str] = match path.last().map(|p| p.name.as_str()) {
            Some("orders") => &["id", "customer_id", "amount"],
            Some("customers") => &["id", "name"],
            Some("ext") => return TableLookup::External,
            _ => return TableLookup::Unknown { help: None },
        };
        let sig = Signature {
            columns: cols
                .iter()
                .map(|c| Column { name: Name::folded(c), ty: Ty::Int64, nullable: false })
                .collect(),
            open: false,
        };
        TableLookup::Found(
            Binding::Source(
                path.last().map_or_else(|| Arc::from(""), |p| Arc::from(p.name.as_str())),
            ),
            Arc::new(sig),
        )
    }
}

fn check(sql: &str, expect: Expect) {
    let parse = syntax::sql::parse(sql, Dialect::DuckDb);
    let body = parse.tree().map(|t| lower_source_file(&t, Dialect::DuckDb)).unwrap_or_default();
    let res = resolve_body(&body, sql, &Env, Dialect::DuckDb);
    let mut out = String::new();
    let cols: Vec<String> = res
        .signature
        .columns
        .iter()
        .map(|c| format!("{}: {}{}", c.name, c.ty, if c.nullable { "?" } else { "" }))
        .collect();
    out.push_str(&format!(
        "columns: {}{}\n",
        cols.join(", "),
        if res.signature.open { ", .." } else { "" }
    ));
    for d in &res.diagnostics {
        let r = usize::from(d.range.start())..usize::from(d.range.end());
        out.push_str(&format!("{} `{}` {}", d.code.as_str(), &sql[r], d.message));
        if let Some(h) = &d.help {
            out.push_str(&format!(" ({h})"));
        }
        out.push('\n');
    }
    expect.assert_eq(&out);
}

#[test]
fn resolves_simple_select() {
    check(
        "select id, amout, o.amount, x.id from orders o",
        expect![[r#"
            columns: id: Int64, amout: Unknown?, amount: Int64, id: Unknown?
            E120 `amout` unknown column `amout` (did you mean `amount`?)
            E122 `x` unknown table or alias `x` (did you mean `o`?)
            I002 `amout` 2 of 4 output columns are typed Unknown: amout, id
        "#]],
    );
}

#[test]
fn ambiguity_and_using() {
    check(
        "select id, name from orders join customers using (id)",
        expect![[r#"
            columns: id: Int64, name: Int64
        "#]],
    );
    check(
        "select id from orders o join customers c on o.customer_id = c.id",
        expect![[r#"
            columns: id: Unknown?
            E121 `id` column `id` is ambiguous (qualify it: `o.id` or `c.id`)
            I002 `id` 1 of 1 output columns are typed Unknown: id
        "#]],
    );
    check(
        "select * from orders left join customers using (id)",
        expect![[r#"
            columns: id: Int64, customer_id: Int64, amount: Int64, name: Int64?
            I001 `*` `*` expands to 4 columns: id, customer_id, amount, name
        "#]],
    );
}

#[test]
fn ctes_aliases_and_correlation() {
    check(
        "with orders as (select 1 as z) select z, t.a from orders, (select id as a from customers) t \
         where exists (select 1 from customers c where c.id = t.a) order by z qualify z > 1",
        expect![[r#"
            columns: z: Int32, a: Int64
        "#]],
    );
    check(
        "select amount * 2 as double_amount from orders where double_amount > 1 group by 1, 3",
        expect![[r#"
            columns: double_amount: Int64
            E125 `3` GROUP BY position 3 is not in the select list (1 to 1)
        "#]],
    );
    check(
        "select * from nope, ext e where e.anything > 1 and whatever = 2",
        expect![[r#"
            columns: , ..
            E123 `nope` unknown model `nope`
            W002 `*` `*` selects from a relation whose columns are unknown, so these columns are unknown too (add the source to the seed or the catalog snapshot (`rocky discover`), or list the columns)
        "#]],
    );
}

#[test]
fn nothing_false_on_valid_duckdb() {
    let valid = [
        "select * exclude (amount) from orders",
        "from orders select id",
        "from orders",
        "select o.* from orders o",
        "select u.x from orders o, unnest([o.id, o.amount]) as u(x)",
        "select id from orders qualify row_number() over (partition by customer_id order by id) = 1",
        "select id from orders order by orders.id",
        "select sum(amount) over w from orders window w as (partition by customer_id)",
        "select count(*) filter (where amount > 1) from orders",
        "select list_transform([id], x -> x + 1) from orders",
        "select customer_id, count(*) from orders group by cube (customer_id)",
        "select * from orders natural join customers",
        "select x from (values (1), (2)) v(x)",
        "select id, name from orders join customers using (id) where id > 1",
        "with recursive r as (select 1 as n union all select n + 1 from r where n < 3) select n from r",
        "select a.id from orders a where a.amount > (select avg(b.amount) from orders b where b.customer_id = a.customer_id)",
        "select * from orders o left join lateral (select c.name from customers c where c.id = o.customer_id) x on true",
        "select id as k from orders group by k having k > 1",
        "select id + 1 as a, a * 2 as b from orders",
        "select e.payload.user.id from ext e",
        "select id from orders union all select id from customers order by id",
        "select * replace (amount * 2 as amount) from orders",
        "select count(distinct customer_id) from orders",
        "select * from orders pivot (sum(amount) for customer_id in (1, 2))",
        "select @var(x), * from orders where id > @start_date",
        // Found by review: each of these once gave a false diagnostic.
        "select current_date as d, current_timestamp as t, id from orders",
        "pivot orders on customer_id using sum(amount) group by id",
        "unpivot customers on name into name k value v",
        "select o.customer_id from orders o join customers c on o.customer_id = c.id order by customer_id",
        "select columns('amount|id') from orders order by 2",
        "select * from read_csv('x.csv', header = true, delim = ',')",
        "with s as (select {'a': 1} as st) select st.* from s",
        "select orders from orders",
        "select e from orders e where e is not null",
        "select rowid, id from orders",
        "select [x * 2 for x in [id, amount] if x > 0] as l from orders",
        // DuckDB compares quoted identifiers case-insensitively too.
        "select \"ID\", o.\"Amount\" from orders as o",
        "select \"Up\".id from orders as up",
    ];
    for sql in valid {
        assert_resolves_silently(sql, Dialect::DuckDb);
    }
}

/// Parses (without syntax errors), lowers and resolves `sql`; asserts no diagnostic.
fn assert_resolves_silently(sql: &str, dialect: Dialect) -> Body {
    let parse = syntax::sql::parse(sql, dialect);
    assert!(parse.errors().is_empty(), "{sql}: {:?}", parse.errors());
    let body = parse.tree().map(|t| lower_source_file(&t, dialect)).unwrap_or_default();
    let res = resolve_body(&body, sql, &Env, dialect);
    // Infos (what `*` expands to) are not findings.
    let diags: Vec<String> = res
        .diagnostics
        .iter()
        .filter(|d| d.severity != crate::Severity::Info)
        .map(|d| format!("{} {}", d.code.as_str(), d.message))
        .collect();
    assert!(diags.is_empty(), "{sql}: {diags:?}");
    body
}

#[test]
fn bigquery_backticked_paths_are_split() {
    let sql = "select o.amount from `raw.orders` o join `proj.raw.customers` c on c.id = o.id";
    let body = assert_resolves_silently(sql, Dialect::BigQuery);
    let paths: Vec<String> = table_refs(&body)
        .iter()
        .map(|r| {
            let names: Vec<&str> = r.path.iter().map(Name::as_str).collect();
            format!("{} @{}", names.join("."), &sql[r.range])
        })
        .collect();
    assert_eq!(paths, ["raw.orders @raw.orders", "proj.raw.customers @proj.raw.customers"]);
}

#[test]
fn messages_show_names_as_written() {
    check(
        "select AMOUT, o.\"Nme\" from orders o join customers c using (id) where ID > 1 and X.y = 1",
        expect![[r#"
            columns: amout: Unknown?, nme: Unknown?
            E120 `AMOUT` unknown column `AMOUT` (did you mean `amount`?)
            E120 `"Nme"` unknown column `"Nme"` in `o`
            E122 `X` unknown table or alias `X` (did you mean `c`?)
            I002 `AMOUT` 2 of 2 output columns are typed Unknown: amout, nme
        "#]],
    );
}
