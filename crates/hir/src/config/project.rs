//! `rocky.toml`: adapters, pipelines and the sections kept as written (FORMAT.md §2).

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use syntax::{Dialect, TextRange};

use super::Spanned;
use super::adapter::{Adapter, parse_adapter};
use super::pipeline::{Pipeline, PipelineKind, parse_pipeline};
use super::reader::{Cx, Reader, unknown_key};
use super::toml_walk::{TomlEntry, TomlValue, parse_document};
use crate::diagnostics::{Code, Diagnostic, did_you_mean};

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ProjectConfig {
    /// `[adapter.<name>]` and `[adapters.<name>]`; a bare `[adapter]` is `default`.
    pub adapters: BTreeMap<String, Adapter>,
    /// `[pipeline.<name>]` and `[pipelines.<name>]`; a bare `[pipeline]` is `default`.
    pub pipelines: BTreeMap<String, Pipeline>,
    /// Every other known section under its canonical name (`hook` for `hooks`, `role` for
    /// `roles`; `cache` holds `schemas`, `branch` holds `approval`), kept as written: we
    /// do not act on them yet, and never reject them.
    pub other_sections: BTreeMap<String, Spanned<TomlValue>>,
    /// The dialect asked for instead of the warehouse adapter's (`Options::dialect`).
    pub dialect_override: Option<Dialect>,
}

/// Top-level sections other than adapters and pipelines, with their aliases.
const SECTIONS: &[(&str, &str)] = &[
    ("state", "state"),
    ("hook", "hook"),
    ("hooks", "hook"),
    ("cost", "cost"),
    ("budget", "budget"),
    ("run", "run"),
    ("portability", "portability"),
    ("cache", "cache"),
    ("mask", "mask"),
    ("classifications", "classifications"),
    ("role", "role"),
    ("roles", "role"),
    ("freshness", "freshness"),
    ("imports", "imports"),
    ("branch", "branch"),
    ("policy", "policy"),
    ("schema_evolution", "schema_evolution"),
    ("retry", "retry"),
    ("ai", "ai"),
    ("schedule", "schedule"),
];

/// Keys that make a bare `[adapter]` / `[pipeline]` the shorthand rather than a table of
/// named entries, besides any non-table value.
const ADAPTER_SUBTABLES: &[&str] = &["retry"];
const PIPELINE_SUBTABLES: &[&str] = &["target", "source", "checks", "execution", "options"];

pub fn parse_project_config(
    text: &str,
    env: &BTreeMap<String, String>,
) -> (ProjectConfig, Vec<Diagnostic>) {
    let doc = parse_document(text, Some(env), 0.into());
    let mut cx = Cx::default();
    let mut config = ProjectConfig::default();
    for (key, entry) in &doc.root.entries {
        match key.as_str() {
            "adapter" | "adapters" => {
                for (name, name_range, r) in named_tables(&mut cx, key, entry, ADAPTER_SUBTABLES) {
                    let adapter = parse_adapter(&mut cx, &name, name_range, r);
                    insert_unique(&mut cx, &mut config.adapters, "adapter", name, adapter, |a| {
                        a.name_range
                    });
                }
            }
            "pipeline" | "pipelines" => {
                for (name, name_range, r) in named_tables(&mut cx, key, entry, PIPELINE_SUBTABLES) {
                    let pipeline = parse_pipeline(&mut cx, &name, name_range, r);
                    insert_unique(
                        &mut cx,
                        &mut config.pipelines,
                        "pipeline",
                        name,
                        pipeline,
                        |p| p.name_range,
                    );
                }
            }
            _ => match SECTIONS.iter().find(|(k, _)| k == key) {
                Some((_, canonical)) => {
                    if config.other_sections.contains_key(*canonical) {
                        cx.push(
                            Code::V012,
                            entry.key,
                            format!("`{key}` repeats `{canonical}`; merge the two sections"),
                        );
                    } else {
                        config.other_sections.insert((*canonical).to_owned(), entry.value.clone());
                    }
                }
                None => {
                    let mut known: Vec<&str> = SECTIONS.iter().map(|(k, _)| *k).collect();
                    known.extend(["adapter", "adapters", "pipeline", "pipelines"]);
                    unknown_key(&mut cx, key, entry.key, "", &known);
                }
            },
        }
    }
    check_references(&mut cx, &config);
    (config, finish_diagnostics(doc.diags, doc.syntax_errors, cx))
}

/// Syntax errors first; while there are any, keep only syntax, `${VAR}` and unknown-key
/// findings: the recovered tree holds placeholder values that would cascade into
/// wrong-type and missing-key errors. Unknown keys count only before the first syntax
/// error: after a broken `[table` header the parser's recovery moves the keys that follow
/// to another table, where they are not unknown to the user.
pub(super) fn finish_diagnostics(
    mut diags: Vec<Diagnostic>,
    syntax_errors: bool,
    cx: Cx,
) -> Vec<Diagnostic> {
    let first_error = diags
        .iter()
        .filter(|d| d.code == Code::V001)
        .map(|d| d.range.start())
        .min()
        .filter(|_| syntax_errors);
    diags.extend(cx.diags.into_iter().filter(|d| match first_error {
        None => true,
        Some(at) => d.code == Code::V003 && d.range.start() < at,
    }));
    diags.sort_by_key(|d| (d.range.start(), d.range.end()));
    diags
}

/// The named tables under `[adapter]`-like sections, or the shorthand's one `default`.
fn named_tables<'t>(
    cx: &mut Cx,
    section: &str,
    entry: &'t TomlEntry,
    subtables: &[&str],
) -> Vec<(String, TextRange, Reader<'t>)> {
    let TomlValue::Table(table) = &entry.value.value else {
        cx.wrong_type(section, entry.value.range, &format!("a table: `[{section}.<name>]`"));
        return Vec::new();
    };
    let shorthand = table.entries.iter().any(|(k, e)| {
        !matches!(e.value.value, TomlValue::Table(_)) || subtables.contains(&k.as_str())
    });
    if shorthand {
        return vec![(
            "default".to_owned(),
            entry.key,
            Reader::new(table, entry.value.range, section),
        )];
    }
    table
        .entries
        .iter()
        .filter_map(|(name, e)| {
            let TomlValue::Table(t) = &e.value.value else { return None };
            Some((name.clone(), e.key, Reader::new(t, e.value.range, format!("{section}.{name}"))))
        })
        .collect()
}

/// `adapter.x` and `adapters.x` both: the first one wins, the second is V012.
fn insert_unique<T>(
    cx: &mut Cx,
    map: &mut BTreeMap<String, T>,
    what: &str,
    name: String,
    value: T,
    name_range: impl Fn(&T) -> TextRange,
) {
    match map.entry(name) {
        Entry::Occupied(e) => cx.push(
            Code::V012,
            name_range(&value),
            format!(
                "{what} `{}` is defined twice (under `{what}` and `{what}s`); keep one",
                e.key()
            ),
        ),
        Entry::Vacant(e) => {
            e.insert(value);
        }
    }
}

/// Pipelines name adapters and other pipelines: each must exist (V011).
fn check_references(cx: &mut Cx, config: &ProjectConfig) {
    for pipeline in config.pipelines.values() {
        for adapter in pipeline.adapter_refs() {
            if !config.adapters.contains_key(&adapter.value) {
                cx.push_help(
                    Code::V011,
                    adapter.range,
                    format!(
                        "pipeline `{}` names adapter `{}`, which is not defined; add `[adapter.{}]`",
                        pipeline.name, adapter.value, adapter.value
                    ),
                    did_you_mean(&adapter.value, config.adapters.keys().map(String::as_str)),
                );
            }
        }
        for dep in &pipeline.depends_on {
            if !config.pipelines.contains_key(&dep.value) {
                cx.push_help(
                    Code::V011,
                    dep.range,
                    format!(
                        "pipeline `{}` depends on pipeline `{}`, which is not defined",
                        pipeline.name, dep.value
                    ),
                    did_you_mean(&dep.value, config.pipelines.keys().map(String::as_str)),
                );
            }
        }
    }
}

impl ProjectConfig {
    /// The transformation pipelines, by name.
    pub fn transformation_pipelines(&self) -> impl Iterator<Item = &Pipeline> {
        self.pipelines.values().filter(|p| p.is_transformation())
    }

    /// The models folders of the transformation pipelines, from their `models` globs
    /// (`models/**` → `models`: the literal directory before the first glob metachar);
    /// `["models"]` when there is none.
    pub fn models_dirs(&self) -> Vec<String> {
        let mut dirs: Vec<String> = Vec::new();
        for p in self.transformation_pipelines() {
            let PipelineKind::Transformation { models, .. } = &p.kind else { continue };
            let dir = glob_dir(&models.value);
            if !dirs.contains(&dir) {
                dirs.push(dir);
            }
        }
        if dirs.is_empty() {
            dirs.push("models".to_owned());
        }
        dirs
    }

    /// The adapter models run on: the target adapter of the first (by name) transformation
    /// pipeline, else the adapter named `default`, else the only adapter.
    pub fn warehouse_adapter(&self) -> Option<&Adapter> {
        self.transformation_pipelines()
            .next()
            .and_then(|p| p.target_adapter())
            .and_then(|name| self.adapters.get(name))
            .or_else(|| self.adapters.get("default"))
            .or_else(|| if self.adapters.len() == 1 { self.adapters.values().next() } else { None })
    }

    /// The SQL dialect of the warehouse adapter; DuckDB when there is none.
    pub fn dialect(&self) -> Dialect {
        if let Some(d) = self.dialect_override {
            return d;
        }
        self.warehouse_adapter().map_or(Dialect::DuckDb, |a| a.kind.dialect())
    }

    /// The DuckDB catalog of the warehouse adapter: the file stem of its `path`, `memory`
    /// when in-memory; `None` for other warehouses.
    pub fn default_catalog(&self) -> Option<String> {
        self.warehouse_adapter()?.duckdb_catalog()
    }
}

/// The directory a glob walks: the literal prefix before the first metachar, cut back to
/// a whole path segment, without `./` or a trailing `/`.
fn glob_dir(glob: &str) -> String {
    let glob = glob.trim();
    let glob = glob.strip_prefix("./").unwrap_or(glob);
    let literal_end = glob.find(['*', '?', '[', '{']);
    let prefix = match literal_end {
        // A partial segment (`models/st*`) is not a folder: cut back to its parent.
        Some(end) => {
            let literal = glob.get(..end).unwrap_or("");
            literal.rfind('/').map_or("", |slash| literal.get(..slash).unwrap_or(""))
        }
        None => glob,
    };
    prefix.trim_end_matches('/').to_owned()
}
