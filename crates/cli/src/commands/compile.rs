//! `rocky compile`: for now the syntax layer over every model of the project (the name
//! resolution and type checking of the hir issue plug in here).

use std::{
    path::{Path, PathBuf},
    process::ExitCode,
};

use anyhow::{Context, bail};

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Only this model.
    #[arg(long)]
    model: Option<String>,
}

pub(crate) fn run(project: Option<&Path>, args: &Args) -> anyhow::Result<ExitCode> {
    let root = find_root(project)?;
    let models_dir = root.join("models");
    let mut files = Vec::new();
    collect_sql(&models_dir, &mut files)?;
    files.sort();
    // The seed's CREATE TABLE statements will type the sources; check its syntax too.
    let seed = root.join("data").join("seed.sql");
    if seed.is_file() && args.model.is_none() {
        files.push(seed);
    }
    let started = std::time::Instant::now();
    let mut errors = 0usize;
    let mut models = 0usize;
    for file in &files {
        let name = file.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        if args.model.as_deref().is_some_and(|m| m != name) {
            continue;
        }
        let is_model = file.starts_with(&models_dir);
        models += usize::from(is_model);
        let text = super::read_source(file)?;
        let parse = hir::syntax::sql::parse(&text, hir::syntax::Dialect::DuckDb);
        let mut positions = super::Positions::new(&text);
        for err in parse.errors() {
            errors += 1;
            let rel = file.strip_prefix(&root).unwrap_or(file);
            let (line, col) = positions.line_col(err.range.start().into());
            eprintln!("{}:{line}:{col}: error[E100]: {}", rel.display(), err.message);
        }
        let rel = file.strip_prefix(&root).unwrap_or(file);
        println!("{}: {} bytes, {} syntax errors", rel.display(), text.len(), parse.errors().len());
    }
    if let Some(m) = &args.model
        && models == 0
    {
        bail!("no model named `{m}` in {}", models_dir.display());
    }
    println!("compiled {models} models in {} ms: {errors} errors", started.elapsed().as_millis());
    Ok(if errors == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn find_root(project: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(dir) = project {
        if !dir.join("rocky.toml").is_file() {
            bail!("`{}` holds no rocky.toml", dir.display());
        }
        return Ok(dir.to_path_buf());
    }
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    cwd.ancestors().find(|d| d.join("rocky.toml").is_file()).map(Path::to_path_buf).with_context(
        || format!("no rocky.toml in `{}` or any parent; pass --project DIR", cwd.display()),
    )
}

/// The `.sql` files under `dir`, recursively; a directory reached twice (a symlink loop)
/// is walked once.
fn collect_sql(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let real =
            dir.canonicalize().with_context(|| format!("cannot read `{}`", dir.display()))?;
        if !seen.insert(real) {
            continue;
        }
        let entries =
            std::fs::read_dir(&dir).with_context(|| format!("cannot read `{}`", dir.display()))?;
        for entry in entries {
            let path = entry.with_context(|| format!("cannot read `{}`", dir.display()))?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "sql") {
                out.push(path);
            }
        }
    }
    Ok(())
}
