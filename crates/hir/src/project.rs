//! The project model: `rocky.toml`, the models with their merged configs and targets, and
//! the project-wide checks (duplicate names E171, shared targets E036, missing sidecars
//! V008, unknown groups V010, contracts for unknown models W011, an empty models folder V007).

use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use syntax::{TextRange, TextSize};

use crate::{
    Db,
    config::{self, ModelConfig, ModelConfigKind, ProjectConfig},
    diagnostics::{Code, Diagnostic, Related, did_you_mean},
    input::{FileKind, FileStatus, SourceFile, Workspace},
    name::Name,
};

/// `rocky.toml` parsed, with its diagnostics (in the `rocky.toml` file).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ConfigResult {
    pub config: ProjectConfig,
    pub file: Option<SourceFile>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The project's `rocky.toml`. Invalidated by its text and the environment.
#[salsa::tracked(returns(ref))]
pub fn project_config(db: &dyn Db) -> ConfigResult {
    let ws = Workspace::get(db);
    let Some(&file) = ws.files(db).iter().find(|f| f.kind(db) == FileKind::ProjectConfig) else {
        return ConfigResult::default();
    };
    let (mut config, mut diagnostics) = config::parse_project_config(file.text(db), ws.env(db));
    config.dialect_override = ws.options(db).dialect;
    set_file(&mut diagnostics, file);
    ConfigResult { config, file: Some(file), diagnostics }
}

/// One model of the project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub name: String,
    pub file: SourceFile,
    pub language: Language,
    /// `<stem>.toml`, when there is one.
    pub sidecar: Option<SourceFile>,
    /// The config after sidecar/frontmatter > group > `_defaults.toml` (FORMAT.md §3).
    /// Shared with the parsed sidecar or frontmatter when nothing was merged into it.
    pub config: Arc<ModelConfig>,
    pub target: Target,
    pub contract: Option<SourceFile>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    Sql,
    Rocky,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Sql => "sql",
            Language::Rocky => "rocky",
        }
    }
}

/// The table a model writes, as configured (unresolved parts are empty strings, reported
/// as V009).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Target {
    pub catalog: String,
    pub schema: String,
    pub table: String,
}

impl Target {
    pub fn display(&self) -> String {
        [&self.catalog, &self.schema, &self.table]
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join(".")
    }
}

/// Bits of [`ProjectModel`]'s word filter (32 KB): a few percent of them set by a
/// 10,000-model project's names and tables.
const WORD_FILTER_BITS: usize = 1 << 18;

/// A word hash's bit in the filter, from its top bits (the best mixed of an Fx hash).
fn word_filter_bit(word: u64) -> usize {
    (word >> (64 - WORD_FILTER_BITS.trailing_zeros())) as usize
}

/// Every model, indexed by name and by target, plus the project-wide diagnostics.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ProjectModel {
    /// Sorted by file path.
    pub models: Vec<Model>,
    pub by_name: FxHashMap<Name, usize>,
    /// `schema.table` and `catalog.schema.table`, case-folded; only unambiguous ones.
    pub by_target: FxHashMap<String, usize>,
    /// The hash of each model name and target table name (`crate::scan::word_hash`) to
    /// the models named so or writing a table so named: the words that may refer to a
    /// model.
    pub by_word: FxHashMap<u64, Vec<usize>>,
    /// A bit per `by_word` key (by the key's top bits): most words of a model name no
    /// model, and one bit answers for them without a probe of the map.
    word_filter: Box<[u64]>,
    pub by_file: FxHashMap<SourceFile, usize>,
    /// Each model's own files (model, sidecar, contract) to the model.
    by_own_file: FxHashMap<SourceFile, usize>,
    pub diagnostics: Vec<Diagnostic>,
}

impl ProjectModel {
    /// The models `word` (a [`crate::scan::word_hash`]) may name: as a model or its table.
    pub fn models_named_by_word(&self, word: u64) -> &[usize] {
        let bit = word_filter_bit(word);
        let set = self.word_filter.get(bit / 64).is_some_and(|slot| slot >> (bit % 64) & 1 == 1);
        if !set {
            return &[];
        }
        self.by_word.get(&word).map_or(&[], Vec::as_slice)
    }

    pub fn model(&self, file: SourceFile) -> Option<&Model> {
        self.by_file.get(&file).map(|&i| &self.models[i])
    }

    /// The model whose own file `file` is: its SQL/`.rocky` file, sidecar or contract.
    pub fn owner(&self, file: SourceFile) -> Option<usize> {
        self.by_own_file.get(&file).copied()
    }

    /// The model a FROM name means: a bare name is a model name; a qualified one a model's
    /// target (FORMAT.md §4, ours).
    pub fn model_for_path(&self, path: &[Name]) -> Option<usize> {
        match path {
            [single] => self.by_name.get(single).copied(),
            _ => self.by_target.get(&target_key(path.iter().map(Name::as_str))).copied(),
        }
    }

    pub fn by_name(&self, name: &str) -> Option<&Model> {
        self.by_name.get(&Name::folded(name)).map(|&i| &self.models[i])
    }
}

/// A model config file parsed. Invalidated by the file's text (and the environment), or
/// its kept facts (`crate::facts`) when it has them.
#[salsa::tracked(returns(ref))]
pub fn model_config_file(db: &dyn Db, file: SourceFile) -> (Arc<ModelConfig>, Vec<Diagnostic>) {
    let kind = match file.kind(db) {
        FileKind::Defaults => ModelConfigKind::Defaults,
        FileKind::Group => ModelConfigKind::Group,
        FileKind::SqlModel => ModelConfigKind::Frontmatter,
        _ => ModelConfigKind::Sidecar,
    };
    if let Some(facts) = file.facts(db) {
        return (facts.config.clone().unwrap_or_default(), Vec::new());
    }
    let env = Workspace::get(db).env(db);
    let (cfg, mut diags) = config::parse_model_config(file.text(db), env, kind);
    set_file(&mut diags, file);
    (Arc::new(cfg), diags)
}

/// Whether a SQL file starts with a frontmatter block, and the block's config. Only this,
/// not the SQL body, feeds the project model: editing a body does not re-run it.
#[salsa::tracked(returns(ref))]
pub fn frontmatter(db: &dyn Db, file: SourceFile) -> Option<(Arc<ModelConfig>, Vec<Diagnostic>)> {
    if let Some(facts) = file.facts(db) {
        return facts.config.clone().map(|cfg| (cfg, Vec::new()));
    }
    let fm = config::split_frontmatter(file.text(db))?;
    let (cfg, mut diags) = model_config_file(db, file).clone();
    if fm.close.is_none() {
        diags.push(
            Diagnostic::new(
                Code::V013,
                Some(file),
                fm.open,
                "the frontmatter block is never closed",
            )
            .with_help("end it with a line holding only `---`"),
        );
    }
    set_file(&mut diags, file);
    Some((cfg, diags))
}

/// The `by_target` key of a qualified name: its parts, each in lower case as `Name` folds
/// (a whole-string lower case would read a sigma before a `.` as word-final), joined by
/// `.`.
fn target_key<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut key = String::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            key.push('.');
        }
        key.push_str(&part.to_lowercase());
    }
    key
}

/// The project model. Invalidated by the file list, configs, frontmatter blocks and
/// contracts; not by model bodies.
#[salsa::tracked(returns(ref))]
pub fn project_model(db: &dyn Db) -> ProjectModel {
    let ws = Workspace::get(db);
    let files = ws.files(db);
    let mut pm = ProjectModel::default();
    // Each file's fields read once: 20,000 files make every tracked read count.
    let meta: Vec<(SourceFile, &str, FileKind, FileStatus)> =
        files.iter().map(|&f| (f, &**f.path(db), f.kind(db), f.status(db))).collect();
    let present = || meta.iter().filter(|m| m.3 != FileStatus::Removed);
    let by_path: FxHashMap<&str, (SourceFile, FileKind)> =
        present().map(|&(f, path, kind, _)| (path, (f, kind))).collect();
    let file_of = |path: &str, want: FileKind| {
        by_path.get(path).filter(|(_, kind)| *kind == want).map(|&(f, _)| f)
    };
    let mut diags = Vec::new();

    let mut groups: BTreeMap<String, SourceFile> = BTreeMap::new();
    let mut contracts: Vec<SourceFile> = Vec::new();
    for &(f, path, kind, status) in present() {
        let unreadable = match status {
            FileStatus::NotUtf8 { first_invalid_byte } => Some(format!(
                "`{path}` is not UTF-8 text (first invalid byte at offset {first_invalid_byte})"
            )),
            FileStatus::Binary { first_nul } => {
                Some(format!("`{path}` is a binary file (a NUL byte at offset {first_nul})"))
            }
            FileStatus::Unreadable => Some(format!(
                "`{path}` cannot be read (a dangling symbolic link, or no permission)"
            )),
            FileStatus::NotAFile => {
                Some(format!("`{path}` is not a regular file (a named pipe, socket or device)"))
            }
            FileStatus::Present | FileStatus::Removed => None,
        };
        if let Some(message) = unreadable {
            diags.push(
                Diagnostic::new(Code::V006, Some(f), TextRange::empty(TextSize::from(0)), message)
                    .with_help("save the file as UTF-8 text, or move it out of the models folder"),
            );
            continue;
        }
        match kind {
            FileKind::Group => {
                groups.insert(stem(path).to_string(), f);
            }
            FileKind::Contract => contracts.push(f),
            _ => {}
        }
    }

    let no_config = Arc::new(ModelConfig::default());
    for &(f, path, kind, _) in meta.iter().filter(|m| m.3 == FileStatus::Present) {
        let language = match kind {
            FileKind::SqlModel => Language::Sql,
            FileKind::DslModel => Language::Rocky,
            _ => continue,
        };
        let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
        let sidecar_path = format!("{}.toml", path.rsplit_once('.').map_or(path, |(s, _)| s));
        let sidecar = file_of(&sidecar_path, FileKind::Sidecar);
        // References to the memoized parses: nothing is copied before the merge.
        let own: &Arc<ModelConfig> = match (sidecar, language) {
            (Some(s), _) => &model_config_file(db, s).0,
            (None, Language::Sql) => match frontmatter(db, f) {
                Some((cfg, _)) => cfg,
                None => {
                    diags.push(
                        Diagnostic::new(
                            Code::V008,
                            Some(f),
                            TextRange::empty(TextSize::from(0)),
                            format!("the SQL model `{path}` has no sidecar `{sidecar_path}` and no frontmatter"),
                        )
                        .with_help("add the sidecar (it may be empty), or a `---toml` block at the top of the file"),
                    );
                    &no_config
                }
            },
            (None, Language::Rocky) => &no_config,
        };
        let group = match &own.group {
            Some(g) => match groups.get(g.as_str()) {
                Some(&gf) => Some(&*model_config_file(db, gf).0),
                None => {
                    let help = did_you_mean(g.as_str(), groups.keys().map(String::as_str));
                    let mut d = Diagnostic::new(
                        Code::V010,
                        sidecar.or(Some(f)),
                        g.range,
                        format!("the config group `{}` does not exist", g.as_str()),
                    );
                    d.help =
                        help.or(Some("add it as `groups/<name>.toml` in the models folder".into()));
                    diags.push(d);
                    None
                }
            },
            None => None,
        };
        let defaults_path = if dir.is_empty() {
            "_defaults.toml".to_string()
        } else {
            format!("{dir}/_defaults.toml")
        };
        let defaults =
            file_of(&defaults_path, FileKind::Defaults).map(|d| &*model_config_file(db, d).0);
        let dsl_fallback = language == Language::Rocky && sidecar.is_none();
        // A model's own config with nothing to merge is shared with its memoized parse.
        let mut merged = if group.is_none() && defaults.is_none() && !dsl_fallback {
            Arc::clone(own)
        } else {
            Arc::new(config::merge_model_config(own, group, defaults))
        };
        let stem = stem(path).to_string();
        let name = merged.effective_name(&stem).to_string();
        if dsl_fallback {
            let merged = Arc::make_mut(&mut merged);
            merged.target.catalog.get_or_insert(config::Spanned::new(
                config::DSL_FALLBACK_CATALOG.into(),
                TextRange::default(),
            ));
            merged.target.schema.get_or_insert(config::Spanned::new(
                config::DSL_FALLBACK_SCHEMA.into(),
                TextRange::default(),
            ));
        }
        if sidecar.is_some() || language == Language::Sql {
            let mut unresolved = config::unresolved_target(&merged, &name);
            set_file(&mut unresolved, sidecar.unwrap_or(f));
            if !(sidecar.is_none() && frontmatter(db, f).is_none() && language == Language::Sql) {
                diags.extend(unresolved);
            }
        }
        let target = Target {
            catalog: merged.target.catalog.as_ref().map(|c| c.value.clone()).unwrap_or_default(),
            schema: merged.target.schema.as_ref().map(|c| c.value.clone()).unwrap_or_default(),
            table: merged.effective_table(&name).to_string(),
        };
        pm.models.push(Model {
            name,
            file: f,
            language,
            sidecar,
            config: merged,
            target,
            contract: None,
        });
    }

    // Sized up front: a large project's indexes otherwise rehash a dozen times each.
    let n = pm.models.len();
    pm.by_name.reserve(n);
    pm.by_file.reserve(n);
    // Full and short targets; a model's name and table words.
    pm.by_target.reserve(2 * n);
    pm.by_word.reserve(2 * n);

    // Names are unique project-wide (E171), targets too (E036).
    let mut targets: FxHashMap<String, usize> = FxHashMap::default();
    targets.reserve(n);
    for i in 0..pm.models.len() {
        let key = Name::folded(&pm.models[i].name);
        if let Some(&first) = pm.by_name.get(&key) {
            let (m, other) = (&pm.models[i], &pm.models[first]);
            let range = m.config.name.as_ref().map_or(TextRange::default(), |n| n.range);
            diags.push(
                Diagnostic::new(
                    Code::E171,
                    Some(if m.config.name.is_some() { m.sidecar.unwrap_or(m.file) } else { m.file }),
                    range,
                    format!("two models are named `{}`", m.name),
                )
                .with_help("model names are unique project-wide; rename one (the file, or `name` in its sidecar)")
                .with_related(Related { file: other.file, range: TextRange::default(), message: "the other model".into() }),
            );
        } else {
            pm.by_name.insert(key, i);
        }
        let t = &pm.models[i].target;
        if t.catalog.is_empty() || t.schema.is_empty() {
            continue;
        }
        let full = target_key([&*t.catalog, &*t.schema, &*t.table]);
        if let Some(&first) = targets.get(&full) {
            let (m, other) = (&pm.models[i], &pm.models[first]);
            let at = |m: &Model| {
                m.config
                    .target
                    .range
                    .map_or((m.file, TextRange::default()), |r| (m.sidecar.unwrap_or(m.file), r))
            };
            let (file, range) = at(m);
            let (ofile, orange) = at(other);
            diags.push(
                Diagnostic::new(
                    Code::E036,
                    Some(file),
                    range,
                    format!(
                        "models `{}` and `{}` both write `{}`",
                        other.name,
                        m.name,
                        t.display()
                    ),
                )
                .with_help("give one of them another `[target]` table or schema")
                .with_related(Related {
                    file: ofile,
                    range: orange,
                    message: format!("`{}` writes it too", other.name),
                }),
            );
        } else {
            targets.insert(full, i);
        }
    }
    let mut short: FxHashMap<String, Option<usize>> = FxHashMap::default();
    short.reserve(n);
    for (full, &i) in &targets {
        pm.by_target.insert(full.clone(), i);
        if let Some((_, rest)) = full.split_once('.') {
            short.entry(rest.to_string()).and_modify(|e| *e = None).or_insert(Some(i));
        }
    }
    // A short target two models share names neither: it stays out of the index.
    for (key, i) in short {
        if let Some(i) = i {
            pm.by_target.insert(key, i);
        }
    }
    for i in 0..pm.models.len() {
        pm.by_file.insert(pm.models[i].file, i);
        // A dotted name or table (`finance.revenue`) is written as several words.
        let (name, table) = (&pm.models[i].name, &pm.models[i].target.table);
        let mut words: Vec<u64> = [name, table]
            .into_iter()
            .flat_map(|w| std::iter::once(&**w).chain(w.split('.')))
            .map(crate::scan::word_hash)
            .collect();
        words.sort_unstable();
        words.dedup();
        for w in words {
            pm.by_word.entry(w).or_default().push(i);
        }
    }
    pm.word_filter = vec![0u64; WORD_FILTER_BITS / 64].into();
    for &w in pm.by_word.keys() {
        let bit = word_filter_bit(w);
        if let Some(slot) = pm.word_filter.get_mut(bit / 64) {
            *slot |= 1 << (bit % 64);
        }
    }

    // Contracts: next to the model, or in the `--contracts` folder.
    for c in contracts {
        let name = c
            .path(db)
            .rsplit('/')
            .next()
            .unwrap_or("")
            .trim_end_matches(".contract.toml")
            .to_string();
        match pm.by_name.get(&Name::folded(&name)) {
            Some(&i) => {
                let m = &mut pm.models[i];
                // A sibling contract wins over the `--contracts` folder's.
                let sibling = c.path(db).rsplit_once('/').map(|(d, _)| d)
                    == m.file.path(db).rsplit_once('/').map(|(d, _)| d);
                if m.contract.is_none() || sibling {
                    m.contract = Some(c);
                }
            }
            None => {
                let help = did_you_mean(&name, pm.models.iter().map(|m| m.name.as_str()));
                let mut d = Diagnostic::new(
                    Code::W011,
                    Some(c),
                    TextRange::empty(TextSize::from(0)),
                    format!(
                        "the contract `{}` is for a model `{name}` that does not exist",
                        c.path(db)
                    ),
                );
                d.help = help;
                diags.push(d);
            }
        }
    }
    if pm.models.is_empty() {
        let dirs = project_config(db).config.models_dirs().join("`, `");
        diags.push(
            Diagnostic::new(Code::V007, None, TextRange::default(), format!("no models found under `{dirs}`"))
                .with_help("add `<name>.sql` files with a `<name>.toml` sidecar, or fix `models` in rocky.toml"),
        );
    }
    for (i, m) in pm.models.iter().enumerate() {
        for f in [Some(m.file), m.sidecar, m.contract].into_iter().flatten() {
            pm.by_own_file.insert(f, i);
        }
    }
    pm.diagnostics = diags;
    pm
}

fn stem(path: &str) -> &str {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.split_once('.').map_or(file, |(s, _)| s)
}

pub(crate) fn set_file(diags: &mut [Diagnostic], file: SourceFile) {
    for d in diags {
        d.file.get_or_insert(file);
    }
}
