//! What the warehouse verbs (`run`, `plan`, `state`, `test`) share: loading the project
//! with `--var`s, refusing to run on a broken configuration, and opening the DuckDB
//! warehouse the project names.

use std::{path::PathBuf, process::ExitCode};

use anyhow::{Context, bail};
use hir::config::AdapterKind;

use super::diagnose;
use crate::{project::Project, render};

/// `--var NAME=VALUE` for `@var(NAME)`, repeatable: every warehouse verb takes it.
#[derive(clap::Args)]
pub(crate) struct Vars {
    /// `--var NAME=VALUE` for `@var(NAME)`.
    #[arg(long = "var")]
    pub(crate) vars: Vec<String>,
}

/// Writes a verb's JSON payload to stdout: `version` and `command` (CLI.md), then the
/// fields of `body`.
pub(crate) fn print_json<T: serde::Serialize>(command: &str, body: &T) -> anyhow::Result<()> {
    #[derive(serde::Serialize)]
    struct Envelope<'a, T> {
        version: &'static str,
        command: &'a str,
        #[serde(flatten)]
        body: &'a T,
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer_pretty(
        &mut out,
        &Envelope { version: env!("CARGO_PKG_VERSION"), command, body },
    )?;
    std::io::Write::write_all(&mut out, b"\n")?;
    std::io::Write::flush(&mut out)?;
    Ok(())
}

/// `--var NAME=VALUE`, repeatable.
pub(crate) fn parse_vars(
    vars: &[String],
) -> anyhow::Result<std::collections::BTreeMap<String, String>> {
    let mut out = std::collections::BTreeMap::new();
    for v in vars {
        let Some((k, val)) = v.split_once('=') else {
            bail!("`--var {v}` needs the form NAME=VALUE");
        };
        out.insert(k.trim().to_owned(), val.to_owned());
    }
    Ok(out)
}

pub(crate) struct Loaded {
    pub(crate) root: PathBuf,
    pub(crate) project: Project,
    pub(crate) vars: std::collections::BTreeMap<String, String>,
}

pub(crate) fn load(global: &crate::Global, vars: &Vars) -> anyhow::Result<Loaded> {
    let root = load::find_root(global.project.as_deref(), global.config.as_deref())?;
    let vars = parse_vars(&vars.vars)?;
    let options = hir::input::Options { vars: vars.clone(), ..Default::default() };
    let project = crate::project::load(root.clone(), options)?;
    project.prewarm(true);
    Ok(Loaded { root, project, vars })
}

/// Configuration errors (not those of single models, which only fail their model) stop a
/// run before anything is written: they are printed, and the exit code is returned.
pub(crate) fn config_errors(loaded: &Loaded) -> anyhow::Result<Option<ExitCode>> {
    let db = loaded.project.host.db();
    let pm = hir::project::project_model(db);
    let diags: Vec<hir::Diagnostic> = diagnose::diagnostics(db, None, true)
        .into_iter()
        .filter(|d| d.severity == hir::Severity::Error)
        .filter(|d| {
            d.file.is_none_or(|f| pm.owner(f).is_none()) || d.code.as_str().starts_with('V')
        })
        .collect();
    if diags.is_empty() {
        return Ok(None);
    }
    let items = diagnose::items(db, &diags);
    render::human(db, &items, diagnose::color(), &mut std::io::stderr().lock())?;
    eprintln!("error: the project's configuration has errors; nothing was run");
    Ok(Some(ExitCode::from(1)))
}

/// The DuckDB file of the project's warehouse adapter (`None`: in memory).
pub(crate) fn duckdb_path(loaded: &Loaded) -> anyhow::Result<Option<PathBuf>> {
    let db = loaded.project.host.db();
    let config = &hir::project::project_config(db).config;
    let adapter = config
        .warehouse_adapter()
        .context("rocky.toml declares no warehouse adapter; add `[adapter] type = \"duckdb\"`")?;
    match &adapter.kind {
        AdapterKind::DuckDb { path } => Ok(path
            .as_ref()
            .map(|p| p.value.as_str())
            .filter(|p| !p.is_empty() && *p != ":memory:")
            .map(|p| loaded.root.join(p))),
        other => bail!(
            "running on a `{}` warehouse is not available in this version; DuckDB is",
            other.type_name().unwrap_or("unknown")
        ),
    }
}

/// How many models of one layer run at once: the transformation pipeline's
/// `[execution] concurrency`, else the machine's cores (at most 8).
pub(crate) fn concurrency(loaded: &Loaded) -> usize {
    let db = loaded.project.host.db();
    let config = &hir::project::project_config(db).config;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    config
        .transformation_pipelines()
        .find_map(|p| p.execution.as_ref()?.concurrency.as_ref())
        .map_or(cores, |c| match c.value {
            hir::config::Concurrency::Fixed(n) => usize::try_from(n).unwrap_or(1).max(1),
            hir::config::Concurrency::Adaptive => cores,
        })
}

/// The transformation pipeline's `[checks]`.
pub(crate) fn checks(loaded: &Loaded) -> Option<hir::config::ChecksConfig> {
    let db = loaded.project.host.db();
    let config = &hir::project::project_config(db).config;
    config.transformation_pipelines().find_map(|p| p.checks.clone())
}

pub(crate) fn plan(loaded: &Loaded) -> exec::plan::Plan {
    plan_with(loaded, false)
}

/// The plan, writing the `<table>_rocky_shadow` tables when `shadow`.
pub(crate) fn plan_with(loaded: &Loaded, shadow: bool) -> exec::plan::Plan {
    let db = loaded.project.host.db();
    let pm = hir::project::project_model(db);
    let dag = hir::dag::model_dag(db);
    exec::plan::build(
        db,
        pm,
        dag,
        &exec::plan::PlanOptions {
            dialect: hir::syntax::Dialect::DuckDb,
            vars: &loaded.vars,
            shadow,
        },
    )
}

/// Runs `data/seed.sql` on the warehouse (`--seed`).
pub(crate) fn seed(loaded: &Loaded, wh: &exec::duckdb::Warehouse) -> anyhow::Result<()> {
    let path = loaded.root.join("data").join("seed.sql");
    let sql =
        load::read_source(&path).with_context(|| format!("`--seed` needs `{}`", path.display()))?;
    wh.conn.execute_batch(&sql).with_context(|| format!("`{}` failed", path.display()))?;
    Ok(())
}
