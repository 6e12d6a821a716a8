//! The inputs the edges set: project files and the workspace around them.

use std::collections::BTreeMap;
use std::sync::Arc;

/// One file of the project: a model, a sidecar, a contract, `rocky.toml`, the seed or the
/// catalog snapshot. Never deleted: a removed file keeps its input with `status` Removed.
#[salsa::input(debug)]
pub struct SourceFile {
    /// Relative to the project root, `/`-separated (`models/orders.sql`).
    #[returns(ref)]
    pub path: Arc<str>,
    #[returns(ref)]
    pub text: Arc<str>,
    #[returns(copy)]
    pub kind: FileKind,
    #[returns(copy)]
    pub status: FileStatus,
    /// What an earlier run kept of this file (`crate::facts`): the queries that would
    /// compute the same from `text` use these instead, and `text` may then be empty until
    /// the edge reads it for a query that needs the text itself.
    #[default]
    #[returns(ref)]
    pub facts: Option<Arc<crate::facts::FileFacts>>,
}

/// Whether a file is there and could be read; `text` is empty unless Present.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileStatus {
    Present,
    Removed,
    /// Binary or not UTF-8: reported as V006 so the rest of the project is still analysed.
    NotUtf8 {
        first_invalid_byte: u64,
    },
    /// Valid UTF-8 holding NUL bytes: a binary file. Also V006.
    Binary {
        first_nul: u64,
    },
    /// Listed but not readable (a dangling symlink, no permission). Also V006.
    Unreadable,
    /// A named pipe, socket or device under a model's name: never read (a pipe would wait
    /// for a writer). Also V006.
    NotAFile,
}

/// The project as a whole: which files it has and what the environment gives it. One per
/// database (`Workspace::get(db)`).
#[salsa::input(singleton, debug)]
pub struct Workspace {
    /// Every file of the project, sorted by path.
    #[returns(ref)]
    pub files: Arc<[SourceFile]>,
    /// The environment variables `${VAR}` substitution may read (FORMAT.md §2).
    #[returns(ref)]
    pub env: Arc<BTreeMap<String, String>>,
    #[returns(ref)]
    pub options: Arc<Options>,
}

/// What the command line adds to the project.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Options {
    /// `--contracts DIR`, relative to the project root, `/`-separated.
    pub contracts_dir: Option<String>,
    /// `--var name=value`.
    pub vars: BTreeMap<String, String>,
    /// Find every model's references before resolving any, even where one pass would do
    /// (`crate::scan::single_pass`): the tests check that both ways agree.
    pub two_pass: bool,
    /// `--with-seed`: the seed's tables as DuckDB created them (the edge ran the seed). They
    /// replace what the seed's statements say statically, where DuckDB knows more (columns
    /// of `CREATE TABLE .. AS SELECT .. FROM range(..)`).
    pub seed_catalog: Option<Arc<crate::catalog_snapshot::CatalogSnapshot>>,
    /// `--target-dialect`, or the editor's setting: the SQL dialect models are read in,
    /// instead of the warehouse adapter's.
    pub dialect: Option<syntax::Dialect>,
}

/// The committed catalog snapshot `rocky discover` writes (see README, "Source schemas").
pub const CATALOG_SNAPSHOT: &str = "source_schemas.json";

/// What a file is, from its path alone, so the CLI and the language server agree.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum FileKind {
    /// `rocky.toml`.
    ProjectConfig,
    /// `*.sql` under a models folder.
    SqlModel,
    /// `*.rocky` under a models folder.
    DslModel,
    /// `<stem>.toml` next to a model.
    Sidecar,
    /// `_defaults.toml`: defaults for the models of its own directory.
    Defaults,
    /// `groups/<g>.toml` under a models folder.
    Group,
    /// `test_definitions.toml`.
    TestDefinitions,
    /// `<model>.contract.toml`, next to the model or in the `--contracts` folder.
    Contract,
    /// `data/seed.sql`.
    Seed,
    /// `source_schemas.json`.
    CatalogSnapshot,
    /// Anything else the edges chose to load (macros, CSV seeds): kept, not analysed.
    Other,
}

impl FileKind {
    /// Classifies `path` (relative, `/`-separated). `models_dirs` are the models folders of
    /// the project's transformation pipelines; `contracts_dir` the `--contracts` folder.
    pub fn classify(path: &str, models_dirs: &[String], contracts_dir: Option<&str>) -> FileKind {
        let in_dir = |dir: &str| {
            let dir = dir.trim_end_matches('/');
            dir.is_empty() || path.strip_prefix(dir).is_some_and(|rest| rest.starts_with('/'))
        };
        if path == "rocky.toml" {
            return FileKind::ProjectConfig;
        }
        if path == "data/seed.sql" {
            return FileKind::Seed;
        }
        if path == CATALOG_SNAPSHOT {
            return FileKind::CatalogSnapshot;
        }
        let file_name = path.rsplit('/').next().unwrap_or(path);
        if contracts_dir.is_some_and(in_dir) && file_name.ends_with(".contract.toml") {
            return FileKind::Contract;
        }
        let Some(dir) = models_dirs.iter().find(|d| in_dir(d)) else {
            return FileKind::Other;
        };
        let rel = path.get(dir.trim_end_matches('/').len()..).unwrap_or("").trim_start_matches('/');
        if file_name.ends_with(".contract.toml") {
            FileKind::Contract
        } else if file_name == "_defaults.toml" {
            FileKind::Defaults
        } else if file_name == "test_definitions.toml" {
            FileKind::TestDefinitions
        } else if rel.starts_with("groups/") && file_name.ends_with(".toml") {
            FileKind::Group
        } else if file_name.ends_with(".toml") {
            FileKind::Sidecar
        } else if file_name.ends_with(".sql") {
            FileKind::SqlModel
        } else if file_name.ends_with(".rocky") {
            FileKind::DslModel
        } else {
            FileKind::Other
        }
    }
}
