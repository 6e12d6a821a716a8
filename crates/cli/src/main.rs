//! The `rocky` binary: command-line glue over the analysis crates.

mod commands;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Syntax trees are many small allocations; mimalloc serves them markedly faster than the
/// system allocator (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "rocky", version, about = "A language-server-first toolchain for SQL data models")]
struct Cli {
    /// Project directory (default: the nearest folder upward holding rocky.toml).
    #[arg(long, global = true)]
    project: Option<std::path::PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse and check the project's models (this build: syntax only).
    Compile(commands::compile::Args),
    /// Developer tools.
    #[command(subcommand)]
    Debug(commands::debug::DebugCommand),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 3 } else { 0 };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    let res = match cli.command {
        Command::Compile(args) => commands::compile::run(cli.project.as_deref(), &args),
        Command::Debug(cmd) => commands::debug::run(&cmd),
    };
    match res {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(3)
        }
    }
}
