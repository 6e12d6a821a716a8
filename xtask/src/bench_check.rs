//! `cargo xtask bench check [--models N] [--rounds R]`: `rocky check FILE`, whole process,
//! release build (analysis only), on a generated project, as a pre-commit hook runs it on
//! one changed file: a leaf mart (nothing downstream) and the staging model with the most
//! models downstream (the changed file plus all of them are checked); each without the
//! load cache and warm, the changed file newer than the cache.

use std::collections::HashMap;

use anyhow::{Context, bail};
use serde_json::Value;

use crate::bench::{generated_project, release_rocky};
use crate::bench_cache::timed_both_ways;

pub(crate) fn run(args: &[&str]) -> anyhow::Result<()> {
    let mut models = 10_000u32;
    let mut rounds = 7usize;
    let mut it = args.iter();
    while let Some(&arg) = it.next() {
        let value = it.next().with_context(|| format!("`{arg}` takes a number"))?;
        let n: usize =
            value.parse().with_context(|| format!("`{arg}` takes a number, not `{value}`"))?;
        match arg {
            "--models" => models = u32::try_from(n)?,
            "--rounds" => rounds = n,
            _ => bail!("usage: cargo xtask bench check [--models N] [--rounds R]"),
        }
    }
    if models == 0 || rounds == 0 {
        bail!("--models and --rounds must be at least 1");
    }
    let rocky = release_rocky()?;
    let generated = generated_project(models)?;
    let dag: Value = serde_json::from_slice(&std::fs::read(generated.join("dag.json"))?)
        .context("reading dag.json")?;
    let all = dag["models"].as_array().context("dag.json has no models")?;
    // Models downstream of each model, transitively (dag.json lists upstreams).
    let mut readers: HashMap<&str, Vec<&str>> = HashMap::new();
    for m in all {
        for up in m["depends_on"].as_array().into_iter().flatten() {
            readers
                .entry(up.as_str().unwrap_or_default())
                .or_default()
                .push(m["name"].as_str().unwrap_or_default());
        }
    }
    let downstream = |name: &str| {
        let mut seen = std::collections::HashSet::new();
        let mut stack = vec![name];
        while let Some(n) = stack.pop() {
            for &r in readers.get(n).into_iter().flatten() {
                if seen.insert(r) {
                    stack.push(r);
                }
            }
        }
        seen.len()
    };
    let name = |m: &Value| m["name"].as_str().unwrap_or_default().to_string();
    let leaf = all.iter().rev().find(|m| m["layer"] == "marts").map(name).context("no mart")?;
    let busiest = all
        .iter()
        .filter(|m| m["layer"] == "staging")
        .map(name)
        .max_by_key(|n| downstream(n))
        .context("no staging model")?;
    let project = generated.join("rocky");
    let project = project.to_str().context("the project path is not UTF-8")?;
    println!("project: {project} ({models} models)");
    for (what, model) in [("a leaf mart", leaf), ("the busiest staging model", busiest)] {
        let file = format!("{project}/models/{model}.sql");
        let args = ["--project", project, "check", "--format", "json", &file];
        let out = std::process::Command::new(&rocky).args(args).output()?;
        let json: Value = serde_json::from_slice(&out.stdout).context("check JSON")?;
        println!(
            "{what} `{model}` ({} models downstream): exit {}, {} errors",
            downstream(&model),
            out.status.code().unwrap_or(-1),
            json["summary"]["errors"]
        );
        // The models checked are JUnit's test cases: the file's model and all downstream.
        let junit_args = ["--project", project, "check", "--format", "junit", &file];
        let junit = std::process::Command::new(&rocky).args(junit_args).output()?;
        let junit = String::from_utf8_lossy(&junit.stdout);
        let checked = junit.matches("<testcase name=\"").count()
            - junit.matches("<testcase name=\"(project)\"").count();
        println!("  models checked: {checked}");
        if checked != downstream(&model) + 1 {
            bail!("checked {checked} models, expected {}", downstream(&model) + 1);
        }
        let changed = std::path::Path::new(&file);
        timed_both_ways(&rocky, &generated.join("rocky"), &args, rounds, Some(changed))?;
    }
    Ok(())
}
