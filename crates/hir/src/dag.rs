//! The model DAG: edges from SQL references and `depends_on`, cycles (E170) found with
//! Tarjan's algorithm and reported as diagnostics, and topological layers.

use std::sync::Arc;

use syntax::TextRange;

use crate::{
    Db,
    diagnostics::{Code, Diagnostic, Related},
    input::SourceFile,
    model::model_refs,
    name::Name,
    project::{ProjectModel, project_model},
    resolve::TableRef,
};

#[derive(Debug, Default, PartialEq, Eq)]
pub struct ModelDag {
    /// Per model (index into `ProjectModel::models`): upstream models read in the SQL.
    pub sql_edges: Vec<Vec<usize>>,
    /// Per model: every upstream (SQL and `depends_on`), sorted, deduplicated.
    pub upstream: Vec<Vec<usize>>,
    /// Per model: the models listing it in `upstream` (itself excluded), sorted.
    pub downstream: Vec<Vec<usize>>,
    /// Per model: its strongly connected component; models in one component of size > 1
    /// (or with a self-edge) form a cycle.
    pub component: Vec<usize>,
    cyclic: Vec<bool>,
    /// Models by layer: every model's upstreams are in earlier layers. Models in a cycle
    /// come in one layer after everything else they read.
    pub layers: Vec<Vec<usize>>,
}

impl ModelDag {
    pub fn same_cycle(&self, a: usize, b: usize) -> bool {
        self.component.get(a).is_some_and(|ca| Some(ca) == self.component.get(b)) && self.cyclic[a]
    }

    /// The shortest cycle through model `m` (`m → … → m`, along upstream edges), if any.
    pub fn cycle_through(&self, m: usize) -> Option<Vec<usize>> {
        if !self.cyclic.get(m).copied().unwrap_or(false) {
            return None;
        }
        let comp = self.component[m];
        shortest_cycle(m, &self.upstream, &|u| self.component[u] == comp)
    }
}

/// The DAG. Invalidated by the project model and the models' references (not bodies).
#[salsa::tracked(returns(ref))]
pub fn model_dag(db: &dyn Db) -> ModelDag {
    let pm = project_model(db);
    let n = pm.models.len();
    let mut dag = ModelDag {
        sql_edges: vec![Vec::new(); n],
        upstream: vec![Vec::new(); n],
        ..ModelDag::default()
    };
    for i in 0..n {
        (dag.sql_edges[i], dag.upstream[i]) = model_upstreams(db, pm, i);
    }
    dag.downstream = vec![Vec::new(); n];
    for (i, ups) in dag.upstream.iter().enumerate() {
        for &up in ups.iter().filter(|&&up| up != i) {
            dag.downstream[up].push(i);
        }
    }
    let comps = tarjan(&dag.upstream);
    dag.component = vec![0; n];
    dag.cyclic = vec![false; n];
    for (ci, comp) in comps.iter().enumerate() {
        for &m in comp {
            dag.component[m] = ci;
        }
        let cyclic = comp.len() > 1 || comp.first().is_some_and(|&m| dag.upstream[m].contains(&m));
        for &m in comp {
            dag.cyclic[m] = cyclic;
        }
    }
    // Tarjan emits components in reverse topological order of the upstream relation:
    // upstreams first. Layer = 1 + max layer of upstreams outside the component.
    let mut layer_of = vec![0usize; n];
    for comp in &comps {
        let layer = comp
            .iter()
            .flat_map(|&m| dag.upstream[m].iter())
            .filter(|&&u| dag.component[u] != dag.component[comp[0]])
            .map(|&u| layer_of[u] + 1)
            .max()
            .unwrap_or(0);
        for &m in comp {
            layer_of[m] = layer;
        }
    }
    let depth = layer_of.iter().copied().max().map_or(0, |d| d + 1);
    dag.layers = vec![Vec::new(); depth];
    for (m, &l) in layer_of.iter().enumerate() {
        dag.layers[l].push(m);
    }
    dag
}

/// The models model `m` reads: in its SQL (in reference order), and in all (SQL and
/// `depends_on`, sorted, deduplicated). One model's edges of [`model_dag`], for callers
/// that need a few models' edges without building the whole DAG.
pub fn model_upstreams(db: &dyn Db, pm: &ProjectModel, m: usize) -> (Vec<usize>, Vec<usize>) {
    let Some(model) = pm.models.get(m) else { return (Vec::new(), Vec::new()) };
    let sql: Vec<usize> =
        model_refs(db, model.file).iter().filter_map(|path| pm.model_for_path(path)).collect();
    let mut all = sql.clone();
    all.extend(
        model.config.depends_on.iter().filter_map(|d| pm.by_name.get(&Name::folded(d.as_str()))),
    );
    all.sort_unstable();
    all.dedup();
    (sql, all)
}

/// E170 for model `m` when it is in a cycle: at its reference to the next model of the
/// cycle, naming the whole path. `refs` are the model's SQL references with ranges.
pub(crate) fn cycle_diagnostic(
    pm: &ProjectModel,
    dag: &ModelDag,
    m: usize,
    refs_of: &dyn Fn(usize) -> Arc<[TableRef]>,
) -> Option<Diagnostic> {
    let path = dag.cycle_through(m)?;
    Some(cycle_path_diagnostic(pm, &path, m, refs_of))
}

/// E170 for the cycle `path` (`m → … → m`) at `m`'s reference to the next model.
pub(crate) fn cycle_path_diagnostic(
    pm: &ProjectModel,
    path: &[usize],
    m: usize,
    refs_of: &dyn Fn(usize) -> Arc<[TableRef]>,
) -> Diagnostic {
    let names: Vec<&str> = path.iter().map(|&i| pm.models[i].name.as_str()).collect();
    let (file, range) = edge_location(pm, m, path.get(1).copied().unwrap_or(m), refs_of);
    let mut d = Diagnostic::new(
        Code::E170,
        Some(file),
        range,
        format!("dependency cycle: {}", names.join(" → ")),
    )
    .with_help("a model cannot read itself, directly or through others; break the cycle");
    // Each other step of the cycle, where it is made: `b` reads `c` here.
    for pair in path.windows(2).skip(1) {
        let (from, to) = (pair[0], pair[1]);
        let (file, range) = edge_location(pm, from, to, refs_of);
        d = d.with_related(Related {
            file,
            range,
            message: format!("`{}` reads `{}` here", pm.models[from].name, pm.models[to].name),
        });
    }
    d
}

/// Where model `from` reads model `to`: the table reference in its SQL, or the entry of
/// its `depends_on`.
fn edge_location(
    pm: &ProjectModel,
    from: usize,
    to: usize,
    refs_of: &dyn Fn(usize) -> Arc<[TableRef]>,
) -> (SourceFile, TextRange) {
    let model = &pm.models[from];
    if let Some(r) = refs_of(from).iter().find(|r| pm.model_for_path(&r.path) == Some(to)) {
        return (model.file, r.range);
    }
    let dep = model
        .config
        .depends_on
        .iter()
        .find(|d| Name::folded(d.as_str()) == Name::folded(&pm.models[to].name));
    (model.sidecar.unwrap_or(model.file), dep.map_or(TextRange::default(), |d| d.range))
}

/// `start → ... → start` along upstream edges within the component, shortest first.
fn shortest_cycle(
    start: usize,
    upstream: &[Vec<usize>],
    in_comp: &dyn Fn(usize) -> bool,
) -> Option<Vec<usize>> {
    let mut prev: rustc_hash::FxHashMap<usize, usize> = rustc_hash::FxHashMap::default();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(m) = queue.pop_front() {
        for &u in &upstream[m] {
            if !in_comp(u) {
                continue;
            }
            if u == start {
                let mut path = vec![start];
                let mut cur = m;
                let mut back = Vec::new();
                while cur != start {
                    back.push(cur);
                    cur = prev[&cur];
                }
                back.reverse();
                path.extend(back);
                path.push(start);
                return Some(path);
            }
            if u != start && !prev.contains_key(&u) {
                prev.insert(u, m);
                queue.push_back(u);
            }
        }
    }
    None
}

/// Tarjan's strongly connected components, iteratively (no recursion limit on deep DAGs).
/// Components come out upstreams first.
fn tarjan(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = edges.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut comps = Vec::new();
    let mut next = 0;
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(&mut (v, ref mut ei)) = work.last_mut() {
            if *ei == 0 && index[v] == usize::MAX {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*ei) {
                *ei += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut comp = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp.push(w);
                    if w == v {
                        break;
                    }
                }
                comp.sort_unstable();
                comps.push(comp);
            }
        }
    }
    comps
}
