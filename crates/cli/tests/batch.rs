//! Batch mode as pre-commit, CI jobs and review bots drive it, in real git repositories:
//! `rocky check FILES` / `--changed-since`, every machine format, the repository's
//! pre-commit hook run by the real `pre-commit` tool, `rocky ci` and `rocky diff`.

// Test helpers: a failed file operation is a failed test, with the panic as its message.
#![allow(clippy::unwrap_used)]

mod rocky_cmd;

use std::path::{Path, PathBuf};
use std::process::Command;

use rocky_cmd::{Out, copy_project, expected, path_str, project, rocky};

/// A fresh git repository under the target's temp dir holding the playground as `proj/`,
/// committed.
fn repo(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("batch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    copy_project(&project("playground"), &dir.join("proj"));
    git(&dir, &["init", "-q", "-b", "main"]);
    commit(&dir, "base");
    dir
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Rocky Test", "-c", "user.email=test@example.com"])
        .args(["-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn commit(dir: &Path, message: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "--no-verify", "-m", message]);
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} holds no `{from}`", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap();
}

/// `rocky ARGS` run from `cwd` (the repository root, as hooks and CI jobs run it).
fn rocky_in(cwd: &Path, args: &[&str]) -> Out {
    rocky_cmd::rocky_in(cwd, args, &[])
}

fn codes(json: &str) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(json).expect("JSON");
    v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (d["code"].as_str().unwrap().to_string(), d["model"].as_str().unwrap_or("").to_string())
        })
        .collect()
}

#[test]
fn check_selects_changed_files_and_their_downstream() {
    let dir = repo("changed");
    let proj = dir.join("proj");
    // Rename a column read downstream: the error is in customer_orders, unchanged itself.
    edit(&proj.join("models/raw_orders.sql"), "    created_at\n", "    created_at AS created_ts\n");

    let out =
        rocky_in(&dir, &["--project", "proj", "check", "--changed-since", "HEAD", "-o", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let found = codes(&out.stdout);
    assert!(
        !found.is_empty() && found.iter().all(|(c, m)| c == "E120" && m == "customer_orders"),
        "{found:?}"
    );

    // The same through FILES, as pre-commit passes them (paths from the repository root).
    let out =
        rocky_in(&dir, &["--project", "proj", "check", "-o", "json", "proj/models/raw_orders.sql"]);
    assert_eq!(out.code, 1);
    assert_eq!(codes(&out.stdout), found);
    // A model downstream of nothing that changed, and files outside the project: clean.
    let out = rocky_in(
        &dir,
        &[
            "--project",
            "proj",
            "check",
            "-o",
            "json",
            "proj/models/revenue_summary.sql",
            "proj/../.git/HEAD",
        ],
    );
    assert_eq!((out.code, codes(&out.stdout)), (0, vec![]), "{}", out.stderr);

    // Nothing changed since the working tree was committed.
    commit(&dir, "rename");
    let out =
        rocky_in(&dir, &["--project", "proj", "check", "--changed-since", "HEAD", "-o", "json"]);
    assert_eq!((out.code, codes(&out.stdout)), (0, vec![]));
    // Since the base commit: the rename again; an untracked broken model is seen too.
    std::fs::write(proj.join("models/scratch.sql"), "SELECT nope FROM raw_orders\n").unwrap();
    let out =
        rocky_in(&dir, &["--project", "proj", "check", "--changed-since", "HEAD~1", "-o", "json"]);
    let models: Vec<String> = codes(&out.stdout).into_iter().map(|(_, m)| m).collect();
    assert!(
        models.contains(&"scratch".into()) && models.contains(&"customer_orders".into()),
        "{models:?}"
    );
    // A deleted model: its readers may break anywhere, so everything is checked.
    std::fs::remove_file(proj.join("models/scratch.sql")).unwrap();
    std::fs::remove_file(proj.join("models/customer_orders.sql")).unwrap();
    std::fs::remove_file(proj.join("models/customer_orders.toml")).unwrap();
    let out =
        rocky_in(&dir, &["--project", "proj", "check", "--changed-since", "HEAD", "-o", "json"]);
    assert!(codes(&out.stdout).iter().any(|(_, m)| m == "revenue_summary"), "{}", out.stdout);

    // Bad revisions and missing files are clear errors.
    let out = rocky_in(&dir, &["--project", "proj", "check", "--changed-since", "no-such-rev"]);
    assert_eq!(out.code, 3);
    assert!(
        out.stderr.contains("git diff") && out.stderr.contains("no-such-rev"),
        "{}",
        out.stderr
    );
    let out = rocky_in(&dir, &["--project", "proj", "check", "proj/models/missing.sql"]);
    assert_eq!(out.code, 3);
    assert!(out.stderr.contains("does not exist"), "{}", out.stderr);
}

#[test]
fn machine_formats_name_paths_from_the_working_directory() {
    let dir = repo("formats");
    let proj = dir.join("proj");
    edit(&proj.join("models/revenue_summary.sql"), "sum(order_count)", "sum(order_cnt)");
    let check = |format: &str| {
        let out = rocky_in(&dir, &["--project", "proj", "check", "--format", format]);
        assert_eq!(out.code, 1, "{format}: {}", out.stderr);
        out.stdout
    };

    let rd: serde_json::Value = serde_json::from_str(&check("rdjson")).expect("rdjson");
    assert_eq!(rd["source"]["name"], "rocky");
    let d = &rd["diagnostics"][0];
    assert_eq!(
        (d["code"]["value"].as_str(), d["severity"].as_str()),
        (Some("E120"), Some("ERROR"))
    );
    assert_eq!(d["location"]["path"], "proj/models/revenue_summary.sql");
    assert_eq!(d["location"]["range"]["start"]["line"], 5);

    let gh = check("github");
    assert!(gh.starts_with("::error file=proj/models/revenue_summary.sql,line=5,"), "{gh}");

    let sarif: serde_json::Value = serde_json::from_str(&check("sarif")).expect("SARIF");
    let schema_path = rocky_cmd::test_data().join("sarif/sarif-schema-2.1.0.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::draft4::new(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&sarif).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let uri = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert_eq!(uri, "proj/models/revenue_summary.sql");

    // JUnit: well-formed XML (Python's parser), one case per model plus the project's.
    let xml = check("junit");
    let parsed = Command::new("python3")
        .args([
            "-c",
            "import sys, xml.etree.ElementTree as E; r = E.fromstring(sys.stdin.read()); \
              s = r.find('testsuite'); print(s.get('tests'), s.get('failures'), \
              [c.get('name') for c in s if c.find('failure') is not None])",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(xml.as_bytes())?;
            child.wait_with_output()
        })
        .expect("python3 runs");
    assert!(parsed.status.success(), "not XML:\n{xml}");
    assert_eq!(String::from_utf8_lossy(&parsed.stdout).trim(), "5 1 ['revenue_summary']", "{xml}");
}

/// The repository's `.pre-commit-hooks.yaml`, served by a one-commit hook repository
/// (pre-commit clones hook repositories at a revision), run by the real `pre-commit`.
#[test]
fn pre_commit_blocks_a_broken_model_and_passes_a_clean_one() {
    let dir = repo("pre-commit");
    let hooks = dir.parent().unwrap().join("pre-commit-hooks-repo");
    let _ = std::fs::remove_dir_all(&hooks);
    std::fs::create_dir_all(&hooks).unwrap();
    let hooks_yaml = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.pre-commit-hooks.yaml");
    std::fs::copy(&hooks_yaml, hooks.join(".pre-commit-hooks.yaml")).expect("the hook file");
    git(&hooks, &["init", "-q", "-b", "main"]);
    commit(&hooks, "hook");
    let rev = git(&hooks, &["rev-parse", "HEAD"]).trim().to_string();
    std::fs::write(
        dir.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: rocky-check\n        args: [--project, proj]\n",
            path_str(&hooks)
        ),
    )
    .unwrap();
    commit(&dir, "add pre-commit");
    // `rocky` on PATH, as the hook (language: system) expects; pre-commit's cache inside
    // the test's folder.
    let bin = Path::new(env!("CARGO_BIN_EXE_rocky")).parent().unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let pre_commit_home = dir.parent().unwrap().join("pre-commit-home");
    let run = |args: &[&str]| {
        Command::new(args[0])
            .current_dir(&dir)
            .args(&args[1..])
            .env("PATH", &path)
            .env("PRE_COMMIT_HOME", &pre_commit_home)
            .env("NO_COLOR", "1")
            .env("GIT_AUTHOR_NAME", "Rocky Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.com")
            .env("GIT_COMMITTER_NAME", "Rocky Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.com")
            .output()
            .expect("runs")
    };
    let install = run(&["python3", "-m", "pre_commit", "install"]);
    assert!(
        install.status.success(),
        "`python3 -m pre_commit install` failed (CI installs pre-commit from PyPI): {}",
        String::from_utf8_lossy(&install.stderr)
    );

    edit(
        &dir.join("proj/models/raw_orders.sql"),
        "    created_at\n",
        "    created_at AS created_ts\n",
    );
    git(&dir, &["add", "-A"]);
    let blocked = run(&["git", "commit", "-m", "rename a column"]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&blocked.stdout),
        String::from_utf8_lossy(&blocked.stderr)
    );
    assert!(!blocked.status.success(), "the broken commit went through:\n{said}");
    assert!(said.contains("rocky check") && said.contains("Failed"), "{said}");
    assert!(said.contains("error[E120]: unknown column `created_at`"), "{said}");
    assert!(said.contains("models/customer_orders.sql:12:11"), "{said}");

    // Fix the reader too: the commit passes.
    edit(&dir.join("proj/models/customer_orders.sql"), "o.created_at", "o.created_ts");
    git(&dir, &["add", "-A"]);
    let passed = run(&["git", "commit", "-m", "rename a column, readers too"]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&passed.stdout),
        String::from_utf8_lossy(&passed.stderr)
    );
    assert!(passed.status.success(), "the clean commit was blocked:\n{said}");
    assert!(said.contains("rocky check") && said.contains("Passed"), "{said}");
}

#[test]
fn ci_compiles_and_tests_on_duckdb() {
    let out = rocky(&["--project", path_str(&project("playground")), "ci", "-o", "json"]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!((v["command"].as_str(), v["status"].as_str()), (Some("ci"), Some("passed")));
    assert_eq!(v["summary"]["tests"]["built"], 4, "every model built on DuckDB: {v}");

    let dir = repo("ci");
    edit(&dir.join("proj/models/revenue_summary.sql"), "sum(order_count)", "sum(order_cnt)");
    let out = rocky_in(&dir, &["--project", "proj", "ci", "-o", "table"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("error[E120]"), "{}", out.stdout);
    assert!(out.stdout.contains("ci failed: 4 models, 1 error"), "{}", out.stdout);
}

/// A scripted history: a column renamed, a type widened, a model removed.
#[test]
fn diff_reports_changes_and_their_blast_radius() {
    let dir = repo("diff");
    let proj = dir.join("proj");
    edit(
        &proj.join("models/raw_orders.sql"),
        "    customer_id,\n",
        "    customer_id AS buyer_id,\n",
    );
    edit(
        &proj.join("models/customer_orders.sql"),
        "USING (customer_id)",
        "ON o.buyer_id = c.customer_id",
    );
    edit(
        &proj.join("models/raw_orders.sql"),
        "    amount,\n",
        "    CAST(amount AS DOUBLE) AS amount,\n",
    );
    std::fs::remove_file(proj.join("models/status_summary.rocky")).unwrap();
    std::fs::remove_file(proj.join("models/status_summary.toml")).unwrap();
    commit(&dir, "change");

    let out = rocky_in(&dir, &["--project", "proj", "diff", "HEAD~1", "--format", "markdown"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    expected("playground", "diff.md").assert_eq(&out.stdout);

    let out = rocky_in(&proj, &["diff", "HEAD~1", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(v["command"], "diff");
    assert_eq!(v["removed"], serde_json::json!(["status_summary"]));
    let raw = v["changed"].as_array().unwrap().iter().find(|c| c["name"] == "raw_orders").unwrap();
    assert_eq!(raw["columns_removed"][0]["name"], "customer_id");
    assert_eq!(raw["columns_added"][0]["name"], "buyer_id");
    assert_eq!(raw["columns_retyped"][0]["after"], "Float64");
    // Nothing changed against HEAD; a revision without the project adds every model.
    let out = rocky_in(&proj, &["diff", "HEAD", "--format", "markdown"]);
    assert!(out.stdout.contains("No model changed."), "{}", out.stdout);
    let out = rocky_in(&proj, &["diff", "no-such-rev"]);
    assert_eq!(out.code, 3);
    assert!(out.stderr.contains("`no-such-rev` is not a commit"), "{}", out.stderr);
}
