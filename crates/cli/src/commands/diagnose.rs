//! Computing a project's diagnostics for the batch verbs: configuration first, then the
//! models in parallel (each thread with its own database handle).

use std::io::IsTerminal;

use hir::{Diagnostic, SourceFile};
use rayon::prelude::*;

use crate::render::Item;

/// Diagnostics of the configuration, plus those of `models` (all models when `None`).
/// With `dag`, the DAG of the references found (`hir::dag::model_dag`, for verbs that
/// print or run it) is computed too, once the models are resolved: a serial pass (~10 ms
/// at 10,000 models), here on one core while the other gathers the diagnostics.
pub(crate) fn diagnostics(
    db: &hir::RootDatabase,
    models: Option<&[SourceFile]>,
    dag: bool,
) -> Vec<Diagnostic> {
    ide::batch::prewarm_models(db, models);
    load::timings::mark("resolve the models");
    if !dag {
        return gathered(db, models);
    }
    // A handle of its own for the DAG, which reads every model (see
    // `ide::batch::prewarm_project`); a handle is not shared between threads anyway.
    let (for_dag, here) = (db.clone(), db.clone());
    let gather = move || gathered(&here, models);
    let dag = move || {
        hir::dag::model_dag(&for_dag);
    };
    rayon::join(dag, gather).1
}

fn gathered(db: &hir::RootDatabase, models: Option<&[SourceFile]>) -> Vec<Diagnostic> {
    // As `hir::check::config_diagnostics` gathers them, but on every core: the 20,000
    // configuration files of a large project otherwise take a serial pass.
    let mut out = hir::check::project_diagnostics(db);
    let files = hir::Workspace::get(db).files(db);
    let per_file: Vec<Vec<Diagnostic>> = files
        .par_iter()
        .map_with(db.clone(), |db, &f| hir::check::file_config_diagnostics(db, f))
        .collect();
    out.extend(per_file.into_iter().flatten());
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

/// Whether to colour human output: a terminal, and `NO_COLOR` unset.
pub(crate) fn color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}
