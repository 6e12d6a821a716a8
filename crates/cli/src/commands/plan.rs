//! `rocky plan`: what `run` would do to each model, and the SQL, without running it. The
//! warehouse is read (never written) to tell first runs from later ones.

use std::{io::Write, process::ExitCode};

use exec::{
    duckdb::Relation,
    plan::{Materialization, PartitionSelection},
};
use serde::Serialize;

use super::warehouse;
use crate::Global;

#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    vars: warehouse::Vars,
}

#[derive(Serialize)]
struct Output<'a> {
    models: Vec<ModelOut<'a>>,
}

#[derive(Serialize)]
struct ModelOut<'a> {
    name: &'a str,
    target: &'a str,
    strategy: Option<&'a Materialization>,
    depends_on: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    action: Option<&'static str>,
    /// Time-partitioned models: the partitions a plain `run` computes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    partitions: Vec<String>,
    statements: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let loaded = warehouse::load(global, &args.vars)?;
    if let Some(code) = warehouse::config_errors(&loaded)? {
        return Ok(code);
    }
    let plan = warehouse::plan(&loaded);
    let db_path = warehouse::duckdb_path(&loaded)?;
    // Read the warehouse only when it exists; a plan never creates it.
    let wh = match db_path.as_deref() {
        Some(p) if p.exists() => Some(exec::duckdb::Warehouse::open_read_only(p)?),
        _ => None,
    };
    let store_path = exec::state::path_for(&loaded.root);
    let store =
        if store_path.exists() { Some(exec::state::StateStore::open(&store_path)?) } else { None };
    let relations = wh.as_ref().map(|w| exec::relations::Relations::load(&w.conn)).transpose()?;
    let now = chrono::Utc::now().naive_utc();
    let mut models = Vec::new();
    for m in &plan.models {
        let existing = relations.as_ref().and_then(|r| r.get(&m.target_parts));
        let merge_columns = || match &wh {
            Some(w) => Ok(exec::duckdb::columns(&w.conn, &m.target_parts)?
                .into_iter()
                .map(|c| c.0)
                .collect()),
            None => Ok(Vec::new()),
        };
        let mut out = ModelOut {
            name: &m.name,
            target: &m.target,
            strategy: m.strategy.as_ref(),
            depends_on: &m.depends_on,
            action: None,
            partitions: Vec::new(),
            statements: Vec::new(),
            error: None,
        };
        match exec::steps::decide(m, existing, &merge_columns, now) {
            Ok(d) => {
                out.action = Some(d.action);
                out.statements = d.step;
                if let Some(Materialization::TimeInterval {
                    time_column,
                    granularity,
                    lookback,
                    first_partition,
                    ..
                }) = &m.strategy
                {
                    let (computed, known) = match &store {
                        Some(s) => s.partition_sets(&m.name)?,
                        None => Default::default(),
                    };
                    match exec::plan::select_partitions(
                        *granularity,
                        first_partition.as_deref(),
                        *lookback,
                        &PartitionSelection::default(),
                        &computed,
                        &known,
                        now,
                    ) {
                        Ok(parts) => {
                            if let Some(p) = parts.first() {
                                let w = exec::render::Window::between(*granularity, p.start, p.end);
                                let sql = m.sql_for_window(&w).unwrap_or_default();
                                if existing != Some(Relation::Table) {
                                    out.statements
                                        .extend(exec::sql_gen::create_empty(&m.target_sql, &sql));
                                }
                                out.statements.extend(exec::sql_gen::replace_window(
                                    &m.target_sql,
                                    &sql,
                                    time_column,
                                    &w,
                                )?);
                            }
                            out.partitions = parts.into_iter().map(|p| p.key).collect();
                        }
                        Err(e) => out.error = Some(format!("{e:#}")),
                    }
                }
            }
            Err(e) => out.error = Some(format!("{e:#}")),
        }
        models.push(out);
    }
    let errors = models.iter().filter(|m| m.error.is_some()).count();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    match global.output() {
        crate::OutputFormat::Json => {
            warehouse::print_json("plan", &Output { models })?;
        }
        crate::OutputFormat::Table => {
            for m in &models {
                let strategy = m.strategy.map_or("?", Materialization::name);
                writeln!(
                    stdout,
                    "-- {} ({strategy}) -> {}: {}",
                    m.name,
                    m.target,
                    m.action.unwrap_or("cannot run")
                )?;
                if !m.partitions.is_empty() {
                    let shown: Vec<&str> =
                        m.partitions.iter().take(5).map(String::as_str).collect();
                    let more = m.partitions.len().saturating_sub(shown.len());
                    let more = if more > 0 { format!(" and {more} more") } else { String::new() };
                    writeln!(
                        stdout,
                        "--   partitions: {}{more}; SQL of the first:",
                        shown.join(", ")
                    )?;
                }
                if let Some(e) = &m.error {
                    writeln!(stdout, "--   error: {e}")?;
                }
                for s in &m.statements {
                    writeln!(stdout, "{};", s.trim_end())?;
                }
                writeln!(stdout)?;
            }
        }
    }
    stdout.flush()?;
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
