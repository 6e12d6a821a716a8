//! `cargo xtask builtins`: writes `crates/hir/src/builtins/duckdb.tsv` anew from the
//! embedded DuckDB's `duckdb_functions()`. The query and the file format live in the `exec`
//! test that also checks the committed table against DuckDB on every CI run; this runs that
//! test with `UPDATE_EXPECT=1`. It builds the whole workspace's tests, so the bundled DuckDB
//! is the one the tests already built (a narrower `cargo test -p exec` would build another).

use std::process::Command;

use anyhow::{Context, bail};

use crate::project_root;

pub(crate) fn run() -> anyhow::Result<()> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(project_root())
        .env("UPDATE_EXPECT", "1")
        .args(["test", "--workspace", "--", "--exact", "duckdb_function_catalog_is_current"])
        .status()
        .context("running cargo test")?;
    if !status.success() {
        bail!("writing the DuckDB function catalog failed ({status})");
    }
    println!("wrote crates/hir/src/builtins/duckdb.tsv; review `git diff` before committing");
    Ok(())
}
