//! The transitive column lineage `rocky lineage` prints: from a model's columns back to the
//! sources they are computed from (upstream), or forward to every model column computed
//! from a column (downstream: what a change to it reaches). Walked model by model over
//! `hir::lineage::column_lineage`. Downstream, a model is analysed only when its words name
//! the relation at hand (the scan's possible reads), so a walk pays for the models it
//! reaches, not for the project.

use std::{collections::VecDeque, sync::Arc};

use hir::{
    Db, Name, RootDatabase, SourceFile,
    lineage::{ColumnInput, LineageNode, Transform, column_lineage},
    project::project_model,
    scan::{may_name, possible_upstreams},
};
use rayon::prelude::*;
use rustc_hash::FxHashSet;

/// One column of a model or source table.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ColumnNode {
    pub node: LineageNode,
    pub column: Name,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineageEdge {
    pub from: ColumnNode,
    pub to: ColumnNode,
    pub transform: Transform,
    /// Hops from the target: 1 for the target's own inputs (upstream) or readers
    /// (downstream).
    pub depth: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Upstream,
    Downstream,
}

#[derive(Debug, Clone)]
pub struct LineageRequest {
    pub node: LineageNode,
    /// The columns asked about; `None`: all of a model's, any of a source's.
    pub columns: Option<Vec<Name>>,
    pub direction: Direction,
    /// At most this many hops from the target.
    pub depth: Option<usize>,
    /// Also the columns that filter or join rows.
    pub include_filters: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineageGraph {
    /// The columns the walk started from.
    pub targets: Vec<ColumnNode>,
    /// In the order the walk found them: by depth, then as each model lists its columns.
    pub edges: Vec<LineageEdge>,
}

/// A model's name, or a source table's `schema.table`: how `rocky lineage` names a node.
pub fn node_name(db: &dyn Db, node: &LineageNode) -> String {
    match node {
        LineageNode::Model(f) => {
            project_model(db).model(*f).map_or_else(|| f.path(db).to_string(), |m| m.name.clone())
        }
        LineageNode::Source(s) => s.to_string(),
    }
}

pub fn lineage_graph(db: &RootDatabase, req: &LineageRequest) -> LineageGraph {
    match req.direction {
        Direction::Upstream => upstream(db, req),
        Direction::Downstream => downstream(db, req),
    }
}

fn within(req: &LineageRequest, depth: usize) -> bool {
    req.depth.is_none_or(|max| depth < max)
}

/// The inputs of `column` of model `file`, with its filters when asked.
fn inputs_of(db: &dyn Db, file: SourceFile, column: &Name, filters: bool) -> Vec<ColumnInput> {
    let lineage = column_lineage(db, file);
    let mut inputs = lineage.column(column).map(|c| c.inputs.clone()).unwrap_or_default();
    if filters {
        inputs.extend(lineage.filters.iter().cloned());
    }
    inputs
}

/// The upstream walk alone: it reads only the models it reaches, one after another (hover
/// asks it with a `&dyn Db`).
pub fn upstream(db: &dyn Db, req: &LineageRequest) -> LineageGraph {
    let targets: Vec<ColumnNode> = match (&req.node, &req.columns) {
        (node, Some(cols)) => {
            cols.iter().map(|&column| ColumnNode { node: node.clone(), column }).collect()
        }
        (LineageNode::Model(f), None) => hir::model::model_signature(db, *f)
            .columns
            .iter()
            .map(|c| ColumnNode { node: req.node.clone(), column: c.name })
            .collect(),
        // A source's columns come from nothing we know.
        (LineageNode::Source(_), None) => Vec::new(),
    };
    let mut graph = LineageGraph { targets: targets.clone(), edges: Vec::new() };
    let mut seen: FxHashSet<ColumnNode> = targets.iter().cloned().collect();
    let mut queue: VecDeque<(ColumnNode, usize)> = targets.into_iter().map(|t| (t, 0)).collect();
    let mut edges_seen = FxHashSet::default();
    while let Some((to, depth)) = queue.pop_front() {
        let LineageNode::Model(file) = &to.node else { continue };
        if !within(req, depth) {
            continue;
        }
        for input in inputs_of(db, *file, &to.column, req.include_filters) {
            let from = ColumnNode { node: input.node, column: input.column };
            if !edges_seen.insert((from.clone(), to.clone(), input.transform)) {
                continue;
            }
            if seen.insert(from.clone()) {
                queue.push_back((from.clone(), depth + 1));
            }
            graph.edges.push(LineageEdge {
                from,
                to: to.clone(),
                transform: input.transform,
                depth: depth + 1,
            });
        }
    }
    graph
}

/// What a downstream step starts from: a column, or any column of a source.
#[derive(Clone)]
struct From {
    node: LineageNode,
    column: Option<Name>,
}

fn downstream(db: &RootDatabase, req: &LineageRequest) -> LineageGraph {
    let pm = project_model(db);
    // The models each model's words may name: reversed once, for the model steps.
    let mut readers: Vec<Vec<usize>> = vec![Vec::new(); pm.models.len()];
    let ups: Vec<Arc<[usize]>> = pm
        .models
        .par_iter()
        .map_with(db.clone(), |db, m| Arc::clone(possible_upstreams(db, m.file)))
        .collect();
    for (m, ups) in ups.iter().enumerate() {
        for &u in ups.iter() {
            if let Some(r) = readers.get_mut(u) {
                r.push(m);
            }
        }
    }
    let starts: Vec<From> = match (&req.node, &req.columns) {
        (node, Some(cols)) => {
            cols.iter().map(|&c| From { node: node.clone(), column: Some(c) }).collect()
        }
        (LineageNode::Model(f), None) => hir::model::model_signature(db, *f)
            .columns
            .iter()
            .map(|c| From { node: req.node.clone(), column: Some(c.name) })
            .collect(),
        (LineageNode::Source(_), None) => vec![From { node: req.node.clone(), column: None }],
    };
    let mut graph = LineageGraph {
        targets: starts
            .iter()
            .filter_map(|s| s.column.map(|column| ColumnNode { node: s.node.clone(), column }))
            .collect(),
        edges: Vec::new(),
    };
    let mut seen: FxHashSet<ColumnNode> = graph.targets.iter().cloned().collect();
    let mut frontier = starts;
    let mut depth = 0;
    while !frontier.is_empty() && within(req, depth) {
        // The models that may read a relation of the frontier, analysed in parallel.
        let mut candidates: Vec<usize> = Vec::new();
        let mut by_relation: Vec<(LineageNode, Vec<usize>)> = Vec::new();
        for f in &frontier {
            if by_relation.iter().any(|(n, _)| *n == f.node) {
                continue;
            }
            let models: Vec<usize> = match &f.node {
                LineageNode::Model(file) => {
                    pm.by_file.get(file).and_then(|&i| readers.get(i)).cloned().unwrap_or_default()
                }
                LineageNode::Source(name) => {
                    let table = name.rsplit('.').next().unwrap_or(name);
                    (0..pm.models.len())
                        .filter(|&i| may_name(db, pm.models[i].file, table))
                        .collect()
                }
            };
            candidates.extend(&models);
            by_relation.push((f.node.clone(), models));
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates.par_iter().for_each_with(db.clone(), |db, &m| {
            column_lineage(db, pm.models[m].file);
        });
        let mut next = Vec::new();
        let mut edges_seen = FxHashSet::default();
        for f in &frontier {
            let Some((_, models)) = by_relation.iter().find(|(n, _)| *n == f.node) else {
                continue;
            };
            for &m in models {
                let file = pm.models[m].file;
                let lineage = column_lineage(db, file);
                let reads =
                    |i: &ColumnInput| i.node == f.node && f.column.is_none_or(|c| c == i.column);
                let filtered: Vec<&ColumnInput> = if req.include_filters {
                    lineage.filters.iter().filter(|i| reads(i)).collect()
                } else {
                    Vec::new()
                };
                for out in &lineage.columns {
                    let to = ColumnNode { node: LineageNode::Model(file), column: out.column };
                    let hits =
                        out.inputs.iter().filter(|i| reads(i)).chain(filtered.iter().copied());
                    for input in hits {
                        let from = ColumnNode { node: input.node.clone(), column: input.column };
                        if !edges_seen.insert((from.clone(), to.clone(), input.transform)) {
                            continue;
                        }
                        graph.edges.push(LineageEdge {
                            from,
                            to: to.clone(),
                            transform: input.transform,
                            depth: depth + 1,
                        });
                        if seen.insert(to.clone()) {
                            next.push(From { node: to.node.clone(), column: Some(to.column) });
                        }
                    }
                }
            }
        }
        frontier = next;
        depth += 1;
    }
    graph
}
