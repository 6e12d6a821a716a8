//! `[strategy]` of a model: the materialization and its keys (FORMAT.md §3, Strategies).

use super::Spanned;
use super::reader::{Cx, Reader, parse_enum};
use super::toml_walk::TomlValue;
use crate::diagnostics::{Code, did_you_mean};

/// How a model is materialized. A model whose merged config has no strategy is
/// `FullRefresh` ([`super::ModelConfig::effective_strategy`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Strategy {
    FullRefresh,
    Incremental {
        timestamp_column: Option<Spanned<String>>,
    },
    Merge {
        unique_key: Vec<Spanned<String>>,
        /// `None`: every column.
        update_columns: Option<Vec<Spanned<String>>>,
    },
    TimeInterval {
        time_column: Option<Spanned<String>>,
        granularity: Option<Spanned<Granularity>>,
        lookback: Option<Spanned<u64>>,
        batch_size: Option<Spanned<u64>>,
        first_partition: Option<Spanned<String>>,
    },
    /// `time_interval` with hourly defaults.
    Microbatch {
        timestamp_column: Option<Spanned<String>>,
        /// Built-in default: hour ([`Strategy::granularity`]).
        granularity: Option<Spanned<Granularity>>,
    },
    DeleteInsert {
        partition_by: Vec<Spanned<String>>,
    },
    /// SCD2 with `valid_from` / `valid_to`.
    Snapshot {
        unique_key: Vec<Spanned<String>>,
        updated_at: Option<Spanned<String>>,
        invalidate_hard_deletes: Option<bool>,
    },
    /// Inlined as a CTE into every consumer; no table.
    Ephemeral,
    View,
    MaterializedView,
    /// Snowflake only.
    DynamicTable {
        target_lag: Option<Spanned<String>>,
    },
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Granularity {
    Hour,
    Day,
    Month,
    Year,
}

const TYPES: &[&str] = &[
    "full_refresh",
    "incremental",
    "merge",
    "time_interval",
    "microbatch",
    "delete_insert",
    "snapshot",
    "ephemeral",
    "view",
    "materialized_view",
    "dynamic_table",
];

impl Strategy {
    /// The `type` string.
    pub fn name(&self) -> &'static str {
        match self {
            Strategy::FullRefresh => "full_refresh",
            Strategy::Incremental { .. } => "incremental",
            Strategy::Merge { .. } => "merge",
            Strategy::TimeInterval { .. } => "time_interval",
            Strategy::Microbatch { .. } => "microbatch",
            Strategy::DeleteInsert { .. } => "delete_insert",
            Strategy::Snapshot { .. } => "snapshot",
            Strategy::Ephemeral => "ephemeral",
            Strategy::View => "view",
            Strategy::MaterializedView => "materialized_view",
            Strategy::DynamicTable { .. } => "dynamic_table",
        }
    }

    /// The partition grain of a time-partitioned strategy, with microbatch's default.
    pub fn granularity(&self) -> Option<Granularity> {
        match self {
            Strategy::TimeInterval { granularity, .. } => granularity.as_ref().map(|g| g.value),
            Strategy::Microbatch { granularity, .. } => {
                Some(granularity.as_ref().map_or(Granularity::Hour, |g| g.value))
            }
            _ => None,
        }
    }

    /// The column a time-based strategy filters on (`timestamp_column` / `time_column`).
    pub fn time_column(&self) -> Option<&Spanned<String>> {
        match self {
            Strategy::Incremental { timestamp_column, .. }
            | Strategy::Microbatch { timestamp_column, .. } => timestamp_column.as_ref(),
            Strategy::TimeInterval { time_column, .. } => time_column.as_ref(),
            _ => None,
        }
    }
}

impl Granularity {
    pub fn name(self) -> &'static str {
        match self {
            Granularity::Hour => "hour",
            Granularity::Day => "day",
            Granularity::Month => "month",
            Granularity::Year => "year",
        }
    }
}

/// One `[strategy]` table; `None` when its `type` is missing or unknown (reported).
pub(super) fn parse_strategy(cx: &mut Cx, mut r: Reader<'_>) -> Option<Spanned<Strategy>> {
    let type_name = r.string(cx, "type");
    let type_name = r.require(cx, "type", type_name)?;
    let range = r.range;
    let strategy = match type_name.as_str() {
        "full_refresh" => Strategy::FullRefresh,
        "incremental" => {
            let timestamp_column = r.string(cx, "timestamp_column");
            Strategy::Incremental {
                timestamp_column: r.require(cx, "timestamp_column", timestamp_column),
            }
        }
        "merge" => {
            let unique_key = required_list(cx, &mut r, "unique_key");
            let update_columns = r
                .entry("update_columns")
                .is_some()
                .then(|| r.string_or_strings(cx, "update_columns"));
            Strategy::Merge { unique_key, update_columns }
        }
        "time_interval" => {
            let time_column = r.string(cx, "time_column");
            let time_column = r.require(cx, "time_column", time_column);
            let granularity = granularity(cx, &mut r);
            let granularity = r.require(cx, "granularity", granularity);
            Strategy::TimeInterval {
                time_column,
                granularity,
                lookback: r.uint(cx, "lookback"),
                batch_size: r.uint(cx, "batch_size"),
                first_partition: r.string(cx, "first_partition"),
            }
        }
        "microbatch" => {
            let timestamp_column = r.string(cx, "timestamp_column");
            let timestamp_column = r.require(cx, "timestamp_column", timestamp_column);
            Strategy::Microbatch { timestamp_column, granularity: granularity(cx, &mut r) }
        }
        "delete_insert" => {
            Strategy::DeleteInsert { partition_by: required_list(cx, &mut r, "partition_by") }
        }
        "snapshot" => {
            let unique_key = required_list(cx, &mut r, "unique_key");
            let updated_at = r.string(cx, "updated_at");
            let updated_at = r.require(cx, "updated_at", updated_at);
            let invalidate_hard_deletes = r.bool(cx, "invalidate_hard_deletes").map(|b| b.value);
            Strategy::Snapshot { unique_key, updated_at, invalidate_hard_deletes }
        }
        "ephemeral" => Strategy::Ephemeral,
        "view" => Strategy::View,
        "materialized_view" => Strategy::MaterializedView,
        "dynamic_table" => {
            let target_lag = r.string(cx, "target_lag");
            Strategy::DynamicTable { target_lag: r.require(cx, "target_lag", target_lag) }
        }
        other => {
            cx.push_help(
                Code::V004,
                type_name.range,
                format!("unknown strategy `{other}`; use one of {}", TYPES.join(", ")),
                did_you_mean(other, TYPES.iter().copied()),
            );
            return None;
        }
    };
    // Keys of another strategy type are unknown here: `unique_key` does nothing in an
    // incremental strategy, and silently ignoring it would hide the mistake.
    r.type_name = Some(type_name.value);
    r.finish(cx);
    Some(Spanned { value: strategy, range })
}

/// A string or list of strings that must be present and non-empty.
fn required_list(cx: &mut Cx, r: &mut Reader<'_>, key: &'static str) -> Vec<Spanned<String>> {
    let list = r.string_or_strings(cx, key);
    match r.table().get(key).map(|e| &e.value) {
        None => {
            r.require::<()>(cx, key, None);
        }
        Some(v) if matches!(&v.value, TomlValue::Array(a) if a.is_empty()) => {
            cx.push(Code::V004, v.range, format!("`{key}` must name at least one column"));
        }
        Some(_) => {}
    }
    list
}

fn granularity(cx: &mut Cx, r: &mut Reader<'_>) -> Option<Spanned<Granularity>> {
    let g = r.string(cx, "granularity")?;
    parse_enum(
        cx,
        "granularity",
        g,
        &[
            ("hour", Granularity::Hour),
            ("day", Granularity::Day),
            ("month", Granularity::Month),
            ("year", Granularity::Year),
        ],
    )
}
