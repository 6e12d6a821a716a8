//! `rocky diff BASE_REV`: the project as committed at BASE_REV (read from git into a
//! scratch folder; the working tree is not touched) against the working tree: models
//! added, removed and changed, column changes with their types, contract breaks and new
//! errors, and every downstream column a removed or retyped column reaches (lineage). The
//! Markdown form is a pull-request comment; the JSON form is for bots that write their own.

mod markdown;
mod snapshot;

use std::{collections::BTreeMap, io::Write, path::Path, process::ExitCode};

use anyhow::{Context, bail};
use ide::lineage_graph::{Direction, LineageRequest, lineage_graph};
use serde::Serialize;

use self::snapshot::{ModelSnapshot, ProjectSnapshot};
use super::diagnose;
use crate::{Global, render};

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum Format {
    Markdown,
    Json,
}

#[derive(clap::Args)]
pub(crate) struct Args {
    /// The git revision to compare the working tree with (a branch, tag or commit).
    base: String,
    /// Output format (default: markdown on a terminal, json otherwise).
    #[arg(long, value_enum)]
    format: Option<Format>,
}

#[derive(Serialize)]
pub(crate) struct Report {
    version: &'static str,
    command: &'static str,
    base: String,
    added: Vec<String>,
    removed: Vec<String>,
    changed: Vec<ModelChange>,
    /// Contract findings (E010–E013) in the working tree that the base did not have.
    contract_breaks: Vec<render::JsonDiagnostic>,
    /// Other errors the working tree has and the base did not.
    new_errors: Vec<render::JsonDiagnostic>,
    /// What each removed or retyped column reaches downstream.
    downstream: Vec<Impact>,
    summary: Summary,
}

#[derive(Serialize)]
pub(crate) struct ModelChange {
    name: String,
    /// The model's text changed (SQL, pipeline or frontmatter).
    code_changed: bool,
    /// Its sidecar, strategy or target changed.
    config_changed: bool,
    columns_added: Vec<ColumnType>,
    columns_removed: Vec<ColumnType>,
    columns_retyped: Vec<Retyped>,
}

#[derive(Serialize, Clone)]
pub(crate) struct ColumnType {
    name: String,
    #[serde(rename = "type")]
    ty: String,
}

#[derive(Serialize)]
pub(crate) struct Retyped {
    name: String,
    before: String,
    after: String,
}

#[derive(Serialize)]
pub(crate) struct Impact {
    model: String,
    column: String,
    /// `removed` (the column or its model is gone) or `retyped`.
    change: &'static str,
    affected: Vec<Affected>,
}

#[derive(Serialize)]
pub(crate) struct Affected {
    model: String,
    column: String,
    transform: &'static str,
}

#[derive(Serialize)]
pub(crate) struct Summary {
    added: usize,
    removed: usize,
    changed: usize,
    affected_columns: usize,
    affected_models: usize,
    contract_breaks: usize,
    new_errors: usize,
}

pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let root = load::find_root(global.project.as_deref(), global.config.as_deref())?;
    let scratch = tempfile_dir()?;
    let base_root = export_revision(&root, &args.base, &scratch)?;

    let head = crate::project::load(root.clone(), hir::input::Options::default())?;
    head.prewarm(true);
    let base = match &base_root {
        Some(dir) => {
            let p = crate::project::load(dir.clone(), hir::input::Options::default())?;
            p.prewarm(true);
            Some(p)
        }
        None => None,
    };
    let head_snap = ProjectSnapshot::of(head.host.db());
    let base_snap = base.as_ref().map(|b| ProjectSnapshot::of(b.host.db())).unwrap_or_default();
    let report = compare(args, &head, base.as_ref(), &head_snap, &base_snap);
    let _ = std::fs::remove_dir_all(&scratch);

    let format = args.format.unwrap_or(match global.output() {
        crate::OutputFormat::Json => Format::Json,
        crate::OutputFormat::Table => Format::Markdown,
    });
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        Format::Markdown => markdown::write(&report, &mut out)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn compare(
    args: &Args,
    head: &crate::project::Project,
    base: Option<&crate::project::Project>,
    head_snap: &ProjectSnapshot,
    base_snap: &ProjectSnapshot,
) -> Report {
    let added: Vec<String> =
        head_snap.models.keys().filter(|n| !base_snap.models.contains_key(*n)).cloned().collect();
    let removed: Vec<String> =
        base_snap.models.keys().filter(|n| !head_snap.models.contains_key(*n)).cloned().collect();
    let mut changed = Vec::new();
    for (name, now) in &head_snap.models {
        if let Some(before) = base_snap.models.get(name)
            && let Some(change) = model_change(name, before, now)
        {
            changed.push(change);
        }
    }

    // Impacts: removed columns (and every column of a removed model) are followed in the
    // base, where they still exist; retyped ones in the working tree.
    let mut downstream = Vec::new();
    if let Some(base) = base {
        let db = base.host.db();
        let pm = hir::project::project_model(db);
        let gone = removed.iter().flat_map(|m| {
            base_snap.models[m].columns.iter().map(move |c| (m.clone(), c.name.clone()))
        });
        let dropped = changed.iter().flat_map(|c| {
            c.columns_removed.iter().map(move |col| (c.name.clone(), col.name.clone()))
        });
        for (model, column) in gone.chain(dropped) {
            if let Some(m) = pm.by_name(&model) {
                let affected = downstream_of(db, m.file, &column);
                downstream.push(Impact { model, column, change: "removed", affected });
            }
        }
    }
    let db = head.host.db();
    let pm = hir::project::project_model(db);
    for c in &changed {
        for r in &c.columns_retyped {
            if let Some(m) = pm.by_name(&c.name) {
                let affected = downstream_of(db, m.file, &r.name);
                downstream.push(Impact {
                    model: c.name.clone(),
                    column: r.name.clone(),
                    change: "retyped",
                    affected,
                });
            }
        }
    }

    let head_diags = diagnostics(head);
    let base_diags = base.map(diagnostics).unwrap_or_default();
    let is_new = |d: &&render::JsonDiagnostic| {
        !base_diags.iter().any(|b| b.code == d.code && b.model == d.model && b.message == d.message)
    };
    let is_contract =
        |d: &render::JsonDiagnostic| matches!(&*d.code, "E010" | "E011" | "E012" | "E013");
    let contract_breaks: Vec<_> =
        head_diags.iter().filter(is_new).filter(|d| is_contract(d)).cloned().collect();
    let new_errors: Vec<_> = head_diags
        .iter()
        .filter(is_new)
        .filter(|d| d.severity == "error" && !is_contract(d))
        .cloned()
        .collect();

    let mut affected_cols = std::collections::BTreeSet::new();
    for i in &downstream {
        for a in &i.affected {
            affected_cols.insert((a.model.clone(), a.column.clone()));
        }
    }
    let affected_models: std::collections::BTreeSet<&String> =
        affected_cols.iter().map(|(m, _)| m).collect();
    let summary = Summary {
        added: added.len(),
        removed: removed.len(),
        changed: changed.len(),
        affected_columns: affected_cols.len(),
        affected_models: affected_models.len(),
        contract_breaks: contract_breaks.len(),
        new_errors: new_errors.len(),
    };
    Report {
        version: env!("CARGO_PKG_VERSION"),
        command: "diff",
        base: args.base.clone(),
        added,
        removed,
        changed,
        contract_breaks,
        new_errors,
        downstream,
        summary,
    }
}

fn model_change(name: &str, before: &ModelSnapshot, now: &ModelSnapshot) -> Option<ModelChange> {
    let before_cols: BTreeMap<&str, &str> =
        before.columns.iter().map(|c| (c.name.as_str(), c.ty.as_str())).collect();
    let now_cols: BTreeMap<&str, &str> =
        now.columns.iter().map(|c| (c.name.as_str(), c.ty.as_str())).collect();
    let columns_added: Vec<ColumnType> = now
        .columns
        .iter()
        .filter(|c| !before_cols.contains_key(c.name.as_str()))
        .cloned()
        .collect();
    let columns_removed: Vec<ColumnType> = before
        .columns
        .iter()
        .filter(|c| !now_cols.contains_key(c.name.as_str()))
        .cloned()
        .collect();
    let columns_retyped: Vec<Retyped> = now
        .columns
        .iter()
        .filter_map(|c| {
            let was = before_cols.get(c.name.as_str())?;
            (*was != c.ty).then(|| Retyped {
                name: c.name.clone(),
                before: (*was).to_string(),
                after: c.ty.clone(),
            })
        })
        .collect();
    let change = ModelChange {
        name: name.to_string(),
        code_changed: before.code != now.code,
        config_changed: before.config != now.config,
        columns_added,
        columns_removed,
        columns_retyped,
    };
    let any = change.code_changed
        || change.config_changed
        || !change.columns_added.is_empty()
        || !change.columns_removed.is_empty()
        || !change.columns_retyped.is_empty();
    any.then_some(change)
}

/// Every model column downstream of `model.column`, with the transform of the edge that
/// reaches it (`filter` where the column only joins or filters the rows).
fn downstream_of(db: &hir::RootDatabase, model: hir::SourceFile, column: &str) -> Vec<Affected> {
    let request = LineageRequest {
        node: hir::lineage::LineageNode::Model(model),
        columns: Some(vec![hir::Name::folded(column)]),
        direction: Direction::Downstream,
        depth: None,
        // A join or WHERE on the column breaks as surely as a read of its value.
        include_filters: true,
    };
    let graph = lineage_graph(db, &request);
    let pm = hir::project::project_model(db);
    let mut out: Vec<Affected> = graph
        .edges
        .iter()
        .filter_map(|e| match &e.to.node {
            hir::lineage::LineageNode::Model(f) => Some(Affected {
                model: pm.model(*f).map_or_else(|| f.path(db).to_string(), |m| m.name.clone()),
                column: e.to.column.to_string(),
                transform: e.transform.as_str(),
            }),
            hir::lineage::LineageNode::Source(_) => None,
        })
        .collect();
    // One entry per column, naming how its value depends on the change when it does.
    out.sort_by(|a, b| {
        (&a.model, &a.column, a.transform == "filter").cmp(&(
            &b.model,
            &b.column,
            b.transform == "filter",
        ))
    });
    out.dedup_by(|a, b| a.model == b.model && a.column == b.column);
    out
}

fn diagnostics(project: &crate::project::Project) -> Vec<render::JsonDiagnostic> {
    let db = project.host.db();
    let diags = diagnose::diagnostics(db, None, false);
    let items = diagnose::items(db, &diags);
    render::json_diagnostics(db, &items)
}

/// A fresh scratch folder under the system's temporary directory.
fn tempfile_dir() -> anyhow::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!(
        "rocky-diff-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}

/// Writes the project's folder as of `rev` under `scratch` (`git archive`, so nothing in
/// the working tree or the index changes) and returns the project root there; `None` when
/// the project did not exist at `rev`.
fn export_revision(
    root: &Path,
    rev: &str,
    scratch: &Path,
) -> anyhow::Result<Option<std::path::PathBuf>> {
    if rev.starts_with('-') {
        bail!("the base revision cannot start with `-`: `{rev}`");
    }
    let git = |args: &[&str]| -> anyhow::Result<Vec<u8>> {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .context("running git (is it installed?)")?;
        if !out.status.success() {
            bail!("git {} failed: {}", args.join(" "), String::from_utf8_lossy(&out.stderr).trim());
        }
        Ok(out.stdout)
    };
    let commit = format!("{rev}^{{commit}}");
    git(&["rev-parse", "--verify", "--quiet", &commit]).map_err(|_| {
        anyhow::anyhow!("`{rev}` is not a commit in the repository at {}", root.display())
    })?;
    let prefix = String::from_utf8_lossy(&git(&["rev-parse", "--show-prefix"])?).trim().to_string();
    let tree = format!("{rev}:{prefix}");
    if git(&["cat-file", "-e", &format!("{tree}rocky.toml")]).is_err() {
        return Ok(None);
    }
    // From a subfolder `git archive` keeps only that subfolder of the tree it is given,
    // which is already the project: run it at the top of the work tree.
    let top = String::from_utf8_lossy(&git(&["rev-parse", "--show-toplevel"])?).trim().to_string();
    let tar = git(&["-C", &top, "archive", "--format=tar", &tree])?;
    let mut child = std::process::Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(scratch)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .context("running tar (is it installed?)")?;
    child.stdin.take().context("tar's stdin")?.write_all(&tar)?;
    let status = child.wait()?;
    if !status.success() {
        bail!("tar could not unpack `git archive {tree}` ({status})");
    }
    Ok(Some(scratch.to_path_buf()))
}
