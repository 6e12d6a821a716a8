//! `rocky debug syntax-tree FILE`: the tree, one node or token per line with ranges, then
//! the errors. Exit 0 without syntax errors, 1 with some, 3 when the file is unreadable.

use std::{path::PathBuf, process::ExitCode};

use anyhow::Context;
use hir::syntax::Dialect;

#[derive(clap::Subcommand)]
pub(crate) enum DebugCommand {
    /// Print the syntax tree and syntax errors of a SQL (or `.rocky`) file.
    SyntaxTree {
        file: PathBuf,
        /// duckdb, databricks, snowflake, bigquery or ansi.
        #[arg(long, default_value = "duckdb")]
        dialect: Dialect,
    },
}

pub(crate) fn run(cmd: &DebugCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        DebugCommand::SyntaxTree { file, dialect } => syntax_tree(file, *dialect),
    }
}

fn syntax_tree(file: &std::path::Path, dialect: Dialect) -> anyhow::Result<ExitCode> {
    let text = load::read_source(file)?;
    let (dump, errors) = if file.extension().is_some_and(|e| e == "rocky") {
        let parse = hir::syntax::pipeline::parse(&text);
        (parse.debug_dump(), parse.errors().to_vec())
    } else {
        let parse = hir::syntax::sql::parse(&text, dialect);
        (parse.debug_dump(), parse.errors().to_vec())
    };
    let mut out = std::io::stdout().lock();
    std::io::Write::write_all(&mut out, dump.as_bytes()).context("cannot write to stdout")?;
    if errors.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        let mut positions = crate::commands::Positions::new(&text);
        for err in &errors {
            let (line, col) = positions.line_col(err.range.start().into());
            eprintln!("{}:{line}:{col}: error: {}", file.display(), err.message);
        }
        Ok(ExitCode::from(1))
    }
}
