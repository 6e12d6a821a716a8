//! Gathering diagnostics: of the project's configuration (what `rocky validate` reports)
//! and of its models (what `rocky compile` / `rocky check` add).

use crate::{
    Db, config,
    contract_check::{contract_check, parsed_contract},
    diagnostics::Diagnostic,
    input::{FileKind, FileStatus, SourceFile, Workspace},
    model::model_diagnostics,
    project::{frontmatter, model_config_file, project_config, project_model, set_file},
    sources::source_catalog,
};

/// Diagnostics of `rocky.toml`, sidecars, defaults, groups, test definitions, contracts,
/// the catalog snapshot and the project model, sorted by file and position.
#[salsa::tracked(returns(ref))]
pub fn config_diagnostics(db: &dyn Db) -> Vec<Diagnostic> {
    let mut out = project_diagnostics(db);
    for &f in Workspace::get(db).files(db).iter() {
        out.extend(file_config_diagnostics(db, f));
    }
    sort(db, &mut out);
    out
}

/// The part of [`config_diagnostics`] that belongs to no one configuration file: of
/// `rocky.toml` as read with its environment, the project model and the source catalog.
pub fn project_diagnostics(db: &dyn Db) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = project_config(db).diagnostics.clone();
    out.extend(project_model(db).diagnostics.iter().cloned());
    out.extend(source_catalog(db).diagnostics.iter().cloned());
    out
}

/// The part of [`config_diagnostics`] that one file's configuration gives (a sidecar,
/// defaults, a group, a model's frontmatter, test definitions, a contract), unsorted. The
/// batch verbs gather these on every core, outside any query.
pub fn file_config_diagnostics(db: &dyn Db, f: SourceFile) -> Vec<Diagnostic> {
    if f.status(db) != FileStatus::Present {
        return Vec::new();
    }
    match f.kind(db) {
        FileKind::Sidecar | FileKind::Defaults | FileKind::Group => {
            model_config_file(db, f).1.clone()
        }
        FileKind::SqlModel => {
            frontmatter(db, f).as_ref().map(|(_, diags)| diags.clone()).unwrap_or_default()
        }
        FileKind::TestDefinitions => {
            let (_, mut diags) =
                config::parse_test_definitions(f.text(db), Workspace::get(db).env(db));
            set_file(&mut diags, f);
            diags
        }
        FileKind::Contract => parsed_contract(db, f).1.clone(),
        _ => Vec::new(),
    }
}

/// The model files, in path order.
pub fn model_files(db: &dyn Db) -> Vec<SourceFile> {
    project_model(db).models.iter().map(|m| m.file).collect()
}

/// Every diagnostic of the project: configuration first, then each model's.
pub fn all_diagnostics(db: &dyn Db) -> Vec<Diagnostic> {
    let mut out = config_diagnostics(db).clone();
    for f in model_files(db) {
        out.extend(model_findings(db, f));
    }
    sort(db, &mut out);
    out
}

/// What one model adds: its own diagnostics, its contract's findings (which point into
/// the contract file) and its strategy's (which point into the sidecar or frontmatter).
pub fn model_findings(db: &dyn Db, file: SourceFile) -> Vec<Diagnostic> {
    let mut out = model_diagnostics(db, file).clone();
    if project_model(db).model(file).is_some_and(|m| m.contract.is_some()) {
        out.extend(contract_check(db, file).iter().cloned());
    }
    out.extend(crate::strategy_check::strategy_check(db, file));
    out
}

/// The errors and warnings among `diags`.
pub fn counts(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.severity == crate::Severity::Error).count();
    let warnings = diags.iter().filter(|d| d.severity == crate::Severity::Warning).count();
    (errors, warnings)
}

/// The errors and warnings of [`model_findings`], memoized: the editor's status asks for
/// every model's after each edit, and only the models the edit reached recount.
#[salsa::tracked]
pub fn model_finding_counts(db: &dyn Db, file: SourceFile) -> (usize, usize) {
    counts(&model_findings(db, file))
}

/// By file path (project-wide ones first), then position, then code.
pub fn sort(db: &dyn Db, diags: &mut [Diagnostic]) {
    // Project-wide first, then rocky.toml (everything else depends on it), then by path.
    let key = |d: &Diagnostic| {
        let path = d.file.map(|f| &**f.path(db));
        let rank = match path {
            None => 0,
            Some("rocky.toml") => 1,
            Some(_) => 2,
        };
        (rank, path, d.range.start(), d.range.end(), d.code)
    };
    diags.sort_by(|a, b| key(a).cmp(&key(b)));
}
