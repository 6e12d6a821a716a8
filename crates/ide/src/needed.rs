//! The files a batch command must read when the project was loaded from kept facts
//! (`hir::facts`: words and configs, no text): the models it analyses and every model
//! they may read, found from the possible reads (`hir::scan`) without reading any text.
//! Possible reads are a superset of real ones, so resolving these models reads no text
//! that was left unread.

use hir::{RootDatabase, SourceFile};
use rayon::prelude::*;

/// `seeds` (indices into the project model) and every model that may read one of them,
/// transitively, as a mask over the project model; every model when the possible reads
/// have a cycle (the real DAG then decides, from every model's references).
pub fn downstream_candidates(db: &RootDatabase, seeds: &[usize]) -> Vec<bool> {
    let pm = hir::project::project_model(db);
    let n = pm.models.len();
    // Every model's possible reads, in parallel: `single_pass` would compute them serially.
    pm.models.par_iter().for_each_with(db.clone(), |db, m| {
        hir::scan::possible_upstreams(db, m.file);
    });
    if !hir::scan::single_pass(db) {
        return vec![true; n];
    }
    let mut candidate = vec![false; n];
    for &s in seeds.iter().filter(|&&s| s < n) {
        candidate[s] = true;
    }
    // Layers put every model after all it may read: one pass closes the candidates.
    for layer in hir::scan::scan_dag(db).layers.as_deref().unwrap_or_default() {
        for &m in layer {
            if !candidate[m]
                && hir::scan::possible_upstreams(db, pm.models[m].file)
                    .iter()
                    .any(|&u| candidate[u])
            {
                candidate[m] = true;
            }
        }
    }
    candidate
}

/// The files to read before analysing `models` (a mask over the project model): the own
/// files (model, sidecar, contract) of each and of every model it may read, transitively;
/// of every model when the possible reads have a cycle.
pub fn files_to_read(db: &RootDatabase, models: &[bool]) -> Vec<SourceFile> {
    let pm = hir::project::project_model(db);
    let mut picked: Vec<bool> =
        if hir::scan::single_pass(db) { models.to_vec() } else { vec![true; pm.models.len()] };
    picked.resize(pm.models.len(), false);
    let mut todo: Vec<usize> = (0..picked.len()).filter(|&m| picked[m]).collect();
    while let Some(m) = todo.pop() {
        for &u in hir::scan::possible_upstreams(db, pm.models[m].file).iter() {
            if !picked[u] {
                picked[u] = true;
                todo.push(u);
            }
        }
    }
    let mut files = Vec::new();
    for m in (0..picked.len()).filter(|&m| picked[m]) {
        let model = &pm.models[m];
        files.push(model.file);
        files.extend(model.sidecar);
        files.extend(model.contract);
    }
    files
}

/// [`files_to_read`] for the models `models` (indices into the project model).
pub fn files_to_read_for(db: &RootDatabase, models: &[usize]) -> Vec<SourceFile> {
    let mut mask = vec![false; hir::project::project_model(db).models.len()];
    for &m in models {
        if let Some(slot) = mask.get_mut(m) {
            *slot = true;
        }
    }
    files_to_read(db, &mask)
}

/// The models whose words may name the table `table` (its last part): where a downstream
/// walk from a source table starts.
pub fn may_read_table(db: &RootDatabase, table: &str) -> Vec<usize> {
    let pm = hir::project::project_model(db);
    let word = table.rsplit('.').next().unwrap_or(table);
    (0..pm.models.len()).filter(|&m| hir::scan::may_name(db, pm.models[m].file, word)).collect()
}
