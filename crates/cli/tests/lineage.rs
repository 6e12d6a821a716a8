//! `rocky lineage` on the sample projects, as a user runs it. Each project's lineage is
//! snapshotted in its `expected/lineage.txt`: every model's every output column, upstream
//! to the sources, with filters (`UPDATE_EXPECT=1` rewrites; review before committing).
//! `test_data/projects/lineage` holds the tricky shapes: renames through CTEs, `*` through
//! three models, windows over a join, UNION branches from different relations, correlated
//! subqueries, COALESCE of two sources, a column used only in WHERE, `USING`, a pipeline
//! and an ephemeral model.

mod rocky_cmd;

use rocky_cmd::{expected, path_str, project, rocky};

/// The project's model names, from `rocky compile -o json`.
fn models(rel: &str) -> Vec<String> {
    let out = rocky(&["--project", path_str(&project(rel)), "compile", "-o", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("compile JSON");
    json["models"]
        .as_array()
        .expect("models")
        .iter()
        .filter_map(|m| m["name"].as_str().map(str::to_string))
        .collect()
}

/// `rocky lineage` in project `rel`, expected to succeed; its stdout.
fn lineage(rel: &str, args: &[&str]) -> String {
    let dir = project(rel);
    let mut all = vec!["--project", path_str(&dir), "lineage"];
    all.extend_from_slice(args);
    let out = rocky(&all);
    assert_eq!(out.code, 0, "rocky {all:?}\nstdout:\n{}\nstderr:\n{}", out.stdout, out.stderr);
    out.stdout
}

/// Every output column of every model, upstream with filters; returns how many columns.
fn snapshot_project(rel: &str) -> usize {
    let mut text = String::new();
    let mut columns = 0;
    for model in models(rel) {
        let out = lineage(rel, &[&model, "--format", "text", "--include-filters"]);
        columns += out.lines().filter(|l| l.starts_with(&format!("{model}."))).count();
        text.push_str(&out);
        text.push('\n');
    }
    expected(rel, "lineage.txt").assert_eq(&text);
    columns
}

#[test]
fn every_column_of_every_sample_project() {
    let counts: Vec<(&str, usize)> = ["playground", "nested", "analytics", "lineage"]
        .into_iter()
        .map(|p| (p, snapshot_project(p)))
        .collect();
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    assert!(total >= 80, "at least 80 output columns are snapshotted, not {total}: {counts:?}");
}

#[test]
fn downstream_of_source_and_model_columns() {
    let mut text = String::new();
    for args in [
        &["shop.orders.amount", "--downstream"][..],
        &["shop.orders.status", "--downstream", "--include-filters"],
        &["shop.orders.is_test", "--downstream"],
        &["shop.orders.is_test", "--downstream", "--include-filters", "--depth", "1"],
        &["shop.customers.country", "--downstream"],
        &["crm.contacts", "--downstream"],
        &["stg_orders.customer_id", "--downstream"],
        &["web.events.ts", "--downstream"],
        &["star_c.amount", "--upstream"],
        &["star_c.amount", "--depth", "2"],
    ] {
        text.push_str(&format!("$ rocky lineage {}\n", args.join(" ")));
        let mut with_format = args.to_vec();
        with_format.extend(["--format", "text"]);
        text.push_str(&lineage("lineage", &with_format));
        text.push('\n');
    }
    expected("lineage", "walks.txt").assert_eq(&text);
}

#[test]
fn json_follows_the_cli_contract() {
    let out = lineage("playground", &["revenue_summary.total_revenue", "--format", "json"]);
    expected("playground", "lineage.json").assert_eq(&out);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["command"], "lineage");
    assert_eq!(json["target"]["model"], "revenue_summary");
    assert_eq!(json["target"]["column"], "total_revenue");
    let edges = json["edges"].as_array().expect("edges");
    let last = edges.last().expect("an edge to the source");
    assert_eq!(last["from"]["source"], "raw__orders.orders");
    assert_eq!(last["from"]["column"], "amount");
    assert_eq!(last["to"]["model"], "raw_orders");
    // `-o json` picks JSON too; a whole source downstream names no column in the target.
    let out = rocky(&[
        "--project",
        path_str(&project("lineage")),
        "-o",
        "json",
        "lineage",
        "shop.refunds",
        "--downstream",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(json["target"], serde_json::json!({ "source": "shop.refunds" }));
    assert_eq!(json["direction"], "downstream");
    let transforms: Vec<&str> = json["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .filter_map(|e| e["transform"].as_str())
        .collect();
    assert!(transforms.contains(&"direct") && transforms.contains(&"expression"), "{transforms:?}");
}

/// Graphviz's `dot` must accept every graph (CI installs graphviz).
#[test]
fn dot_renders_with_graphviz() {
    for (rel, args) in [
        ("playground", &["revenue_summary", "--include-filters"][..]),
        ("lineage", &["shop.orders", "--downstream", "--include-filters"]),
        ("lineage", &["customer_stats", "--include-filters"]),
        ("analytics", &["mart_clerk_performance"]),
    ] {
        let mut with_format = args.to_vec();
        with_format.extend(["--format", "dot"]);
        let graph = lineage(rel, &with_format);
        assert!(graph.starts_with("digraph lineage {"), "{graph}");
        let svg = std::process::Command::new("dot")
            .arg("-Tsvg")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                child.stdin.take().expect("stdin").write_all(graph.as_bytes())?;
                child.wait_with_output()
            })
            .expect("graphviz's `dot` is installed (apt-get install graphviz)");
        let stderr = String::from_utf8_lossy(&svg.stderr);
        assert!(
            svg.status.success() && stderr.is_empty(),
            "dot rejected {args:?}: {stderr}\n{graph}"
        );
        assert!(String::from_utf8_lossy(&svg.stdout).contains("<svg"), "no SVG for {args:?}");
    }
    expected("lineage", "customer_stats.dot")
        .assert_eq(&lineage("lineage", &["customer_stats.max_amount", "--format", "dot"]));
}

#[test]
fn bad_targets_are_clear_errors() {
    let dir = project("lineage");
    for (target, message) in [
        ("stg_order", "did you mean `stg_orders`"),
        ("stg_orders.amout", "model `stg_orders` has no column `amout`; did you mean `amount`"),
        ("shop.orders.amout", "source `shop.orders` has no column `amout`"),
        ("nothing", "is not a model, a model's column or a source column"),
    ] {
        let out = rocky(&["--project", path_str(&dir), "lineage", target]);
        assert_eq!(out.code, 3, "{target}: {}", out.stderr);
        assert!(out.stderr.contains(message), "{target}: {}", out.stderr);
        assert!(out.stdout.is_empty(), "{target}: nothing on stdout");
    }
    let out = rocky(&[
        "--project",
        path_str(&dir),
        "lineage",
        "stg_orders",
        "--upstream",
        "--downstream",
    ]);
    assert_eq!(out.code, 3, "--upstream and --downstream conflict");
}

/// A generated project (`../shared/bench/gen_project.py`) ships its own ground truth in
/// `dag.json`: for every output column, the columns it is computed from. `rocky lineage
/// MODEL --depth 1` must name every one of them; the only columns it may add are window
/// `PARTITION BY`/`ORDER BY` keys (edges of kind `window`), which change a window's value
/// but which the generator does not count.
#[test]
fn generated_project_agrees_with_its_ground_truth() {
    use std::collections::BTreeSet;
    let out = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("lineage-gen-200");
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/bench/gen_project.py");
    let status = std::process::Command::new("python3")
        .arg(&script)
        .args(["--models", "200", "--seed", "7", "--out"])
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("python3 runs");
    assert!(status.success(), "gen_project.py failed");
    let dag: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("dag.json")).expect("dag.json"))
            .expect("dag.json is JSON");
    let models = dag["models"].as_array().expect("models");
    let project = out.join("rocky");

    // Per model: output column -> {(input, transform)}; two workers, one process each.
    let answers: Vec<(String, InputsByColumn)> = std::thread::scope(|scope| {
        let workers: Vec<_> = models
            .chunks(models.len().div_ceil(2))
            .map(|chunk| {
                let project = &project;
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|m| {
                            let name = m["name"].as_str().expect("name").to_string();
                            let args = [&name[..], "--depth", "1", "--format", "json"];
                            let json = lineage_json(project, &args);
                            (name, inputs_by_column(&json))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().expect("worker")).collect()
    });

    let (mut columns, mut exact, mut window_keys) = (0, 0, 0);
    let mut wrong = Vec::new();
    for (model, (name, ours)) in models.iter().zip(&answers) {
        assert_eq!(model["name"].as_str(), Some(&name[..]));
        for column in model["columns"].as_array().expect("columns") {
            let col = column["name"].as_str().expect("column name");
            let truth: BTreeSet<String> = column["from"]
                .as_array()
                .expect("from")
                .iter()
                .filter_map(|f| f.as_str())
                .filter(|f| !f.ends_with(".*")) // count(*): rows, not a column
                .map(|f| f.strip_prefix("source:").map_or(f.to_string(), |s| format!("raw__{s}")))
                .collect();
            let got = ours.get(col).cloned().unwrap_or_default();
            let got_names: BTreeSet<String> = got.iter().map(|(n, _)| n.clone()).collect();
            let missing: Vec<&String> = truth.difference(&got_names).collect();
            let extra: Vec<&(String, String)> =
                got.iter().filter(|(n, _)| !truth.contains(n)).collect();
            columns += 1;
            if missing.is_empty() && extra.is_empty() {
                exact += 1;
            } else if missing.is_empty() && extra.iter().all(|(_, t)| t == "window") {
                window_keys += 1;
            } else {
                wrong.push(format!("{name}.{col}: missing {missing:?}, extra {extra:?}"));
            }
        }
    }
    println!(
        "lineage vs gen_project.py ground truth: {columns} columns, {exact} exact, \
         {window_keys} with window keys added, {} wrong",
        wrong.len()
    );
    assert!(columns > 1500, "the generated project has {columns} columns");
    assert!(wrong.is_empty(), "{} columns disagree:\n{}", wrong.len(), wrong.join("\n"));
    assert!(exact * 10 > columns * 9, "exact answers: {exact}/{columns}");
}

fn lineage_json(project: &std::path::Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--project", path_str(project), "lineage"];
    all.extend_from_slice(args);
    let out = rocky(&all);
    assert_eq!(out.code, 0, "rocky {all:?}: {}", out.stderr);
    serde_json::from_str(&out.stdout).expect("lineage JSON")
}

/// `to.column` -> {(`model.column` or `schema.table.column`, transform)} of an answer.
type InputsByColumn =
    std::collections::BTreeMap<String, std::collections::BTreeSet<(String, String)>>;

fn inputs_by_column(json: &serde_json::Value) -> InputsByColumn {
    let mut by = std::collections::BTreeMap::<String, std::collections::BTreeSet<_>>::new();
    for edge in json["edges"].as_array().expect("edges") {
        let from = &edge["from"];
        let node = from["model"].as_str().or(from["source"].as_str()).expect("from");
        let input = format!("{node}.{}", from["column"].as_str().expect("from.column"));
        let to = edge["to"]["column"].as_str().expect("to.column").to_string();
        let transform = edge["transform"].as_str().expect("transform").to_string();
        by.entry(to).or_default().insert((input, transform));
    }
    by
}
