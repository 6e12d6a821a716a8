//! `rocky validate`: the project's configuration and layout (V codes, E036, E171, W011),
//! without analysing any SQL.

use std::{io::Write, process::ExitCode};

use serde::Serialize;

use super::diagnose;
use crate::{Global, OutputFormat, render, render::count};

#[derive(Serialize)]
struct Output {
    version: &'static str,
    command: &'static str,
    diagnostics: Vec<render::JsonDiagnostic>,
    summary: Summary,
}

#[derive(Serialize)]
struct Summary {
    models: usize,
    errors: usize,
    warnings: usize,
}

pub(crate) fn run(global: &Global) -> anyhow::Result<ExitCode> {
    let root = load::find_root(global.project.as_deref(), global.config.as_deref())?;
    let project = crate::project::load(root, hir::input::Options::default())?;
    project.prewarm(false);
    let db = project.host.db();
    let diags = diagnose::diagnostics(db, Some(&[]), false);
    let (errors, warnings) = hir::check::counts(&diags);
    let items = diagnose::items(db, &diags);
    let models = hir::project::project_model(db).models.len();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    match global.output() {
        OutputFormat::Json => {
            let out = Output {
                version: env!("CARGO_PKG_VERSION"),
                command: "validate",
                diagnostics: render::json_diagnostics(db, &items),
                summary: Summary { models, errors, warnings },
            };
            serde_json::to_writer_pretty(&mut stdout, &out)?;
            writeln!(stdout)?;
        }
        OutputFormat::Table => {
            render::human(db, &items, diagnose::color(), &mut stdout)?;
            writeln!(
                stdout,
                "validated {}: {}, {}",
                count(models, "model"),
                count(errors, "error"),
                count(warnings, "warning")
            )?;
        }
    }
    stdout.flush()?;
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
