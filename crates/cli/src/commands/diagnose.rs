//! Computing a project's diagnostics for the batch verbs: configuration first, then the
//! models in parallel (each thread with its own database handle).

use std::io::IsTerminal;

use hir::{Diagnostic, SourceFile};
use rayon::prelude::*;

use crate::render::Item;

/// Diagnostics of the configuration, plus those of `models` (all models when `None`).
pub(crate) fn diagnostics(
    db: &hir::RootDatabase,
    models: Option<&[SourceFile]>,
) -> Vec<Diagnostic> {
    ide::batch::prewarm_models(db, models);
    load::timings::mark("resolve the models");
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
