//! `cargo xtask bench compile [--models N] [--rounds R]`: cold `rocky compile` of a
//! generated project, whole process (load, parse, resolve, print JSON), release build:
//! median wall time and peak RSS (GNU time's `%M`) over R runs, then `bench floor`.

use std::process::Command;

use anyhow::{Context, bail};

use crate::bench::generated_project;

pub(crate) fn run(args: &[&str]) -> anyhow::Result<()> {
    let mut models = 10_000u32;
    let mut rounds = 7usize;
    let mut it = args.iter();
    while let Some(&arg) = it.next() {
        let value = it.next().with_context(|| format!("`{arg}` takes a number"))?;
        match arg {
            "--models" => {
                models = value
                    .parse()
                    .with_context(|| format!("--models takes a number, not `{value}`"))?
            }
            "--rounds" => {
                rounds = value
                    .parse()
                    .with_context(|| format!("--rounds takes a number, not `{value}`"))?
            }
            _ => bail!("usage: cargo xtask bench compile [--models N] [--rounds R]"),
        }
    }
    if models == 0 || rounds == 0 {
        bail!("--models and --rounds must be at least 1");
    }
    let rocky = crate::bench::release_rocky()?;
    let project = generated_project(models)?.join("rocky");
    let project_arg = project.to_str().context("the project path is not UTF-8")?;
    let compile = ["compile", "-o", "json", "--project", project_arg];

    // Once for correctness: the generated project must compile without errors.
    let out = Command::new(&rocky).args(compile).output()?;
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).context("rocky compile printed no JSON")?;
    let summary = &json["summary"];
    println!("project: {} ({} models)", project.display(), summary["models"]);
    println!("diagnostics: {} errors, {} warnings", summary["errors"], summary["warnings"]);
    if summary["errors"].as_u64() != Some(0) {
        let first = &json["diagnostics"][0];
        bail!("the generated project should compile cleanly; first diagnostic: {first}");
    }

    let (walls, rss) = crate::bench::timed_runs(&rocky, &compile, rounds)?;
    let med = crate::bench::median;
    let wall = med(&walls);
    println!(
        "rocky compile, {models} models, {rounds} runs: wall median {:.3} s (min {:.3}, max {:.3}), \
         per model {:.1} µs; peak RSS median {:.1} MB (max {:.1})",
        wall,
        walls[0],
        walls[walls.len() - 1],
        wall * 1e6 / f64::from(models),
        med(&rss),
        rss[rss.len() - 1],
    );

    // What reading and parsing alone cost here, for scale (same project, same cores).
    crate::bench::reexec_in_release("floor", models)
}
