//! `cargo xtask fuzz [pipeline] [SECONDS] [-libfuzzer_flag=...]`: seeds the corpus from
//! `test_data/parser` and runs the `parse` cargo-fuzz target (in `fuzz/`, nightly); with
//! `pipeline`, seeds from `test_data/pipeline` and runs `parse_pipeline` (`.rocky`).

use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};

use crate::project_root;

const DEFAULT_SECONDS: u64 = 60;

pub(crate) fn run(args: &[&str]) -> anyhow::Result<()> {
    // Flags starting with `-` go to libFuzzer as they are, e.g. `-fork=2 -ignore_crashes=1`
    // to keep going past a crash in a long campaign.
    let (flags, mut rest): (Vec<&str>, Vec<&str>) = args.iter().partition(|a| a.starts_with('-'));
    let (target, seeds, ext) = if rest.first() == Some(&"pipeline") {
        rest.remove(0);
        ("parse_pipeline", "pipeline", "rocky")
    } else {
        ("parse", "parser", "sql")
    };
    let seconds: u64 = match rest.as_slice() {
        [] => DEFAULT_SECONDS,
        [s] => s.parse().with_context(|| format!("SECONDS must be a number, not `{s}`"))?,
        _ => bail!("usage: cargo xtask fuzz [pipeline] [SECONDS] [-libfuzzer_flag=value ...]"),
    };
    let root = project_root();
    ensure_cargo_fuzz()?;

    let corpus = root.join("fuzz").join("corpus").join(target);
    let seeded = seed_corpus(&root.join("test_data").join(seeds), &corpus, ext)?;
    println!("fuzz: {seeded} seed files from test_data/{seeds} in {}", corpus.display());

    // The rustup proxy (`cargo`, not `$CARGO`) understands `+nightly`.
    let status = Command::new("cargo")
        .current_dir(&root)
        .env_remove("RUSTUP_TOOLCHAIN")
        .args(["+nightly", "fuzz", "run", target, "--"])
        .arg(format!("-max_total_time={seconds}"))
        .args(&flags)
        .status()
        .context("running `cargo +nightly fuzz run` (is the nightly toolchain installed?)")?;
    if !status.success() {
        bail!(
            "fuzzing `{target}` failed ({status}); the crashing input is under fuzz/artifacts/{target}/, \
             reproduce with `cargo +nightly fuzz run {target} <file>`"
        );
    }
    Ok(())
}

fn ensure_cargo_fuzz() -> anyhow::Result<()> {
    let installed = Command::new("cargo")
        .env_remove("RUSTUP_TOOLCHAIN")
        .args(["+nightly", "fuzz", "--version"])
        .output()
        .is_ok_and(|out| out.status.success());
    if installed {
        return Ok(());
    }
    eprintln!("fuzz: cargo-fuzz is missing; running `cargo install cargo-fuzz`");
    let status = Command::new("cargo")
        .args(["install", "cargo-fuzz"])
        .status()
        .context("running `cargo install cargo-fuzz`")?;
    if !status.success() {
        bail!("`cargo install cargo-fuzz` failed ({status})");
    }
    Ok(())
}

/// Copies every `*.{ext}` below `src` into `corpus` (flat, named after the relative path) and
/// returns how many files were copied. Files libFuzzer added earlier stay.
fn seed_corpus(src: &Path, corpus: &Path, ext: &str) -> anyhow::Result<usize> {
    std::fs::create_dir_all(corpus).with_context(|| format!("creating {}", corpus.display()))?;
    let mut count = 0;
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in
            std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != ext) {
                continue;
            }
            let rel = path.strip_prefix(src).unwrap_or(&path);
            let name = rel.to_string_lossy().replace(['/', '\\'], "_");
            std::fs::copy(&path, corpus.join(&name))
                .with_context(|| format!("copying {} into the corpus", path.display()))?;
            count += 1;
        }
    }
    Ok(count)
}
