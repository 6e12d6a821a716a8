//! What a file says that the project-wide queries need, kept between runs by the edges
//! (`load::cache`) so that a warm run neither reads nor parses a file that has not changed:
//! a model's words ([`crate::scan::model_words`]) and the parsed config of a sidecar,
//! `_defaults.toml`, group or frontmatter block ([`crate::project::model_config_file`],
//! [`crate::project::frontmatter`]), and what the statements of `data/seed.sql` do to the
//! source catalog ([`crate::sources::seed_ops`]). The queries prefer these facts to the
//! file's text, which the edge then reads only for the models a command analyses.
//!
//! Only facts that depend on nothing but the file's text and [`context_of`] are kept: a file
//! that reads the environment (`${VAR}`) or has a diagnostic is always read, so every
//! diagnostic is computed, and rendered, from the text itself.

use std::sync::Arc;

use crate::{
    Db,
    config::{ModelConfig, ProjectConfig},
    input::{FileKind, FileStatus, SourceFile},
    project::{frontmatter, model_config_file},
    scan::model_words,
    sources::{SeedOp, seed_context, seed_ops},
};

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct FileFacts {
    /// [`model_words`] of a SQL or `.rocky` model; empty for config files.
    pub words: Arc<[u64]>,
    /// The config of a sidecar, `_defaults.toml` or group; of a SQL model, its frontmatter
    /// block's (`None`: the model has no block).
    pub config: Option<Arc<ModelConfig>>,
    /// Of the seed: what its statements do to the source catalog.
    pub seed: Option<Arc<[SeedOp]>>,
}

/// The kinds of file whose facts can be kept.
pub fn cacheable_kind(kind: FileKind) -> bool {
    matches!(
        kind,
        FileKind::SqlModel
            | FileKind::DslModel
            | FileKind::Sidecar
            | FileKind::Defaults
            | FileKind::Group
            | FileKind::Seed
    )
}

/// What the facts were computed under, besides the file's text: kept facts are used only
/// under the same. A model's words are its lexer's, which depends on the dialect (the
/// adapter's, or the override [`crate::project::project_config`] sets from the options);
/// the seed's statements are read against the tables declared in config.
pub fn context_of(config: &ProjectConfig) -> String {
    format!("{:?} {}", config.dialect(), seed_context(config))
}

/// The facts of `file` as its text gives them, to keep for a later run; `None` when they
/// cannot be kept (see the module doc) or the file was not read.
pub fn compute(db: &dyn Db, file: SourceFile) -> Option<FileFacts> {
    let kind = file.kind(db);
    if !cacheable_kind(kind) || file.status(db) != FileStatus::Present {
        return None;
    }
    if let Some(kept) = file.facts(db) {
        return Some(FileFacts::clone(kept));
    }
    if file.text(db).contains("${") {
        return None;
    }
    match kind {
        FileKind::SqlModel => {
            let config = match frontmatter(db, file) {
                None => None,
                Some((_, diags)) if !diags.is_empty() => return None,
                Some((cfg, _)) => Some(Arc::clone(cfg)),
            };
            Some(FileFacts { words: Arc::clone(model_words(db, file)), config, seed: None })
        }
        FileKind::DslModel => {
            Some(FileFacts { words: Arc::clone(model_words(db, file)), config: None, seed: None })
        }
        FileKind::Seed => Some(FileFacts {
            words: Arc::from([]),
            config: None,
            seed: Some(Arc::clone(seed_ops(db, file))),
        }),
        _ => {
            let (cfg, diags) = model_config_file(db, file);
            diags.is_empty().then(|| FileFacts {
                words: Arc::from([]),
                config: Some(Arc::clone(cfg)),
                seed: None,
            })
        }
    }
}
