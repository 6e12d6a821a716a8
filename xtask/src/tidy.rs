//! `cargo xtask tidy`: the dependency-direction rules of ARCHITECTURE.md, checked against
//! `cargo metadata` (direct edges between workspace crates, forbidden external crates).

use std::collections::{HashMap, VecDeque};
use std::process::Command;

use anyhow::{Context, bail};
use serde_json::Value;

use crate::project_root;

/// Every workspace crate and the workspace crates it may depend on directly (normal deps).
/// Mirrors ARCHITECTURE.md: `cli → {lsp, exec, ide, hir}`, `lsp → ide → hir → syntax`,
/// `exec → hir → syntax`, plus `load` (README, Layout): reading a project from disk, shared
/// by the two edges that do IO on project files, as rust-analyzer's `load-cargo` is; and
/// `ide → syntax` for the tokens editor features walk. Change both together.
const ALLOWED_EDGES: &[(&str, &[&str])] = &[
    ("syntax", &[]),
    ("hir", &["syntax"]),
    ("ide", &["hir", "syntax"]),
    ("load", &["ide", "hir"]),
    ("lsp", &["ide", "load"]),
    ("exec", &["hir"]),
    ("cli", &["lsp", "exec", "ide", "hir", "load"]),
    // Tooling, not part of the layering.
    ("xtask", &["syntax", "hir", "ide", "lsp", "exec", "cli", "load"]),
];

/// Edges ARCHITECTURE.md calls out as never allowed; they get a pointed message.
const NEVER_EDGES: &[(&str, &str)] = &[("hir", "exec"), ("ide", "lsp")];

/// External crates a workspace crate must not reach through normal dependencies, at any depth.
const FORBIDDEN_DEPS: &[(&str, &[&str])] = &[
    ("syntax", &["salsa", "tokio", "duckdb", "reqwest", "tower-lsp-server", "lsp-types"]),
    ("hir", &["tokio", "duckdb", "reqwest", "tower-lsp-server", "lsp-types"]),
    ("ide", &["tokio", "duckdb", "reqwest", "tower-lsp-server", "lsp-types"]),
    ("load", &["tokio", "duckdb", "reqwest", "tower-lsp-server", "lsp-types"]),
];

pub(crate) fn run() -> anyhow::Result<()> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(project_root())
        .args(["metadata", "--format-version", "1", "--all-features"])
        .output()
        .context("running `cargo metadata`")?;
    if !output.status.success() {
        bail!("`cargo metadata` failed:\n{}", String::from_utf8_lossy(&output.stderr));
    }
    let metadata: Value =
        serde_json::from_slice(&output.stdout).context("parsing `cargo metadata` output")?;
    let graph = Graph::from_metadata(&metadata)?;

    let mut violations = check_edges(&graph, ALLOWED_EDGES, NEVER_EDGES);
    violations.extend(check_forbidden(&graph, FORBIDDEN_DEPS));

    println!("tidy: workspace dependency edges (normal deps, all features):");
    let mut members: Vec<usize> = graph.members.clone();
    members.sort_by(|&a, &b| graph.names[a].cmp(&graph.names[b]));
    for &m in &members {
        let deps: Vec<&str> = graph.member_deps(m).map(|d| graph.names[d].as_str()).collect();
        println!("  {} → {{{}}}", graph.names[m], deps.join(", "));
    }
    println!("tidy: forbidden external crates (transitive normal deps):");
    for (krate, banned) in FORBIDDEN_DEPS {
        println!("  {krate} ↛ {}", banned.join(", "));
    }

    if violations.is_empty() {
        println!("tidy: ok");
        return Ok(());
    }
    for v in &violations {
        eprintln!("error: {v}");
    }
    bail!("tidy found {} dependency violation(s); see ARCHITECTURE.md", violations.len())
}

/// The resolved package graph, normal dependency edges only.
#[derive(Debug, Default)]
struct Graph {
    /// Package names by index (two versions of one crate are two nodes with one name).
    names: Vec<String>,
    /// Normal dependencies of each package, as indices.
    deps: Vec<Vec<usize>>,
    /// Workspace members, as indices.
    members: Vec<usize>,
}

impl Graph {
    fn from_metadata(metadata: &Value) -> anyhow::Result<Graph> {
        let mut graph = Graph::default();
        let mut index: HashMap<&str, usize> = HashMap::new();
        let packages = metadata["packages"].as_array().context("metadata has no `packages`")?;
        for package in packages {
            let id = package["id"].as_str().context("package without `id`")?;
            let name = package["name"].as_str().context("package without `name`")?;
            index.insert(id, graph.names.len());
            graph.names.push(name.to_owned());
            graph.deps.push(Vec::new());
        }
        let lookup = |id: &Value| -> anyhow::Result<usize> {
            let id = id.as_str().context("package id is not a string")?;
            index.get(id).copied().with_context(|| format!("unknown package id `{id}`"))
        };
        for member in metadata["workspace_members"].as_array().context("no `workspace_members`")? {
            graph.members.push(lookup(member)?);
        }
        let nodes =
            metadata["resolve"]["nodes"].as_array().context("metadata has no `resolve.nodes`")?;
        for node in nodes {
            let from = lookup(&node["id"])?;
            for dep in node["deps"].as_array().into_iter().flatten() {
                // `kind` is null for normal dependencies, "dev" or "build" otherwise.
                let normal = dep["dep_kinds"]
                    .as_array()
                    .is_some_and(|kinds| kinds.iter().any(|k| k["kind"].is_null()));
                if normal {
                    let to = lookup(&dep["pkg"])?;
                    graph.deps[from].push(to);
                }
            }
        }
        Ok(graph)
    }

    fn is_member(&self, i: usize) -> bool {
        self.members.contains(&i)
    }

    /// Direct normal dependencies of `i` that are workspace members, sorted by name.
    fn member_deps(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut deps: Vec<usize> =
            self.deps[i].iter().copied().filter(|&d| self.is_member(d)).collect();
        deps.sort_by(|&a, &b| self.names[a].cmp(&self.names[b]));
        deps.dedup();
        deps.into_iter()
    }

    /// The shortest chain of package names from `from` to a package named `target`.
    fn path_to(&self, from: usize, target: &str) -> Option<Vec<&str>> {
        let mut parent: Vec<Option<usize>> = vec![None; self.names.len()];
        let mut seen = vec![false; self.names.len()];
        let mut queue = VecDeque::from([from]);
        seen[from] = true;
        while let Some(i) = queue.pop_front() {
            if i != from && self.names[i] == target {
                let mut chain = vec![self.names[i].as_str()];
                let mut cur = i;
                while let Some(p) = parent[cur] {
                    chain.push(self.names[p].as_str());
                    cur = p;
                }
                chain.reverse();
                return Some(chain);
            }
            for &d in &self.deps[i] {
                if !seen[d] {
                    seen[d] = true;
                    parent[d] = Some(i);
                    queue.push_back(d);
                }
            }
        }
        None
    }
}

/// Direct dependencies between workspace crates that the layering does not allow.
fn check_edges(graph: &Graph, allowed: &[(&str, &[&str])], never: &[(&str, &str)]) -> Vec<String> {
    let mut violations = Vec::new();
    let mut members = graph.members.clone();
    members.sort_by(|&a, &b| graph.names[a].cmp(&graph.names[b]));
    for &m in &members {
        let from = graph.names[m].as_str();
        let Some((_, allowed_to)) = allowed.iter().find(|(name, _)| *name == from) else {
            violations.push(format!(
                "workspace crate `{from}` has no place in the layering; add it to \
                 ALLOWED_EDGES in xtask/src/tidy.rs and to ARCHITECTURE.md"
            ));
            continue;
        };
        for d in graph.member_deps(m) {
            let to = graph.names[d].as_str();
            if never.contains(&(from, to)) {
                violations.push(format!(
                    "forbidden edge `{from} → {to}`: ARCHITECTURE.md says never `{from} → {to}`; \
                     remove `{to}` from crates/{from}/Cargo.toml"
                ));
            } else if !allowed_to.contains(&to) {
                violations.push(format!(
                    "disallowed edge `{from} → {to}`: `{from}` may depend only on {{{}}}; \
                     remove `{to}` from crates/{from}/Cargo.toml or change the layering in \
                     ARCHITECTURE.md and xtask/src/tidy.rs",
                    allowed_to.join(", ")
                ));
            }
        }
    }
    violations
}

/// Forbidden external crates reachable from a workspace crate through normal dependencies.
fn check_forbidden(graph: &Graph, rules: &[(&str, &[&str])]) -> Vec<String> {
    let mut violations = Vec::new();
    for (krate, banned) in rules {
        let Some(&m) = graph.members.iter().find(|&&m| graph.names[m] == *krate) else {
            continue;
        };
        for target in *banned {
            if let Some(chain) = graph.path_to(m, target) {
                violations.push(format!(
                    "`{krate}` must not depend on `{target}`, but does: {}",
                    chain.join(" → ")
                ));
            }
        }
    }
    violations
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A graph from `(crate, deps)` pairs; crates listed in `members` are workspace members.
    fn graph(edges: &[(&str, &[&str])], members: &[&str]) -> Graph {
        fn idx(g: &mut Graph, name: &str) -> usize {
            if let Some(i) = g.names.iter().position(|n| n == name) {
                return i;
            }
            g.names.push(name.to_owned());
            g.deps.push(Vec::new());
            g.names.len() - 1
        }
        let mut g = Graph::default();
        for (from, tos) in edges {
            let f = idx(&mut g, from);
            for to in *tos {
                let t = idx(&mut g, to);
                g.deps[f].push(t);
            }
        }
        g.members = members.iter().map(|m| idx(&mut g, m)).collect();
        g
    }

    const ALLOWED: &[(&str, &[&str])] =
        &[("syntax", &[]), ("hir", &["syntax"]), ("exec", &["hir"]), ("ide", &["hir"])];
    const NEVER: &[(&str, &str)] = &[("hir", "exec")];

    #[test]
    fn allowed_edges_pass() {
        let g = graph(
            &[("exec", &["hir", "serde"]), ("hir", &["syntax"]), ("syntax", &["rowan"])],
            &["syntax", "hir", "exec"],
        );
        assert_eq!(check_edges(&g, ALLOWED, NEVER), Vec::<String>::new());
    }

    #[test]
    fn forbidden_and_unlisted_edges_fail() {
        let g = graph(
            &[("hir", &["syntax", "exec"]), ("ide", &["hir", "exec"]), ("exec", &["hir"])],
            &["syntax", "hir", "exec", "ide"],
        );
        let violations = check_edges(&g, ALLOWED, NEVER);
        assert_eq!(violations.len(), 2, "{violations:#?}");
        assert!(violations[0].starts_with("forbidden edge `hir → exec`"), "{}", violations[0]);
        assert!(violations[1].starts_with("disallowed edge `ide → exec`"), "{}", violations[1]);
    }

    #[test]
    fn unknown_member_fails() {
        let g = graph(&[("newcrate", &["syntax"])], &["syntax", "newcrate"]);
        let violations = check_edges(&g, ALLOWED, NEVER);
        assert_eq!(violations.len(), 1);
        assert!(violations[0].contains("`newcrate` has no place in the layering"));
    }

    #[test]
    fn metadata_keeps_only_normal_edges() {
        let normal = serde_json::json!([{ "kind": null, "target": null }]);
        let dev = serde_json::json!([{ "kind": "dev", "target": null }]);
        let build = serde_json::json!([{ "kind": "build", "target": null }]);
        let metadata = serde_json::json!({
            "packages": [
                { "id": "s", "name": "syntax" },
                { "id": "h", "name": "hir" },
                { "id": "t", "name": "tokio" },
                { "id": "x", "name": "salsa" },
            ],
            "workspace_members": ["s", "h"],
            "resolve": { "nodes": [
                { "id": "s", "deps": [
                    { "pkg": "t", "dep_kinds": dev },
                    { "pkg": "x", "dep_kinds": build },
                ] },
                { "id": "h", "deps": [
                    { "pkg": "s", "dep_kinds": normal },
                    { "pkg": "x", "dep_kinds": normal },
                ] },
                { "id": "t", "deps": [] },
                { "id": "x", "deps": [] },
            ] },
        });
        let g = Graph::from_metadata(&metadata).expect("valid metadata");
        let rules: &[(&str, &[&str])] = &[("syntax", &["tokio", "salsa"]), ("hir", &["salsa"])];
        assert_eq!(
            check_forbidden(&g, rules),
            vec!["`hir` must not depend on `salsa`, but does: hir → salsa".to_owned()]
        );
        assert_eq!(check_edges(&g, ALLOWED, NEVER), Vec::<String>::new());
    }

    #[test]
    fn transitive_forbidden_crate_is_found_with_its_path() {
        let g = graph(
            &[("syntax", &["rowan", "helper"]), ("helper", &["salsa"]), ("hir", &["syntax"])],
            &["syntax", "hir"],
        );
        let rules: &[(&str, &[&str])] = &[("syntax", &["salsa", "tokio"]), ("hir", &["tokio"])];
        assert_eq!(
            check_forbidden(&g, rules),
            vec![
                "`syntax` must not depend on `salsa`, but does: syntax → helper → salsa".to_owned()
            ]
        );
    }
}
