//! The `rocky` binary as scripts see it: output, exit codes, errors for bad input.

use std::{path::PathBuf, process::Command};

fn rocky(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rocky")).args(args).output().expect("rocky runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("scratch file");
    path
}

fn project() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../test_data/projects/playground").to_string()
}

#[test]
fn syntax_tree_of_a_clean_file_exits_0() {
    let file = scratch("clean.sql", b"select a from t");
    let (code, stdout, _) = rocky(&["debug", "syntax-tree", file.to_str().expect("utf-8 path")]);
    assert_eq!(code, 0);
    expect_test::expect![[r#"
        SOURCE_FILE@0..15
          QUERY_STMT@0..15
            QUERY@0..15
              SELECT@0..15
                SELECT_CLAUSE@0..8
                  SELECT_KW@0..6 "select"
                  WHITESPACE@6..7 " "
                  SELECT_ITEM_LIST@7..8
                    SELECT_ITEM@7..8
                      PATH_EXPR@7..8
                        PATH@7..8
                          NAME_REF@7..8
                            IDENT@7..8 "a"
                WHITESPACE@8..9 " "
                FROM_CLAUSE@9..15
                  FROM_KW@9..13 "from"
                  WHITESPACE@13..14 " "
                  TABLE_REF@14..15
                    PATH@14..15
                      NAME_REF@14..15
                        IDENT@14..15 "t"
    "#]]
    .assert_eq(&stdout);
}

#[test]
fn syntax_tree_with_errors_exits_1_and_names_the_position() {
    let file = scratch("broken.sql", b"select a,\n  sum(x count(y) from t");
    let (code, stdout, stderr) =
        rocky(&["debug", "syntax-tree", file.to_str().expect("utf-8 path")]);
    assert_eq!(code, 1);
    assert!(stdout.contains("error "), "errors are listed after the tree: {stdout}");
    assert!(stderr.contains("broken.sql:2:"), "file:line:col on stderr: {stderr}");
}

#[test]
fn invalid_utf8_exits_3_with_a_clear_message() {
    let file = scratch("latin1.sql", b"select 'caf\xe9'");
    let (code, stdout, stderr) =
        rocky(&["debug", "syntax-tree", file.to_str().expect("utf-8 path")]);
    assert_eq!(code, 3);
    assert!(stdout.is_empty());
    assert!(stderr.contains("not valid UTF-8 (first invalid byte at offset 11)"), "{stderr}");
}

#[test]
fn missing_file_exits_3() {
    let (code, _, stderr) = rocky(&["debug", "syntax-tree", "/nonexistent/x.sql"]);
    assert_eq!(code, 3);
    assert!(stderr.contains("cannot read `/nonexistent/x.sql`"), "{stderr}");
}

#[test]
fn dialect_flag_selects_the_dialect() {
    let file = scratch("bq.sql", b"select a, from t");
    let (duck, _, _) = rocky(&["debug", "syntax-tree", file.to_str().expect("utf-8 path")]);
    let (ansi, _, stderr) =
        rocky(&["debug", "syntax-tree", "--dialect", "ansi", file.to_str().expect("utf-8 path")]);
    assert_eq!((duck, ansi), (0, 1), "trailing comma is DuckDB-only: {stderr}");
    let (bad, _, stderr) =
        rocky(&["debug", "syntax-tree", "--dialect", "oracle", file.to_str().expect("utf-8 path")]);
    assert_eq!(bad, 3);
    assert!(stderr.contains("unknown dialect `oracle`"), "{stderr}");
}

#[test]
fn compile_sample_project() {
    let (code, stdout, stderr) = rocky(&["--project", &project(), "compile", "-o", "table"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("customer_orders (full_refresh) → playground.main.customer_orders"),
        "the models with their columns first: {stdout}"
    );
    assert!(stdout.contains("\n    amount       Decimal(12,2)?\n"), "{stdout}");
    assert!(stdout.contains("\ncompiled 4 models in "), "no diagnostics, then the count: {stdout}");
    assert!(stdout.trim_end().ends_with(": 0 errors, 0 warnings"), "{stdout}");
    let (code, stdout, stderr) = rocky(&["--project", &project(), "compile", "-o", "json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("\"command\": \"compile\""), "{stdout}");
    assert!(stdout.contains("\"target\": \"playground.main.revenue_summary\""), "{stdout}");
    // A `.rocky` model shows the SQL its pipeline lowers to.
    assert!(stdout.contains("\"language\": \"rocky\""), "{stdout}");
    assert!(
        stdout
            .contains(r#""sql": "WITH priced AS (SELECT *\nFROM raw_orders\nWHERE (amount > 0)),"#),
        "{stdout}"
    );
}

/// `rocky fmt`: `--check` reports and exits 1 without writing; formatting writes the
/// canonical text once and is then clean; a broken file is reported and left alone.
#[test]
fn fmt_formats_rocky_files() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fmt-tests");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let messy = dir.join("messy.rocky");
    let text = "from orders|where amount>10 -- big ones\n|select{id,amount}";
    std::fs::write(&messy, text).expect("write");
    let path = messy.display().to_string();
    let (code, out, _) = rocky(&["fmt", "--check", &path]);
    assert_eq!((code, out.trim()), (1, format!("{path}: not formatted").as_str()));
    assert_eq!(std::fs::read_to_string(&messy).expect("read"), text, "--check writes nothing");
    assert_eq!(rocky(&["fmt", &path]).0, 0);
    assert_eq!(
        std::fs::read_to_string(&messy).expect("read"),
        "from orders\nwhere amount > 10 -- big ones\nselect { id, amount }\n"
    );
    assert_eq!(rocky(&["fmt", "--check", &path]).0, 0, "formatted once, clean after");
    let broken = dir.join("broken.rocky");
    std::fs::write(&broken, "from orders | where").expect("write");
    let (code, _, err) = rocky(&["fmt", &broken.display().to_string()]);
    assert_eq!(code, 1);
    assert!(err.contains("broken.rocky:1:20: error: expected a condition after `where`"), "{err}");
    assert_eq!(std::fs::read_to_string(&broken).expect("read"), "from orders | where");
}

#[test]
fn compile_without_project_exits_3() {
    let (code, _, stderr) = rocky(&["--project", "/nonexistent", "compile"]);
    assert_eq!(code, 3);
    assert!(stderr.contains("`/nonexistent` is not a directory"), "{stderr}");
}

#[test]
fn init_and_playground_scaffold_projects_that_run() {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("scaffold-tests");
    let _ = std::fs::remove_dir_all(&base);
    let init = base.join("init").display().to_string();
    assert_eq!(rocky(&["init", &init]).0, 0);
    let (code, out, err) = rocky(&["--project", &init, "-o", "json", "run", "--seed"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(r#""status": "success""#), "{out}");
    let (code, out, err) = rocky(&["--project", &init, "-o", "json", "test"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(r#""passed": 1"#), "{out}");

    let pg = base.join("pg").display().to_string();
    assert_eq!(rocky(&["playground", &pg]).0, 0);
    let (code, out, err) = rocky(&["--project", &pg, "-o", "json", "run"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(r#""succeeded": 4"#), "{out}");
    // A second scaffold into the same folder writes nothing.
    let (code, _, err) = rocky(&["playground", &pg]);
    assert_eq!(code, 3);
    assert!(err.contains("already holds a rocky.toml"), "{err}");
}

#[test]
fn a_duckdb_file_locked_by_another_process_is_a_clear_error() {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("lock-test");
    let _ = std::fs::remove_dir_all(&base);
    let dir = base.display().to_string();
    assert_eq!(rocky(&["init", &dir]).0, 0);
    // This test process holds the file for writing, as another program would.
    let holder = duckdb::Connection::open(base.join("warehouse.duckdb")).expect("open");
    let (code, _, err) = rocky(&["--project", &dir, "run", "--seed"]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("is locked by another process"), "{err}");
    drop(holder);
    assert_eq!(rocky(&["--project", &dir, "run", "--seed"]).0, 0);
}
