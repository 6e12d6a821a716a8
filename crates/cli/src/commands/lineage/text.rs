//! `rocky lineage --format text`: each target as the root of a tree a person reads in a
//! terminal. Upstream, a column's children are what it is computed from; downstream, what
//! is computed from it. A column reached twice is expanded once and marked after.

use std::{collections::BTreeMap, io::Write};

use ide::lineage_graph::Direction;

use super::{Endpoint, Named};

pub(super) fn write(graph: &Named, asked: &str, out: &mut impl Write) -> anyhow::Result<()> {
    // One line per related column, with every way it relates (`[aggregation, filter]`).
    let mut children: BTreeMap<&Endpoint, Vec<(&Endpoint, String)>> = BTreeMap::new();
    for e in &graph.edges {
        let (parent, child) = match graph.direction {
            Direction::Upstream => (&e.to, &e.from),
            Direction::Downstream => (&e.from, &e.to),
        };
        let kids = children.entry(parent).or_default();
        match kids.iter_mut().find(|(c, _)| *c == child) {
            Some((_, how)) => {
                how.push_str(", ");
                how.push_str(e.transform);
            }
            None => kids.push((child, e.transform.to_string())),
        }
    }
    // A source asked about as a whole: the tree starts at each of its columns read.
    let roots: Vec<&Endpoint> = if graph.targets.is_empty() {
        let mut r: Vec<&Endpoint> = graph
            .edges
            .iter()
            .map(|e| &e.from)
            .filter(|f| graph.edges.iter().all(|e| e.to != **f))
            .collect();
        r.sort();
        r.dedup();
        r
    } else {
        graph.targets.iter().collect()
    };
    if roots.is_empty() {
        writeln!(out, "{asked}: no lineage")?;
        return Ok(());
    }
    let mut shown = std::collections::HashSet::new();
    for root in roots {
        writeln!(out, "{}", label(root))?;
        shown.insert(root);
        let kids = children.get(root).map_or(&[][..], Vec::as_slice);
        if kids.is_empty() {
            let none = match graph.direction {
                Direction::Upstream if matches!(root, Endpoint::Source { .. }) => {
                    "(a source column: nothing upstream)"
                }
                Direction::Upstream => {
                    "(computed from no column: a constant, count(*) or a table function)"
                }
                Direction::Downstream if graph.include_filters => "(nothing reads it)",
                Direction::Downstream => {
                    "(no column is computed from it; --include-filters adds the rows it filters)"
                }
            };
            writeln!(out, "    {none}")?;
        }
        tree(&children, kids, "", &mut shown, out)?;
    }
    Ok(())
}

fn tree<'a>(
    children: &'a BTreeMap<&'a Endpoint, Vec<(&'a Endpoint, String)>>,
    kids: &'a [(&'a Endpoint, String)],
    prefix: &str,
    shown: &mut std::collections::HashSet<&'a Endpoint>,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    for (i, (node, transform)) in kids.iter().enumerate() {
        let last = i + 1 == kids.len();
        let grand = children.get(node).map_or(&[][..], Vec::as_slice);
        let again = !grand.is_empty() && !shown.insert(node);
        let mark = if again { "  (see above)" } else { "" };
        let branch = if last { "└── " } else { "├── " };
        writeln!(out, "{prefix}{branch}{} [{transform}]{mark}", label(node))?;
        if !again {
            let deeper = format!("{prefix}{}", if last { "    " } else { "│   " });
            tree(children, grand, &deeper, shown, out)?;
        }
    }
    Ok(())
}

fn label(e: &Endpoint) -> String {
    match e {
        Endpoint::Model { .. } => e.label(),
        Endpoint::Source { .. } => format!("{} (source)", e.label()),
    }
}
