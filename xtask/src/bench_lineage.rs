//! `cargo xtask bench lineage [--models N] [--rounds R]`: `rocky lineage`, whole process,
//! release build (analysis only), on a generated project: upstream of the leaf mart with
//! the most upstream columns, and downstream of the source column whose change reaches
//! the most model columns. Before timing, both answers are checked against the
//! generator's ground truth (`dag.json`: every output column's inputs).

use std::collections::{HashMap, HashSet, VecDeque};
use std::process::Command;

use anyhow::{Context, bail};
use serde_json::Value;

use crate::bench::{generated_project, release_rocky};
use crate::bench_cache::timed_both_ways;

/// A column as `model.column` or `source:schema.table.column`, the generator's spelling.
type Node = String;

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
            _ => bail!("usage: cargo xtask bench lineage [--models N] [--rounds R]"),
        }
    }
    if models == 0 || rounds == 0 {
        bail!("--models and --rounds must be at least 1");
    }
    let rocky = release_rocky()?;
    let generated = generated_project(models)?;
    let dag: Value = serde_json::from_slice(&std::fs::read(generated.join("dag.json"))?)
        .context("reading dag.json")?;
    let truth = Truth::new(&dag)?;
    let project = generated.join("rocky");
    let project = project.to_str().context("the project path is not UTF-8")?;

    let mart = truth.deepest_mart().context("the generated project has no mart")?;
    let source = truth.widest_source_column().context("the generated project has no source")?;
    // The generator names a source `raw__system.table`; its ground truth drops `raw__`.
    let source_target = format!("raw__{}", source.trim_start_matches("source:"));
    let mart_columns = truth.columns_of(&mart);
    let cases = [
        (
            "upstream of the leaf mart",
            &mart,
            "--upstream",
            mart_columns,
            truth.upstream_of_model(&mart),
        ),
        (
            "downstream of a source column",
            &source_target,
            "--downstream",
            vec![source.clone()],
            truth.downstream(&source),
        ),
    ];
    println!("project: {project} ({models} models)");
    for (what, target, direction, asked, expected) in cases {
        let args = ["--project", project, "lineage", target, direction, "--format", "json"];
        let out = Command::new(&rocky).args(args).output()?;
        if !out.status.success() {
            bail!("rocky lineage {target} failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        let json: Value = serde_json::from_slice(&out.stdout).context("lineage JSON")?;
        let (mut nodes, window_edges) = answer_nodes(&json);
        // Like the ground truth's walk, the answer is the columns reached, not those asked.
        nodes.retain(|n| !asked.contains(n));
        let missing: Vec<&Node> = expected.iter().filter(|n| !nodes.contains(*n)).collect();
        let extra = nodes.iter().filter(|n| !expected.contains(*n)).count();
        println!(
            "{what} `{target}`: {} columns in {} models; ground truth {} columns, {} missing, \
             {extra} more (the generator leaves window PARTITION BY / ORDER BY keys out; \
             {window_edges} window edges)",
            nodes.len(),
            nodes.iter().filter_map(|n| model_of(n)).collect::<HashSet<_>>().len(),
            expected.len(),
            missing.len(),
        );
        if !missing.is_empty() {
            bail!("rocky lineage misses columns of the ground truth, e.g. {:?}", &missing[..1]);
        }
        timed_both_ways(&rocky, &generated.join("rocky"), &args, rounds, None)?;
    }
    Ok(())
}

/// Every column the answer names (both ends of every edge) and how many edges are windows.
fn answer_nodes(json: &Value) -> (HashSet<Node>, usize) {
    let mut nodes = HashSet::new();
    let mut windows = 0;
    for edge in json["edges"].as_array().into_iter().flatten() {
        windows += usize::from(edge["transform"] == "window");
        for end in [&edge["from"], &edge["to"]] {
            let column = end["column"].as_str().unwrap_or("*");
            if let Some(model) = end["model"].as_str() {
                nodes.insert(format!("{model}.{column}"));
            } else if let Some(source) = end["source"].as_str() {
                let source = source.strip_prefix("raw__").unwrap_or(source);
                nodes.insert(format!("source:{source}.{column}"));
            }
        }
    }
    (nodes, windows)
}

fn model_of(node: &str) -> Option<&str> {
    if node.starts_with("source:") { None } else { node.rsplit_once('.').map(|(m, _)| m) }
}

/// The generator's column graph. `COUNT(*)` inputs (`model.*`) name rows, not columns,
/// and are left out as `rocky lineage` leaves them out.
struct Truth {
    inputs: HashMap<Node, Vec<Node>>,
    consumers: HashMap<Node, Vec<Node>>,
    /// (layer, name, output columns) per model.
    models: Vec<(String, String, Vec<Node>)>,
}

impl Truth {
    fn new(dag: &Value) -> anyhow::Result<Truth> {
        let mut truth =
            Truth { inputs: HashMap::new(), consumers: HashMap::new(), models: Vec::new() };
        for model in dag["models"].as_array().context("dag.json has no models")? {
            let name = model["name"].as_str().context("a model without a name")?;
            let layer = model["layer"].as_str().unwrap_or_default();
            let mut columns = Vec::new();
            for column in model["columns"].as_array().into_iter().flatten() {
                let node = format!("{name}.{}", column["name"].as_str().unwrap_or_default());
                for from in column["from"].as_array().into_iter().flatten() {
                    let from = from.as_str().unwrap_or_default();
                    if from.ends_with(".*") {
                        continue;
                    }
                    truth.inputs.entry(node.clone()).or_default().push(from.to_string());
                    truth.consumers.entry(from.to_string()).or_default().push(node.clone());
                }
                columns.push(node);
            }
            truth.models.push((layer.to_string(), name.to_string(), columns));
        }
        Ok(truth)
    }

    /// The columns reached from `start` (which are left out).
    fn walk(edges: &HashMap<Node, Vec<Node>>, start: &[Node]) -> HashSet<Node> {
        let mut seen: HashSet<Node> = start.iter().cloned().collect();
        let mut queue: VecDeque<Node> = start.iter().cloned().collect();
        while let Some(node) = queue.pop_front() {
            for next in edges.get(&node).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    queue.push_back(next.clone());
                }
            }
        }
        for node in start {
            seen.remove(node);
        }
        seen
    }

    fn columns_of(&self, model: &str) -> Vec<Node> {
        self.models
            .iter()
            .find(|(_, name, _)| name == model)
            .map(|m| m.2.clone())
            .unwrap_or_default()
    }

    fn upstream_of_model(&self, model: &str) -> HashSet<Node> {
        Self::walk(&self.inputs, &self.columns_of(model))
    }

    fn downstream(&self, column: &str) -> HashSet<Node> {
        Self::walk(&self.consumers, &[column.to_string()])
    }

    fn deepest_mart(&self) -> Option<String> {
        self.models
            .iter()
            .filter(|(layer, ..)| layer == "marts")
            .max_by_key(|(_, name, _)| (self.upstream_of_model(name).len(), name.clone()))
            .map(|(_, name, _)| name.clone())
    }

    fn widest_source_column(&self) -> Option<Node> {
        self.consumers
            .keys()
            .filter(|n| n.starts_with("source:"))
            .max_by_key(|n| (self.downstream(n).len(), (*n).clone()))
            .cloned()
    }
}
