//! The `rocky` binary: command-line glue over the analysis crates.

mod commands;
mod huge_pages;
mod project;
mod render;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Syntax trees are many small allocations; mimalloc serves them markedly faster than the
/// system allocator (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "rocky", version, about = "A language-server-first toolchain for SQL data models")]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

/// Options every verb takes, before or after it (CLI.md, Global).
#[derive(clap::Args)]
pub(crate) struct Global {
    /// Project directory (default: the nearest folder upward holding rocky.toml).
    #[arg(long, global = true)]
    project: Option<PathBuf>,
    /// The project's rocky.toml (its folder is the project).
    #[arg(short = 'c', long = "config", global = true)]
    config: Option<PathBuf>,
    /// Output: table (human) or json; default table on a terminal, json otherwise.
    #[arg(short = 'o', long = "output", global = true, value_enum)]
    output: Option<OutputFormat>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum OutputFormat {
    Json,
    Table,
}

impl Global {
    pub(crate) fn output(&self) -> OutputFormat {
        self.output.unwrap_or(if std::io::stdout().is_terminal() {
            OutputFormat::Table
        } else {
            OutputFormat::Json
        })
    }
}

#[derive(Subcommand)]
enum Command {
    /// Check the project's configuration and layout, without analysing SQL.
    Validate,
    /// Parse, resolve and check every model; print models and diagnostics.
    Compile(commands::compile::Args),
    /// Diagnostics only, for pre-commit hooks, CI and review bots; exit 1 on any error.
    Check(commands::check::Args),
    /// Read source schemas from the warehouse into `source_schemas.json`.
    #[cfg(feature = "warehouse")]
    Discover,
    /// Materialize the models on the warehouse, in DAG order.
    #[cfg(feature = "warehouse")]
    Run(commands::run::Args),
    /// What `run` would do, with the SQL per model.
    #[cfg(feature = "warehouse")]
    Plan(commands::plan::Args),
    /// Watermarks, partitions, run history and progress from the state store.
    #[cfg(feature = "warehouse")]
    State,
    /// Diff the shadow tables of `run --shadow` against production.
    #[cfg(feature = "warehouse")]
    Compare(commands::compare::Args),
    /// Scaffold a minimal project in DIR (default: here).
    #[cfg(feature = "warehouse")]
    Init(commands::init::Args),
    /// Scaffold the sample project in DIR (default: ./playground), its DuckDB seeded.
    #[cfg(feature = "warehouse")]
    Playground(commands::init::Args),
    /// Compare compiled schemas with the warehouse's tables; say ALTER / full refresh.
    #[cfg(feature = "warehouse")]
    Drift(commands::drift::Args),
    /// Build every model on an in-memory DuckDB seeded from data/seed.sql, then check
    /// contracts, declarative tests and unit tests.
    #[cfg(feature = "warehouse")]
    Test(commands::test::Args),
    /// Column lineage from the code: where a column comes from, or what reads it.
    Lineage(commands::lineage::Args),
    /// The working tree against a git revision: models and columns changed, contract
    /// breaks, new errors, and what each change reaches downstream.
    Diff(commands::diff::Args),
    /// Compile, check contracts and run `test` on an in-memory DuckDB: the CI gate.
    #[cfg(feature = "warehouse")]
    Ci(commands::ci::Args),
    /// Format `.rocky` pipeline files canonically.
    Fmt(commands::fmt::Args),
    /// Serve the language server (LSP) on stdin/stdout, for editors.
    Lsp,
    /// Developer tools.
    #[command(subcommand)]
    Debug(commands::debug::DebugCommand),
}

fn main() -> ExitCode {
    huge_pages::allow(false);
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 3 } else { 0 };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    if matches!(cli.command, Command::Check(_) | Command::Lineage(_) | Command::Compile(_)) {
        huge_pages::allow(true);
    }
    let res = match &cli.command {
        Command::Validate => commands::validate::run(&cli.global),
        Command::Compile(args) => commands::compile::run(&cli.global, args),
        Command::Check(args) => commands::check::run(&cli.global, args),
        Command::Fmt(args) => commands::fmt::run(&cli.global, args),
        Command::Lineage(args) => commands::lineage::run(&cli.global, args),
        Command::Diff(args) => commands::diff::run(&cli.global, args),
        #[cfg(feature = "warehouse")]
        Command::Ci(args) => commands::ci::run(&cli.global, args),
        #[cfg(feature = "warehouse")]
        Command::Discover => commands::discover::run(&cli.global),
        #[cfg(feature = "warehouse")]
        Command::Run(args) => commands::run::run(&cli.global, args),
        #[cfg(feature = "warehouse")]
        Command::Plan(args) => commands::plan::run(&cli.global, args),
        #[cfg(feature = "warehouse")]
        Command::State => commands::state::run(&cli.global),
        #[cfg(feature = "warehouse")]
        Command::Compare(args) => commands::compare::run(&cli.global, args),
        #[cfg(feature = "warehouse")]
        Command::Init(args) => commands::init::init(args),
        #[cfg(feature = "warehouse")]
        Command::Playground(args) => commands::init::playground(args),
        #[cfg(feature = "warehouse")]
        Command::Drift(args) => commands::drift::run(&cli.global, args),
        #[cfg(feature = "warehouse")]
        Command::Test(args) => commands::test::run(&cli.global, args),
        Command::Lsp => commands::lsp::run(),
        Command::Debug(cmd) => commands::debug::run(cmd),
    };
    match res {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(3)
        }
    }
}
