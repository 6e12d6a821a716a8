//! `[pipeline.<name>]`: transformation, replication, quality, snapshot and load pipelines
//! with their checks and execution settings (FORMAT.md §2, Pipelines).

use syntax::TextRange;

use super::reader::{Cx, Reader, parse_enum};
use super::toml_walk::{TomlTable, TomlValue};
use super::{Float, SmallMap, Spanned};
use crate::diagnostics::{Code, did_you_mean};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Pipeline {
    pub name: String,
    pub name_range: TextRange,
    pub kind: PipelineKind,
    pub checks: Option<ChecksConfig>,
    pub execution: Option<ExecutionConfig>,
    /// Other pipelines that must run first.
    pub depends_on: Vec<Spanned<String>>,
    pub range: TextRange,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PipelineKind {
    Transformation {
        /// The models glob; `models/**` (at the pipeline's range) when absent.
        models: Spanned<String>,
        /// `[...target] adapter`.
        target_adapter: Option<Spanned<String>>,
        governance: Option<Governance>,
    },
    /// The kind of a pipeline with no `type`.
    Replication {
        /// Built-in default: [`Pipeline::REPLICATION_STRATEGY`].
        strategy: Option<Spanned<String>>,
        /// Built-in default: [`Pipeline::REPLICATION_TIMESTAMP_COLUMN`].
        timestamp_column: Option<Spanned<String>>,
        merge_keys: Vec<Spanned<String>>,
        metadata_columns: Vec<MetadataColumn>,
        source: Option<ReplicationSource>,
        target: Option<ReplicationTarget>,
        /// `[[...table_overrides]]`, kept as written.
        table_overrides: Vec<Spanned<TomlTable>>,
    },
    Quality {
        tables: Vec<QualityTable>,
    },
    /// SCD2 snapshots of source tables.
    Snapshot {
        unique_key: Vec<Spanned<String>>,
        updated_at: Option<Spanned<String>>,
        invalidate_hard_deletes: Option<bool>,
        source: Option<PipelineTable>,
        target: Option<PipelineTable>,
    },
    Load {
        source_dir: Option<Spanned<String>>,
        format: Option<Spanned<LoadFormat>>,
        target: Option<PipelineTable>,
        /// `[...options]`, kept as written.
        options: Option<Spanned<TomlTable>>,
    },
    /// A `type` we do not know (V004); its keys are not checked.
    Unknown {
        type_name: Spanned<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LoadFormat {
    Csv,
    Parquet,
    JsonLines,
}

/// `[...target.governance]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Governance {
    pub auto_create_catalogs: Option<bool>,
    pub auto_create_schemas: Option<bool>,
    pub tags: SmallMap<String>,
    /// Kept as written.
    pub grants: Option<Spanned<TomlValue>>,
}

/// `metadata_columns = [{ name, type, value }]` added to replicated tables.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MetadataColumn {
    pub name: Spanned<String>,
    pub ty: Option<Spanned<String>>,
    pub value: Option<Spanned<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReplicationSource {
    pub adapter: Option<Spanned<String>>,
    pub catalog: Option<Spanned<String>>,
    pub schema_pattern: Option<SchemaPattern>,
    pub range: TextRange,
}

/// How source schema names split into components: prefix `raw__`, separator `__`,
/// components `["source"]` reads `raw__orders` as `{source} = orders`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SchemaPattern {
    pub prefix: Option<Spanned<String>>,
    pub separator: Option<Spanned<String>>,
    pub components: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReplicationTarget {
    pub adapter: Option<Spanned<String>>,
    /// With `{component}` placeholders.
    pub catalog_template: Option<Spanned<String>>,
    pub schema_template: Option<Spanned<String>>,
    pub governance: Option<Governance>,
    pub range: TextRange,
}

/// `[[...tables]]` of a quality pipeline; no `table` means every table of the schema.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct QualityTable {
    pub catalog: Option<Spanned<String>>,
    pub schema: Option<Spanned<String>>,
    pub table: Option<Spanned<String>>,
    pub range: TextRange,
}

/// A `[...source]` / `[...target]` naming one table (snapshot and load pipelines).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PipelineTable {
    pub adapter: Option<Spanned<String>>,
    pub catalog: Option<Spanned<String>>,
    pub schema: Option<Spanned<String>>,
    pub table: Option<Spanned<String>>,
    pub range: TextRange,
}

/// `[...checks]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ChecksConfig {
    pub enabled: Option<bool>,
    pub row_count: Option<bool>,
    pub column_match: Option<bool>,
    pub freshness: Option<FreshnessCheck>,
    pub null_rate: Option<NullRateCheck>,
    pub custom: Vec<CustomCheck>,
    /// Built-in default: [`ChecksConfig::ANOMALY_THRESHOLD_PCT`].
    pub anomaly_threshold_pct: Option<Float>,
    /// `[[...assertions]]`, kept as written.
    pub assertions: Vec<Spanned<TomlTable>>,
    pub fail_on_error: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FreshnessCheck {
    pub threshold_seconds: Option<Spanned<u64>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NullRateCheck {
    pub columns: Vec<Spanned<String>>,
    pub threshold: Option<Spanned<Float>>,
    pub sample_percent: Option<Spanned<Float>>,
}

/// `[[...checks.custom]]`: SQL with a `{target}` placeholder.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CustomCheck {
    pub name: Option<Spanned<String>>,
    pub sql: Option<Spanned<String>>,
    pub threshold: Option<Spanned<Float>>,
    pub range: TextRange,
}

/// `[...execution]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ExecutionConfig {
    pub concurrency: Option<Spanned<Concurrency>>,
    pub fail_fast: Option<bool>,
    pub error_rate_abort_pct: Option<Float>,
    pub table_retries: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Concurrency {
    Fixed(u64),
    Adaptive,
}

impl Pipeline {
    pub const REPLICATION_STRATEGY: &'static str = "incremental";
    pub const REPLICATION_TIMESTAMP_COLUMN: &'static str = "_fivetran_synced";

    pub fn is_transformation(&self) -> bool {
        matches!(self.kind, PipelineKind::Transformation { .. })
    }

    /// The adapter the pipeline writes to, whatever its kind.
    pub fn target_adapter(&self) -> Option<&str> {
        let adapter = match &self.kind {
            PipelineKind::Transformation { target_adapter, .. } => target_adapter.as_ref(),
            PipelineKind::Replication { target, .. } => target.as_ref()?.adapter.as_ref(),
            PipelineKind::Snapshot { target, .. } | PipelineKind::Load { target, .. } => {
                target.as_ref()?.adapter.as_ref()
            }
            PipelineKind::Quality { .. } | PipelineKind::Unknown { .. } => None,
        };
        adapter.map(|a| a.as_str())
    }

    /// Every adapter name the pipeline mentions, for the existence check.
    pub(super) fn adapter_refs(&self) -> Vec<&Spanned<String>> {
        let mut refs = Vec::new();
        match &self.kind {
            PipelineKind::Transformation { target_adapter, .. } => refs.extend(target_adapter),
            PipelineKind::Replication { source, target, .. } => {
                refs.extend(source.as_ref().and_then(|s| s.adapter.as_ref()));
                refs.extend(target.as_ref().and_then(|t| t.adapter.as_ref()));
            }
            PipelineKind::Snapshot { source, target, .. } => {
                refs.extend(source.as_ref().and_then(|s| s.adapter.as_ref()));
                refs.extend(target.as_ref().and_then(|t| t.adapter.as_ref()));
            }
            PipelineKind::Load { target, .. } => {
                refs.extend(target.as_ref().and_then(|t| t.adapter.as_ref()));
            }
            PipelineKind::Quality { .. } | PipelineKind::Unknown { .. } => {}
        }
        refs
    }
}

impl ChecksConfig {
    pub const ANOMALY_THRESHOLD_PCT: f64 = 50.0;
}

const TYPES: &[&str] = &["transformation", "replication", "quality", "snapshot", "load"];

pub(super) fn parse_pipeline(
    cx: &mut Cx,
    name: &str,
    name_range: TextRange,
    mut r: Reader<'_>,
) -> Pipeline {
    let type_name = r.string(cx, "type");
    let checks = r.sub(cx, "checks").map(|c| checks(cx, c));
    let execution = r.sub(cx, "execution").map(|e| execution(cx, e));
    let depends_on = r.strings(cx, "depends_on");
    if let Some(type_name) = type_name.clone().filter(|t| !TYPES.contains(&t.as_str())) {
        cx.push_help(
            Code::V004,
            type_name.range,
            format!("unknown pipeline type `{}`; use one of {}", type_name.value, TYPES.join(", ")),
            did_you_mean(&type_name.value, TYPES.iter().copied()),
        );
        // The keys of an unknown type cannot be checked.
        return Pipeline {
            name: name.to_owned(),
            name_range,
            kind: PipelineKind::Unknown { type_name },
            checks,
            execution,
            depends_on,
            range: r.range,
        };
    }
    let kind = match type_name.as_ref().map(|t| t.as_str()) {
        Some("transformation") => transformation(cx, &mut r),
        Some("quality") => {
            let tables = r.subs(cx, "tables").into_iter().map(|t| quality_table(cx, t)).collect();
            PipelineKind::Quality { tables }
        }
        Some("snapshot") => {
            let unique_key = r.string_or_strings(cx, "unique_key");
            if unique_key.is_empty() {
                r.require::<()>(cx, "unique_key", None);
            }
            let updated_at = r.string(cx, "updated_at");
            let updated_at = r.require(cx, "updated_at", updated_at);
            PipelineKind::Snapshot {
                unique_key,
                updated_at,
                invalidate_hard_deletes: r.bool(cx, "invalidate_hard_deletes").map(|b| b.value),
                source: r.sub(cx, "source").map(|s| pipeline_table(cx, s)),
                target: r.sub(cx, "target").map(|t| pipeline_table(cx, t)),
            }
        }
        Some("load") => {
            let source_dir = r.string(cx, "source_dir");
            let source_dir = r.require(cx, "source_dir", source_dir);
            let format = r.string(cx, "format").and_then(|f| {
                parse_enum(
                    cx,
                    "format",
                    f,
                    &[
                        ("csv", LoadFormat::Csv),
                        ("parquet", LoadFormat::Parquet),
                        ("json_lines", LoadFormat::JsonLines),
                    ],
                )
            });
            PipelineKind::Load {
                source_dir,
                format,
                target: r.sub(cx, "target").map(|t| pipeline_table(cx, t)),
                options: r.tree(cx, "options"),
            }
        }
        // No `type` is a replication pipeline (FORMAT.md §2); unknown types returned above.
        _ => replication(cx, &mut r),
    };
    let range = r.range;
    r.finish(cx);
    Pipeline { name: name.to_owned(), name_range, kind, checks, execution, depends_on, range }
}

fn transformation(cx: &mut Cx, r: &mut Reader<'_>) -> PipelineKind {
    let models = r
        .string(cx, "models")
        .unwrap_or_else(|| Spanned { value: "models/**".to_owned(), range: r.range });
    let mut target_adapter = None;
    let mut governance = None;
    if let Some(mut t) = r.sub(cx, "target") {
        target_adapter = t.string(cx, "adapter");
        governance = t.sub(cx, "governance").map(|g| parse_governance(cx, g));
        t.finish(cx);
    }
    PipelineKind::Transformation { models, target_adapter, governance }
}

fn replication(cx: &mut Cx, r: &mut Reader<'_>) -> PipelineKind {
    let strategy = r.string(cx, "strategy");
    let timestamp_column = r.string(cx, "timestamp_column");
    let merge_keys = r.strings(cx, "merge_keys");
    let metadata_columns =
        r.subs(cx, "metadata_columns").into_iter().filter_map(|m| metadata_column(cx, m)).collect();
    let source = r.sub(cx, "source").map(|mut s| {
        let adapter = s.string(cx, "adapter");
        let catalog = s.string(cx, "catalog");
        let schema_pattern = s.sub(cx, "schema_pattern").map(|mut p| {
            let pattern = SchemaPattern {
                prefix: p.string(cx, "prefix"),
                separator: p.string(cx, "separator"),
                components: p.strings(cx, "components"),
            };
            p.finish(cx);
            pattern
        });
        let range = s.range;
        s.finish(cx);
        ReplicationSource { adapter, catalog, schema_pattern, range }
    });
    let target = r.sub(cx, "target").map(|mut t| {
        let target = ReplicationTarget {
            adapter: t.string(cx, "adapter"),
            catalog_template: t.string(cx, "catalog_template"),
            schema_template: t.string(cx, "schema_template"),
            governance: t.sub(cx, "governance").map(|g| parse_governance(cx, g)),
            range: t.range,
        };
        t.finish(cx);
        target
    });
    let table_overrides = r
        .subs(cx, "table_overrides")
        .into_iter()
        .map(|o| Spanned { value: o.table().clone(), range: o.range })
        .collect();
    PipelineKind::Replication {
        strategy,
        timestamp_column,
        merge_keys,
        metadata_columns,
        source,
        target,
        table_overrides,
    }
}

fn metadata_column(cx: &mut Cx, mut r: Reader<'_>) -> Option<MetadataColumn> {
    let name = r.string(cx, "name");
    let name = r.require(cx, "name", name);
    let ty = r.string(cx, "type");
    let value = r.string(cx, "value");
    r.finish(cx);
    Some(MetadataColumn { name: name?, ty, value })
}

fn parse_governance(cx: &mut Cx, mut r: Reader<'_>) -> Governance {
    let g = Governance {
        auto_create_catalogs: r.bool(cx, "auto_create_catalogs").map(|b| b.value),
        auto_create_schemas: r.bool(cx, "auto_create_schemas").map(|b| b.value),
        tags: r.string_map(cx, "tags"),
        grants: r.value("grants"),
    };
    r.finish(cx);
    g
}

fn quality_table(cx: &mut Cx, mut r: Reader<'_>) -> QualityTable {
    let catalog = r.string(cx, "catalog");
    let catalog = r.require(cx, "catalog", catalog);
    let schema = r.string(cx, "schema");
    let schema = r.require(cx, "schema", schema);
    let table = r.string(cx, "table");
    let range = r.range;
    r.finish(cx);
    QualityTable { catalog, schema, table, range }
}

fn pipeline_table(cx: &mut Cx, mut r: Reader<'_>) -> PipelineTable {
    let t = PipelineTable {
        adapter: r.string(cx, "adapter"),
        catalog: r.string(cx, "catalog"),
        schema: r.string(cx, "schema"),
        table: r.string(cx, "table"),
        range: r.range,
    };
    r.finish(cx);
    t
}

fn checks(cx: &mut Cx, mut r: Reader<'_>) -> ChecksConfig {
    let freshness = r.sub(cx, "freshness").map(|mut f| {
        let check = FreshnessCheck { threshold_seconds: f.uint(cx, "threshold_seconds") };
        f.finish(cx);
        check
    });
    let null_rate = r.sub(cx, "null_rate").map(|mut n| {
        let check = NullRateCheck {
            columns: n.strings(cx, "columns"),
            threshold: n.float(cx, "threshold"),
            sample_percent: n.float(cx, "sample_percent"),
        };
        n.finish(cx);
        check
    });
    let custom = r
        .subs(cx, "custom")
        .into_iter()
        .map(|mut c| {
            let name = c.string(cx, "name");
            let name = c.require(cx, "name", name);
            let sql = c.string(cx, "sql");
            let sql = c.require(cx, "sql", sql);
            let check =
                CustomCheck { name, sql, threshold: c.float(cx, "threshold"), range: c.range };
            c.finish(cx);
            check
        })
        .collect();
    let checks = ChecksConfig {
        enabled: r.bool(cx, "enabled").map(|b| b.value),
        row_count: r.bool(cx, "row_count").map(|b| b.value),
        column_match: r.bool(cx, "column_match").map(|b| b.value),
        freshness,
        null_rate,
        custom,
        anomaly_threshold_pct: r.float(cx, "anomaly_threshold_pct").map(|f| f.value),
        assertions: r
            .subs(cx, "assertions")
            .into_iter()
            .map(|a| Spanned { value: a.table().clone(), range: a.range })
            .collect(),
        fail_on_error: r.bool(cx, "fail_on_error").map(|b| b.value),
    };
    r.finish(cx);
    checks
}

fn execution(cx: &mut Cx, mut r: Reader<'_>) -> ExecutionConfig {
    let concurrency = r.entry("concurrency").and_then(|e| {
        let v = match &e.value.value {
            TomlValue::Integer(n) if *n > 0 => u64::try_from(*n).ok().map(Concurrency::Fixed),
            TomlValue::String(s) if s == "adaptive" => Some(Concurrency::Adaptive),
            _ => None,
        };
        if v.is_none() {
            cx.wrong_type("concurrency", e.value.range, "a positive integer or \"adaptive\"");
        }
        v.map(|value| Spanned { value, range: e.value.range })
    });
    let exec = ExecutionConfig {
        concurrency,
        fail_fast: r.bool(cx, "fail_fast").map(|b| b.value),
        error_rate_abort_pct: r.float(cx, "error_rate_abort_pct").map(|f| f.value),
        table_retries: r.uint(cx, "table_retries").map(|u| u.value),
    };
    r.finish(cx);
    exec
}
