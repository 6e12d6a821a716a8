//! Type inference checked against DuckDB itself. For every model of the sample projects
//! and of a generated 1,000-model project (`../shared/bench/gen_project.py`), the output
//! columns `rocky compile -o json` infers are compared with DuckDB's `DESCRIBE` of the
//! model's compiled SQL, run over the project's seed in an in-memory DuckDB. The test
//! prints the agreement and fails below the level reached so far: raise `MIN_EXACT` as
//! inference improves, never lower it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use hir::ty::Ty;
use serde_json::Value;

/// Columns whose inferred type is exactly DuckDB's, out of all columns (a ratchet).
const MIN_EXACT: f64 = 1.0;

/// Projects whose models must all compile cleanly and run on DuckDB.
const PROJECTS: &[&str] = &["playground", "nested", "analytics"];

#[derive(Default)]
struct Tally {
    models: usize,
    columns: usize,
    names: usize,
    exact: usize,
    mismatches: Vec<String>,
}

fn compile_json(project: &Path) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_rocky"))
        .args(["compile", "-o", "json", "--project"])
        .arg(project)
        .env("NO_COLOR", "1")
        .output()
        .expect("rocky runs");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "rocky compile printed no JSON for {} ({e}): {}",
            project.display(),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let errors = json["summary"]["errors"].as_u64();
    assert_eq!(
        errors,
        Some(0),
        "{} should compile cleanly: {}",
        project.display(),
        json["diagnostics"]
    );
    json
}

/// Model names in an order where every model comes after the models it depends on.
fn dependency_order(models: &[Value]) -> Vec<&Value> {
    let by_name: HashMap<&str, &Value> =
        models.iter().filter_map(|m| Some((m["name"].as_str()?, m))).collect();
    let mut done: HashSet<&str> = HashSet::new();
    let mut order = Vec::new();
    fn visit<'a>(
        name: &'a str,
        by_name: &HashMap<&'a str, &'a Value>,
        done: &mut HashSet<&'a str>,
        order: &mut Vec<&'a Value>,
    ) {
        if !done.insert(name) {
            return;
        }
        let Some(model) = by_name.get(name) else { return };
        for dep in model["depends_on"].as_array().into_iter().flatten() {
            if let Some(dep) = dep.as_str() {
                visit(dep, by_name, done, order);
            }
        }
        order.push(model);
    }
    let mut names: Vec<&str> = by_name.keys().copied().collect();
    names.sort_unstable();
    for name in names {
        visit(name, &by_name, &mut done, &mut order);
    }
    order
}

fn quote(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

fn check_project(label: &str, project: &Path, tally: &mut Tally) {
    let json = compile_json(project);
    let conn = duckdb::Connection::open_in_memory().expect("in-memory DuckDB");
    let seed = project.join("data/seed.sql");
    if seed.is_file() {
        let sql = std::fs::read_to_string(&seed).expect("read the seed");
        conn.execute_batch(&sql).unwrap_or_else(|e| panic!("{label}: the seed fails: {e}"));
    }
    let models = json["models"].as_array().cloned().unwrap_or_default();
    for model in dependency_order(&models) {
        let name = model["name"].as_str().unwrap_or_default();
        let sql = model["sql"].as_str().unwrap_or_default();
        let view = format!("CREATE VIEW main.{} AS {}", quote(name), sql);
        conn.execute_batch(&view)
            .unwrap_or_else(|e| panic!("{label}: model `{name}` does not run on DuckDB: {e}"));
        // Consumers may name the model by its target `schema.table`.
        if let Some((schema, table)) = model["target"]
            .as_str()
            .and_then(|t| t.rsplit_once('.'))
            .map(|(rest, table)| (rest.rsplit('.').next().unwrap_or(rest), table))
            && (schema != "main" || table != name)
        {
            let alias = format!(
                "CREATE SCHEMA IF NOT EXISTS {s}; CREATE OR REPLACE VIEW {s}.{t} AS SELECT * FROM main.{n}",
                s = quote(schema),
                t = quote(table),
                n = quote(name)
            );
            conn.execute_batch(&alias).unwrap_or_else(|e| panic!("{label}: {alias}: {e}"));
        }
        let described: Vec<(String, String)> = {
            let mut stmt = conn
                .prepare(&format!("DESCRIBE SELECT * FROM main.{}", quote(name)))
                .expect("describe");
            stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
                .expect("describe rows")
                .collect::<Result<_, _>>()
                .expect("describe row")
        };
        let ours: Vec<(String, String)> = model["columns"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| {
                (
                    c["name"].as_str().unwrap_or_default().to_string(),
                    c["type"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect();
        tally.models += 1;
        for (i, (duck_name, duck_type)) in described.iter().enumerate() {
            tally.columns += 1;
            let want = Ty::from_sql(duck_type).to_string();
            match ours.get(i) {
                Some((n, t)) if n.eq_ignore_ascii_case(duck_name) => {
                    tally.names += 1;
                    if *t == want {
                        tally.exact += 1;
                    } else {
                        tally.mismatches.push(format!(
                            "{label} {name}.{duck_name}: inferred {t}, DuckDB {duck_type} ({want})"
                        ));
                    }
                }
                other => tally.mismatches.push(format!(
                    "{label} {name} column {i}: DuckDB `{duck_name}` {duck_type}, inferred {other:?}"
                )),
            }
        }
        if ours.len() > described.len() {
            tally.mismatches.push(format!(
                "{label} {name}: inferred {} columns, DuckDB {}",
                ours.len(),
                described.len()
            ));
        }
    }
}

/// A generated project with `models` models, made once per test binary under the
/// target's temp dir.
fn generated(models: u32) -> PathBuf {
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("oracle-{models}"));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/gen_project.py");
    assert!(script.is_file(), "the generator {} is missing", script.display());
    let status = Command::new("python3")
        .arg(&script)
        .args(["--models", &models.to_string(), "--seed", "42", "--out"])
        .arg(&out)
        .status()
        .expect("python3 runs");
    assert!(status.success(), "gen_project.py failed");
    out.join("rocky")
}

#[test]
fn inferred_types_agree_with_duckdb() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test_data/projects");
    let mut tally = Tally::default();
    for name in PROJECTS {
        check_project(name, &root.join(name), &mut tally);
    }
    check_project("generated-1000", &generated(1000), &mut tally);

    let ratio = |n: usize| if tally.columns == 0 { 0.0 } else { n as f64 / tally.columns as f64 };
    println!(
        "oracle: {} models, {} columns; names {} ({:.2}%), exact types {} ({:.2}%)",
        tally.models,
        tally.columns,
        tally.names,
        100.0 * ratio(tally.names),
        tally.exact,
        100.0 * ratio(tally.exact),
    );
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for m in &tally.mismatches {
        let kind = m.split(": ").nth(1).unwrap_or(m).to_string();
        *kinds.entry(kind).or_default() += 1;
    }
    let mut kinds: Vec<(String, usize)> = kinds.into_iter().collect();
    kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
    for (kind, n) in kinds.iter().take(40) {
        println!("  {n:5} × {kind}");
    }
    for m in tally.mismatches.iter().take(20) {
        println!("  e.g. {m}");
    }
    assert_eq!(tally.names, tally.columns, "every column name must agree with DuckDB");
    assert!(
        ratio(tally.exact) >= MIN_EXACT,
        "exact type agreement {:.4} fell below {MIN_EXACT}",
        ratio(tally.exact)
    );
}
