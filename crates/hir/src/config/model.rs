//! Model configuration: sidecars, `_defaults.toml`, group files and `---toml` frontmatter
//! (one schema, FORMAT.md §3), and how the layers merge.

use std::collections::BTreeMap;

use syntax::{TextRange, TextSize};

use super::frontmatter::split_frontmatter;
use super::model_tests::{DeclarativeTest, TestSeverity, UnitTest, declarative_test, unit_test};
use super::project::finish_diagnostics;
use super::reader::{Cx, Reader, parse_enum};
use super::strategy::{Strategy, parse_strategy};
use super::toml_walk::{TomlTable, TomlValue, parse_document};
use super::{SmallMap, Spanned};
use crate::diagnostics::{Code, Diagnostic};

/// Which file a model config comes from: the schema is the same, what is allowed differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ModelConfigKind {
    /// `<model>.toml` next to the model.
    Sidecar,
    /// `_defaults.toml`: defaults for the models of its directory; holds no `name`.
    Defaults,
    /// `groups/<g>.toml`; holds no `name` or `group`.
    Group,
    /// The `---toml` block of a SQL file; `text` is the whole SQL file and ranges are
    /// offsets in it. A file without a closed block gives an empty config: the caller
    /// reports the unclosed block (see [`super::Frontmatter::close`]).
    Frontmatter,
}

/// Which layer a merged value came from (precedence: own > group > defaults > built-in).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum ConfigLayer {
    Own,
    Group,
    Defaults,
}

/// A `.rocky` model with no sidecar writes to `warehouse.default.<name>` (FORMAT.md §3).
pub const DSL_FALLBACK_CATALOG: &str = "warehouse";
pub const DSL_FALLBACK_SCHEMA: &str = "default";

/// Everything a model's config can say. Parsing applies no built-in defaults (so merging
/// can tell unset from default); use the `effective_*` methods after
/// [`merge_model_config`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct ModelConfig {
    /// Default: the file stem ([`ModelConfig::effective_name`]).
    pub name: Option<Spanned<String>>,
    /// Explicit upstreams, merged by the caller with those found in the SQL.
    pub depends_on: Vec<Spanned<String>>,
    /// Default: full refresh ([`ModelConfig::effective_strategy`]).
    pub strategy: Option<Spanned<Strategy>>,
    pub target: TargetConfig,
    /// What the model is for, in natural language.
    pub intent: Option<String>,
    pub freshness: Option<FreshnessConfig>,
    /// `[[tests]]`.
    pub tests: Vec<DeclarativeTest>,
    /// `[[test]]`.
    pub unit_tests: Vec<UnitTest>,
    pub tags: SmallMap<String>,
    /// `[governance.tags]`.
    pub governance_tags: SmallMap<String>,
    /// `[classification]`, kept as written.
    pub classification: Option<Spanned<TomlTable>>,
    pub retention: Option<Spanned<TomlValue>>,
    /// `[budget]`, kept as written.
    pub budget: Option<Spanned<TomlTable>>,
    /// The config group (`groups/<g>.toml`); the caller checks it exists (V010).
    pub group: Option<Spanned<String>>,
    /// `[args]`: values for the group.
    pub args: BTreeMap<String, Spanned<TomlValue>>,
    /// `[[surrogate_key]]`.
    pub surrogate_keys: Vec<SurrogateKey>,
    /// `[columns.<c>]`.
    pub columns: BTreeMap<String, ColumnConfig>,
    /// Set by [`merge_model_config`]: the fields that came from the group or the defaults
    /// (`strategy`, `target.schema`, `tags.<key>`, ...); absent fields are the model's own.
    pub origins: BTreeMap<String, ConfigLayer>,
}

/// `[target]`; `table` defaults to the model name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct TargetConfig {
    pub catalog: Option<Spanned<String>>,
    pub schema: Option<Spanned<String>>,
    pub table: Option<Spanned<String>>,
    /// The `[target]` table itself, when the file has one.
    pub range: Option<TextRange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct FreshnessConfig {
    pub max_lag_seconds: Option<Spanned<u64>>,
    pub time_column: Option<Spanned<String>>,
    pub severity: Option<Spanned<TestSeverity>>,
    pub range: TextRange,
}

/// `[[surrogate_key]]`: a hash of `columns` added as column `name`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct SurrogateKey {
    pub name: Option<Spanned<String>>,
    pub columns: Vec<Spanned<String>>,
    pub range: TextRange,
}

/// `[columns.<c>]`: a description, and (ours) a declared type and nullability.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct ColumnConfig {
    pub description: Option<String>,
    pub ty: Option<Spanned<String>>,
    pub nullable: Option<Spanned<bool>>,
    pub range: TextRange,
}

impl ModelConfig {
    /// The model name: `name`, else the file stem.
    pub fn effective_name<'a>(&'a self, stem: &'a str) -> &'a str {
        self.name.as_ref().map_or(stem, |n| n.as_str())
    }

    /// The materialization; full refresh when no layer set one.
    pub fn effective_strategy(&self) -> Strategy {
        self.strategy.as_ref().map_or(Strategy::FullRefresh, |s| s.value.clone())
    }

    /// The target table: `[target] table`, else the model name.
    pub fn effective_table<'a>(&'a self, model_name: &'a str) -> &'a str {
        self.target.table.as_ref().map_or(model_name, |t| t.as_str())
    }
}

pub fn parse_model_config(
    text: &str,
    env: &BTreeMap<String, String>,
    kind: ModelConfigKind,
) -> (ModelConfig, Vec<Diagnostic>) {
    let (toml_text, base) = match kind {
        ModelConfigKind::Frontmatter => match split_frontmatter(text) {
            Some(fm) if fm.close.is_some() => {
                let Some(block) = text.get(std::ops::Range::<usize>::from(fm.toml)) else {
                    return (ModelConfig::default(), Vec::new());
                };
                (block, fm.toml.start())
            }
            _ => return (ModelConfig::default(), Vec::new()),
        },
        _ => (text, TextSize::from(0)),
    };
    let doc = parse_document(toml_text, Some(env), base);
    let mut cx = Cx::default();
    let r = Reader::new(&doc.root, TextRange::empty(base), "");
    let config = model_config(&mut cx, r, kind);
    (config, finish_diagnostics(doc.diags, doc.syntax_errors, cx))
}

fn model_config(cx: &mut Cx, mut r: Reader<'_>, kind: ModelConfigKind) -> ModelConfig {
    let file = match kind {
        ModelConfigKind::Defaults => Some("`_defaults.toml`"),
        ModelConfigKind::Group => Some("a group file"),
        ModelConfigKind::Sidecar | ModelConfigKind::Frontmatter => None,
    };
    let mut name = r.string(cx, "name");
    let mut group = r.string(cx, "group");
    if let Some(file) = file {
        // Shared layers configure many models: a name, or (for a group) another group,
        // cannot apply to all of them.
        if let Some(key) = r.key_range("name").filter(|_| name.is_some()) {
            cx.push(
                Code::V003,
                key,
                format!("`name` has no meaning in {file}; name models in their sidecars"),
            );
            name = None;
        }
        if let Some(key) = r.key_range("group").filter(|_| group.is_some())
            && kind == ModelConfigKind::Group
        {
            cx.push(Code::V003, key, "a group file cannot name a group; remove `group`");
            group = None;
        }
    }
    let depends_on = r.strings(cx, "depends_on");
    let strategy = r.sub(cx, "strategy").and_then(|s| parse_strategy(cx, s));
    let target = r.sub(cx, "target").map_or_else(TargetConfig::default, |mut t| {
        let target = TargetConfig {
            catalog: t.string(cx, "catalog"),
            schema: t.string(cx, "schema"),
            table: t.string(cx, "table"),
            range: Some(t.range),
        };
        t.finish(cx);
        target
    });
    let intent = r.string(cx, "intent").map(|s| s.value);
    let freshness = r.sub(cx, "freshness").map(|mut f| {
        let severity = f.string(cx, "severity").and_then(|s| {
            parse_enum(
                cx,
                "severity",
                s,
                &[("error", TestSeverity::Error), ("warning", TestSeverity::Warning)],
            )
        });
        let freshness = FreshnessConfig {
            max_lag_seconds: f.uint(cx, "max_lag_seconds"),
            time_column: f.string(cx, "time_column"),
            severity,
            range: f.range,
        };
        f.finish(cx);
        freshness
    });
    let tests = r.subs(cx, "tests").into_iter().filter_map(|t| declarative_test(cx, t)).collect();
    let unit_tests = r.subs(cx, "test").into_iter().map(|t| unit_test(cx, t)).collect();
    let tags = r.string_map(cx, "tags");
    let governance_tags = r.sub(cx, "governance").map_or_else(SmallMap::new, |mut g| {
        let tags = g.string_map(cx, "tags");
        g.finish(cx);
        tags
    });
    let classification = r.tree(cx, "classification");
    let retention = r.value("retention");
    let budget = r.tree(cx, "budget");
    let args = r.sub(cx, "args").map_or_else(BTreeMap::new, |a| {
        a.table().entries.iter().map(|(k, e)| (k.clone(), e.value.clone())).collect()
    });
    let surrogate_keys = r
        .subs(cx, "surrogate_key")
        .into_iter()
        .map(|mut s| {
            let name = s.string(cx, "name");
            let name = s.require(cx, "name", name);
            let columns = s.strings(cx, "columns");
            if columns.is_empty() {
                s.require::<()>(cx, "columns", None);
            }
            let key = SurrogateKey { name, columns, range: s.range };
            s.finish(cx);
            key
        })
        .collect();
    let columns = r.sub(cx, "columns").map_or_else(BTreeMap::new, |c| {
        let mut columns = BTreeMap::new();
        for (col, entry) in &c.table().entries {
            let TomlValue::Table(t) = &entry.value.value else {
                cx.wrong_type(&c.child_path(col), entry.value.range, "a table: `[columns.<name>]`");
                continue;
            };
            let mut cr = Reader::new(t, entry.value.range, c.child_path(col));
            let config = ColumnConfig {
                description: cr.string(cx, "description").map(|s| s.value),
                ty: cr.string(cx, "type"),
                nullable: cr.bool(cx, "nullable"),
                range: cr.range,
            };
            cr.finish(cx);
            columns.insert(col.clone(), config);
        }
        columns
    });
    r.finish(cx);
    ModelConfig {
        name,
        depends_on,
        strategy,
        target,
        intent,
        freshness,
        tests,
        unit_tests,
        tags,
        governance_tags,
        classification,
        retention,
        budget,
        group,
        args,
        surrogate_keys,
        columns,
        origins: BTreeMap::new(),
    }
}

/// Precedence own (sidecar or frontmatter) > group > `_defaults.toml`, field by field;
/// tables of values (`tags`, `governance_tags`, `args`, `columns`) merge key by key. Ranges
/// stay those of the layer each value came from, and `origins` says which layer that was.
///
/// Built-in defaults are NOT applied here: a model with no strategy after merging is full
/// refresh ([`ModelConfig::effective_strategy`]), its name is the file stem
/// ([`ModelConfig::effective_name`]), its table its name ([`ModelConfig::effective_table`]);
/// a `.rocky` model without sidecar uses [`DSL_FALLBACK_CATALOG`] / [`DSL_FALLBACK_SCHEMA`].
/// The caller then reports an unresolved catalog or schema with [`unresolved_target`].
pub fn merge_model_config(
    own: &ModelConfig,
    group: Option<&ModelConfig>,
    defaults: Option<&ModelConfig>,
) -> ModelConfig {
    let layers: Vec<(ConfigLayer, &ModelConfig)> = [
        Some((ConfigLayer::Own, own)),
        group.map(|g| (ConfigLayer::Group, g)),
        defaults.map(|d| (ConfigLayer::Defaults, d)),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut m = Merger { layers: &layers, origins: BTreeMap::new() };
    let target = TargetConfig {
        catalog: m.first("target.catalog", |c| c.target.catalog.as_ref()),
        schema: m.first("target.schema", |c| c.target.schema.as_ref()),
        table: m.first("target.table", |c| c.target.table.as_ref()),
        range: own.target.range,
    };
    ModelConfig {
        name: own.name.clone(),
        depends_on: m.first_list("depends_on", |c| &c.depends_on),
        strategy: m.first("strategy", |c| c.strategy.as_ref()),
        target,
        intent: m.first("intent", |c| c.intent.as_ref()),
        freshness: m.first("freshness", |c| c.freshness.as_ref()),
        tests: m.first_list("tests", |c| &c.tests),
        unit_tests: m.first_list("unit_tests", |c| &c.unit_tests),
        tags: m.keyed("tags", |c| &c.tags),
        governance_tags: m.keyed("governance_tags", |c| &c.governance_tags),
        classification: m.first("classification", |c| c.classification.as_ref()),
        retention: m.first("retention", |c| c.retention.as_ref()),
        budget: m.first("budget", |c| c.budget.as_ref()),
        group: m.first("group", |c| c.group.as_ref()),
        args: m.keyed("args", |c| &c.args),
        surrogate_keys: m.first_list("surrogate_keys", |c| &c.surrogate_keys),
        columns: m.keyed("columns", |c| &c.columns),
        origins: m.origins,
    }
}

struct Merger<'a> {
    layers: &'a [(ConfigLayer, &'a ModelConfig)],
    origins: BTreeMap<String, ConfigLayer>,
}

impl<'a> Merger<'a> {
    fn note(&mut self, field: String, layer: ConfigLayer) {
        if layer != ConfigLayer::Own {
            self.origins.insert(field, layer);
        }
    }

    fn first<T: Clone + 'a>(
        &mut self,
        field: &str,
        get: impl Fn(&'a ModelConfig) -> Option<&'a T>,
    ) -> Option<T> {
        let (layer, value) = self.layers.iter().find_map(|(l, c)| get(c).map(|v| (*l, v)))?;
        self.note(field.to_owned(), layer);
        Some(value.clone())
    }

    /// Lists replace rather than append: a model's own tests are the whole list.
    fn first_list<T: Clone + 'a>(
        &mut self,
        field: &str,
        get: impl Fn(&'a ModelConfig) -> &'a Vec<T>,
    ) -> Vec<T> {
        self.first(field, |c| Some(get(c)).filter(|v| !v.is_empty())).unwrap_or_default()
    }

    fn keyed<
        T: Clone + 'a,
        M: IntoIterator<Item = (&'a String, &'a T)>,
        Out: Default + Extend<(String, T)>,
    >(
        &mut self,
        field: &str,
        get: impl Fn(&'a ModelConfig) -> M,
    ) -> Out {
        let mut out = Out::default();
        // Lowest precedence first, so higher layers overwrite.
        for (layer, config) in self.layers.iter().rev() {
            for (key, value) in get(config) {
                out.extend([(key.clone(), value.clone())]);
                if *layer == ConfigLayer::Own {
                    self.origins.remove(&format!("{field}.{key}"));
                } else {
                    self.origins.insert(format!("{field}.{key}"), *layer);
                }
            }
        }
        out
    }
}

/// V009 for each of catalog and schema that no layer of a merged config set, naming the
/// model and field; at the sidecar's `[target]` when it has one, else at its start.
pub fn unresolved_target(merged: &ModelConfig, model_name: &str) -> Vec<Diagnostic> {
    let range = merged.target.range.unwrap_or_default();
    let missing =
        [("catalog", merged.target.catalog.is_none()), ("schema", merged.target.schema.is_none())];
    missing
        .into_iter()
        .filter(|(_, missing)| *missing)
        .map(|(field, _)| {
            Diagnostic::new(
                Code::V009,
                None,
                range,
                format!(
                    "model `{model_name}` has no target {field}; set `{field}` under `[target]`"
                ),
            )
            .with_help("set it in the model's sidecar, its group or the folder's `_defaults.toml`")
        })
        .collect()
}
