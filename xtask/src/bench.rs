//! `cargo xtask bench parse [--models N]`: single-threaded lex+parse throughput of the SQL
//! parser on a generated project (`../shared/bench/gen_project.py`), always in release;
//! `bench floor` (see `bench_floor.rs`) is run the same way.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use syntax::{Dialect, LexedStr};

use crate::project_root;

const DEFAULT_MODELS: u32 = 10_000;
const ROUNDS: usize = 7;
const SEED: u32 = 42;
/// Set on the re-invoked release child so that a release profile which keeps debug
/// assertions cannot make us re-invoke ourselves forever.
const REEXEC_ENV: &str = "ROCKY_XTASK_BENCH_RELEASE";

pub(crate) fn run(args: &[&str]) -> anyhow::Result<()> {
    let (task, rest) = match args {
        [task, rest @ ..] => (*task, rest),
        [] => bail!("usage: cargo xtask bench parse [--models N]"),
    };
    if task == "compile" {
        return crate::bench_compile::run(rest);
    }
    if task == "lsp" {
        return crate::bench_lsp::run(rest);
    }
    if task == "run" {
        return crate::bench_run::run(rest);
    }
    if task == "check" {
        return crate::bench_check::run(rest);
    }
    if task == "lineage" {
        return crate::bench_lineage::run(rest);
    }
    if task != "parse" && task != "floor" {
        bail!(
            "unknown benchmark `{task}`; usage: cargo xtask bench parse|floor|compile|lsp|run|lineage|check [--models N]"
        );
    }
    let models = parse_models(rest)?;

    // Numbers from a debug build are meaningless: re-run ourselves built in release.
    if cfg!(debug_assertions) {
        if std::env::var_os(REEXEC_ENV).is_none() {
            return reexec_in_release(task, models);
        }
        eprintln!("warning: the release profile keeps debug assertions; numbers will be low");
    }
    match task {
        "floor" => crate::bench_floor::run(&generated_project(models)?),
        _ => bench_parse(models),
    }
}

fn parse_models(args: &[&str]) -> anyhow::Result<u32> {
    match args {
        [] => Ok(DEFAULT_MODELS),
        ["--models", n] => {
            let n: u32 =
                n.parse().with_context(|| format!("--models takes a number, not `{n}`"))?;
            if n == 0 {
                bail!("--models must be at least 1");
            }
            Ok(n)
        }
        _ => bail!("usage: cargo xtask bench parse [--models N]"),
    }
}

pub(crate) fn reexec_in_release(task: &str, models: u32) -> anyhow::Result<()> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!("bench: building xtask in release and re-running it");
    let models = models.to_string();
    let status = Command::new(cargo)
        .current_dir(project_root())
        .env(REEXEC_ENV, "1")
        .args(["run", "--quiet", "--release", "--package", "xtask", "--"])
        .args(["bench", task, "--models", &models])
        .status()
        .context("running `cargo run --release -p xtask`")?;
    if !status.success() {
        bail!("release benchmark run failed ({status})");
    }
    Ok(())
}

fn bench_parse(models: u32) -> anyhow::Result<()> {
    let project = generated_project(models)?;
    let models_dir = project.join("rocky").join("models");
    let files = read_sql_files(&models_dir)?;
    if files.is_empty() {
        bail!(
            "no .sql files under {}; delete {} and retry",
            models_dir.display(),
            project.display()
        );
    }
    let total_bytes: usize = files.iter().map(|(_, text)| text.len()).sum();
    let mb = total_bytes as f64 / 1e6;
    println!("project: {}", project.display());
    println!("files:   {}", files.len());
    println!("size:    {mb:.2} MB ({total_bytes} bytes; 1 MB = 10^6 bytes)");

    // Correctness first (outside the timed rounds): the generated SQL must parse cleanly.
    let mut with_errors = Vec::new();
    for (path, text) in &files {
        let parse = syntax::sql::parse(text, Dialect::DuckDb);
        if let Some(first) = parse.errors().first() {
            with_errors.push((path, parse.errors().len(), first.clone()));
        }
    }
    println!("files with syntax errors: {}", with_errors.len());
    for (path, n, first) in with_errors.iter().take(5) {
        let rel = path.strip_prefix(&models_dir).unwrap_or(path);
        println!("  {} ({n} errors), first: {first}", rel.display());
    }

    let texts: Vec<&str> = files.iter().map(|(_, text)| text.as_str()).collect();
    println!("\nlex+parse (syntax::sql::parse, DuckDB, tree built), {ROUNDS} rounds + 1 warm-up:");
    let parse_rounds = measure(&texts, |text| syntax::sql::parse(black_box(text), Dialect::DuckDb));
    let parse_stats = report(&parse_rounds, mb);

    println!(
        "\nlex+parse to the flat tree (syntax::sql::parse_flat, DuckDB), {ROUNDS} rounds + 1 warm-up:"
    );
    let flat_rounds = measure(&texts, |text| {
        syntax::sql::parse_flat(black_box(text), Dialect::DuckDb).errors().len()
    });
    let flat_stats = report(&flat_rounds, mb);

    println!("\nlex+parse to events, no tree (DuckDB), {ROUNDS} rounds + 1 warm-up:");
    let event_rounds =
        measure(&texts, |text| syntax::sql::parse_events_only(black_box(text), Dialect::DuckDb));
    let event_stats = report(&event_rounds, mb);

    println!("\nlex only (LexedStr::new, DuckDB), {ROUNDS} rounds + 1 warm-up:");
    let lex_rounds = measure(&texts, |text| LexedStr::new(black_box(text), Dialect::DuckDb));
    let lex_stats = report(&lex_rounds, mb);

    // For scale: the Rust SQL parser we use as a differential oracle, building its AST
    // (not lossless, no error recovery) from the same text.
    println!("\nsqlparser::Parser::parse_sql (DuckDB dialect, AST), {ROUNDS} rounds + 1 warm-up:");
    let oracle_rounds = measure(&texts, |text| {
        sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::DuckDbDialect {}, black_box(text))
            .map(|statements| statements.len())
    });
    let oracle_stats = report(&oracle_rounds, mb);

    println!(
        "\nsummary: {} files, {mb:.2} MB, parse median {:.1} MB/s (min {:.1}, max {:.1}), \
         flat-tree median {:.1} MB/s, events-only median {:.1} MB/s, lex-only median {:.1} MB/s, \
         sqlparser median {:.1} MB/s, files with errors {}",
        files.len(),
        parse_stats.median,
        parse_stats.min,
        parse_stats.max,
        flat_stats.median,
        event_stats.median,
        lex_stats.median,
        oracle_stats.median,
        with_errors.len(),
    );
    Ok(())
}

/// Times one warm-up round (discarded) and `ROUNDS` rounds of `f` over every text. The
/// results are kept until the round's clock stops: freeing trees is not parsing (and an
/// editor keeps them).
fn measure<'t, T>(texts: &[&'t str], f: impl Fn(&'t str) -> T) -> Vec<Duration> {
    let round = || {
        let mut keep = Vec::with_capacity(texts.len());
        let start = Instant::now();
        for text in texts {
            keep.push(f(text));
        }
        let elapsed = start.elapsed();
        drop(black_box(keep));
        elapsed
    };
    round();
    (0..ROUNDS).map(|_| round()).collect()
}

struct Stats {
    median: f64,
    min: f64,
    max: f64,
}

/// Prints each round's throughput and returns median/min/max in MB/s.
fn report(rounds: &[Duration], mb: f64) -> Stats {
    let mut rates: Vec<f64> = rounds.iter().map(|d| mb / d.as_secs_f64()).collect();
    for (i, (d, rate)) in rounds.iter().zip(&rates).enumerate() {
        println!("  round {}: {:8.1} ms  {rate:7.1} MB/s", i + 1, d.as_secs_f64() * 1e3);
    }
    rates.sort_by(f64::total_cmp);
    let stats = Stats {
        median: median(&rates),
        min: rates.first().copied().unwrap_or(0.0),
        max: rates.last().copied().unwrap_or(0.0),
    };
    println!("  median {:.1} MB/s (min {:.1}, max {:.1})", stats.median, stats.min, stats.max);
    stats
}

/// Wall times (seconds) and peak RSS (MB, GNU time's `%M`) of `rounds` runs of `rocky ARGS`,
/// stdout discarded, each sorted ascending.
pub(crate) fn timed_runs(
    rocky: &Path,
    args: &[&str],
    rounds: usize,
) -> anyhow::Result<(Vec<f64>, Vec<f64>)> {
    let time = Path::new("/usr/bin/time");
    if !time.is_file() {
        bail!("GNU time is needed for peak RSS: install the `time` package (apt-get install time)");
    }
    let mut walls = Vec::new();
    let mut rss = Vec::new();
    for _ in 0..rounds {
        let started = Instant::now();
        let out = Command::new(time)
            .args(["-f", "%M"])
            .arg(rocky)
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .output()?;
        walls.push(started.elapsed().as_secs_f64());
        let stderr = String::from_utf8_lossy(&out.stderr);
        if !out.status.success() {
            bail!("rocky {args:?} failed ({}): {stderr}", out.status);
        }
        let kb: f64 = stderr
            .lines()
            .last()
            .and_then(|l| l.trim().parse().ok())
            .context("no RSS from time")?;
        rss.push(kb / 1024.0);
    }
    walls.sort_by(f64::total_cmp);
    rss.sort_by(f64::total_cmp);
    Ok((walls, rss))
}

/// Median of a sorted slice (mean of the middle two for even lengths).
pub(crate) fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// The generated project for `models`, created on first use under `target/bench/`.
pub(crate) fn generated_project(models: u32) -> anyhow::Result<PathBuf> {
    let root = project_root();
    let bench_dir = root.join("target").join("bench");
    let out = bench_dir.join(format!("project-{models}-seed{SEED}"));
    if out.join("rocky").join("models").is_dir() {
        return Ok(out);
    }
    let script = root.join("..").join("shared").join("bench").join("gen_project.py");
    if !script.is_file() {
        bail!("generator not found at {}; check out shared/ next to the repo", script.display());
    }
    std::fs::create_dir_all(&bench_dir)
        .with_context(|| format!("creating {}", bench_dir.display()))?;
    // Generate into a scratch dir and rename, so an interrupted run never leaves a
    // half-written project that later runs would mistake for the cache.
    let tmp = bench_dir.join(format!("project-{models}-seed{SEED}.tmp"));
    eprintln!("bench: generating a {models}-model project into {}", out.display());
    let status = Command::new("python3")
        .arg(&script)
        .args(["--models", &models.to_string(), "--seed", &SEED.to_string(), "--out"])
        .arg(&tmp)
        .status()
        .context("running python3 (is it installed?)")?;
    if !status.success() {
        bail!("{} failed ({status})", script.display());
    }
    if out.exists() {
        std::fs::remove_dir_all(&out).with_context(|| format!("removing {}", out.display()))?;
    }
    std::fs::rename(&tmp, &out)
        .with_context(|| format!("renaming {} to {}", tmp.display(), out.display()))?;
    Ok(out)
}

/// Every `*.sql` file below `dir`, recursively, sorted by path, with its text.
fn read_sql_files(dir: &Path) -> anyhow::Result<Vec<(PathBuf, String)>> {
    let mut paths = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|ext| ext == "sql") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            Ok((path, text))
        })
        .collect()
}

/// Builds `rocky` in release without the warehouse feature (the analysis never touches
/// DuckDB, and its optimised C++ build would dominate a benchmark's set-up); its path.
pub(crate) fn release_rocky() -> anyhow::Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!("bench: building rocky in release (analysis only, no DuckDB)");
    let status = Command::new(&cargo)
        .current_dir(project_root())
        .args(["build", "--quiet", "--release", "-p", "cli", "--no-default-features"])
        .status()
        .context("running cargo build")?;
    if !status.success() {
        bail!("cargo build --release -p cli --no-default-features failed ({status})");
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| project_root().join("target"), Into::into);
    Ok(target.join("release").join("rocky"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even() {
        assert_eq!(median(&[1.0, 2.0, 9.0]), 2.0);
        assert_eq!(median(&[1.0, 2.0, 4.0, 9.0]), 3.0);
        assert_eq!(median(&[]), 0.0);
    }

    #[test]
    fn models_argument() {
        assert_eq!(parse_models(&[]).ok(), Some(DEFAULT_MODELS));
        assert_eq!(parse_models(&["--models", "500"]).ok(), Some(500));
        assert!(parse_models(&["--models", "x"]).is_err());
        assert!(parse_models(&["--models", "0"]).is_err());
        assert!(parse_models(&["--bogus"]).is_err());
    }
}
