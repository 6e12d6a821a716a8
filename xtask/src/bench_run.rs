//! `cargo xtask bench run [--models N] [--rounds R]`: `rocky run` of a generated project
//! over its small seed, whole process, release build with DuckDB; against a plain script
//! (Python's `duckdb`, the same engine version) that sends the same statements to DuckDB
//! one after another. The overhead per model is rocky's wall time minus the script's
//! DuckDB time, divided by the models.

use std::{
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use anyhow::{Context, bail};

use crate::{bench::generated_project, project_root};

/// The script: statements of `rocky plan -o json`, each step in one transaction like
/// rocky's, timed around the DuckDB calls only (not Python's start-up).
const SCRIPT: &str = r#"
import duckdb, json, sys, time
plan = json.load(open(sys.argv[1]))
con = duckdb.connect(sys.argv[2])
start = time.perf_counter()
for m in plan["models"]:
    if not m.get("statements"):
        continue
    con.execute("BEGIN TRANSACTION")
    for s in m["statements"]:
        con.execute(s)
    con.execute("COMMIT")
print(time.perf_counter() - start)
"#;

pub(crate) fn run(args: &[&str]) -> anyhow::Result<()> {
    let mut models = 1_000u32;
    let mut rounds = 5usize;
    let mut it = args.iter();
    while let Some(&arg) = it.next() {
        let value = it.next().with_context(|| format!("`{arg}` takes a number"))?;
        let n: usize =
            value.parse().with_context(|| format!("`{arg}` takes a number, not `{value}`"))?;
        match arg {
            "--models" => models = u32::try_from(n)?,
            "--rounds" => rounds = n,
            _ => bail!("usage: cargo xtask bench run [--models N] [--rounds R]"),
        }
    }
    if models == 0 || rounds == 0 {
        bail!("--models and --rounds must be at least 1");
    }
    let rocky = release_rocky_with_duckdb()?;
    let generated = generated_project(models)?.join("rocky");
    let dir = project_root().join("target").join("bench").join(format!("run-{models}"));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&generated, &dir)?;
    // The first run seeds the sources and creates every table; the measured runs replace
    // them (incremental and merge models then do their incremental work).
    let status = Command::new(&rocky)
        .args(["--project"])
        .arg(&dir)
        .args(["-o", "json", "run", "--seed"])
        .stdout(Stdio::null())
        .status()?;
    if !status.success() {
        bail!("the first `rocky run --seed` failed ({status})");
    }
    let mut walls = Vec::new();
    for _ in 0..rounds {
        let t = Instant::now();
        let out =
            Command::new(&rocky).arg("--project").arg(&dir).args(["-o", "json", "run"]).output()?;
        walls.push(t.elapsed());
        if !out.status.success() {
            bail!("`rocky run` failed: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
    let plan = dir.join("plan.json");
    let out =
        Command::new(&rocky).arg("--project").arg(&dir).args(["-o", "json", "plan"]).output()?;
    std::fs::write(&plan, &out.stdout)?;
    let db = dir.join("bench.duckdb");
    let mut script = Vec::new();
    for _ in 0..rounds {
        let out = Command::new("python3").args(["-c", SCRIPT]).arg(&plan).arg(&db).output()?;
        if !out.status.success() {
            bail!("the plain script failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        let secs: f64 = String::from_utf8_lossy(&out.stdout).trim().parse()?;
        script.push(Duration::from_secs_f64(secs));
    }
    walls.sort();
    script.sort();
    let (w, s) = (walls[walls.len() / 2], script[script.len() / 2]);
    let per_model = (w.as_secs_f64() - s.as_secs_f64()) / f64::from(models) * 1000.0;
    println!(
        "rocky run, {models} models, whole process: median {:.3} s over {rounds} runs ({:?})",
        w.as_secs_f64(),
        walls
    );
    println!(
        "plain script, same statements, DuckDB time only: median {:.3} s ({:?})",
        s.as_secs_f64(),
        script
    );
    println!("overhead beyond DuckDB's execution: {per_model:.2} ms/model (target <= 2 ms)");
    Ok(())
}

/// `rocky` in release with the warehouse (DuckDB) linked, copied aside so the analysis-only
/// build of the other benchmarks does not overwrite it.
fn release_rocky_with_duckdb() -> anyhow::Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!("bench: building rocky in release with DuckDB (the first time takes long)");
    let status = Command::new(&cargo)
        .current_dir(project_root())
        .args(["build", "--quiet", "--release", "-p", "cli"])
        .status()
        .context("running cargo build")?;
    if !status.success() {
        bail!("cargo build --release -p cli failed ({status})");
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| project_root().join("target"), PathBuf::from);
    let built = target.join("release").join("rocky");
    let aside = target.join("release").join("rocky-warehouse");
    std::fs::copy(&built, &aside).with_context(|| format!("cannot copy `{}`", built.display()))?;
    Ok(aside)
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
