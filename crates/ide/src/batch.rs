//! The batch path: computing what project-wide queries need in parallel (rayon, one
//! database handle per thread) before asking them, so a cold project is analysed on every
//! core. Used by the CLI's verbs and by the language server when it opens a project.

use hir::{RootDatabase, input::FileKind};
use rayon::prelude::*;

/// Computes in parallel what the project-wide queries would otherwise compute one file
/// after another, and overlaps the serial ones: the configuration files are parsed and
/// the project model built from them while the source catalog is built and the SQL
/// models are scanned for the words that may name models (`hir::scan`), when the
/// `models` will be resolved. Salsa memoizes the results for the queries that follow.
pub fn prewarm_project(db: &RootDatabase, models: bool) {
    let ws = hir::Workspace::get(db);
    let (mut configs, mut sql) = (Vec::new(), Vec::new());
    for &f in ws.files(db).iter() {
        match f.kind(db) {
            FileKind::Sidecar | FileKind::Defaults | FileKind::Group => configs.push(f),
            FileKind::SqlModel if models => sql.push(f),
            _ => {}
        }
    }
    let (db_a, db_b) = (db.clone(), db.clone());
    rayon::join(
        move || {
            configs.par_iter().for_each_with(db_a.clone(), |db, &f| {
                hir::project::model_config_file(db, f);
            });
            let pm = hir::project::project_model(&db_a);
            // What each model may read, from its words: every use of `models` needs it, and
            // here it overlaps the source catalog (the longer branch on a warm load cache).
            if models {
                pm.models.par_iter().for_each_with(db_a.clone(), |db, m| {
                    hir::scan::possible_upstreams(db, m.file);
                });
            }
        },
        move || {
            if models {
                on_own_handle(&db_b, |db| {
                    hir::sources::source_catalog(db);
                });
                sql.par_iter().for_each_with(db_b, |db, &f| {
                    hir::scan::model_words(db, f);
                });
            }
        },
    );
}

/// Resolves the models layer by layer, in parallel, so no thread waits for an upstream
/// signature another thread is computing. In one-pass resolution (`hir::scan`) the layers
/// are those of the possible reads and each model is parsed as it is resolved; `selected`
/// models (`None`: all) resolve in those layers too, their upstreams on demand. Otherwise
/// every model's references are found first (in parallel) and the DAG gives the layers;
/// resolving in layers pays off only for the whole project, so fewer than all `selected`
/// models resolve on demand.
pub fn prewarm_models(db: &RootDatabase, selected: Option<&[hir::SourceFile]>) {
    if selected.is_some_and(<[hir::SourceFile]>::is_empty) {
        return;
    }
    let pm = hir::project::project_model(db);
    pm.models.par_iter().for_each_with(db.clone(), |db, m| {
        hir::scan::possible_upstreams(db, m.file);
    });
    let mut wanted = vec![selected.is_none(); pm.models.len()];
    for f in selected.unwrap_or_default() {
        if let Some(&i) = pm.by_file.get(f) {
            wanted[i] = true;
        }
    }
    let single = on_own_handle(db, |db| hir::scan::single_pass(db));
    let layers = if single {
        hir::scan::scan_dag(db).layers.as_deref().unwrap_or_default()
    } else {
        pm.models.par_iter().for_each_with(db.clone(), |db, m| {
            hir::model::model_refs(db, m.file);
        });
        if wanted.contains(&false) {
            return;
        }
        on_own_handle(db, |db| {
            hir::dag::model_dag(db);
        });
        &hir::dag::model_dag(db).layers
    };
    for layer in layers {
        let todo: Vec<usize> = layer.iter().copied().filter(|&m| wanted[m]).collect();
        todo.par_iter().for_each_with(db.clone(), |db, &m| {
            hir::model::resolve_model(db, pm.models[m].file);
        });
    }
}

/// Runs `query`, which reads every file, on a handle of its own. A handle keeps a finished
/// query's dependency set for reuse, and salsa clears all of that set's capacity after
/// every later query at the same depth: thousands of entries, cleared after each of
/// thousands of small queries, if the handle went on to scan or resolve models. The result
/// stays memoized for every handle.
fn on_own_handle<R>(db: &RootDatabase, query: impl FnOnce(&RootDatabase) -> R) -> R {
    query(&db.clone())
}
