//! `rocky drift`: each model's compiled columns against the table the warehouse holds,
//! and what the next `rocky run` does about it (ALTER, full refresh, nothing). Reads the
//! warehouse, never writes it.

use std::{io::Write, process::ExitCode};

use serde::Serialize;

use super::warehouse;
use crate::Global;

#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    vars: warehouse::Vars,
}

#[derive(Serialize)]
struct Output {
    drift: Vec<exec::drift::Drift>,
}

pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let loaded = warehouse::load(global, &args.vars)?;
    if let Some(code) = warehouse::config_errors(&loaded)? {
        return Ok(code);
    }
    let plan = warehouse::plan(&loaded);
    let mut drift = Vec::new();
    if let Some(path) = warehouse::duckdb_path(&loaded)?.filter(|p| p.exists()) {
        let wh = exec::duckdb::Warehouse::open_read_only(&path)?;
        let relations = exec::relations::Relations::load(&wh.conn)?;
        for m in &plan.models {
            let existing = relations.get(&m.target_parts);
            drift.extend(exec::drift::detect(&wh.conn, m, existing)?);
        }
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match global.output() {
        crate::OutputFormat::Json => {
            warehouse::print_json("drift", &Output { drift })?;
        }
        crate::OutputFormat::Table => {
            if drift.is_empty() {
                writeln!(out, "no drift: every table has the columns its model compiles to")?;
            }
            for d in &drift {
                writeln!(out, "{} ({}): {}", d.model, d.target, d.action)?;
                for c in &d.changes {
                    let from = c.from.as_deref().unwrap_or("-");
                    let to = c.to.as_deref().unwrap_or("-");
                    writeln!(out, "  {:<8} {} {from} -> {to}", c.kind, c.column)?;
                }
                for s in &d.statements {
                    writeln!(out, "  {s};")?;
                }
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
