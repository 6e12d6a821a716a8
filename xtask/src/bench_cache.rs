//! The two ways a batch verb loads a project, timed side by side for `bench check` and
//! `bench lineage`: without the load cache (`--no-cache`: every file read and parsed) and
//! warm (the cache a first run wrote; only the analysed files read).

use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};

use crate::bench::{median, timed_runs};

/// Times `rocky ARGS` both ways and prints the figures. `changed`, when given, is rewritten
/// with its own bytes after the cache is written, as an edit before a pre-commit run
/// leaves it: newer than the cache, so read and rescanned in every warm run.
pub(crate) fn timed_both_ways(
    rocky: &Path,
    project: &Path,
    args: &[&str],
    rounds: usize,
    changed: Option<&Path>,
) -> anyhow::Result<()> {
    let mut cold = args.to_vec();
    cold.push("--no-cache");
    let (walls, rss) = timed_runs(rocky, &cold, rounds)?;
    print_runs("no cache (every file read)", rounds, &walls, &rss);

    let cache = project.join(".rocky-cache");
    if cache.exists() {
        std::fs::remove_dir_all(&cache).with_context(|| format!("removing {}", cache.display()))?;
    }
    let (first, _) = stats_run(rocky, args)?;
    if let Some(file) = changed {
        let text = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
        std::fs::write(file, text).with_context(|| format!("writing {}", file.display()))?;
    }
    let (warm, answer) = stats_run(rocky, args)?;
    println!("  first run: {first}; next: {warm}");
    if answer != Command::new(rocky).args(&cold).output()?.stdout {
        bail!("rocky {args:?} answers differently from the cache and without it");
    }
    let (walls, rss) = timed_runs(rocky, args, rounds)?;
    print_runs("warm cache", rounds, &walls, &rss);
    Ok(())
}

/// One run with `ROCKY_CACHE_STATS=1`: its stats line (files read, cache written or kept)
/// and its output.
fn stats_run(rocky: &Path, args: &[&str]) -> anyhow::Result<(String, Vec<u8>)> {
    let out = Command::new(rocky).args(args).env("ROCKY_CACHE_STATS", "1").output()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr.lines().find_map(|l| l.strip_prefix("load cache: "));
    Ok((line.context("no load cache stats on stderr")?.to_string(), out.stdout))
}

fn print_runs(what: &str, rounds: usize, walls: &[f64], rss: &[f64]) {
    println!(
        "  {what}, {rounds} runs: wall median {:.3} s (min {:.3}, max {:.3}); peak RSS median \
         {:.1} MB",
        median(walls),
        walls[0],
        walls[walls.len() - 1],
        median(rss),
    );
}
