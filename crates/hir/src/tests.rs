//! Whole-database tests: multi-file fixtures (`//- path` blocks) loaded into a
//! `RootDatabase`, as the edges would load them.

// Reads its fixtures from `test_data/hir`; the crate itself does no IO.
#[allow(clippy::disallowed_methods)]
mod fixtures;
mod incremental;
mod scan;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::{
    RootDatabase, SourceFile, Workspace,
    input::{FileKind, FileStatus, Options},
};

/// A database holding the files of `fixture`: blocks starting with `//- path` lines.
pub(crate) fn load(db: &RootDatabase, fixture: &str) -> Vec<SourceFile> {
    let mut files = Vec::new();
    let mut cur: Option<(String, String)> = None;
    for line in fixture.lines() {
        if let Some(path) = line.trim().strip_prefix("//- ") {
            files.extend(cur.take());
            cur = Some((path.trim().to_string(), String::new()));
        } else if let Some((_, text)) = &mut cur {
            text.push_str(line.strip_prefix("        ").unwrap_or(line.trim_start()));
            text.push('\n');
        }
    }
    files.extend(cur);
    load_files(db, files)
}

/// A database holding `files` (path, text) as the CLI would load them.
pub(crate) fn load_files(db: &RootDatabase, files: Vec<(String, String)>) -> Vec<SourceFile> {
    let dirs = vec!["models".to_string()];
    let inputs: Vec<SourceFile> = files
        .into_iter()
        .map(|(path, text)| {
            let kind = FileKind::classify(&path, &dirs, None);
            SourceFile::new(
                db,
                Arc::from(path.as_str()),
                Arc::from(text),
                kind,
                FileStatus::Present,
            )
        })
        .collect();
    Workspace::new(
        db,
        inputs.clone().into(),
        Arc::new(BTreeMap::new()),
        Arc::new(Options::default()),
    );
    inputs
}

pub(crate) fn file(db: &RootDatabase, files: &[SourceFile], path: &str) -> SourceFile {
    *files.iter().find(|f| &**f.path(db) == path).unwrap_or_else(|| panic!("no file {path}"))
}
