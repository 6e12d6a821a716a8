//! Project automation, run as `cargo xtask <task>`: `codegen [--check]`,
//! `bench parse|floor|compile|lsp|run|lineage|check [--models N]`, `fuzz [SECONDS] [-libfuzzer_flag=...]`, `tidy`
//! (dependency-direction checks of ARCHITECTURE.md), `builtins` (the DuckDB function
//! catalog, from the embedded DuckDB).

mod bench;
mod bench_cache;
mod bench_check;
mod bench_compile;
mod bench_floor;
mod bench_lineage;
mod bench_lsp;
mod bench_run;
mod builtins;
mod codegen;
mod fuzz;
mod tidy;

use std::path::{Path, PathBuf};

use anyhow::bail;

/// The allocator of the `rocky` binary too, so benchmark figures match it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["codegen", rest @ ..] => codegen::run(rest.contains(&"--check")),
        ["bench", rest @ ..] => bench::run(rest),
        ["fuzz", rest @ ..] => fuzz::run(rest),
        ["builtins"] => builtins::run(),
        ["tidy"] => tidy::run(),
        _ => bail!(
            "usage: cargo xtask codegen [--check] | bench parse|floor|compile|lsp|run|lineage|check [--models N] \
             | fuzz [SECONDS] [-libfuzzer_flag=...] | tidy | builtins"
        ),
    }
}

/// The workspace root (xtask lives one level below it).
pub(crate) fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}
