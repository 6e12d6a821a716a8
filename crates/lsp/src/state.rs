//! What the server holds: the loaded projects (one `AnalysisHost` each) and the open
//! documents (ropey buffers, the truth for their files while open).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ide::{
    AnalysisHost, Change, FileChange, FileId,
    hir::input::{FileKind, FileStatus, Options},
};
use ropey::Rope;
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

use crate::line_index::{Encoding, LineIndex};

pub(crate) struct Project {
    pub host: AnalysisHost,
    pub layout: load::Layout,
    /// Bumped by every change: a diagnostics run publishes only if it is still current.
    pub generation: u64,
}

pub(crate) struct Doc {
    pub root: PathBuf,
    /// Relative to the root, `/`-separated.
    pub rel: String,
    pub rope: Rope,
    pub version: i32,
}

#[derive(Default)]
pub(crate) struct State {
    pub encoding: Option<Encoding>,
    pub projects: BTreeMap<PathBuf, Project>,
    pub docs: HashMap<Uri, Doc>,
    /// Workspace folders the client named.
    pub folders: Vec<PathBuf>,
    /// What the client's settings add to every project (the dialect).
    pub options: Options,
}

pub(crate) fn uri_path(uri: &Uri) -> Option<PathBuf> {
    uri.to_file_path().map(|p| p.into_owned())
}

pub(crate) fn path_uri(root: &Path, rel: &str) -> Option<Uri> {
    Uri::from_file_path(root.join(rel))
}

/// `path` relative to `root`, `/`-separated, if inside it.
pub(crate) fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<String> =
        rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// Reads the project at `root` from disk (the slow part of opening a project; no lock held).
pub(crate) fn load_project(root: &Path, options: &Options) -> anyhow::Result<Project> {
    let env: BTreeMap<String, String> = std::env::vars().collect();
    let layout = load::layout(root, &env, options)?;
    let host = load::load_layout(root, &layout, env, options.clone())?;
    // Analyse the whole project on every core now, as `rocky check` does: the first
    // diagnostics of any file need the project model, the DAG and its upstreams.
    ide::batch::prewarm_project(host.db(), true);
    ide::batch::prewarm_models(host.db(), None);
    Ok(Project { host, layout, generation: 0 })
}

impl State {
    pub(crate) fn encoding(&self) -> Encoding {
        self.encoding.unwrap_or(Encoding::Utf16)
    }

    /// The loaded project holding `path` (the deepest root above it).
    pub(crate) fn project_root_of(&self, path: &Path) -> Option<PathBuf> {
        self.projects
            .keys()
            .filter(|root| path.starts_with(root))
            .max_by_key(|root| root.components().count())
            .cloned()
    }

    /// Sets one file's text (or status) in its project, classifying it by path.
    pub(crate) fn set_file(&mut self, root: &Path, rel: &str, text: Arc<str>, status: FileStatus) {
        let Some(p) = self.projects.get_mut(root) else { return };
        let kind = p.layout.classify(rel);
        if kind == FileKind::Other && p.host.file(rel).is_none() {
            return;
        }
        p.generation += 1;
        p.host.apply_change(Change {
            files: vec![FileChange::read(rel.to_string(), text, kind, status)],
            env: None,
            options: None,
        });
    }

    /// The file a document is, in its project.
    pub(crate) fn file_of(&self, uri: &Uri) -> Option<(PathBuf, FileId)> {
        let (root, rel) = match self.docs.get(uri) {
            Some(doc) => (doc.root.clone(), doc.rel.clone()),
            None => {
                let path = uri_path(uri)?;
                let root = self.project_root_of(&path)?;
                let rel = relative(&root, &path)?;
                (root, rel)
            }
        };
        let file = self.projects.get(&root)?.host.file(&rel)?;
        Some((root, file))
    }

    /// Opens a document of the project at `root`.
    pub(crate) fn open(&mut self, uri: Uri, root: PathBuf, rel: String, text: &str, version: i32) {
        let doc = Doc { root: root.clone(), rel: rel.clone(), rope: Rope::from_str(text), version };
        self.docs.insert(uri, doc);
        self.set_file(&root, &rel, Arc::from(text), FileStatus::Present);
    }

    /// Applies a `didChange`; returns whether the text changed. A version at or below the
    /// current one is a duplicate and ignored.
    pub(crate) fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) -> bool {
        let encoding = self.encoding();
        let Some(doc) = self.docs.get_mut(uri) else { return false };
        if version <= doc.version {
            return false;
        }
        for c in changes {
            apply_change(&mut doc.rope, c, encoding);
        }
        doc.version = version;
        let (root, rel) = (doc.root.clone(), doc.rel.clone());
        let text: Arc<str> = Arc::from(doc.rope.to_string());
        self.set_file(&root, &rel, text, FileStatus::Present);
        true
    }
}

/// Applies one content change to a rope: a whole-text replacement without a range.
fn apply_change(rope: &mut Rope, change: TextDocumentContentChangeEvent, encoding: Encoding) {
    let Some(range) = change.range else {
        *rope = Rope::from_str(&change.text);
        return;
    };
    // Positions are resolved against the current line only: convert through the line's
    // text, clamping as `LineIndex` does.
    let offset_of = |rope: &Rope, pos: tower_lsp_server::ls_types::Position| -> usize {
        let line = pos.line as usize;
        if line >= rope.len_lines() {
            return rope.len_chars();
        }
        let line_start = rope.line_to_char(line);
        let line_text: String = rope.line(line).chars().collect();
        let idx = LineIndex::new(Arc::from(line_text.as_str()), encoding);
        let in_line =
            idx.offset(tower_lsp_server::ls_types::Position { line: 0, character: pos.character });
        line_start + line_text[..usize::from(in_line)].chars().count()
    };
    let start = offset_of(rope, range.start);
    let end = offset_of(rope, range.end).max(start);
    rope.remove(start..end);
    rope.insert(start, &change.text);
}
