//! The sample projects under `test_data/projects/`, compiled by the `rocky` binary as a
//! user or a CI job runs it. Each project's output is snapshotted in its `expected/`
//! folder, in human and JSON form; `UPDATE_EXPECT=1 cargo test -p cli --test projects`
//! rewrites the snapshots (review them before committing: a snapshot is a claim that the
//! output is right).
//!
//! - `nested`: subfolders, `_defaults.toml`, groups, frontmatter, test definitions, a
//!   sibling contract and a `--contracts` folder, seed tables, CTE shadowing, `USING`,
//!   correlated subqueries, `QUALIFY` on an alias, GROUP BY ordinals: zero diagnostics.
//! - `broken`: one mistake per file, of every kind `compile` reports for a readable project.
//! - `three_broken`: 3 of 10 models do not parse; the name errors of the others still show.
//! - `bad_input/*`: projects `rocky` must refuse with a clear message and a non-zero exit.

mod rocky_cmd;

use std::path::{Path, PathBuf};

use rocky_cmd::{expected, path_str, project, rocky, test_data};

/// Replaces what changes from run to run: `"elapsed_ms": <n>` and `in <n> ms`.
fn normalize(text: &str) -> String {
    let text = replace_number_after(text, "\"elapsed_ms\": ", "", "0");
    replace_number_after(&text, " in ", " ms", "[elapsed]")
}

/// Every `<prefix><digits><suffix>` with the digits replaced by `with`.
fn replace_number_after(text: &str, prefix: &str, suffix: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        let after = &rest[at + prefix.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        out.push_str(&rest[..at + prefix.len()]);
        if digits > 0 && after[digits..].starts_with(suffix) {
            out.push_str(with);
            rest = &after[digits..];
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// `rocky --project <rel> compile` in both output forms, snapshotted, with the exit code
/// asserted. Returns the JSON output, parsed.
fn compile_snapshots(rel: &str, extra: &[&str], exit: i32) -> serde_json::Value {
    let dir = project(rel);
    let mut json = serde_json::Value::Null;
    for (format, file) in [("table", "compile.txt"), ("json", "compile.json")] {
        let mut args = vec!["--project", path_str(&dir), "compile", "-o", format];
        args.extend_from_slice(extra);
        let out = rocky(&args);
        assert_eq!(
            out.code, exit,
            "rocky {args:?}\nstdout:\n{}\nstderr:\n{}",
            out.stdout, out.stderr
        );
        expected(rel, file).assert_eq(&normalize(&out.stdout));
        if format == "json" {
            json = serde_json::from_str(&out.stdout).expect("compile -o json prints JSON");
        }
    }
    json
}

fn diagnostics(json: &serde_json::Value) -> &[serde_json::Value] {
    json["diagnostics"].as_array().map_or(&[], Vec::as_slice)
}

/// `(code, file)` of every diagnostic.
fn codes_and_files(json: &serde_json::Value) -> Vec<(String, String)> {
    diagnostics(json)
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_string(),
                d["file"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

// ---- the sample projects ----

#[test]
fn playground_compiles_clean() {
    let json = compile_snapshots("playground", &[], 0);
    assert_eq!(
        diagnostics(&json),
        &[] as &[serde_json::Value],
        "the playground must compile clean"
    );
}

#[test]
fn nested_compiles_with_zero_diagnostics() {
    let contracts = project("nested/contracts");
    let json = compile_snapshots("nested", &["--contracts", path_str(&contracts)], 0);
    assert_eq!(diagnostics(&json), &[] as &[serde_json::Value], "nested must compile clean");
    let models = json["models"].as_array().expect("models");
    let by_name =
        |n: &str| models.iter().find(|m| m["name"] == n).unwrap_or_else(|| panic!("model {n}"));
    // Targets: staging/_defaults.toml; marts/_defaults.toml; the group over the defaults.
    assert_eq!(by_name("stg_customers")["target"], "shop.staging.stg_customers");
    assert_eq!(by_name("customer_orders")["target"], "shop.marts.customer_orders");
    assert_eq!(by_name("customer_revenue")["target"], "shop.finance.customer_revenue");
    // Strategies: defaults (view), sidecar over defaults (full_refresh), group (full_refresh).
    assert_eq!(by_name("stg_customers")["strategy"], "view");
    assert_eq!(by_name("stg_orders")["strategy"], "full_refresh");
    assert_eq!(by_name("customer_revenue")["strategy"], "full_refresh");
    // The CTE `customer_revenue` in top_customers shadows the model: no edge to it.
    let deps: Vec<&str> = by_name("top_customers")["depends_on"]
        .as_array()
        .expect("depends_on")
        .iter()
        .filter_map(|d| d.as_str())
        .collect();
    assert_eq!(deps, ["customer_orders"]);
}

#[test]
fn nested_without_contracts_flag_is_clean_too() {
    let out = rocky(&["--project", path_str(&project("nested")), "compile", "-o", "json"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(diagnostics(&json), &[] as &[serde_json::Value]);
}

#[test]
fn broken_reports_every_kind_of_mistake() {
    let json = compile_snapshots("broken", &[], 1);
    let found = codes_and_files(&json);
    let expect_in = |code: &str, file: &str| {
        assert!(
            found.iter().any(|(c, f)| c == code && f == file),
            "{code} expected in {file}; found {found:#?}"
        );
    };
    expect_in("E100", "models/syntax_error.sql");
    expect_in("E120", "models/unknown_column.sql");
    expect_in("E121", "models/ambiguous_column.sql");
    expect_in("E122", "models/unknown_alias.sql");
    expect_in("E123", "models/unknown_model.sql");
    expect_in("E123", "models/unknown_source.sql");
    expect_in("E124", "models/duplicate_alias.sql");
    expect_in("E124", "models/duplicate_cte.sql");
    expect_in("E125", "models/group_by_position.sql");
    expect_in("E126", "models/alias_list.sql");
    expect_in("E170", "models/cycle_a.sql");
    expect_in("E170", "models/cycle_b.sql");
    expect_in("E171", "models/revenue_us.toml");
    expect_in("E036", "models/daily_sales_v2.toml");
    expect_in("D011", "models/order_facts.sql");
    expect_in("V001", "models/bad_toml.toml");
    expect_in("V002", "models/env_schema.toml");
    expect_in("V003", "models/typo_key.toml");
    expect_in("V004", "models/bad_strategy.toml");
    expect_in("V013", "models/unclosed_frontmatter.sql");
    expect_in("V005", "models/merge_no_key.toml");
    expect_in("V006", "models/binary.sql");
    expect_in("V008", "models/no_sidecar.sql");
    expect_in("V009", "models/unplaced/no_schema.toml");
    expect_in("V010", "models/grouped.toml");
    expect_in("V011", "rocky.toml");
    expect_in("V012", "rocky.toml");
    expect_in("W011", "models/order_fact.contract.toml");
    expect_in("E001", "models/type_mismatch.sql");
    expect_in("W001", "models/join_key_cast.sql");
    expect_in("W002", "models/star_unknown.sql");
    expect_in("I001", "models/star_expanded.sql");
    expect_in("E140", "models/wrong_arity.sql");
    expect_in("E141", "models/ungrouped.sql");
    expect_in("E010", "models/contracted.contract.toml");
    expect_in("E011", "models/contracted.contract.toml");
    expect_in("E012", "models/contracted.contract.toml");
    expect_in("E013", "models/contracted.contract.toml");
    expect_in("W010", "models/contracted.contract.toml");
    expect_in("E142", "models/aggregate_in_where.sql");
    expect_in("E143", "models/window_in_where.sql");
    expect_in("E144", "models/union_width.sql");
    expect_in("W100", "models/unknown_function.sql");
    // The did-you-means the mistakes invite.
    let suggestion = |code: &str, file: &str| -> String {
        diagnostics(&json)
            .iter()
            .find(|d| d["code"] == code && d["file"] == file)
            .and_then(|d| d["suggestion"].as_str())
            .unwrap_or("")
            .to_string()
    };
    assert!(suggestion("E120", "models/unknown_column.sql").contains("`amount`"));
    assert!(suggestion("E123", "models/unknown_model.sql").contains("`orders`"));
    assert!(suggestion("V003", "models/typo_key.toml").contains("`depends_on`"));
    assert!(suggestion("V004", "models/bad_strategy.toml").contains("`incremental`"));
    assert!(suggestion("V010", "models/grouped.toml").contains("`finance`"));
    assert!(suggestion("V011", "rocky.toml").contains("`main`"));
    // Every other model is clean: one mistake never spills into another file.
    for clean in ["models/orders.sql", "models/customers.sql"] {
        assert!(!found.iter().any(|(_, f)| f == clean), "{clean} has diagnostics: {found:#?}");
    }
}

#[test]
fn broken_check_formats() {
    let dir = project("broken");
    let sarif = rocky(&["--project", path_str(&dir), "check", "--format", "sarif"]);
    assert_eq!(sarif.code, 1, "{}", sarif.stderr);
    expected("broken", "check.sarif.json").assert_eq(&sarif.stdout);
    let log: serde_json::Value = serde_json::from_str(&sarif.stdout).expect("SARIF is JSON");
    let schema_text = std::fs::read_to_string(test_data().join("sarif/sarif-schema-2.1.0.json"))
        .expect("vendored SARIF schema");
    let schema: serde_json::Value = serde_json::from_str(&schema_text).expect("schema is JSON");
    let validator = jsonschema::draft4::new(&schema).expect("schema compiles");
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let github = rocky(&["--project", path_str(&dir), "check", "--format", "github"]);
    assert_eq!(github.code, 1, "{}", github.stderr);
    expected("broken", "check.github.txt").assert_eq(&github.stdout);
}

#[test]
fn broken_validate_reports_configuration_only() {
    let out = rocky(&["--project", path_str(&project("broken")), "validate", "-o", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    expected("broken", "validate.json").assert_eq(&normalize(&out.stdout));
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    // No SQL analysis: no syntax or name errors.
    for (code, file) in codes_and_files(&json) {
        assert!(!code.starts_with("E1") || code == "E171", "validate reported {code} in {file}");
    }
}

#[test]
fn one_broken_file_hides_nothing_else() {
    let json = compile_snapshots("three_broken", &[], 1);
    let found = codes_and_files(&json);
    let broken =
        ["models/event_counts.sql", "models/signup_funnel.sql", "models/user_sessions.sql"];
    let mut syntax_files: Vec<&str> =
        found.iter().filter(|(c, _)| c == "E100").map(|(_, f)| f.as_str()).collect();
    syntax_files.dedup();
    assert_eq!(syntax_files, broken, "E100 in exactly the three broken files");
    for (code, file) in [
        ("E120", "models/daily_active.sql"),
        ("E123", "models/retention.sql"),
        ("E120", "models/power_users.sql"),
    ] {
        assert!(
            found.iter().any(|(c, f)| c == code && f == file),
            "{code} in {file} despite the syntax errors elsewhere; found {found:#?}"
        );
    }
    for clean in [
        "models/stg_users.sql",
        "models/stg_events.sql",
        "models/user_activity.sql",
        "models/session_summary.sql",
    ] {
        assert!(!found.iter().any(|(_, f)| f == clean), "{clean} has diagnostics: {found:#?}");
    }
    assert_eq!(json["summary"]["models"], 10);
}

// ---- every code has a test ----

/// The codes of `crates/hir/src/diagnostics/codes.rs` (`    E120 Error "..."` rows).
fn table_codes() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../hir/src/diagnostics/codes.rs");
    let text = std::fs::read_to_string(path).expect("codes.rs");
    let start = text.find("codes! {").expect("the codes! table");
    text[start..]
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let code = words.next()?;
            let severity = words.next()?;
            let ok = code.len() == 4
                && code.starts_with(|c: char| c.is_ascii_uppercase())
                && code[1..].bytes().all(|b| b.is_ascii_digit())
                && ["Error", "Warning", "Info"].contains(&severity);
            ok.then(|| code.to_string())
        })
        .collect()
}

fn snapshot_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            snapshot_files(&path, out);
        } else {
            let in_expected = path
                .components()
                .any(|c| c.as_os_str().to_str().is_some_and(|s| s.ends_with("expected")));
            let is_txt = path.extension().is_some_and(|e| e == "txt");
            if in_expected || is_txt {
                out.push(path);
            }
        }
    }
}

#[test]
fn every_code_in_the_table_is_in_a_snapshot() {
    let codes = table_codes();
    assert!(codes.len() >= 20, "parsed the codes table: {codes:?}");
    let mut files = Vec::new();
    for sub in ["projects", "config", "hir"] {
        snapshot_files(&test_data().join(sub), &mut files);
    }
    let texts: Vec<String> = files.iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect();
    let missing: Vec<&String> = codes
        .iter()
        .filter(|code| {
            let forms = [
                format!("\"code\": \"{code}\""),
                format!("error[{code}]"),
                format!("warning[{code}]"),
                format!("\n{code} "),
            ];
            !texts.iter().any(|t| {
                forms.iter().any(|f| t.contains(f.as_str())) || t.starts_with(&format!("{code} "))
            })
        })
        .collect();
    assert!(missing.is_empty(), "codes no snapshot under test_data shows: {missing:?}");
}

// ---- bad input: a clear message, a non-zero exit, never a panic ----

#[test]
fn missing_rocky_toml_exits_3() {
    let dir = project("bad_input/missing_toml");
    for verb in ["validate", "compile", "check"] {
        let out = rocky(&["--project", path_str(&dir), verb]);
        assert_eq!(out.code, 3, "{verb}: {}", out.stderr);
        assert!(out.stdout.is_empty(), "{verb} printed {}", out.stdout);
        assert!(out.stderr.contains("holds no rocky.toml"), "{verb}: {}", out.stderr);
    }
    let out = rocky(&["-c", path_str(&dir.join("rocky.toml")), "compile"]);
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(out.stderr.contains("does not exist"), "{}", out.stderr);
}

#[test]
fn invalid_rocky_toml_is_v001() {
    let json = compile_snapshots("bad_input/invalid_toml", &[], 1);
    let found = codes_and_files(&json);
    assert!(found.contains(&("V001".into(), "rocky.toml".into())), "{found:#?}");
    let out = rocky(&[
        "--project",
        path_str(&project("bad_input/invalid_toml")),
        "validate",
        "-o",
        "json",
    ]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.contains("\"V001\""), "{}", out.stdout);
}

#[test]
fn unset_variable_in_rocky_toml_is_v002() {
    let json = compile_snapshots("bad_input/unset_var", &[], 1);
    let v002 = diagnostics(&json).iter().find(|d| d["code"] == "V002").expect("V002");
    assert_eq!(v002["file"], "rocky.toml");
    assert!(v002["message"].as_str().unwrap_or("").contains("ROCKY_TEST_UNSET"), "{v002}");
}

#[test]
fn empty_models_folder_is_v007() {
    let json = compile_snapshots("bad_input/empty_models", &[], 1);
    assert!(codes_and_files(&json).iter().any(|(c, _)| c == "V007"), "{json}");
    assert_eq!(json["summary"]["models"], 0);
}

#[test]
fn duplicate_model_names_are_e171() {
    let json = compile_snapshots("bad_input/duplicate_names", &[], 1);
    let found = codes_and_files(&json);
    assert!(found.iter().any(|(c, _)| c == "E171"), "{found:#?}");
    assert!(!found.iter().any(|(c, _)| c == "E036"), "different schemas, so no E036: {found:#?}");
}

#[test]
fn dependency_cycle_is_e170() {
    let json = compile_snapshots("bad_input/cycle", &[], 1);
    let cycle_files: Vec<String> =
        codes_and_files(&json).into_iter().filter(|(c, _)| c == "E170").map(|(_, f)| f).collect();
    assert_eq!(cycle_files, ["models/net_orders.sql", "models/orders.sql", "models/refunds.sql"]);
}

#[test]
fn binary_model_file_is_v006_and_the_rest_is_analysed() {
    let out = rocky(&["--project", path_str(&project("broken")), "compile", "-o", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let v006 = diagnostics(&json).iter().find(|d| d["code"] == "V006").expect("V006");
    assert_eq!(v006["file"], "models/binary.sql");
    assert!(v006["message"].as_str().unwrap_or("").contains("UTF-8"), "{v006}");
}

/// A fresh one-model project under the test's temp dir: `rocky.toml`, `models/orders.sql`
/// (`SELECT 1 AS order_id`) and its sidecar with a target.
#[cfg(unix)]
fn scratch_project(name: &str) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("projects-tests").join(name);
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("models")).expect("dirs");
    std::fs::write(root.join("rocky.toml"), "[adapter]\ntype = \"duckdb\"\n").expect("rocky.toml");
    std::fs::write(root.join("models/orders.sql"), "SELECT 1 AS order_id\n").expect("model");
    std::fs::write(
        root.join("models/orders.toml"),
        "[target]\ncatalog = \"memory\"\nschema = \"main\"\n",
    )
    .expect("sidecar");
    root
}

#[cfg(unix)]
#[test]
fn symlink_loop_in_models_is_walked_once() {
    let root = scratch_project("symlink-loop");
    std::fs::create_dir_all(root.join("models/sub")).expect("dirs");
    // models/loop -> models, and models/sub/back -> models: two ways round the same loop.
    std::os::unix::fs::symlink(root.join("models"), root.join("models/loop")).expect("symlink");
    std::os::unix::fs::symlink(root.join("models"), root.join("models/sub/back")).expect("symlink");
    let out = rocky(&["--project", path_str(&root), "compile", "-o", "json"]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(json["summary"]["models"], 1, "{json}");
    assert_eq!(diagnostics(&json), &[] as &[serde_json::Value]);
}

#[cfg(unix)]
#[test]
fn dangling_symlink_nul_bytes_and_a_named_pipe_are_v006_and_the_rest_is_analysed() {
    let root = scratch_project("unreadable");
    std::fs::write(root.join("models/blob.sql"), b"SELECT\0\0\0 garbage\n").expect("nul file");
    std::os::unix::fs::symlink(root.join("nowhere.sql"), root.join("models/gone.sql"))
        .expect("symlink");
    // Opened for reading, a pipe nobody writes to would hold the run forever.
    let made = std::process::Command::new("mkfifo")
        .arg(root.join("models/pipe.sql"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let out = rocky(&["--project", path_str(&root), "compile", "-o", "json"]);
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let v006: Vec<(String, String)> = diagnostics(&json)
        .iter()
        .filter(|d| d["code"] == "V006")
        .map(|d| {
            (d["file"].as_str().unwrap_or("").into(), d["message"].as_str().unwrap_or("").into())
        })
        .collect();
    assert_eq!(
        v006,
        [
            (
                "models/blob.sql".to_string(),
                "`models/blob.sql` is a binary file (a NUL byte at offset 6)".to_string()
            ),
            (
                "models/gone.sql".to_string(),
                "`models/gone.sql` cannot be read (a dangling symbolic link, or no permission)"
                    .to_string()
            ),
            (
                "models/pipe.sql".to_string(),
                "`models/pipe.sql` is not a regular file (a named pipe, socket or device)"
                    .to_string()
            ),
        ]
    );
    let orders = json["models"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["name"] == "orders"))
        .expect("orders is still compiled");
    assert_eq!(orders["columns"][0]["name"], "order_id");
}

#[test]
fn check_files_reports_their_models_own_files_and_config_edits_check_everything() {
    let dir = project("broken");
    let check = |file: &str| -> (i32, Vec<(String, String)>) {
        let path = dir.join(file);
        let out =
            rocky(&["--project", path_str(&dir), "check", "--format", "json", path_str(&path)]);
        let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
        (out.code, codes_and_files(&json))
    };
    // One model: its own findings only.
    let (code, found) = check("models/unknown_column.sql");
    assert_eq!(code, 1);
    assert_eq!(found, [("E120".to_string(), "models/unknown_column.sql".to_string())]);
    // A model whose finding sits in its sidecar: still reported.
    let (code, found) = check("models/unplaced/no_schema.sql");
    assert_eq!(code, 1);
    assert!(found.contains(&("V009".into(), "models/unplaced/no_schema.toml".into())), "{found:?}");
    // rocky.toml may change any model: everything is checked.
    let (_, all) = check("rocky.toml");
    let full = rocky(&["--project", path_str(&dir), "check", "--format", "json"]);
    let full: serde_json::Value = serde_json::from_str(&full.stdout).expect("JSON");
    assert_eq!(all, codes_and_files(&full));
}

/// `--with-seed`: a seed whose columns only running it tells (`range()` yields BIGINT) is
/// typed by DuckDB; without the flag those columns stay Unknown (I002 says so).
#[cfg(unix)]
#[test]
fn with_seed_types_the_sources_by_running_the_seed() {
    let root = scratch_project("with_seed");
    std::fs::create_dir_all(root.join("data")).expect("data dir");
    std::fs::write(
        root.join("data/seed.sql"),
        "CREATE SCHEMA raw;\nCREATE TABLE raw.events AS SELECT i AS id, i * 2.5 AS score FROM range(3) AS t(i);\n",
    )
    .expect("seed");
    std::fs::write(root.join("models/orders.sql"), "SELECT id, score FROM raw.events\n")
        .expect("model");
    let columns = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["--project", path_str(&root), "compile", "-o", "json"];
        args.extend_from_slice(extra);
        let out = rocky(&args);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
        json["models"][0]["columns"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| {
                format!(
                    "{}: {}",
                    c["name"].as_str().unwrap_or(""),
                    c["type"].as_str().unwrap_or("")
                )
            })
            .collect()
    };
    assert_eq!(columns(&[]), ["id: Unknown", "score: Unknown"]);
    assert_eq!(columns(&["--with-seed"]), ["id: Int64", "score: Decimal(21,1)"]);

    // A seed DuckDB rejects is a clear error, not a panic.
    std::fs::write(root.join("data/seed.sql"), "CREATE TABLE broken AS SELEC 1;\n").expect("seed");
    let out = rocky(&["--project", path_str(&root), "compile", "--with-seed"]);
    assert_ne!(out.code, 0);
    assert!(
        out.stderr.contains("--with-seed") && out.stderr.contains("seed.sql"),
        "{}",
        out.stderr
    );
}

#[test]
fn target_dialect_reads_the_models_in_another_dialect() {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("dialect-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("models")).unwrap();
    std::fs::write(dir.join("rocky.toml"), "[adapter]\ntype = \"duckdb\"\n").unwrap();
    std::fs::write(
        dir.join("models/picked.sql"),
        "SELECT * EXCLUDE (x) FROM (SELECT 1 AS x, 2 AS y) AS s\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("models/picked.toml"),
        "[strategy]\ntype = \"full_refresh\"\n\n[target]\ncatalog = \"db\"\nschema = \"main\"\n",
    )
    .unwrap();
    let compile = |extra: &[&str]| {
        let mut args = vec!["--project", path_str(&dir), "compile", "-o", "json"];
        args.extend_from_slice(extra);
        rocky(&args)
    };
    // DuckDB, the adapter's dialect, has `* EXCLUDE`; BigQuery spells it `* EXCEPT`.
    let out = compile(&[]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let out = compile(&["--target-dialect", "bigquery"]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("not supported in bigquery"), "{}", out.stdout);
    let out = compile(&["--target-dialect", "postgres"]);
    assert_eq!(out.code, 3, "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("postgres"), "{}", out.stderr);
}
