//! The CLI's project: loaded by the `load` crate, prewarmed in parallel for batch verbs.

use std::path::PathBuf;

use hir::{SourceFile, input::Options};
use ide::AnalysisHost;

pub(crate) struct Project {
    /// Never dropped: a batch verb exits right after its output, and freeing every memo
    /// of a 10,000-model database one allocation at a time costs about as much as
    /// resolving it (rust-analyzer's `analysis-stats` leaks its database for the same
    /// reason). The operating system reclaims the memory at exit.
    pub host: std::mem::ManuallyDrop<AnalysisHost>,
    /// Loaded through the load cache: files still unread until [`Project::read`].
    cache: Option<load::Cached>,
}

pub(crate) fn load(root: PathBuf, options: Options) -> anyhow::Result<Project> {
    let host = load::load(&root, env(), options)?;
    Ok(Project { host: std::mem::ManuallyDrop::new(host), cache: None })
}

/// Loads through the load cache (`load::cache`) unless `no_cache`: the files whose kept
/// facts still hold are not read until a command asks for them ([`Project::read`]).
pub(crate) fn load_cached(
    root: PathBuf,
    options: Options,
    no_cache: bool,
) -> anyhow::Result<Project> {
    if no_cache {
        return load(root, options);
    }
    let (host, cached) = load::load_cached(&root, env(), options)?;
    Ok(Project { host: std::mem::ManuallyDrop::new(host), cache: Some(cached) })
}

fn env() -> std::collections::BTreeMap<String, String> {
    std::env::vars().collect()
}

impl Project {
    /// Parses configs, builds the project model and scans the models in parallel
    /// ([`ide::batch::prewarm_project`]).
    pub(crate) fn prewarm(&self, models: bool) {
        ide::batch::prewarm_project(self.host.db(), models);
    }

    /// Reads those of `files` still unread, before a query needs their text.
    pub(crate) fn read(&mut self, files: &[SourceFile]) -> anyhow::Result<()> {
        match &mut self.cache {
            Some(cache) => cache.read(&mut self.host, files),
            None => Ok(()),
        }
    }

    /// Reads every file still unread: the command analyses the whole project.
    pub(crate) fn read_all(&mut self) -> anyhow::Result<()> {
        match &mut self.cache {
            Some(cache) => cache.read_all(&mut self.host),
            None => Ok(()),
        }
    }

    /// Reads the files `diags` point at, so they render with their text.
    pub(crate) fn read_for(&mut self, diags: &[hir::Diagnostic]) -> anyhow::Result<()> {
        let files: Vec<SourceFile> = diags
            .iter()
            .flat_map(|d| d.file.into_iter().chain(d.related.iter().map(|r| r.file)))
            .collect();
        self.read(&files)
    }

    /// Keeps what this run learnt for the next (when enough of it is new). The cache is an
    /// optimisation: a cache that cannot be written (a read-only checkout) changes nothing
    /// in the command's result, so the error is not reported.
    pub(crate) fn save_cache(&self) {
        let Some(cache) = &self.cache else { return };
        let saved = cache.save_if_stale(&self.host);
        // `ROCKY_CACHE_STATS=1`: what the cache saved this run, on stderr (for people
        // measuring a hook, and for the tests that show the cache at work).
        if std::env::var_os("ROCKY_CACHE_STATS").is_some() {
            let (files, read) = cache.stats();
            let saved = match saved {
                Ok(true) => "written".to_string(),
                Ok(false) => "kept".to_string(),
                Err(e) => format!("not written: {e:#}"),
            };
            eprintln!("load cache: {read} of {files} files read; cache {saved}");
        }
    }
}
