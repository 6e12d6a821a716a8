//! `rocky run`: materialize the DAG on the warehouse (embedded DuckDB), recording state and
//! progress; a failed model skips its dependents and the run goes on.

use std::{collections::BTreeSet, io::IsTerminal, io::Write, process::ExitCode};

use anyhow::bail;
use exec::run::{RunReport, Status};
use serde::Serialize;

use super::warehouse;
use crate::Global;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Run only these models (repeatable).
    #[arg(long = "model", short = 'm')]
    models: Vec<String>,
    /// Time-partitioned models: compute this partition (`2024-01-03`, `2024-01-03T05`,
    /// `2024-01`, `2024`); repeatable.
    #[arg(long = "partition")]
    partitions: Vec<String>,
    /// With --to: every partition from A to B, both included.
    #[arg(long, requires = "to")]
    from: Option<String>,
    #[arg(long, requires = "from")]
    to: Option<String>,
    /// The partition holding the current time.
    #[arg(long)]
    latest: bool,
    /// Every partition since `first_partition` not yet computed.
    #[arg(long)]
    missing: bool,
    /// Recompute N partitions before each selected one (overrides `lookback`).
    #[arg(long)]
    lookback: Option<u64>,
    /// Compute N partitions of one model at once.
    #[arg(long, default_value_t = 1)]
    parallel: usize,
    /// Continue the latest interrupted or failed run: models it completed are not run again.
    #[arg(long)]
    resume_latest: bool,
    #[command(flatten)]
    vars: warehouse::Vars,
    /// Load `data/seed.sql` into the warehouse first.
    #[arg(long)]
    seed: bool,
    /// Write every model to `<table>_rocky_shadow` (reading upstream shadows), leaving
    /// production untouched; `rocky compare` then diffs the two.
    #[arg(long)]
    shadow: bool,
    /// The run's clock, UTC (`YYYY-MM-DD HH:MM:SS`); default: now. For reproducible runs.
    #[arg(long, hide = true)]
    now: Option<String>,
}

#[derive(Serialize)]
struct Output<'a> {
    #[serde(flatten)]
    report: &'a RunReport,
    summary: Summary,
}

#[derive(Serialize)]
struct Summary {
    models: usize,
    succeeded: usize,
    failed: usize,
    skipped: usize,
    already_done: usize,
    elapsed_ms: u128,
}

pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let loaded = warehouse::load(global, &args.vars)?;
    if let Some(code) = warehouse::config_errors(&loaded)? {
        return Ok(code);
    }
    let plan = warehouse::plan_with(&loaded, args.shadow);
    let only = if args.models.is_empty() {
        None
    } else {
        let mut set = BTreeSet::new();
        for name in &args.models {
            match plan.models.iter().position(|m| m.name.eq_ignore_ascii_case(name)) {
                Some(i) => set.insert(i),
                None => {
                    let help = hir::diagnostics::did_you_mean(
                        name,
                        plan.models.iter().map(|m| m.name.as_str()),
                    )
                    .map(|h| format!("; {h}"))
                    .unwrap_or_default();
                    bail!("no model named `{name}`{help}");
                }
            };
        }
        Some(set)
    };
    // A partition key that is no date at all is bad usage, whatever the models' grain.
    for k in args.partitions.iter().chain(&args.from).chain(&args.to) {
        exec::partition::parse(hir::config::Granularity::Hour, k)
            .map_err(|_| anyhow::anyhow!("`{k}` is not a partition key; write a date like `2024-01-31`, `2024-01-31T05`, `2024-01` or `2024`"))?;
    }
    let now = match &args.now {
        Some(t) => chrono::NaiveDateTime::parse_from_str(&t.replace('T', " "), "%Y-%m-%d %H:%M:%S")
            .map_err(|_| anyhow::anyhow!("`--now {t}` needs the form YYYY-MM-DD HH:MM:SS"))?,
        None => chrono::Utc::now().naive_utc(),
    };
    let db_path = warehouse::duckdb_path(&loaded)?;
    let wh = exec::duckdb::Warehouse::open(db_path.as_deref())?;
    if args.seed {
        warehouse::seed(&loaded, &wh)?;
    }
    let store_path = if args.shadow {
        exec::state::shadow_path_for(&loaded.root)
    } else {
        exec::state::path_for(&loaded.root)
    };
    let store = exec::state::StateStore::open(&store_path)?;
    let opts = exec::run::RunOptions {
        only,
        partitions: exec::plan::PartitionSelection {
            keys: args.partitions.clone(),
            from: args.from.clone(),
            to: args.to.clone(),
            latest: args.latest,
            missing: args.missing,
            lookback: args.lookback,
        },
        parallel: args.parallel.max(1),
        concurrency: warehouse::concurrency(&loaded),
        resume_latest: args.resume_latest,
        now,
        progress: std::io::stderr().is_terminal(),
        checks: warehouse::checks(&loaded),
    };
    if args.resume_latest && store.latest_run()?.is_none_or(|(_, r)| r.status == "success") {
        eprintln!(
            "note: the latest run finished cleanly; nothing to resume, running everything selected"
        );
    }
    let report = exec::run::run(&plan, &wh, &store, &opts)?;
    let summary = Summary {
        models: report.models.len(),
        succeeded: report.count(Status::Succeeded),
        failed: report.count(Status::Failed),
        skipped: report.count(Status::Skipped),
        already_done: report.count(Status::AlreadyDone),
        elapsed_ms: started.elapsed().as_millis(),
    };
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    match global.output() {
        crate::OutputFormat::Json => {
            warehouse::print_json("run", &Output { report: &report, summary })?;
        }
        crate::OutputFormat::Table => print_table(&mut stdout, &report, &summary)?,
    }
    stdout.flush()?;
    Ok(match report.status {
        "success" => ExitCode::SUCCESS,
        "failed" | "checks_failed" => ExitCode::from(1),
        _ => ExitCode::from(2),
    })
}

fn print_table(out: &mut dyn Write, report: &RunReport, s: &Summary) -> std::io::Result<()> {
    let width = report.models.iter().map(|m| m.name.len()).max().unwrap_or(5).max(5);
    for m in &report.models {
        let status = match m.status {
            Status::Succeeded => "ok",
            Status::Failed => "FAILED",
            Status::Skipped => "skipped",
            Status::AlreadyDone => "done before",
            Status::NotSelected => continue,
        };
        let mut what = m.action.clone().unwrap_or_default();
        if let Some(n) = m.rows {
            what.push_str(&format!(", {n} rows"));
        }
        if !m.partitions.is_empty() {
            what.push_str(&format!(", {} partitions", m.partitions.len()));
        }
        writeln!(
            out,
            "{:<width$}  {:<11} {:<13} {} ({} ms)",
            m.name, status, m.strategy, what, m.elapsed_ms
        )?;
        if let Some(e) = &m.error {
            writeln!(out, "{:<width$}  {e}", "")?;
        }
        for c in &m.checks {
            let verdict = if c.passed { "ok" } else { "FAILED" };
            let value = c.value.map(|v| format!(" = {v}")).unwrap_or_default();
            let msg = c.message.as_deref().map(|m| format!(": {m}")).unwrap_or_default();
            writeln!(out, "{:<width$}    check {}{value} {verdict}{msg}", "", c.name)?;
        }
    }
    writeln!(
        out,
        "run {}: {} succeeded, {} failed, {} skipped{} in {} ms",
        report.run_id,
        s.succeeded,
        s.failed,
        s.skipped,
        if s.already_done > 0 {
            format!(", {} done before", s.already_done)
        } else {
            String::new()
        },
        s.elapsed_ms
    )
}
