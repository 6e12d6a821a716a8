//! `rocky compile`: parse, resolve and check every model; print the models (columns,
//! dependencies, target) and the diagnostics, as a table or as CLI.md's JSON.

use std::{io::Write, path::PathBuf, process::ExitCode};

use anyhow::bail;
use hir::syntax::Dialect;
use rayon::prelude::*;
use serde::Serialize;

use super::diagnose;
use crate::{
    Global, OutputFormat, render,
    render::{count, pretty_json::PrettyJson},
};

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Only this model (and the project's configuration).
    #[arg(long)]
    model: Option<String>,
    /// Read `<model>.contract.toml` files from this folder too.
    #[arg(long)]
    contracts: Option<PathBuf>,
    /// `--var name=value` for `@var(name)`.
    #[arg(long = "var", value_name = "NAME=VALUE")]
    vars: Vec<String>,
    /// Run `data/seed.sql` in an in-memory DuckDB and type the source tables as DuckDB
    /// created them (for seeds whose columns only running them tells).
    #[arg(long)]
    with_seed: bool,
    /// Read the models in this SQL dialect (duckdb, databricks, snowflake, bigquery, ansi)
    /// instead of the warehouse adapter's.
    #[arg(long, value_name = "DIALECT", value_parser = clap::value_parser!(Dialect))]
    target_dialect: Option<Dialect>,
}

#[derive(Serialize)]
struct Output<'a> {
    version: &'static str,
    command: &'static str,
    models: Vec<ModelOut<'a>>,
    diagnostics: Vec<render::JsonDiagnostic>,
    summary: Summary,
}

/// Borrows from the database: a 10,000-model project's output is not copied first.
#[derive(Serialize)]
struct ModelOut<'a> {
    name: &'a str,
    path: &'a str,
    language: &'static str,
    depends_on: Vec<&'a str>,
    strategy: &'static str,
    target: String,
    columns: Vec<ColumnOut<'a>>,
    sql: Option<&'a str>,
}

#[derive(Serialize)]
struct ColumnOut<'a> {
    name: &'a str,
    #[serde(rename = "type", serialize_with = "type_name")]
    ty: &'a hir::ty::Ty,
    nullable: bool,
}

/// A type as its `Display` text, without a `String` per value (nor formatting machinery
/// for the plain types).
fn type_name<S: serde::Serializer>(ty: &&hir::ty::Ty, s: S) -> Result<S::Ok, S::Error> {
    match ty.plain_name() {
        Some(name) => s.serialize_str(name),
        None => s.collect_str(ty),
    }
}

#[derive(Serialize)]
struct Summary {
    models: usize,
    errors: usize,
    warnings: usize,
    elapsed_ms: u128,
}

pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    load::timings::mark("start");
    let root = load::find_root(global.project.as_deref(), global.config.as_deref())?;
    let mut options = hir::input::Options::default();
    if let Some(dir) = &args.contracts {
        options.contracts_dir = Some(super::relative_dir(&root, dir)?);
    }
    for v in &args.vars {
        let Some((k, val)) = v.split_once('=') else {
            bail!("`--var {v}` needs the form NAME=VALUE");
        };
        options.vars.insert(k.to_string(), val.to_string());
    }
    options.dialect = args.target_dialect;
    if args.with_seed {
        options.seed_catalog = Some(std::sync::Arc::new(seed_catalog(&root)?));
    }
    let project = crate::project::load(root, options)?;
    load::timings::mark("set the inputs");
    project.prewarm(true);
    load::timings::mark("prewarm: configs, project model, catalog, scan");
    let db = project.host.db();
    let pm = hir::project::project_model(db);
    let selected: Vec<&hir::project::Model> = match &args.model {
        Some(name) => match pm.by_name(name) {
            Some(m) => vec![m],
            None => {
                let help =
                    hir::diagnostics::did_you_mean(name, pm.models.iter().map(|m| m.name.as_str()))
                        .map(|h| format!("; {h}"))
                        .unwrap_or_default();
                bail!("no model named `{name}`{help}");
            }
        },
        None => pm.models.iter().collect(),
    };
    let files: Vec<hir::SourceFile> = selected.iter().map(|m| m.file).collect();
    let diags = diagnose::diagnostics(db, Some(&files), true);
    load::timings::mark("diagnostics");
    let (errors, warnings) = hir::check::counts(&diags);
    let items = diagnose::items(db, &diags);
    let elapsed_ms = started.elapsed().as_millis();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    match global.output() {
        OutputFormat::Json => {
            let out = Output {
                version: env!("CARGO_PKG_VERSION"),
                command: "compile",
                summary: Summary { models: selected.len(), errors, warnings, elapsed_ms },
                diagnostics: render::json_diagnostics(db, &items),
                models: Vec::new(),
            };
            write_json(db, &selected, &out, &mut stdout)?;
        }
        OutputFormat::Table => {
            let models: Vec<ModelOut<'_>> = selected.iter().map(|m| model_out(db, m)).collect();
            write_models(&models, &mut stdout)?;
            render::human(db, &items, diagnose::color(), &mut stdout)?;
            writeln!(
                stdout,
                "compiled {} in {elapsed_ms} ms: {}, {}",
                count(models.len(), "model"),
                count(errors, "error"),
                count(warnings, "warning")
            )?;
        }
    }
    stdout.flush()?;
    load::timings::mark("output");
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// One model's entry, borrowing from the database.
fn model_out<'a>(db: &'a hir::RootDatabase, m: &'a hir::project::Model) -> ModelOut<'a> {
    let pm = hir::project::project_model(db);
    let dag = hir::dag::model_dag(db);
    let idx = pm.by_file.get(&m.file).copied().unwrap_or_default();
    let sig = hir::model::model_signature(db, m.file);
    let text = m.file.text(db);
    let body_start =
        hir::config::split_frontmatter(text).map_or(0, |fm| usize::from(fm.body_start));
    ModelOut {
        name: m.name.as_str(),
        path: m.file.path(db),
        language: m.language.as_str(),
        depends_on: dag
            .upstream
            .get(idx)
            .into_iter()
            .flatten()
            .map(|&u| pm.models[u].name.as_str())
            .collect(),
        strategy: m.config.effective_strategy().name(),
        target: m.target.display(),
        columns: sig
            .columns
            .iter()
            .map(|c| ColumnOut { name: c.name.as_str(), ty: &c.ty, nullable: c.nullable })
            .collect(),
        sql: match m.language {
            hir::project::Language::Sql => Some(text.get(body_start..).unwrap_or("").trim()),
            hir::project::Language::Rocky => Some(hir::model::model_sql(db, m.file).trim()),
        },
    }
}

/// The same bytes as `serde_json::to_writer_pretty` of `out` with `models` filled in, but
/// the models (most of the output of a large project) are built and rendered in parallel.
/// `out.models` is empty; its `[]` is replaced by the rendered array (a JSON string cannot
/// hold that marker unescaped).
fn write_json(
    db: &hir::RootDatabase,
    selected: &[&hir::project::Model],
    out: &Output<'_>,
    w: &mut impl Write,
) -> anyhow::Result<()> {
    const EMPTY: &str = "\n  \"models\": [],\n";
    let top = serde_json::to_string_pretty(out)?;
    let at = top.find(EMPTY).ok_or_else(|| anyhow::anyhow!("the compile output lost `models`"))?;
    w.write_all(&top.as_bytes()[..at])?;
    if selected.is_empty() {
        w.write_all(EMPTY.as_bytes())?;
    } else {
        w.write_all(b"\n  \"models\": [")?;
        // In groups, so the rendered text is written as it comes rather than held whole;
        // each thread renders runs of models.
        for (g, group) in selected.chunks(1024).enumerate() {
            let rendered: Vec<Vec<u8>> = group
                .par_chunks(32)
                .map_with(db.clone(), |db, run| render_models(db, run))
                .collect();
            for (i, text) in rendered.iter().enumerate() {
                if g > 0 || i > 0 {
                    w.write_all(b",")?;
                }
                w.write_all(text)?;
            }
        }
        w.write_all(b"\n  ],\n")?;
    }
    w.write_all(&top.as_bytes()[at + EMPTY.len()..])?;
    writeln!(w)?;
    Ok(())
}

/// `run`'s entries as they follow `"models": [` in the whole output (`\n    {..},\n    {..}`).
fn render_models(db: &hir::RootDatabase, run: &[&hir::project::Model]) -> Vec<u8> {
    let mut out = Vec::with_capacity(run.len() * 2048);
    let mut w = PrettyJson::new(&mut out, 2);
    for m in run {
        w.element();
        write_model(&mut w, &model_out(db, m));
    }
    out
}

/// One model's entry, as `serde_json` pretty-prints a [`ModelOut`].
fn write_model(w: &mut PrettyJson<'_>, m: &ModelOut<'_>) {
    w.begin_object();
    for (key, value) in [("name", m.name), ("path", m.path), ("language", m.language)] {
        w.key(key);
        w.str(value);
    }
    w.key("depends_on");
    w.begin_array();
    for d in &m.depends_on {
        w.element();
        w.str(d);
    }
    w.end_array();
    for (key, value) in [("strategy", m.strategy), ("target", &m.target)] {
        w.key(key);
        w.str(value);
    }
    w.key("columns");
    w.begin_array();
    for c in &m.columns {
        w.element();
        w.begin_object();
        w.key("name");
        w.str(c.name);
        w.key("type");
        match c.ty.plain_name() {
            Some(name) => w.str(name),
            None => w.str(&c.ty.to_string()),
        }
        w.key("nullable");
        w.bool(c.nullable);
        w.end_object();
    }
    w.end_array();
    w.key("sql");
    match m.sql {
        Some(sql) => w.str(sql),
        None => w.null(),
    }
    w.end_object();
}

/// The models as a person reads them: a header line per model (name, strategy, target,
/// upstream models), then its columns with their types (`?` marks a nullable column).
fn write_models(models: &[ModelOut<'_>], out: &mut impl Write) -> std::io::Result<()> {
    for m in models {
        write!(out, "{} ({}) → {}", m.name, m.strategy, m.target)?;
        if !m.depends_on.is_empty() {
            write!(out, " ← {}", m.depends_on.join(", "))?;
        }
        writeln!(out)?;
        let width = m.columns.iter().map(|c| c.name.chars().count()).max().unwrap_or(0);
        for c in &m.columns {
            let null = if c.nullable { "?" } else { "" };
            writeln!(out, "    {:<width$}  {}{null}", c.name, c.ty)?;
        }
        if m.columns.is_empty() {
            writeln!(out, "    (columns unknown)")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// `--with-seed`: the seed's tables as an in-memory DuckDB creates them.
#[cfg(feature = "warehouse")]
fn seed_catalog(root: &std::path::Path) -> anyhow::Result<hir::catalog_snapshot::CatalogSnapshot> {
    use anyhow::Context;
    let path = root.join("data").join("seed.sql");
    if !path.is_file() {
        bail!("--with-seed needs a seed, and `{}` does not exist", path.display());
    }
    let sql = load::read_source(&path)?;
    exec::discover::seed_catalog(&sql)
        .with_context(|| format!("--with-seed: running `{}`", path.display()))
}

#[cfg(not(feature = "warehouse"))]
fn seed_catalog(_root: &std::path::Path) -> anyhow::Result<hir::catalog_snapshot::CatalogSnapshot> {
    bail!(
        "--with-seed runs the seed on DuckDB, and this rocky was built without the `warehouse` feature"
    )
}

#[cfg(test)]
mod tests {
    use hir::ty::Ty;

    use super::{ColumnOut, ModelOut, PrettyJson, write_model};

    #[test]
    fn models_are_written_as_serde_json_writes_them() {
        let decimal = Ty::Decimal { precision: 18, scale: 2 };
        let list = Ty::Array(Box::new(Ty::Struct(vec![("a \"b\"".into(), Ty::Int32)])));
        let models = [
            ModelOut {
                name: "orders",
                path: "models/orders.sql",
                language: "sql",
                depends_on: vec!["raw \"orders\"", "customers"],
                strategy: "incremental",
                target: "db.main.orders".into(),
                columns: vec![
                    ColumnOut { name: "id", ty: &Ty::Int64, nullable: false },
                    ColumnOut { name: "amount\t€", ty: &decimal, nullable: true },
                    ColumnOut { name: "tags", ty: &list, nullable: true },
                ],
                sql: Some("-- a \\ comment\nSELECT 'a\"b', \u{1} FROM raw\r\n"),
            },
            ModelOut {
                name: "empty",
                path: "models/empty.rocky",
                language: "rocky",
                depends_on: Vec::new(),
                strategy: "full_refresh",
                target: String::new(),
                columns: Vec::new(),
                sql: None,
            },
        ];
        let mut ours = Vec::new();
        let mut w = PrettyJson::new(&mut ours, 0);
        w.begin_array();
        for m in &models {
            w.element();
            write_model(&mut w, m);
        }
        w.end_array();
        let theirs = serde_json::to_vec_pretty(&models).expect("serializes");
        assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
    }
}
