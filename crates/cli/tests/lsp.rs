//! End-to-end tests of `rocky lsp`: the real binary over stdio, on a copy of the analytics
//! sample project, driven by a small JSON-RPC client.

#![allow(clippy::unwrap_used, clippy::disallowed_methods)]

mod lsp_client;

use std::path::{Path, PathBuf};

use lsp_client::{Client, apply_edits, copy_project, position_of};
use serde_json::{Value, json};

fn project(name: &str) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test_data/projects/analytics");
    let dst =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("lsp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dst);
    copy_project(&src, &dst);
    dst
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap()
}

const MART: &str = "models/marts/mart_clerk_performance.sql";
const TOTALS: &str = "models/intermediate/int_order_totals.sql";
const SCRATCH: &str = "models/marts/zz_scratch.sql";

fn codes(diags: &[Value]) -> Vec<String> {
    diags.iter().map(|d| d["code"].as_str().unwrap_or("").to_string()).collect()
}

fn td(c: &Client, rel: &str) -> Value {
    json!({ "uri": c.uri(rel) })
}

#[test]
fn diagnostics_follow_edits_and_upstream_changes() {
    let root = project("diag");
    let mut c = Client::start(&root, &["utf-16"]);
    let mart = read(&root, MART);
    c.open(MART, &mart);
    let first = c.diagnostics_where(MART, |_| true);
    assert!(first.is_empty(), "a clean model: {first:?}");

    // Edit into an error and out again.
    let at = position_of(&mart, "t.net_amount", 0, 2);
    let end = json!({ "line": at["line"], "character": at["character"].as_u64().unwrap() + 10 });
    c.change(MART, 1, json!([{ "range": { "start": at, "end": end }, "text": "net_amout" }]));
    let broken = c.diagnostics_where(MART, |d| !d.is_empty());
    assert_eq!(codes(&broken), ["E120"], "{broken:?}");
    let msg = broken[0]["message"].as_str().unwrap();
    assert!(
        msg.contains("unknown column `net_amout`") && msg.contains("did you mean `net_amount`?"),
        "{msg}"
    );
    assert_eq!(broken[0]["range"]["start"], at);
    let end2 = json!({ "line": at["line"], "character": at["character"].as_u64().unwrap() + 9 });
    c.change(MART, 2, json!([{ "range": { "start": at, "end": end2 }, "text": "net_amount" }]));
    let fixed = c.diagnostics_where(MART, |d| d.is_empty());
    assert!(fixed.is_empty());

    // An upstream edit that drops a column reaches its open consumer.
    let totals = read(&root, TOTALS);
    c.open(TOTALS, &totals);
    c.diagnostics_where(TOTALS, |_| true);
    let alias = position_of(&totals, "AS net_amount", 0, 3);
    let alias_end =
        json!({ "line": alias["line"], "character": alias["character"].as_u64().unwrap() + 10 });
    c.change(
        TOTALS,
        1,
        json!([{ "range": { "start": alias, "end": alias_end }, "text": "net_total" }]),
    );
    let downstream = c.diagnostics_where(MART, |d| !d.is_empty());
    assert!(codes(&downstream).iter().all(|c| c == "E120"), "{downstream:?}");
    assert_eq!(downstream.len(), mart.matches("t.net_amount").count());

    // Pull diagnostics agree with what was pushed.
    let pulled = c.request("textDocument/diagnostic", json!({ "textDocument": td(&c, MART) }));
    assert_eq!(pulled["items"].as_array().unwrap().len(), downstream.len(), "{pulled}");
    let ws = c.request("workspace/diagnostic", json!({ "previousResultIds": [] }));
    let mart_uri = c.uri(MART);
    assert!(ws["items"].as_array().unwrap().iter().any(|i| i["uri"] == mart_uri.as_str()), "{ws}");
    c.shutdown();
}

#[test]
fn navigation_hover_rename_and_fixes() {
    let root = project("nav");
    let mut c = Client::start(&root, &["utf-16"]);
    let mart = read(&root, MART);
    let totals = read(&root, TOTALS);
    c.open(MART, &mart);
    c.open(TOTALS, &totals);
    c.diagnostics_where(MART, |_| true);

    // Hover: the column's type, its model, its lineage.
    let pos = position_of(&mart, "t.net_amount", 0, 4);
    let hover =
        c.request("textDocument/hover", json!({ "textDocument": td(&c, MART), "position": pos }));
    let text = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(text.contains("net_amount: Decimal(38,4)") || text.contains("net_amount: "), "{hover}");
    assert!(text.contains("column of model `int_order_totals`"), "{text}");
    // Its lineage across models, back to the source, with how each step makes it.
    assert!(text.contains("lineage:\n- `int_order_lines.net_price` — aggregation"), "{text}");
    assert!(text.contains("`tpch.lineitem.l_discount` — expression, source"), "{text}");

    // Definition: the model reference, then the column into the upstream model.
    let pos = position_of(&mart, "int_order_totals", 0, 3);
    let def = c.request(
        "textDocument/definition",
        json!({ "textDocument": td(&c, MART), "position": pos }),
    );
    assert_eq!(def[0]["uri"], c.uri(TOTALS).as_str(), "{def}");
    let pos = position_of(&mart, "t.net_amount", 0, 4);
    let def = c.request(
        "textDocument/definition",
        json!({ "textDocument": td(&c, MART), "position": pos }),
    );
    assert_eq!(def[0]["uri"], c.uri(TOTALS).as_str(), "{def}");
    assert_eq!(def[0]["range"]["start"], position_of(&totals, "net_amount", 0, 0), "{def}");

    // References of the upstream column list the consumer's uses.
    let pos = position_of(&totals, "net_amount", 0, 1);
    let refs = c.request(
        "textDocument/references",
        json!({ "textDocument": td(&c, TOTALS), "position": pos, "context": { "includeDeclaration": true } }),
    );
    let mart_uri = c.uri(MART);
    let in_mart = refs.as_array().unwrap().iter().filter(|r| r["uri"] == mart_uri.as_str()).count();
    assert_eq!(in_mart, mart.matches("t.net_amount").count(), "{refs}");

    // Rename the upstream column; apply the edit everywhere; nothing breaks.
    let prep = c.request(
        "textDocument/prepareRename",
        json!({ "textDocument": td(&c, TOTALS), "position": pos }),
    );
    assert!(prep.get("start").is_some(), "{prep}");
    let edit = c.request(
        "textDocument/rename",
        json!({ "textDocument": td(&c, TOTALS), "position": pos, "newName": "net_total" }),
    );
    let changes = edit["changes"].as_object().unwrap_or_else(|| panic!("{edit}"));
    assert!(changes.len() >= 2, "{edit}");
    let mut edited = Vec::new();
    for (version, (uri, edits)) in (1..).zip(changes) {
        let rel = uri.strip_prefix(&c.uri("")).unwrap().trim_start_matches('/').to_string();
        let before = read(&root, &rel);
        let after = apply_edits(&before, edits.as_array().unwrap());
        if rel != MART && rel != TOTALS {
            c.open(&rel, &before);
        }
        c.change(&rel, version, json!([{ "text": after }]));
        edited.push(rel);
    }
    let ws = c.request("workspace/diagnostic", json!({ "previousResultIds": [] }));
    let errors: Vec<&Value> = ws["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["items"].as_array().unwrap().iter().map(move |d| (i, d)))
        .filter(|(_, d)| d["severity"] == 1)
        .map(|(i, _)| i)
        .collect();
    assert!(errors.is_empty(), "{errors:?}\n{edit}");
    for rel in &edited {
        let diags = c.diagnostics_where(rel, |d| d.is_empty());
        assert!(diags.is_empty(), "{rel}: {diags:?}");
    }

    // A sidecar created on disk reaches the server through watched-file events.
    std::fs::write(root.join("models/marts/zz_scratch.toml"), "").unwrap();
    let sidecar = c.uri("models/marts/zz_scratch.toml");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": sidecar, "type": 1 }] }),
    );
    // A quick fix applied fixes its diagnostic.
    let scratch = "SELECT order_keyy FROM stg_orders\n";
    c.open(SCRATCH, scratch);
    let diags = c.diagnostics_where(SCRATCH, |d| !d.is_empty());
    assert_eq!(codes(&diags), ["E120"], "{diags:?}");
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": td(&c, SCRATCH), "range": diags[0]["range"], "context": { "diagnostics": diags } }),
    );
    let fix =
        actions.as_array().unwrap().iter().find(|a| a["kind"] == "quickfix").expect("a quick fix");
    assert_eq!(fix["title"], "Change to `order_key`");
    let edits = fix["edit"]["changes"][c.uri(SCRATCH)].as_array().unwrap().clone();
    let fixed = apply_edits(scratch, &edits);
    c.change(SCRATCH, 1, json!([{ "text": fixed }]));
    let after = c.diagnostics_where(SCRATCH, |d| d.is_empty());
    assert!(after.is_empty());
    c.shutdown();
}

#[test]
fn completion_signature_help_and_tokens() {
    let root = project("complete");
    std::fs::write(root.join("models/marts/zz_scratch.toml"), "").unwrap();
    let mut c = Client::start(&root, &["utf-16"]);
    let mut version = 0;
    c.open(SCRATCH, "SELECT 1 AS x\n");
    // Ten cursor positions (`|`), each with labels the list must hold.
    let cases: &[(&str, &[&str])] = &[
        ("SELECT o.| FROM stg_orders AS o", &["order_key", "clerk_id"]),
        ("SELECT * FROM |", &["stg_orders", "int_order_totals"]),
        ("SELECT * FROM stg_c|", &["stg_customer"]),
        ("SELECT ord| FROM stg_orders", &["order_key", "order_date"]),
        ("SELECT su| FROM stg_orders", &["sum", "substring"]),
        ("SELECT order_key FROM stg_orders WHERE |", &["order_status", "AND"]),
        ("SELECT order_key FROM stg_orders ORDER BY |", &["order_key", "DESC"]),
        (
            "SELECT t.| FROM stg_orders AS o JOIN int_order_totals AS t ON t.order_key = o.order_key",
            &["net_amount"],
        ),
        ("WITH c AS (SELECT 1 AS x) SELECT * FROM |", &["c", "stg_orders"]),
        ("SELECT count(*) FROM stg_orders GROUP BY |", &["order_status", "HAVING"]),
    ];
    for (text, want) in cases {
        let at = text.find('|').unwrap();
        let body = text.replacen('|', "", 1);
        version += 1;
        c.change(SCRATCH, version, json!([{ "text": body }]));
        let res = c.request(
            "textDocument/completion",
            json!({ "textDocument": td(&c, SCRATCH), "position": { "line": 0, "character": at } }),
        );
        let labels: Vec<&str> =
            res["items"].as_array().unwrap().iter().map(|i| i["label"].as_str().unwrap()).collect();
        for w in *want {
            assert!(labels.contains(w), "`{text}`: {w} missing from {labels:?}");
        }
    }

    // Signature help follows the argument.
    version += 1;
    let body = "SELECT round(total_price, ) FROM stg_orders";
    c.change(SCRATCH, version, json!([{ "text": body }]));
    let help = c.request(
        "textDocument/signatureHelp",
        json!({ "textDocument": td(&c, SCRATCH), "position": { "line": 0, "character": 26 } }),
    );
    let label = help["signatures"][help["activeSignature"].as_u64().unwrap() as usize]["label"]
        .as_str()
        .unwrap();
    assert!(label.starts_with("round("), "{help}");
    assert_eq!(help["activeParameter"], 1, "{help}");

    // Semantic tokens decode to the expected kinds.
    let mart = read(&root, MART);
    c.open(MART, &mart);
    let legend =
        c.request("textDocument/semanticTokens/full", json!({ "textDocument": td(&c, MART) }));
    let data: Vec<u64> =
        legend["data"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
    let kinds = [
        "keyword",
        "comment",
        "string",
        "number",
        "operator",
        "class",
        "namespace",
        "struct",
        "property",
        "variable",
        "function",
        "macro",
        "type",
    ];
    let (mut line, mut col) = (0u64, 0u64);
    let lines: Vec<&str> = mart.lines().collect();
    let mut seen = std::collections::HashMap::new();
    for t in data.chunks(5) {
        if t[0] > 0 {
            col = 0;
        }
        line += t[0];
        col += t[1];
        let word: String =
            lines[line as usize].chars().skip(col as usize).take(t[2] as usize).collect();
        seen.insert(word, kinds[t[3] as usize]);
    }
    assert_eq!(seen["stg_orders"], "class", "{seen:?}");
    assert_eq!(seen["int_order_totals"], "class");
    assert_eq!(seen["clerk_id"], "property");
    assert_eq!(seen["ntile"], "function");
    assert_eq!(seen["SELECT"], "keyword");
    assert_eq!(seen["'Clerk '"], "string");
    assert_eq!(seen["o"], "variable");

    // Document symbols, inlay hints and folding answer on the model.
    let syms = c.request("textDocument/documentSymbol", json!({ "textDocument": td(&c, MART) }));
    assert_eq!(syms[0]["name"], "mart_clerk_performance", "{syms}");
    let hints = c.request(
        "textDocument/inlayHint",
        json!({ "textDocument": td(&c, MART), "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 99, "character": 0 } } }),
    );
    assert!(hints.as_array().unwrap().iter().any(|h| h["label"] == ": BIGINT NOT NULL"), "{hints}");
    c.shutdown();
}

#[test]
fn utf16_positions_with_emoji_and_accents() {
    let root = project("utf16");
    std::fs::write(root.join("models/marts/zz_scratch.toml"), "").unwrap();
    let mut c = Client::start(&root, &["utf-16"]);
    // `😀` is two UTF-16 units (four bytes), `é` and `ü` one (two bytes): `order_keyy`
    // starts at UTF-16 column 27, byte 31.
    let text = "SELECT '😀é' AS s, /* ü */ order_keyy FROM stg_orders\r\n";
    c.open(SCRATCH, text);
    let diags = c.diagnostics_where(SCRATCH, |d| !d.is_empty());
    assert_eq!(diags[0]["range"]["start"], json!({ "line": 0, "character": 27 }), "{diags:?}");
    assert_eq!(diags[0]["range"]["end"], json!({ "line": 0, "character": 37 }));
    // An edit addressed in UTF-16 past the emoji lands where it should.
    c.change(
        SCRATCH,
        1,
        json!([{ "range": { "start": { "line": 0, "character": 36 }, "end": { "line": 0, "character": 37 } }, "text": "" }]),
    );
    let fixed = c.diagnostics_where(SCRATCH, |d| d.is_empty());
    assert!(fixed.is_empty());
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": td(&c, SCRATCH), "position": { "line": 0, "character": 29 } }),
    );
    assert_eq!(hover["range"]["start"], json!({ "line": 0, "character": 27 }), "{hover}");
    // Out-of-range positions are clamped, not errors.
    let far = c.request(
        "textDocument/hover",
        json!({ "textDocument": td(&c, SCRATCH), "position": { "line": 40, "character": 900 } }),
    );
    assert!(far.get("error").is_none(), "{far}");
    c.shutdown();

    // UTF-8 when the client offers it: columns in bytes.
    let mut c = Client::start(&root, &["utf-8", "utf-16"]);
    c.open(SCRATCH, text);
    let diags = c.diagnostics_where(SCRATCH, |d| !d.is_empty());
    assert_eq!(diags[0]["range"]["start"], json!({ "line": 0, "character": 31 }), "{diags:?}");
    c.shutdown();
}

/// A `.rocky` model in the editor: diagnostics at the spot in the pipeline text, hover,
/// completion of steps and columns, semantic tokens, and formatting.
#[test]
fn rocky_pipelines_in_the_editor() {
    const PIPE: &str = "models/marts/zz_pipeline.rocky";
    let root = project("pipeline");
    std::fs::write(root.join("models/marts/zz_pipeline.toml"), "").unwrap();
    let mut c = Client::start(&root, &["utf-16"]);
    let broken = "from stg_orders as o\nwhere o.order_stauts == \"F\"|take 5\n";
    c.open(PIPE, broken);
    let diags = c.diagnostics_where(PIPE, |d| !d.is_empty());
    assert_eq!(codes(&diags), ["E120"], "{diags:?}");
    assert_eq!(diags[0]["range"]["start"], json!({ "line": 1, "character": 8 }));
    assert_eq!(diags[0]["range"]["end"], json!({ "line": 1, "character": 20 }));

    let fixed = "from stg_orders as o\nwhere o.order_status == \"F\"|take 5\n";
    c.change(PIPE, 1, json!([{ "text": fixed }]));
    assert!(c.diagnostics_where(PIPE, |d| d.is_empty()).is_empty());

    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": td(&c, PIPE), "position": { "line": 1, "character": 12 } }),
    );
    let markup = hover["contents"]["value"].as_str().unwrap();
    assert!(markup.contains("order_status"), "{markup}");

    let body = "from stg_orders\nwhere ord\n";
    c.change(PIPE, 2, json!([{ "text": body }]));
    let res = c.request(
        "textDocument/completion",
        json!({ "textDocument": td(&c, PIPE), "position": { "line": 1, "character": 9 } }),
    );
    let labels: Vec<&str> =
        res["items"].as_array().unwrap().iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert!(labels.contains(&"order_status") && labels.contains(&"order_date"), "{labels:?}");

    let tokens =
        c.request("textDocument/semanticTokens/full", json!({ "textDocument": td(&c, PIPE) }));
    assert!(!tokens["data"].as_array().unwrap().is_empty());

    c.change(PIPE, 3, json!([{ "text": fixed }]));
    let edits = c.request(
        "textDocument/formatting",
        json!({ "textDocument": td(&c, PIPE), "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    let formatted = apply_edits(fixed, edits.as_array().unwrap());
    assert_eq!(formatted, "from stg_orders as o\nwhere o.order_status == \"F\"\ntake 5\n");
}

/// `rocky lineage --format json` of `target`, without `version` and `command`.
fn cli_lineage(root: &Path, target: &str, direction: &str) -> Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rocky"))
        .args(["--project", root.to_str().unwrap(), "lineage", target, direction])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let obj = v.as_object_mut().unwrap();
    obj.remove("version");
    obj.remove("command");
    v
}

#[test]
fn rocky_requests_of_the_editor_extensions() {
    let root = project("ext");
    let mut c = Client::start(&root, &["utf-16"]);
    let mart = read(&root, MART);
    c.open(MART, &mart);
    c.diagnostics_where(MART, |_| true);

    // The project's state for the status bar.
    let models = walk_models(&root.join("models"));
    let status = c.request("rocky/status", json!({}));
    let projects = status["projects"].as_array().unwrap();
    assert_eq!(projects.len(), 1, "{status}");
    assert_eq!(projects[0]["root"], root.display().to_string());
    assert_eq!(projects[0]["models"], models, "{status}");
    assert_eq!(
        (projects[0]["errors"].as_u64(), projects[0]["warnings"].as_u64()),
        (Some(0), Some(0))
    );

    // Compiled SQL: the statement `rocky run` sends, its references bound to the tables
    // the run writes (the file's header comment is no part of the statement).
    let compiled = c.request("rocky/compiledSql", json!({ "textDocument": td(&c, MART) }));
    assert_eq!(compiled["model"], "mart_clerk_performance", "{compiled}");
    assert_eq!(compiled["root"], root.display().to_string());
    let sql = compiled["sql"].as_str().unwrap();
    assert!(sql.starts_with("SELECT\n    o.clerk_id,\n"), "{sql}");
    assert!(sql.contains("FROM \"analytics\".\"main\".\"stg_orders\" AS o\n"), "{sql}");
    assert!(sql.contains("JOIN \"analytics\".\"main\".\"int_order_totals\" AS t ON"), "{sql}");
    assert!(!sql.contains("JOIN int_order_totals"), "{sql}");
    // A file that is no model: null, not an error.
    let none = c.request("rocky/compiledSql", json!({ "textDocument": td(&c, "rocky.toml") }));
    assert_eq!(none, Value::Null);

    // Lineage at the cursor: exactly what `rocky lineage` prints for that column.
    let at = position_of(&mart, "t.net_amount", 0, 4);
    for (direction, flag) in [("upstream", "--upstream"), ("downstream", "--downstream")] {
        let got = c.request(
            "rocky/lineage",
            json!({ "textDocument": td(&c, MART), "position": at, "direction": direction }),
        );
        assert_eq!(got["target"], json!({ "model": "int_order_totals", "column": "net_amount" }));
        assert!(!got["edges"].as_array().unwrap().is_empty(), "{got}");
        assert_eq!(got, cli_lineage(&root, "int_order_totals.net_amount", flag));
    }
    // On an output alias: the model's own column; on a model name: the whole model.
    let alias = position_of(&mart, "AS net_revenue", 0, 4);
    let got =
        c.request("rocky/lineage", json!({ "textDocument": td(&c, MART), "position": alias }));
    assert_eq!(got, cli_lineage(&root, "mart_clerk_performance.net_revenue", "--upstream"));
    let model = position_of(&mart, "int_order_totals AS t", 0, 3);
    let got =
        c.request("rocky/lineage", json!({ "textDocument": td(&c, MART), "position": model }));
    assert_eq!(got["target"], json!({ "model": "int_order_totals" }), "{got}");
    // On a source table: named even though nothing is upstream of it.
    let stg = "models/staging/stg_orders.sql";
    let text = read(&root, stg);
    let at_source = position_of(&text, "tpch.orders", 0, 6);
    let got = c.request(
        "rocky/lineage",
        json!({ "textDocument": td(&c, stg), "position": at_source, "direction": "upstream" }),
    );
    assert_eq!(got["target"]["source"].as_str().map(str::is_empty), Some(false), "{got}");
    assert_eq!(got, cli_lineage(&root, "tpch.orders", "--upstream"));

    // A broken edit shows in the status.
    let end = json!({ "line": at["line"], "character": at["character"].as_u64().unwrap() + 8 });
    c.change(MART, 1, json!([{ "range": { "start": at, "end": end }, "text": "net_amout" }]));
    c.diagnostics_where(MART, |d| !d.is_empty());
    let status = c.request("rocky/status", json!({}));
    assert_eq!(status["projects"][0]["errors"].as_u64(), Some(1), "{status}");
    c.shutdown();
}

fn walk_models(dir: &Path) -> usize {
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            n += walk_models(&p);
        } else if p.extension().is_some_and(|x| x == "sql" || x == "rocky") {
            n += 1;
        }
    }
    n
}

#[test]
fn compiled_sql_binds_the_window_as_rocky_run_does() {
    let root = project("window");
    let daily = "models/marts/zz_daily_orders.sql";
    std::fs::write(
        root.join(daily),
        "SELECT order_date, count(*) AS orders FROM stg_orders\n\
         WHERE order_date >= @start_date AND order_date < @end_date\nGROUP BY order_date\n",
    )
    .unwrap();
    std::fs::write(
        root.join("models/marts/zz_daily_orders.toml"),
        "[strategy]\ntype = \"time_interval\"\ntime_column = \"order_date\"\ngranularity = \"day\"\n",
    )
    .unwrap();
    // The same query without a time-partitioned strategy: `rocky run` has no window for it.
    let plain = "models/marts/zz_plain_orders.sql";
    std::fs::write(root.join(plain), read(&root, daily)).unwrap();
    let mut c = Client::start(&root, &["utf-16"]);
    c.open(daily, &read(&root, daily));

    let got = c.request("rocky/compiledSql", json!({ "textDocument": td(&c, daily) }));
    let sql = got["sql"].as_str().unwrap();
    assert!(sql.starts_with("SELECT order_date"), "{sql}");
    assert!(sql.contains("FROM \"analytics\".\"main\".\"stg_orders\""), "{sql}");
    assert!(sql.contains(">= @start_date AND order_date < @end_date"), "{sql}");

    let got = c.request("rocky/compiledSql", json!({ "textDocument": td(&c, plain) }));
    let sql = got["sql"].as_str().unwrap();
    assert!(sql.starts_with("-- rocky: cannot bind this model's references:\n-- "), "{sql}");
    assert!(sql.contains("@start_date"), "{sql}");
    assert!(sql.ends_with("GROUP BY order_date"), "{sql}");
    c.shutdown();
}

#[test]
fn the_dialect_setting_overrides_the_adapter() {
    let text = "SELECT * EXCLUDE (x) FROM (SELECT 1 AS x, 2 AS y) AS s\n";
    for (dialect, expected) in [("", None), ("bigquery", Some("not supported in bigquery"))] {
        let root = project(&format!("dialect{dialect}"));
        std::fs::write(root.join(SCRATCH), text).unwrap();
        let mut c = Client::start_with(&root, &["utf-16"], json!({ "dialect": dialect }));
        c.open(SCRATCH, text);
        let diags = c.diagnostics_where(SCRATCH, |_| true);
        let unsupported =
            diags.iter().any(|d| d["message"].as_str().unwrap().contains("is not supported in"));
        match expected {
            None => assert!(!unsupported, "{diags:?}"),
            Some(msg) => assert!(
                diags.iter().any(|d| d["message"].as_str().unwrap().contains(msg)),
                "{diags:?}"
            ),
        }
        c.shutdown();
    }
}
