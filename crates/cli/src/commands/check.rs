//! `rocky check`: the fast gate for pre-commit hooks, CI and review bots: diagnostics only,
//! in the format the consumer reads; exit 1 on any error.

use std::{io::Write, path::PathBuf, process::ExitCode};

use serde::Serialize;

use super::diagnose;
use crate::{Global, render};

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Output format (default: human on a terminal, json otherwise).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Only these files (models, sidecars, contracts) and the models downstream of them.
    files: Vec<PathBuf>,
}

#[derive(Serialize)]
struct Output {
    version: &'static str,
    command: &'static str,
    diagnostics: Vec<render::JsonDiagnostic>,
    summary: Summary,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
}

pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let root = load::find_root(global.project.as_deref(), global.config.as_deref())?;
    let project = crate::project::load(root.clone(), hir::input::Options::default())?;
    project.prewarm(true);
    let db = project.host.db();
    let selected =
        if args.files.is_empty() { None } else { selected_models(db, &root, &args.files)? };
    let mut diags = diagnose::diagnostics(db, selected.as_deref());
    if let Some(models) = &selected {
        // Findings in the files asked about, in the selected models' own files (model,
        // sidecar, contract), and project-wide ones.
        let wanted: Vec<String> =
            args.files.iter().filter_map(|f| super::relative_file(&root, f).ok()).collect();
        let pm = hir::project::project_model(db);
        let selected: std::collections::HashSet<hir::SourceFile> = models.iter().copied().collect();
        diags.retain(|d| match d.file {
            None => true,
            Some(f) => {
                pm.owner(f).is_some_and(|i| selected.contains(&pm.models[i].file))
                    || wanted.iter().any(|w| **w == **f.path(db))
            }
        });
    }
    let (errors, warnings) = diagnose::counts(&diags);
    let items = diagnose::items(db, &diags);
    let format = args.format.unwrap_or(match global.output() {
        crate::OutputFormat::Json => Format::Json,
        crate::OutputFormat::Table => Format::Human,
    });
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Human => render::human(db, &items, diagnose::color(), &mut stdout)?,
        Format::Json => {
            let files: std::collections::HashSet<_> = diags.iter().filter_map(|d| d.file).collect();
            let out = Output {
                version: env!("CARGO_PKG_VERSION"),
                command: "check",
                diagnostics: render::json_diagnostics(db, &items),
                summary: Summary { files: files.len(), errors, warnings },
            };
            serde_json::to_writer_pretty(&mut stdout, &out)?;
            writeln!(stdout)?;
        }
        Format::Sarif => {
            let sarif = render::sarif(db, &items, env!("CARGO_PKG_VERSION"));
            serde_json::to_writer_pretty(&mut stdout, &sarif)?;
            writeln!(stdout)?;
        }
        Format::Github => render::github(db, &items, &mut stdout)?,
    }
    stdout.flush()?;
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The models the given files belong to, plus every model downstream of them; `None`
/// (check everything) when a file is project-wide configuration (`rocky.toml`, a
/// `_defaults.toml`, a group, the seed, the catalog snapshot) whose edit may touch any model.
fn selected_models(
    db: &hir::RootDatabase,
    root: &std::path::Path,
    files: &[PathBuf],
) -> anyhow::Result<Option<Vec<hir::SourceFile>>> {
    let pm = hir::project::project_model(db);
    let dag = hir::dag::model_dag(db);
    let by_path: std::collections::HashMap<&str, hir::SourceFile> =
        hir::Workspace::get(db).files(db).iter().map(|&f| (&**f.path(db), f)).collect();
    let mut picked = vec![false; pm.models.len()];
    for f in files {
        let rel = super::relative_file(root, f)?;
        match by_path.get(rel.as_str()).and_then(|&f| pm.owner(f)) {
            Some(i) => picked[i] = true,
            None => return Ok(None),
        }
    }
    // Downstream: repeat until no model reads a picked one (layers make one pass enough).
    for layer in &dag.layers {
        for &m in layer {
            if !picked[m] && dag.upstream[m].iter().any(|&u| picked[u]) {
                picked[m] = true;
            }
        }
    }
    Ok(Some(pm.models.iter().zip(picked).filter(|(_, p)| *p).map(|(m, _)| m.file).collect()))
}
