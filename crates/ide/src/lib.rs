//! The editor API: `AnalysisHost`, `Analysis` snapshots and one module per IDE feature.
//!
//! Everything here answers in plain data with byte offsets, never LSP types.

mod affected;
pub mod batch;
mod code_actions;
mod compiled_sql;
mod completion;
mod diagnostics;
mod document_symbols;
mod folding_ranges;
mod formatting;
mod goto_definition;
mod hover;
mod inlay_hints;
mod lineage;
mod lineage_at;
pub mod lineage_graph;
mod navigation;
pub mod needed;
mod references;
mod rename;
mod semantic_tokens;
mod signature_help;
mod symbol;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

pub use hir;
use hir::{
    Diagnostic, RootDatabase, SourceFile, Workspace,
    input::{FileKind, FileStatus, Options},
};
use salsa::{Durability, Setter};
pub use syntax::{TextRange, TextSize};

pub use crate::{
    affected::{affected_models, affected_models_among},
    code_actions::{Assist, AssistKind},
    compiled_sql::{BindSql, CompiledSql},
    completion::{CompletionItem, CompletionKind},
    document_symbols::{StructureNode, SymbolKind},
    folding_ranges::{Fold, FoldKind},
    formatting::format_pipeline,
    hover::HoverResult,
    inlay_hints::InlayHint,
    lineage_at::LineageTarget,
    navigation::NavigationTarget,
    rename::{FileSystemEdit, SourceChange, TextEdit},
    semantic_tokens::{HlRange, HlTag},
    signature_help::SignatureHelp,
};

/// A file of the project: the salsa input itself.
pub type FileId = SourceFile;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilePosition {
    pub file: FileId,
    pub offset: TextSize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileRange {
    pub file: FileId,
    pub range: TextRange,
}

/// A query that an edit interrupted: the caller answers "content modified" and asks again.
pub type Cancellable<T> = Result<T, salsa::Cancelled>;

/// One file as the edges read it.
#[derive(Debug, Clone)]
pub struct FileChange {
    /// Relative to the project root, `/`-separated.
    pub path: String,
    pub text: Arc<str>,
    pub kind: FileKind,
    pub status: FileStatus,
    /// What an earlier run kept of the file (`hir::facts`); `text` may then be empty, to be
    /// read later by a change that keeps the facts.
    pub facts: Option<Arc<hir::facts::FileFacts>>,
}

impl FileChange {
    /// A file as read, with nothing kept from an earlier run.
    pub fn read(path: String, text: Arc<str>, kind: FileKind, status: FileStatus) -> FileChange {
        FileChange { path, text, kind, status, facts: None }
    }
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
        // Added once all are made: a project's first change adds every file, and a map built
        // from the sorted list at once costs a fraction of 20,000 inserts.
        let mut new_files = Vec::new();
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
                    if file.facts(&self.db) != &fc.facts {
                        file.set_facts(&mut self.db).with_durability(durability).to(fc.facts);
                    }
                }
                None => {
                    let file = SourceFile::builder(
                        Arc::from(fc.path.as_str()),
                        fc.text,
                        fc.kind,
                        fc.status,
                    )
                    .facts(fc.facts)
                    .durability(durability)
                    .new(&self.db);
                    new_files.push((fc.path, file));
                }
            }
        }
        let added = !new_files.is_empty();
        if self.files.is_empty() {
            self.files = new_files.into_iter().collect();
        } else {
            self.files.extend(new_files);
        }
        // The file list, only when it changes: built for every keystroke it would cost as
        // much as the edit.
        let files = || -> Arc<[SourceFile]> { self.files.values().copied().collect() };
        match self.workspace {
            None => {
                let ws = Workspace::builder(
                    files(),
                    Arc::new(change.env.unwrap_or_default()),
                    Arc::new(change.options.unwrap_or_default()),
                )
                .durability(Durability::MEDIUM)
                .new(&self.db);
                self.workspace = Some(ws);
            }
            Some(ws) => {
                if added {
                    let files = files();
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

    /// A snapshot for another thread. Hold it only while answering one request: the next
    /// change cancels its queries and waits until it is dropped.
    pub fn analysis(&self) -> Analysis {
        Analysis { db: self.db.clone() }
    }

    /// Every known file with its path (removed ones too).
    pub fn files(&self) -> impl Iterator<Item = (&str, FileId)> {
        self.files.iter().map(|(p, &f)| (p.as_str(), f))
    }

    /// Every diagnostic of the project (the batch path: models in parallel).
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        hir::check::all_diagnostics(&self.db)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProjectStatus {
    pub models: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// A read-only view of the database at one moment, for one request.
pub struct Analysis {
    db: RootDatabase,
}

impl Analysis {
    fn with_db<T>(&self, f: impl FnOnce(&RootDatabase) -> T) -> Cancellable<T> {
        salsa::Cancelled::catch(AssertUnwindSafe(|| f(&self.db)))
    }

    pub fn file_text(&self, file: FileId) -> Cancellable<Arc<str>> {
        self.with_db(|db| Arc::clone(file.text(db)))
    }

    pub fn file_path(&self, file: FileId) -> Cancellable<Arc<str>> {
        self.with_db(|db| Arc::clone(file.path(db)))
    }

    /// The diagnostics located in `file` (project-wide ones go to `rocky.toml`).
    pub fn diagnostics(&self, file: FileId) -> Cancellable<Vec<Diagnostic>> {
        self.with_db(|db| diagnostics::file_diagnostics(db, file))
    }

    /// The query the model of `file` runs (`bind`: the warehouse layer's binder).
    pub fn compiled_sql(
        &self,
        file: FileId,
        bind: Option<BindSql>,
    ) -> Cancellable<Option<CompiledSql>> {
        self.with_db(|db| compiled_sql::compiled_sql(db, file, bind))
    }

    /// The column, relation or model whose lineage the cursor asks for.
    pub fn lineage_target(&self, pos: FilePosition) -> Cancellable<Option<LineageTarget>> {
        self.with_db(|db| lineage_at::lineage_target(db, pos))
    }

    /// The lineage graph `rocky lineage` computes, with the name of each node in it and of
    /// the requested one.
    pub fn lineage(
        &self,
        req: &lineage_graph::LineageRequest,
    ) -> Cancellable<(lineage_graph::LineageGraph, Vec<(hir::lineage::LineageNode, String)>)> {
        self.with_db(|db| {
            let graph = lineage_graph::lineage_graph(db, req);
            // The requested node first: a target with no lineage is in no edge.
            let mut names = vec![(req.node.clone(), lineage_graph::node_name(db, &req.node))];
            let nodes = graph
                .targets
                .iter()
                .chain(graph.edges.iter().flat_map(|e| [&e.from, &e.to]))
                .map(|c| &c.node);
            for node in nodes {
                if !names.iter().any(|(n, _)| n == node) {
                    names.push((node.clone(), lineage_graph::node_name(db, node)));
                }
            }
            (graph, names)
        })
    }

    /// The project's model count and its errors and warnings, configuration included.
    pub fn project_status(&self) -> Cancellable<ProjectStatus> {
        self.with_db(|db| {
            let models = hir::check::model_files(db);
            let (mut errors, mut warnings) = hir::check::counts(hir::check::config_diagnostics(db));
            for &f in &models {
                let (e, w) = hir::check::model_finding_counts(db, f);
                errors += e;
                warnings += w;
            }
            ProjectStatus { models: models.len(), errors, warnings }
        })
    }

    pub fn hover(&self, pos: FilePosition) -> Cancellable<Option<HoverResult>> {
        self.with_db(|db| hover::hover(db, pos))
    }

    pub fn goto_definition(&self, pos: FilePosition) -> Cancellable<Vec<NavigationTarget>> {
        self.with_db(|db| goto_definition::goto_definition(db, pos))
    }

    pub fn references(&self, pos: FilePosition) -> Cancellable<Vec<FileRange>> {
        self.with_db(|db| references::references(db, pos))
    }

    /// The range a rename at `pos` would change, or why it cannot.
    pub fn prepare_rename(&self, pos: FilePosition) -> Cancellable<Result<TextRange, String>> {
        self.with_db(|db| rename::prepare_rename(db, pos))
    }

    pub fn rename(
        &self,
        pos: FilePosition,
        new_name: &str,
    ) -> Cancellable<Result<SourceChange, String>> {
        self.with_db(|db| rename::rename(db, pos, new_name))
    }

    pub fn completions(&self, pos: FilePosition) -> Cancellable<Vec<CompletionItem>> {
        self.with_db(|db| completion::completions(db, pos))
    }

    pub fn signature_help(&self, pos: FilePosition) -> Cancellable<Option<SignatureHelp>> {
        self.with_db(|db| signature_help::signature_help(db, pos))
    }

    pub fn assists(&self, frange: FileRange) -> Cancellable<Vec<Assist>> {
        self.with_db(|db| code_actions::assists(db, frange))
    }

    pub fn inlay_hints(
        &self,
        file: FileId,
        range: Option<TextRange>,
    ) -> Cancellable<Vec<InlayHint>> {
        self.with_db(|db| inlay_hints::inlay_hints(db, file, range))
    }

    pub fn highlight(&self, file: FileId, range: Option<TextRange>) -> Cancellable<Vec<HlRange>> {
        self.with_db(|db| semantic_tokens::highlight(db, file, range))
    }

    pub fn document_symbols(&self, file: FileId) -> Cancellable<Vec<StructureNode>> {
        self.with_db(|db| document_symbols::document_symbols(db, file))
    }

    pub fn folding_ranges(&self, file: FileId) -> Cancellable<Vec<Fold>> {
        self.with_db(|db| folding_ranges::folding_ranges(db, file))
    }

    /// The canonical text of a `.rocky` file; `None` for SQL files and for pipelines with
    /// syntax errors.
    pub fn format(&self, file: FileId) -> Cancellable<Option<String>> {
        self.with_db(|db| {
            if file.kind(db) == FileKind::DslModel { format_pipeline(file.text(db)) } else { None }
        })
    }
}
