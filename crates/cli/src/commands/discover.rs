//! `rocky discover`: read the source schemas from the warehouse and write the committed
//! snapshot `source_schemas.json`, so `compile` types sources offline.

use std::{io::Write, process::ExitCode};

use anyhow::{Context, bail};
use hir::config::AdapterKind;

use crate::Global;

pub(crate) fn run(global: &Global) -> anyhow::Result<ExitCode> {
    let root = load::find_root(global.project.as_deref(), global.config.as_deref())?;
    let text = load::read_source(&root.join("rocky.toml"))?;
    let env: std::collections::BTreeMap<String, String> = std::env::vars().collect();
    let (config, diags) = hir::config::parse_project_config(&text, &env);
    if let Some(d) = diags.iter().find(|d| d.severity == hir::Severity::Error) {
        bail!("rocky.toml: {} ({}); run `rocky validate` for details", d.message, d.code.as_str());
    }
    // A discovery adapter if one is declared, else the warehouse.
    let adapter = config
        .adapters
        .values()
        .find(|a| {
            a.role.as_deref() == Some("discovery") && matches!(a.kind, AdapterKind::DuckDb { .. })
        })
        .or_else(|| config.warehouse_adapter())
        .context("rocky.toml declares no adapter to discover from")?;
    let AdapterKind::DuckDb { path } = &adapter.kind else {
        bail!(
            "discovery from a `{}` adapter is not available yet; only DuckDB is",
            adapter.kind.type_name().unwrap_or("unknown")
        );
    };
    let db_path = path.as_ref().map(|p| root.join(&p.value));
    let snapshot = exec::discover::discover_duckdb(db_path.as_deref(), &adapter.name)?;
    let out = root.join(hir::input::CATALOG_SNAPSHOT);
    std::fs::write(&out, hir::catalog_snapshot::to_json(&snapshot))
        .with_context(|| format!("cannot write `{}`", out.display()))?;
    let columns: usize = snapshot.tables.iter().map(|t| t.columns.len()).sum();
    let mut stderr = std::io::stderr().lock();
    writeln!(
        stderr,
        "discovered {} tables ({columns} columns) through adapter `{}` into {}",
        snapshot.tables.len(),
        adapter.name,
        out.display()
    )?;
    Ok(ExitCode::SUCCESS)
}
