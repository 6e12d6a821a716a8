//! The editor API: `AnalysisHost`, `Analysis` snapshots and one module per IDE feature.
//!
//! Everything here answers in plain data with byte offsets, never LSP types.

use std::collections::BTreeMap;
use std::sync::Arc;

pub use hir;
use hir::{
    Diagnostic, RootDatabase, SourceFile, Workspace,
    input::{FileKind, FileStatus, Options},
};
use salsa::{Durability, Setter};

/// One file as the edges read it.
#[derive(Debug, Clone)]
pub struct FileChange {
    /// Relative to the project root, `/`-separated.
    pub path: String,
    pub text: Arc<str>,
    pub kind: FileKind,
    pub status: FileStatus,
}

/// What the edges tell the database: the files of a project and its environment. Applied
/// in one go so queries never see half a change.
#[derive(Debug, Default)]
pub struct Change {
    pub files: Vec<FileChange>,
    pub env: Option<BTreeMap<String, String>>,
    pub options: Option<Options>,
}

/// Owns the database; the CLI builds one per run, the language server one per project.
#[derive(Default)]
pub struct AnalysisHost {
    db: RootDatabase,
    files: BTreeMap<String, SourceFile>,
    workspace: Option<Workspace>,
}

impl AnalysisHost {
    pub fn new(db: RootDatabase) -> AnalysisHost {
        AnalysisHost { db, files: BTreeMap::new(), workspace: None }
    }

    /// Applies a change: new files become inputs, known files get their new text (inputs
    /// are never deleted; a removed file is set `Removed`).
    pub fn apply_change(&mut self, change: Change) {
        let mut added = false;
        for fc in change.files {
            // Config files change rarely and everything depends on them; model files are
            // edited all the time.
            let durability = match fc.kind {
                FileKind::SqlModel | FileKind::DslModel => Durability::LOW,
                FileKind::CatalogSnapshot => Durability::HIGH,
                _ => Durability::MEDIUM,
            };
            match self.files.get(&fc.path) {
                Some(&file) => {
                    if **file.text(&self.db) != *fc.text {
                        file.set_text(&mut self.db).with_durability(durability).to(fc.text);
                    }
                    if file.status(&self.db) != fc.status {
                        file.set_status(&mut self.db).with_durability(durability).to(fc.status);
                    }
                    if file.kind(&self.db) != fc.kind {
                        file.set_kind(&mut self.db).with_durability(durability).to(fc.kind);
                    }
                }
                None => {
                    let file = SourceFile::builder(
                        Arc::from(fc.path.as_str()),
                        fc.text,
                        fc.kind,
                        fc.status,
                    )
                    .durability(durability)
                    .new(&self.db);
                    self.files.insert(fc.path, file);
                    added = true;
                }
            }
        }
        let files: Arc<[SourceFile]> = self.files.values().copied().collect();
        match self.workspace {
            None => {
                let ws = Workspace::builder(
                    files,
                    Arc::new(change.env.unwrap_or_default()),
                    Arc::new(change.options.unwrap_or_default()),
                )
                .durability(Durability::MEDIUM)
                .new(&self.db);
                self.workspace = Some(ws);
            }
            Some(ws) => {
                if added {
                    ws.set_files(&mut self.db).with_durability(Durability::MEDIUM).to(files);
                }
                if let Some(env) = change.env {
                    ws.set_env(&mut self.db).with_durability(Durability::HIGH).to(Arc::new(env));
                }
                if let Some(options) = change.options {
                    ws.set_options(&mut self.db)
                        .with_durability(Durability::MEDIUM)
                        .to(Arc::new(options));
                }
            }
        }
    }

    pub fn file(&self, path: &str) -> Option<SourceFile> {
        self.files.get(path).copied()
    }

    /// The database, for queries. Cloning it gives a handle for another thread.
    pub fn db(&self) -> &RootDatabase {
        &self.db
    }

    /// Every diagnostic of the project (the batch path: models in parallel).
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        hir::check::all_diagnostics(&self.db)
    }
}
