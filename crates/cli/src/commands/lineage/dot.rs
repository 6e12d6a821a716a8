//! `rocky lineage --format dot`: a Graphviz digraph, left to right, sources on the left.
//! Each model and source table is a cluster of its columns; the targets are filled; edges
//! are labelled with their transform, filter edges dashed. Every name is a quoted DOT
//! string, so any identifier renders.

use std::{collections::BTreeMap, io::Write};

use super::{Endpoint, Named};

pub(super) fn write(graph: &Named, out: &mut impl Write) -> anyhow::Result<()> {
    let mut relations: BTreeMap<(bool, &str), Vec<&Endpoint>> = BTreeMap::new();
    let all = graph.targets.iter().chain(graph.edges.iter().flat_map(|e| [&e.from, &e.to]));
    for node in all {
        let (name, source) = node.relation();
        let cols = relations.entry((source, name)).or_default();
        if !cols.contains(&node) {
            cols.push(node);
        }
    }
    writeln!(out, "digraph lineage {{")?;
    writeln!(out, "  rankdir=LR;")?;
    writeln!(out, "  node [shape=box, style=rounded, fontname=\"Helvetica\"];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=10];")?;
    for (i, ((source, name), columns)) in relations.iter().enumerate() {
        writeln!(out, "  subgraph cluster_{i} {{")?;
        let kind = if *source { "source " } else { "" };
        writeln!(out, "    label={};", quote(&format!("{kind}{name}")))?;
        if *source {
            writeln!(out, "    style=dashed;")?;
        }
        for col in columns {
            let fill = if graph.targets.contains(col) {
                ", style=\"rounded,filled\", fillcolor=\"#ffe9a8\""
            } else {
                ""
            };
            writeln!(out, "    {} [label={}{fill}];", quote(&col.label()), quote(col.column()))?;
        }
        writeln!(out, "  }}")?;
    }
    for e in &graph.edges {
        let style = if e.transform == "filter" { ", style=dashed" } else { "" };
        writeln!(
            out,
            "  {} -> {} [label={}{style}];",
            quote(&e.from.label()),
            quote(&e.to.label()),
            quote(e.transform)
        )?;
    }
    writeln!(out, "}}")?;
    Ok(())
}

/// A DOT quoted string: only `"` and `\` need escaping; line breaks become spaces.
fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for ch in s.chars() {
        match ch {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' | '\r' => q.push(' '),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}
