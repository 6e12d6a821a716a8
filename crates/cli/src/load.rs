//! The CLI's project: loaded by the `load` crate, prewarmed in parallel for batch verbs.

use std::path::{Path, PathBuf};

use hir::input::{FileKind, Options};
use ide::AnalysisHost;
use rayon::prelude::*;

pub(crate) struct Project {
    /// Never dropped: a batch verb exits right after its output, and freeing every memo
    /// of a 10,000-model database one allocation at a time costs about as much as
    /// resolving it (rust-analyzer's `analysis-stats` leaks its database for the same
    /// reason). The operating system reclaims the memory at exit.
    pub host: std::mem::ManuallyDrop<AnalysisHost>,
}

pub(crate) fn find_root(project: Option<&Path>, config: Option<&Path>) -> anyhow::Result<PathBuf> {
    load::find_root(project, config)
}

pub(crate) fn load(root: PathBuf, options: Options) -> anyhow::Result<Project> {
    let env: std::collections::BTreeMap<String, String> = std::env::vars().collect();
    let host = load::load(&root, env, options)?;
    Ok(Project { host: std::mem::ManuallyDrop::new(host) })
}

impl Project {
    /// Computes in parallel what the project-wide queries would otherwise compute one file
    /// after another, and overlaps the serial ones: the configuration files are parsed and
    /// the project model built from them while the source catalog is built and the SQL
    /// models are scanned for the words that may name models (`hir::scan`), when the
    /// `models` will be resolved. Salsa memoizes the results for the queries that follow.
    pub(crate) fn prewarm(&self, models: bool) {
        let db = self.host.db();
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
                hir::project::project_model(&db_a);
            },
            move || {
                if models {
                    hir::sources::source_catalog(&db_b);
                    sql.par_iter().for_each_with(db_b, |db, &f| {
                        hir::scan::model_words(db, f);
                    });
                }
            },
        );
    }
}
