//! `rocky run` on real DuckDB files, driven by the scripts of `test_data/run/*/script`:
//! each case is a project; its script loads and changes source data (`> sql`), runs
//! `rocky` (`> run ARGS`, `> exit N`), and compares tables and state with rows computed by
//! hand (`> rows QUERY`, `> partitions MODEL`, `> watermark MODEL`, `> json PATH VALUE`).

use std::{
    path::{Path, PathBuf},
    process::Command,
};

use duckdb::Connection;

mod warehouse_support;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else if entry.file_name() != "script" {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

struct Case {
    name: String,
    root: PathBuf,
    last_json: serde_json::Value,
    last_exit: i32,
    last_stderr: String,
}

impl Case {
    fn db(&self) -> PathBuf {
        self.root.join("wh.duckdb")
    }

    fn sql(&self, sql: &str) {
        let conn = Connection::open(self.db()).expect("open duckdb");
        conn.execute_batch(sql).unwrap_or_else(|e| panic!("{}: sql failed: {e}\n{sql}", self.name));
    }

    fn rocky(&mut self, args: &[String]) {
        let out = Command::new(env!("CARGO_BIN_EXE_rocky"))
            .arg("--project")
            .arg(&self.root)
            .args(["-o", "json"])
            .args(args)
            .output()
            .expect("rocky runs");
        self.last_exit = out.status.code().unwrap_or(-1);
        self.last_stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        self.last_json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    }

    fn rows(&self, query: &str) -> Vec<String> {
        let conn = Connection::open(self.db()).expect("open duckdb");
        // Other catalogs the project writes to are files next to the warehouse.
        for entry in std::fs::read_dir(&self.root).expect("root") {
            let p = entry.expect("entry").path();
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_owned();
            if p.extension().is_some_and(|e| e == "duckdb") && stem != "wh" {
                conn.execute_batch(&format!("ATTACH '{}' AS \"{stem}\"", p.display()))
                    .expect("attach");
            }
        }
        warehouse_support::rows(&conn, query)
    }

    fn state(&self) -> serde_json::Value {
        let out = Command::new(env!("CARGO_BIN_EXE_rocky"))
            .arg("--project")
            .arg(&self.root)
            .args(["-o", "json", "state"])
            .output()
            .expect("rocky runs");
        serde_json::from_slice(&out.stdout).expect("state json")
    }
}

/// Splits `ARGS` like a shell would for the simple cases the scripts hold (double quotes
/// group words).
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in s.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(cur);
    }
    out
}

fn json_at<'a>(v: &'a serde_json::Value, path: &str) -> &'a serde_json::Value {
    path.split('.').fold(v, |v, seg| match seg.parse::<usize>() {
        Ok(i) => &v[i],
        Err(_) => {
            // `models[name]`: the model of that name.
            if let Some(name) = seg.strip_prefix("models[").and_then(|s| s.strip_suffix(']')) {
                v["models"]
                    .as_array()
                    .and_then(|ms| ms.iter().find(|m| m["name"] == name || m["model"] == name))
                    .unwrap_or(&serde_json::Value::Null)
            } else {
                &v[seg]
            }
        }
    })
}

fn run_case(dir: &Path) -> Vec<String> {
    let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_owned();
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("run-tests").join(&name);
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(dir, &root);
    let script = std::fs::read_to_string(dir.join("script")).expect("script");
    let mut case = Case {
        name: name.clone(),
        root,
        last_json: serde_json::Value::Null,
        last_exit: 0,
        last_stderr: String::new(),
    };
    let mut failures = Vec::new();
    let mut blocks: Vec<(usize, String, Vec<&str>)> = Vec::new();
    for (n, line) in script.lines().enumerate() {
        if let Some(h) = line.strip_prefix("> ") {
            blocks.push((n + 1, h.trim().to_owned(), Vec::new()));
        } else if let Some(b) = blocks.last_mut() {
            // `#` comments everywhere but in written files; blank lines kept in SQL and files.
            let (sql, file) = (b.1 == "sql", b.1.starts_with("write"));
            if !(line.starts_with('#') && !file || line.trim().is_empty() && !(sql || file)) {
                b.2.push(line);
            }
        }
    }
    for (line, header, body) in blocks {
        let (cmd, arg) = header.split_once(' ').unwrap_or((header.as_str(), ""));
        let at = format!("{name}/script:{line}");
        match cmd {
            "sql" => case.sql(&body.join("\n")),
            "run" | "rocky" => {
                let mut args = words(arg);
                if cmd == "run" {
                    args.insert(0, "run".into());
                }
                case.rocky(&args);
                if !body.is_empty() {
                    failures.push(format!("{at}: `> {cmd}` takes no body"));
                }
            }
            "write" => {
                let path = case.root.join(arg.trim());
                std::fs::write(&path, body.join("\n") + "\n").expect("write");
            }
            "remove" => std::fs::remove_file(case.root.join(arg.trim())).expect("remove"),
            "exit" => {
                let want: i32 = arg.trim().parse().expect("exit code");
                if case.last_exit != want {
                    failures.push(format!(
                        "{at}: exit {} (want {want})\nstderr: {}\nstdout: {:#}",
                        case.last_exit, case.last_stderr, case.last_json
                    ));
                }
            }
            "rows" => {
                let got = case.rows(arg);
                let want: Vec<String> = body.iter().map(|l| l.trim().to_owned()).collect();
                if got != want {
                    failures
                        .push(format!("{at}: rows of `{arg}`\n got: {got:#?}\nwant: {want:#?}"));
                }
            }
            "partitions" => {
                let state = case.state();
                let got = warehouse_support::partitions(&state, arg);
                let want: Vec<String> = body.iter().map(|l| l.trim().to_owned()).collect();
                if got != want {
                    failures.push(format!(
                        "{at}: partitions of `{arg}`\n got: {got:#?}\nwant: {want:#?}"
                    ));
                }
            }
            "watermark" => {
                let state = case.state();
                let got = state["watermarks"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find(|w| w["model"] == arg)
                    .map(|w| w["record"]["value"].as_str().unwrap_or("NULL").to_owned());
                let want = body.first().map(|l| l.trim().to_owned());
                if got != want {
                    failures
                        .push(format!("{at}: watermark of `{arg}`: got {got:?}, want {want:?}"));
                }
            }
            "json" => {
                // `> json PATH` with the expected JSON value as body.
                let got = json_at(&case.last_json, arg.trim());
                let want: serde_json::Value = serde_json::from_str(&body.join("\n"))
                    .unwrap_or_else(|e| panic!("{at}: bad expected JSON: {e}"));
                if *got != want {
                    failures.push(format!("{at}: `{arg}` is {got:#}, want {want:#}"));
                }
            }
            "contains" => {
                // `> contains PATH` with a substring the JSON string at PATH must hold.
                let got = json_at(&case.last_json, arg.trim()).as_str().unwrap_or("").to_owned();
                let want = body.join("\n");
                if !got.contains(want.trim()) {
                    failures.push(format!("{at}: `{arg}` = {got:?} lacks {want:?}"));
                }
            }
            "stderr" => {
                let want = body.join("\n");
                if !case.last_stderr.contains(want.trim()) {
                    failures.push(format!("{at}: stderr {:?} lacks {want:?}", case.last_stderr));
                }
            }
            other => failures.push(format!("{at}: unknown command `{other}`")),
        }
    }
    failures
}

#[test]
fn run_scripts() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test_data/run");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&base)
        .expect("test_data/run")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join("script").exists())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 10, "expected the strategy cases under {}", base.display());
    let only = std::env::var("RUN_CASE").ok();
    let failures: Vec<String> = dirs
        .iter()
        .filter(|d| only.as_deref().is_none_or(|o| d.ends_with(o)))
        .flat_map(|d| run_case(d))
        .collect();
    assert!(failures.is_empty(), "{} failures:\n\n{}", failures.len(), failures.join("\n\n"));
}
