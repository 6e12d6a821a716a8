//! The CLI's project: loaded by the `load` crate, prewarmed in parallel for batch verbs.

use std::path::PathBuf;

use hir::input::Options;
use ide::AnalysisHost;

pub(crate) struct Project {
    /// Never dropped: a batch verb exits right after its output, and freeing every memo
    /// of a 10,000-model database one allocation at a time costs about as much as
    /// resolving it (rust-analyzer's `analysis-stats` leaks its database for the same
    /// reason). The operating system reclaims the memory at exit.
    pub host: std::mem::ManuallyDrop<AnalysisHost>,
}

pub(crate) fn load(root: PathBuf, options: Options) -> anyhow::Result<Project> {
    let env: std::collections::BTreeMap<String, String> = std::env::vars().collect();
    let host = load::load(&root, env, options)?;
    Ok(Project { host: std::mem::ManuallyDrop::new(host) })
}

impl Project {
    /// Parses configs, builds the project model and scans the models in parallel
    /// ([`ide::batch::prewarm_project`]).
    pub(crate) fn prewarm(&self, models: bool) {
        ide::batch::prewarm_project(self.host.db(), models);
    }
}
