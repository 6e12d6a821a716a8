//! The diagnostics an editor shows in one file.

use hir::{
    Db, Diagnostic,
    check::{config_diagnostics, model_findings},
    input::FileKind,
    project::{project_config, project_model},
};

use crate::FileId;

/// What `rocky check` reports located in `file`; project-wide findings (no file) are shown
/// on `rocky.toml`.
pub(crate) fn file_diagnostics(db: &dyn Db, file: FileId) -> Vec<Diagnostic> {
    let is_config = project_config(db).file == Some(file);
    let mut out: Vec<Diagnostic> = config_diagnostics(db)
        .iter()
        .filter(|d| d.file == Some(file) || (is_config && d.file.is_none()))
        .cloned()
        .collect();
    let pm = project_model(db);
    let owner = match file.kind(db) {
        FileKind::SqlModel | FileKind::DslModel => pm.model(file).map(|m| m.file),
        FileKind::Contract | FileKind::Sidecar => pm.owner(file).map(|i| pm.models[i].file),
        _ => None,
    };
    if let Some(model) = owner {
        out.extend(model_findings(db, model).into_iter().filter(|d| d.file == Some(file)));
    }
    // D011 and E123 of `depends_on` point into the sidecar but come from the model.
    out.sort_by_key(|d| (d.range.start(), d.range.end(), d.code));
    out.dedup();
    out
}
