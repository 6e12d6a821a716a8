//! `rocky check`: the fast gate for pre-commit hooks, CI and review bots: diagnostics only,
//! in the format the consumer reads; exit 1 on any error.

use std::{
    io::Write,
    path::{Path, PathBuf},
    process::ExitCode,
};

use anyhow::{Context, bail};
use serde::Serialize;

use super::diagnose;
use crate::{Global, render};

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Rdjson,
    Junit,
}

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Output format (default: human on a terminal, json otherwise).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Check the files changed since this git revision (committed, staged, unstaged or
    /// untracked) and the models downstream of them.
    #[arg(long, value_name = "REV", conflicts_with = "files")]
    changed_since: Option<String>,
    /// Only these files (models, sidecars, contracts) and the models downstream of them;
    /// files outside the project are ignored, as pre-commit passes every staged file.
    files: Vec<PathBuf>,
    /// Read every project file, not only those whose facts kept in `.rocky-cache/` are
    /// out of date, and write no cache.
    #[arg(long)]
    no_cache: bool,
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
    load::timings::mark("start");
    let root = load::find_root(global.project.as_deref(), global.config.as_deref())?;
    // Project-relative paths of what changed; `None`: check everything.
    let changed: Option<Vec<String>> = match (&args.changed_since, args.files.is_empty()) {
        (Some(rev), _) => Some(git_changes(&root, rev)?),
        (None, false) => Some(files_in_project(&root, &args.files)?),
        (None, true) => None,
    };
    let mut project =
        crate::project::load_cached(root.clone(), hir::input::Options::default(), args.no_cache)?;
    project.prewarm(true);
    load::timings::mark("prewarm");
    let changed_models = changed.as_ref().and_then(|paths| changed_models(&project, &root, paths));
    let selected = match &changed_models {
        Some(changed) => {
            // Only the models the change may reach, and what they may read, are read.
            let db = project.host.db();
            let candidates = ide::needed::downstream_candidates(db, changed);
            let files = ide::needed::files_to_read(db, &candidates);
            load::timings::mark("downstream candidates");
            project.read(&files)?;
            load::timings::mark("read their files");
            let db = project.host.db();
            let pm = hir::project::project_model(db);
            Some(
                ide::affected_models_among(db, changed, &candidates)
                    .into_iter()
                    .map(|m| pm.models[m].file)
                    .collect::<Vec<hir::SourceFile>>(),
            )
        }
        None => {
            project.read_all()?;
            None
        }
    };
    load::timings::mark("select the models");
    let db = project.host.db();
    let mut diags = diagnose::diagnostics(db, selected.as_deref(), false);
    load::timings::mark("diagnostics");
    if let (Some(models), Some(paths)) = (&selected, &changed) {
        // Findings in the files asked about, in the selected models' own files (model,
        // sidecar, contract), and project-wide ones.
        let pm = hir::project::project_model(db);
        let selected: std::collections::HashSet<hir::SourceFile> = models.iter().copied().collect();
        diags.retain(|d| match d.file {
            None => true,
            Some(f) => {
                pm.owner(f).is_some_and(|i| selected.contains(&pm.models[i].file))
                    || paths.iter().any(|w| **w == **f.path(db))
            }
        });
    }
    project.read_for(&diags)?;
    let db = project.host.db();
    let (errors, warnings) = hir::check::counts(&diags);
    let items = diagnose::items(db, &diags);
    let format = args.format.unwrap_or(match global.output() {
        crate::OutputFormat::Json => Format::Json,
        crate::OutputFormat::Table => Format::Human,
    });
    // Tools that read paths from the repository root (GitHub, reviewdog, code scanning, CI
    // test reports) get them relative to the working directory when the project is in it.
    let prefix = path_prefix(&root);
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
            let sarif = render::sarif(db, &items, &prefix, env!("CARGO_PKG_VERSION"));
            serde_json::to_writer_pretty(&mut stdout, &sarif)?;
            writeln!(stdout)?;
        }
        Format::Github => render::github(db, &items, &prefix, &mut stdout)?,
        Format::Rdjson => {
            serde_json::to_writer_pretty(&mut stdout, &render::rdjson(db, &items, &prefix))?;
            writeln!(stdout)?;
        }
        Format::Junit => {
            let pm = hir::project::project_model(db);
            let checked: Vec<(String, String)> = pm
                .models
                .iter()
                .filter(|m| selected.as_ref().is_none_or(|s| s.contains(&m.file)))
                .map(|m| (m.name.to_string(), m.file.path(db).to_string()))
                .collect();
            let cases: Vec<render::Case<'_>> =
                checked.iter().map(|(name, file)| render::Case { name, file }).collect();
            render::junit(db, &items, &cases, &prefix, &mut stdout)?;
        }
    }
    stdout.flush()?;
    drop(stdout);
    load::timings::mark("output");
    project.save_cache();
    load::timings::mark("save the load cache");
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// `sub/dir/` when the project root is below the working directory, else empty.
fn path_prefix(root: &Path) -> String {
    let (Ok(root), Ok(cwd)) = (root.canonicalize(), std::env::current_dir()) else {
        return String::new();
    };
    let Ok(cwd) = cwd.canonicalize() else { return String::new() };
    match root.strip_prefix(&cwd) {
        Ok(rel) if !rel.as_os_str().is_empty() => {
            let parts: Vec<String> =
                rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            format!("{}/", parts.join("/"))
        }
        _ => String::new(),
    }
}

/// The FILES given, relative to the project root; those outside it are left out. A file
/// that does not exist is an error (pre-commit passes only existing files).
fn files_in_project(root: &Path, files: &[PathBuf]) -> anyhow::Result<Vec<String>> {
    let abs_root =
        root.canonicalize().with_context(|| format!("cannot read `{}`", root.display()))?;
    let mut out = Vec::new();
    for f in files {
        let abs = f.canonicalize().with_context(|| format!("`{}` does not exist", f.display()))?;
        if let Ok(rel) = abs.strip_prefix(&abs_root) {
            let parts: Vec<String> =
                rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            out.push(parts.join("/"));
        }
    }
    Ok(out)
}

/// Files under the project root changed since `rev` (`git diff REV`, so committed, staged
/// and unstaged changes, deletions included) plus untracked files, relative to the root.
fn git_changes(root: &Path, rev: &str) -> anyhow::Result<Vec<String>> {
    if rev.starts_with('-') {
        bail!("--changed-since takes a revision, not `{rev}`");
    }
    let git = |args: &[&str]| -> anyhow::Result<Vec<String>> {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .context("running git (is it installed?)")?;
        if !out.status.success() {
            bail!("git {} failed: {}", args.join(" "), String::from_utf8_lossy(&out.stderr).trim());
        }
        Ok(out
            .stdout
            .split(|&b| b == 0)
            .filter(|p| !p.is_empty())
            .map(|p| String::from_utf8_lossy(p).into_owned())
            .collect())
    };
    let mut paths = git(&["diff", "--name-only", "--relative", "--no-renames", "-z", rev, "--"])?;
    paths.extend(git(&["ls-files", "--others", "--exclude-standard", "-z", "--", "."])?);
    paths.sort();
    paths.dedup();
    Ok(paths)
}

/// The models the changed files belong to (indices into the project model); the models
/// downstream of them are [`ide::affected_models`], of which only those and what they may
/// read are read and resolved. `None` (check everything) when a change is project-wide
/// configuration (`rocky.toml`, a `_defaults.toml`, a group, the seed, the catalog
/// snapshot) or a deleted model, whose readers may break anywhere. Files the project does
/// not read are ignored.
fn changed_models(
    project: &crate::project::Project,
    root: &Path,
    paths: &[String],
) -> Option<Vec<usize>> {
    let db = project.host.db();
    let pm = hir::project::project_model(db);
    let mut changed = Vec::new();
    for path in paths {
        match project.host.file(path) {
            Some(f) => match pm.owner(f) {
                Some(i) => changed.push(i),
                None => return None,
            },
            // Gone from the working tree: a deleted model or configuration file.
            None if is_project_source(path) && !root.join(path).exists() => return None,
            None => {}
        }
    }
    Some(changed)
}

/// A file kind the project reads (models, sidecars, configuration, the seed).
fn is_project_source(path: &str) -> bool {
    [".sql", ".rocky", ".toml"].iter().any(|ext| path.ends_with(ext))
}
