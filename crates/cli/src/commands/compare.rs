//! `rocky compare`: the shadow tables of `rocky run --shadow` against production, model by
//! model; exit 1 when any differs.

use std::{io::Write, process::ExitCode};

use exec::plan::Materialization;
use serde::Serialize;

use super::warehouse;
use crate::Global;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Only these models (repeatable).
    #[arg(long = "model", short = 'm')]
    models: Vec<String>,
    #[command(flatten)]
    vars: warehouse::Vars,
}

#[derive(Serialize)]
struct Output {
    models: Vec<exec::compare::Comparison>,
}

pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let loaded = warehouse::load(global, &args.vars)?;
    let prod = warehouse::plan_with(&loaded, false);
    let shadow = warehouse::plan_with(&loaded, true);
    let path = warehouse::duckdb_path(&loaded)?.filter(|p| p.exists()).ok_or_else(|| {
        anyhow::anyhow!(
            "the warehouse has no DuckDB file yet: run `rocky run` and `rocky run --shadow` first"
        )
    })?;
    let wh = exec::duckdb::Warehouse::open_read_only(&path)?;
    let mut models = Vec::new();
    for (p, s) in prod.models.iter().zip(&shadow.models) {
        if matches!(p.strategy, Some(Materialization::Ephemeral))
            || (!args.models.is_empty()
                && !args.models.iter().any(|m| m.eq_ignore_ascii_case(&p.name)))
        {
            continue;
        }
        models.push(exec::compare::compare(&wh.conn, &p.name, &p.target_parts, &s.target_parts)?);
    }
    let different = models.iter().any(|c| c.verdict != "same");
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match global.output() {
        crate::OutputFormat::Json => {
            warehouse::print_json("compare", &Output { models })?;
        }
        crate::OutputFormat::Table => {
            for c in &models {
                let rows = match (c.production_rows, c.shadow_rows) {
                    (Some(p), Some(s)) => format!(" ({p} vs {s} rows)"),
                    _ => String::new(),
                };
                writeln!(out, "{:<30} {}{rows}", c.model, c.verdict)?;
                if let (Some(a), Some(b)) = (c.rows_only_in_production, c.rows_only_in_shadow)
                    && a + b > 0
                {
                    writeln!(out, "  {a} rows only in production, {b} only in the shadow")?;
                }
                for t in &c.type_changes {
                    writeln!(out, "  type {t}")?;
                }
                for col in &c.columns_only_in_production {
                    writeln!(out, "  column {col} only in production")?;
                }
                for col in &c.columns_only_in_shadow {
                    writeln!(out, "  column {col} only in the shadow")?;
                }
            }
        }
    }
    out.flush()?;
    Ok(if different { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
