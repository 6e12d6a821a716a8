//! The models a change affects: the changed models and every model downstream of them,
//! found without resolving the whole project. The possible reads (`hir::scan`, from each
//! model's words) give a superset of the downstream models; only those candidates (and
//! what they read) are resolved, and each is kept when a model it really reads is kept.
//! A pre-commit check of one file in a 10,000-model project then resolves tens of models,
//! not ten thousand.

use hir::RootDatabase;

/// `changed` (indices into the project model) and every model reading one of them,
/// transitively, in project-model order.
pub fn affected_models(db: &RootDatabase, changed: &[usize]) -> Vec<usize> {
    affected_models_among(db, changed, &crate::needed::downstream_candidates(db, changed))
}

/// [`affected_models`] for a caller that already has the `changed` models' downstream
/// candidates ([`crate::needed::downstream_candidates`]).
pub fn affected_models_among(
    db: &RootDatabase,
    changed: &[usize],
    candidate: &[bool],
) -> Vec<usize> {
    let pm = hir::project::project_model(db);
    let n = pm.models.len();
    let mut is_changed = vec![false; n];
    for &c in changed.iter().filter(|&&c| c < n) {
        is_changed[c] = true;
    }
    if !hir::scan::single_pass(db) {
        // The possible reads have a cycle: the DAG's own edges (which report it) decide.
        // A worklist, not a sweep of the layers: a cycle shares one layer, in which a model
        // may come before the one that makes it affected.
        let dag = hir::dag::model_dag(db);
        let mut picked = is_changed;
        let mut todo: Vec<usize> = (0..n).filter(|&m| picked[m]).collect();
        while let Some(m) = todo.pop() {
            for &d in &dag.downstream[m] {
                if !picked[d] {
                    picked[d] = true;
                    todo.push(d);
                }
            }
        }
        return (0..n).filter(|&m| picked[m]).collect();
    }
    let layers = hir::scan::scan_dag(db).layers.as_deref().unwrap_or_default();
    let files: Vec<hir::SourceFile> =
        (0..n).filter(|&m| candidate.get(m) == Some(&true)).map(|m| pm.models[m].file).collect();
    crate::batch::prewarm_models(db, Some(&files));
    let mut picked = is_changed;
    for layer in layers {
        for &m in layer {
            if !picked[m] && candidate.get(m) == Some(&true) {
                let (_, real) = hir::dag::model_upstreams(db, pm, m);
                picked[m] = real.iter().any(|&u| picked[u]);
            }
        }
    }
    (0..n).filter(|&m| picked[m]).collect()
}
