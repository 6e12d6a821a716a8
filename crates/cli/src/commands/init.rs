//! `rocky init [DIR]` and `rocky playground [DIR]`: scaffold a project. `init` writes a
//! minimal one; `playground` writes the sample project and loads its seed into its DuckDB
//! file, so `rocky run` works at once with no credentials.

use std::{
    io::Write,
    path::{Path, PathBuf},
    process::ExitCode,
};

use anyhow::{Context, bail};

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Where to create the project (default: the current folder for `init`, `playground`
    /// for `playground`).
    dir: Option<PathBuf>,
}

macro_rules! sample {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../../../test_data/projects/playground/", $path)))),*]
    };
}

/// The sample project, as committed under `test_data/projects/playground`.
const PLAYGROUND: &[(&str, &str)] = sample!(
    "rocky.toml",
    "data/seed.sql",
    "models/raw_orders.sql",
    "models/raw_orders.toml",
    "models/customer_orders.sql",
    "models/customer_orders.toml",
    "models/revenue_summary.sql",
    "models/revenue_summary.toml",
    "models/status_summary.rocky",
    "models/status_summary.toml",
);

const INIT: &[(&str, &str)] = &[
    (
        "rocky.toml",
        "# A Rocky project: models/ are materialized on the embedded DuckDB file below.\n\
         [adapter]\ntype = \"duckdb\"\npath = \"warehouse.duckdb\"\n\n\
         [pipeline]\ntype = \"transformation\"\nmodels = \"models/**\"\n\n\
         [pipeline.target]\nadapter = \"default\"\n\n\
         [pipeline.checks]\nrow_count = true\ncolumn_match = true\n",
    ),
    (
        "models/_defaults.toml",
        "# Every model in this folder writes to warehouse.main.<name>.\n[target]\ncatalog = \"warehouse\"\nschema = \"main\"\n",
    ),
    (
        "models/example.sql",
        "-- A first model: edit it, then `rocky run`.\nSELECT id, name, created_at\nFROM raw.people\n",
    ),
    (
        "models/example.toml",
        "[strategy]\ntype = \"full_refresh\"\n\n[[tests]]\ntype = \"unique\"\ncolumn = \"id\"\n",
    ),
    (
        "data/seed.sql",
        "-- Source tables for `rocky run --seed` and `rocky test`.\nCREATE SCHEMA IF NOT EXISTS raw;\n\
         CREATE OR REPLACE TABLE raw.people (id BIGINT, name VARCHAR, created_at TIMESTAMP);\n\
         INSERT INTO raw.people VALUES (1, 'ada', '2024-01-01 09:00'), (2, 'grace', '2024-01-02 10:30');\n",
    ),
    (".gitignore", "*.duckdb\n*.duckdb.wal\n.rocky-state.redb\n"),
];

fn scaffold(dir: &Path, files: &[(&str, &str)]) -> anyhow::Result<()> {
    if dir.join("rocky.toml").exists() {
        bail!("`{}` already holds a rocky.toml; nothing was written", dir.display());
    }
    for (rel, _) in files {
        if dir.join(rel).exists() {
            bail!("`{}` already exists; nothing was written", dir.join(rel).display());
        }
    }
    for (rel, text) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create `{}`", parent.display()))?;
        }
        std::fs::write(&path, text)
            .with_context(|| format!("cannot write `{}`", path.display()))?;
    }
    Ok(())
}

pub(crate) fn init(args: &Args) -> anyhow::Result<ExitCode> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    scaffold(&dir, INIT)?;
    writeln!(
        std::io::stderr(),
        "created a project in `{}`; next: `rocky --project {} run --seed`",
        dir.display(),
        dir.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn playground(args: &Args) -> anyhow::Result<ExitCode> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("playground"));
    scaffold(&dir, PLAYGROUND)?;
    let seed = PLAYGROUND.iter().find(|(p, _)| *p == "data/seed.sql").map_or("", |(_, s)| s);
    let wh = exec::duckdb::Warehouse::open(Some(&dir.join("playground.duckdb")))?;
    wh.conn.execute_batch(seed).context("the sample seed failed")?;
    writeln!(
        std::io::stderr(),
        "created the playground in `{}` with its sources loaded into playground.duckdb; next: `rocky --project {} run`",
        dir.display(),
        dir.display()
    )?;
    Ok(ExitCode::SUCCESS)
}
