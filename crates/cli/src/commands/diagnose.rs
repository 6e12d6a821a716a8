//! Computing a project's diagnostics for the batch verbs: configuration first, then the
//! models in parallel (each thread with its own database handle).

use std::io::IsTerminal;

use hir::{Diagnostic, Severity, SourceFile};
use rayon::prelude::*;

use crate::render::Item;

/// Diagnostics of the configuration, plus those of `models` (all models when `None`).
pub(crate) fn diagnostics(
    db: &hir::RootDatabase,
    models: Option<&[SourceFile]>,
) -> Vec<Diagnostic> {
    prewarm(db, models.map(<[SourceFile]>::len));
    let mut out = hir::check::config_diagnostics(db).clone();
    let files = match models {
        Some(m) => m.to_vec(),
        None => hir::check::model_files(db),
    };
    let per_model: Vec<Vec<Diagnostic>> =
        files.par_iter().map_with(db.clone(), |db, &f| hir::check::model_findings(db, f)).collect();
    out.extend(per_model.into_iter().flatten());
    hir::check::sort(db, &mut out);
    out
}

/// Resolves the models layer by layer, in parallel, so no thread waits for an upstream
/// signature another thread is computing. In one-pass resolution (`hir::scan`) the layers
/// are those of the possible reads and each model is parsed as it is resolved; the whole
/// project is resolved then, since its DAG comes from the resolutions. Otherwise every
/// model's references are found first (in parallel) and the DAG gives the layers; resolving
/// in layers pays off only for the whole project, so `selected` models (`None`: all)
/// fewer than all resolve their upstreams on demand.
fn prewarm(db: &hir::RootDatabase, selected: Option<usize>) {
    if selected == Some(0) {
        return;
    }
    let pm = hir::project::project_model(db);
    pm.models.par_iter().for_each_with(db.clone(), |db, m| {
        hir::scan::possible_upstreams(db, m.file);
    });
    let single = hir::scan::single_pass(db);
    let layers = if single {
        hir::scan::scan_dag(db).layers.as_deref().unwrap_or_default()
    } else {
        pm.models.par_iter().for_each_with(db.clone(), |db, m| {
            hir::model::model_refs(db, m.file);
        });
        if selected.is_some_and(|n| n < pm.models.len()) {
            return;
        }
        &hir::dag::model_dag(db).layers
    };
    for layer in layers {
        layer.par_iter().for_each_with(db.clone(), |db, &m| {
            hir::model::resolve_model(db, pm.models[m].file);
        });
    }
}

/// The model each diagnostic's file belongs to (model file, sidecar or contract).
pub(crate) fn items<'a>(db: &'a hir::RootDatabase, diags: &'a [Diagnostic]) -> Vec<Item<'a>> {
    let pm = hir::project::project_model(db);
    diags
        .iter()
        .map(|d| {
            let model = d.file.and_then(|f| pm.owner(f)).map(|i| pm.models[i].name.as_str());
            Item { diag: d, model }
        })
        .collect()
}

pub(crate) fn counts(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = diags.iter().filter(|d| d.severity == Severity::Warning).count();
    (errors, warnings)
}

/// Whether to colour human output: a terminal, and `NO_COLOR` unset.
pub(crate) fn color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}
