//! `cargo xtask bench floor [--models N]`: the least any `rocky compile` must spend on a
//! generated project on this machine — list the models folder, read every file, and
//! parse every SQL model to the flat tree, on every core, nothing else (no configs, no
//! name resolution, no output). Printed next to the compile figure, it tells how much of
//! the compile's wall time is analysis and output rather than IO and parsing.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use syntax::Dialect;

const ROUNDS: usize = 7;

pub(crate) fn run(project: &Path) -> anyhow::Result<()> {
    let models = project.join("rocky").join("models");
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    round(&models, threads, true)?; // warm-up: the page cache, as for the compile runs
    let mut read = Vec::new();
    let mut parse = Vec::new();
    for _ in 0..ROUNDS {
        read.push(round(&models, threads, false)?);
        parse.push(round(&models, threads, true)?);
    }
    let med = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2].as_secs_f64()
    };
    println!(
        "floor, {threads} threads, {ROUNDS} rounds: list + read every file, wall median {:.3} s; \
         + parse every SQL model to the flat tree, wall median {:.3} s",
        med(&mut read),
        med(&mut parse),
    );
    Ok(())
}

/// One pass over the models folder: the wall time to list and read every file (and to
/// parse the `.sql` ones, with `parse`), the trees kept until the clock stops.
fn round(models: &Path, threads: usize, parse: bool) -> anyhow::Result<Duration> {
    let start = Instant::now();
    let files = list(models)?;
    let next = AtomicUsize::new(0);
    let work = || -> anyhow::Result<usize> {
        let mut errors = 0;
        loop {
            let Some(path) = files.get(next.fetch_add(1, Ordering::Relaxed)) else {
                return Ok(errors);
            };
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            if parse && path.extension().is_some_and(|e| e == "sql") {
                errors += syntax::sql::parse_flat(&text, Dialect::DuckDb).errors().len();
            }
        }
    };
    let errors: usize = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads).map(|_| s.spawn(work)).collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("floor worker panicked"))
            .sum::<anyhow::Result<usize>>()
    })?;
    std::hint::black_box(errors);
    Ok(start.elapsed())
}

fn list(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            let entry = entry?;
            if entry.file_type()?.is_dir() {
                stack.push(entry.path());
            } else {
                out.push(entry.path());
            }
        }
    }
    Ok(out)
}
