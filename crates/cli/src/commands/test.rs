//! `rocky test`: models built on an in-memory DuckDB loaded from `data/seed.sql`, then
//! contracts, declarative tests and unit tests, with each failure explained.

use std::{io::Write, process::ExitCode};

use exec::test_run::{Outcome, TestReport};
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
    #[serde(flatten)]
    report: &'a TestReport,
    summary: Summary,
}

#[derive(Serialize)]
pub(super) struct Summary {
    models: usize,
    built: usize,
    tests: usize,
    passed: usize,
    failed: usize,
    warned: usize,
    errors: usize,
    elapsed_ms: u128,
}

pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let loaded = warehouse::load(global, &args.vars)?;
    if let Some(code) = warehouse::config_errors(&loaded)? {
        return Ok(code);
    }
    let report = build_and_test(&loaded)?;
    let summary = Summary::of(&report, started);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match global.output() {
        crate::OutputFormat::Json => {
            warehouse::print_json("test", &Output { report: &report, summary })?;
        }
        crate::OutputFormat::Table => write_table(&report, &summary, &mut out)?,
    }
    out.flush()?;
    Ok(if report.failed() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Every model built on an in-memory DuckDB seeded from `data/seed.sql`, then the tests.
pub(super) fn build_and_test(loaded: &warehouse::Loaded) -> anyhow::Result<TestReport> {
    let db = loaded.project.host.db();
    let pm = hir::project::project_model(db);
    let plan = warehouse::plan(loaded);
    let seed_path = loaded.root.join("data").join("seed.sql");
    let seed = if seed_path.exists() {
        Some(load::read_source(&seed_path)?)
    } else {
        eprintln!(
            "warning: no `{}`: source tables are empty, so models reading them fail",
            seed_path.display()
        );
        None
    };
    let definitions = test_definitions(db);
    exec::test_run::run(db, pm, &plan, seed.as_deref(), &definitions)
}

impl Summary {
    pub(super) fn of(report: &TestReport, started: std::time::Instant) -> Summary {
        let count = |o: Outcome| report.tests.iter().filter(|t| t.outcome == o).count();
        Summary {
            models: report.models.len(),
            built: report.models.iter().filter(|m| matches!(m.status, "built" | "inlined")).count(),
            tests: report.tests.len(),
            passed: count(Outcome::Passed),
            failed: count(Outcome::Failed),
            warned: count(Outcome::Warned),
            errors: count(Outcome::Error),
            elapsed_ms: started.elapsed().as_millis(),
        }
    }
}

/// Models that failed, every test with its outcome, and the counts.
pub(super) fn write_table(
    report: &TestReport,
    summary: &Summary,
    out: &mut impl Write,
) -> std::io::Result<()> {
    for m in report.models.iter().filter(|m| m.error.is_some()) {
        writeln!(out, "model {} {}: {}", m.name, m.status, m.error.as_deref().unwrap_or(""))?;
    }
    for t in &report.tests {
        let mark = match t.outcome {
            Outcome::Passed => "ok  ",
            Outcome::Failed => "FAIL",
            Outcome::Warned => "warn",
            Outcome::Error => "ERR ",
        };
        writeln!(out, "{mark} {} {} {}", t.model, t.kind, t.name)?;
        if let Some(msg) = &t.message {
            for line in msg.lines() {
                writeln!(out, "       {line}")?;
            }
        }
    }
    writeln!(
        out,
        "{} of {} models built; {} tests: {} passed, {} failed, {} warnings, {} errors ({} ms)",
        summary.built,
        summary.models,
        summary.tests,
        summary.passed,
        summary.failed,
        summary.warned,
        summary.errors,
        summary.elapsed_ms
    )?;
    Ok(())
}

/// `models/test_definitions.toml`, parsed (its diagnostics are `rocky check`'s to report).
fn test_definitions(db: &hir::RootDatabase) -> hir::config::TestDefinitions {
    let ws = hir::Workspace::get(db);
    ws.files(db)
        .iter()
        .find(|f| f.kind(db) == hir::FileKind::TestDefinitions)
        .map(|f| hir::config::parse_test_definitions(f.text(db), ws.env(db)).0)
        .unwrap_or_default()
}
