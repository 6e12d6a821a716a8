//! `rocky ci`: what a CI job runs on every push, with no warehouse: every model compiled
//! and checked (contracts included), then `rocky test` on an in-memory DuckDB; one report
//! and one exit code.

use std::{io::Write, process::ExitCode};

use exec::test_run::TestReport;
use serde::Serialize;

use super::{diagnose, test, warehouse};
use crate::{Global, render};

#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    vars: warehouse::Vars,
}

#[derive(Serialize)]
struct Output<'a> {
    version: &'static str,
    command: &'static str,
    status: &'static str,
    diagnostics: Vec<render::JsonDiagnostic>,
    #[serde(flatten)]
    tests: Option<&'a TestReport>,
    summary: Summary,
}

#[derive(Serialize)]
struct Summary {
    models: usize,
    errors: usize,
    warnings: usize,
    tests: Option<test::Summary>,
    elapsed_ms: u128,
}

pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let loaded = warehouse::load(global, &args.vars)?;
    let db = loaded.project.host.db();
    let pm = hir::project::project_model(db);
    let diags = diagnose::diagnostics(db, None, false);
    let (errors, warnings) = hir::check::counts(&diags);
    let items = diagnose::items(db, &diags);
    // Configuration errors leave nothing to build; model errors only fail their models,
    // which the test stage reports, so the rest is still tested.
    let config_broken = diags.iter().any(|d| {
        d.severity == hir::Severity::Error
            && (d.file.is_none_or(|f| pm.owner(f).is_none()) || d.code.as_str().starts_with('V'))
    });
    let report = if config_broken { None } else { Some(test::build_and_test(&loaded)?) };
    let tests = report.as_ref().map(|r| test::Summary::of(r, started));
    let failed = errors > 0 || report.as_ref().is_none_or(TestReport::failed);
    let status = match (failed, &report) {
        (false, _) => "passed",
        (true, None) => "configuration_errors",
        (true, Some(_)) => "failed",
    };
    let summary = Summary {
        models: pm.models.len(),
        errors,
        warnings,
        tests,
        elapsed_ms: started.elapsed().as_millis(),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match global.output() {
        crate::OutputFormat::Json => {
            let payload = Output {
                version: env!("CARGO_PKG_VERSION"),
                command: "ci",
                status,
                diagnostics: render::json_diagnostics(db, &items),
                tests: report.as_ref(),
                summary,
            };
            serde_json::to_writer_pretty(&mut out, &payload)?;
            writeln!(out)?;
        }
        crate::OutputFormat::Table => {
            render::human(db, &items, diagnose::color(), &mut out)?;
            match (&report, &summary.tests) {
                (Some(report), Some(tests)) => test::write_table(report, tests, &mut out)?,
                _ => writeln!(out, "tests not run: the project's configuration has errors")?,
            }
            writeln!(
                out,
                "ci {status}: {} models, {}, {} ({} ms)",
                summary.models,
                render::count(errors, "error"),
                render::count(warnings, "warning"),
                summary.elapsed_ms
            )?;
        }
    }
    out.flush()?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
