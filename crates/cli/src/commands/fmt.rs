//! `rocky fmt [--check] [FILES]`: formats `.rocky` files canonically (every `.rocky` model
//! of the project when no file is named). `--check` writes nothing and exits 1 when a file
//! would change. A file with syntax errors is reported and left as it is (exit 1).

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    process::ExitCode,
};

use anyhow::Context;

use crate::Global;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Report files that are not formatted (exit 1) instead of rewriting them.
    #[arg(long)]
    check: bool,
    /// `.rocky` files to format (default: every `.rocky` model of the project).
    files: Vec<PathBuf>,
}

pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let files = if args.files.is_empty() { project_files(global)? } else { args.files.clone() };
    let (mut changed, mut broken) = (0usize, 0usize);
    for file in &files {
        if file.extension().is_none_or(|e| e != "rocky") {
            anyhow::bail!("{}: `rocky fmt` formats `.rocky` files only", file.display());
        }
        let text = load::read_source(file)?;
        let Some(formatted) = ide::format_pipeline(&text) else {
            let parse = hir::syntax::pipeline::parse(&text);
            let mut positions = crate::commands::Positions::new(&text);
            for err in parse.errors() {
                let (line, col) = positions.line_col(err.range.start().into());
                eprintln!("{}:{line}:{col}: error: {}", file.display(), err.message);
            }
            broken += 1;
            continue;
        };
        if formatted == text {
            continue;
        }
        changed += 1;
        if args.check {
            println!("{}: not formatted", file.display());
        } else {
            std::fs::write(file, &formatted)
                .with_context(|| format!("cannot write {}", file.display()))?;
            println!("{}: formatted", file.display());
        }
    }
    let fail = broken > 0 || (args.check && changed > 0);
    Ok(if fail { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Every `.rocky` file of the project's models folders, sorted.
fn project_files(global: &Global) -> anyhow::Result<Vec<PathBuf>> {
    let root = load::find_root(global.project.as_deref(), global.config.as_deref())?;
    let env: BTreeMap<String, String> = std::env::vars().collect();
    let layout = load::layout(&root, &env, &Default::default())?;
    Ok(layout
        .paths
        .iter()
        .filter(|p| p.ends_with(".rocky"))
        .map(|p| root.join(Path::new(p)))
        .collect())
}
