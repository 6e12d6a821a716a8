//! `rocky state`: what the state store holds: watermarks, partition states, the run
//! history with each run's progress, and check history.

use std::{io::Write, process::ExitCode};

use anyhow::bail;
use exec::state::{self, StateStore};
use serde_json::Value;

use crate::Global;

/// Runs shown in the table output (JSON has all).
const RECENT_RUNS: usize = 10;

pub(crate) fn run(global: &Global) -> anyhow::Result<ExitCode> {
    let root = load::find_root(global.project.as_deref(), global.config.as_deref())?;
    let path = state::path_for(&root);
    if !path.exists() {
        bail!("no state store at `{}`: nothing has run yet (`rocky run`)", path.display());
    }
    let store = StateStore::open(&path)?;
    let read = |t| -> anyhow::Result<Vec<(Vec<String>, Value)>> {
        Ok(store
            .scan(t, "")?
            .into_iter()
            .map(|(k, v)| {
                let parts = k.split(state::SEP).map(str::to_owned).collect();
                (parts, serde_json::from_str(&v).unwrap_or(Value::String(v)))
            })
            .collect())
    };
    let watermarks = read(state::WATERMARKS)?;
    let partitions = read(state::PARTITIONS)?;
    let runs = read(state::RUN_HISTORY)?;
    let progress = read(state::RUN_PROGRESS)?;
    let checks = read(state::CHECK_HISTORY)?;
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    match global.output() {
        crate::OutputFormat::Json => {
            let rows = |v: &[(Vec<String>, Value)], names: &[&str]| -> Vec<Value> {
                v.iter()
                    .map(|(k, val)| {
                        let mut o = serde_json::Map::new();
                        for (n, part) in names.iter().zip(k) {
                            o.insert((*n).to_owned(), Value::String(part.clone()));
                        }
                        o.insert("record".into(), val.clone());
                        Value::Object(o)
                    })
                    .collect()
            };
            let out = serde_json::json!({
                "version": env!("CARGO_PKG_VERSION"),
                "command": "state",
                "path": path.display().to_string(),
                "watermarks": rows(&watermarks, &["model"]),
                "partitions": rows(&partitions, &["model", "partition"]),
                "runs": rows(&runs, &["run_id"]),
                "progress": rows(&progress, &["run_id", "model"]),
                "checks": rows(&checks, &["model", "check", "run_id"]),
            });
            serde_json::to_writer_pretty(&mut stdout, &out)?;
            writeln!(stdout)?;
        }
        crate::OutputFormat::Table => {
            writeln!(stdout, "state store {}", path.display())?;
            writeln!(stdout, "\nwatermarks")?;
            for (k, v) in &watermarks {
                writeln!(
                    stdout,
                    "  {:<30} {}",
                    k.join("."),
                    v.get("value").and_then(Value::as_str).unwrap_or("(empty)")
                )?;
            }
            writeln!(stdout, "\npartitions")?;
            for (k, v) in &partitions {
                let status = v.get("status").and_then(Value::as_str).unwrap_or("?");
                let rows = v
                    .get("rows")
                    .and_then(Value::as_u64)
                    .map(|r| format!(" {r} rows"))
                    .unwrap_or_default();
                writeln!(
                    stdout,
                    "  {:<30} {:<14} {status}{rows}",
                    k[0],
                    k.get(1).map_or("", String::as_str)
                )?;
            }
            writeln!(stdout, "\nruns (latest {RECENT_RUNS})")?;
            for (k, v) in runs.iter().rev().take(RECENT_RUNS) {
                let get = |f: &str| {
                    v.get(f).map(|x| x.to_string().trim_matches('"').to_owned()).unwrap_or_default()
                };
                writeln!(
                    stdout,
                    "  {:<32} {:<8} {} ok, {} failed, {} skipped",
                    k[0],
                    get("status"),
                    get("succeeded"),
                    get("failed"),
                    get("skipped")
                )?;
            }
            if !checks.is_empty() {
                writeln!(stdout, "\nchecks")?;
                for (k, v) in &checks {
                    writeln!(stdout, "  {:<30} {v}", k.join(" "))?;
                }
            }
        }
    }
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}
