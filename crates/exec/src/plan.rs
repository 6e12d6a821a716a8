//! The plan IR: per model its target, materialization (with every key the strategy needs
//! resolved and checked) and the query the warehouse runs, built from the compiled
//! project. Statements depend on what the warehouse holds, so `sql_gen` makes them when
//! the runner (or `rocky plan`) knows that.

use std::collections::BTreeMap;

use hir::{
    Db, Severity,
    config::{Granularity, Strategy},
    dag::ModelDag,
    project::ProjectModel,
};
use serde::Serialize;

use crate::{
    partition,
    render::{Renderer, Window},
};

/// A materialization with its keys resolved (built-in defaults applied).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Materialization {
    FullRefresh,
    View,
    Ephemeral,
    Incremental {
        timestamp_column: String,
    },
    Merge {
        unique_key: Vec<String>,
        /// `None`: every column.
        update_columns: Option<Vec<String>>,
    },
    /// `time_interval`, and `microbatch` (hourly by default).
    TimeInterval {
        time_column: String,
        #[serde(serialize_with = "granularity_name")]
        granularity: Granularity,
        lookback: u64,
        batch_size: u64,
        first_partition: Option<String>,
    },
    DeleteInsert {
        partition_by: Vec<String>,
    },
    Snapshot {
        unique_key: Vec<String>,
        updated_at: String,
        invalidate_hard_deletes: bool,
    },
    MaterializedView,
    DynamicTable {
        target_lag: String,
    },
}

fn granularity_name<S: serde::Serializer>(g: &Granularity, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(g.name())
}

impl Materialization {
    /// The strategy's `type` (microbatch plans as `time_interval`).
    pub fn name(&self) -> &'static str {
        match self {
            Materialization::FullRefresh => "full_refresh",
            Materialization::View => "view",
            Materialization::Ephemeral => "ephemeral",
            Materialization::Incremental { .. } => "incremental",
            Materialization::Merge { .. } => "merge",
            Materialization::TimeInterval { .. } => "time_interval",
            Materialization::DeleteInsert { .. } => "delete_insert",
            Materialization::Snapshot { .. } => "snapshot",
            Materialization::MaterializedView => "materialized_view",
            Materialization::DynamicTable { .. } => "dynamic_table",
        }
    }

    /// The strategy of a model's config, or what key it misses.
    pub fn from_strategy(s: &Strategy) -> Result<Materialization, String> {
        let need = |v: Option<&hir::config::Spanned<String>>, what: &str| {
            v.map(|v| v.value.clone())
                .ok_or_else(|| format!("strategy `{}` needs `{what}`", s.name()))
        };
        let keys = |v: &[hir::config::Spanned<String>], what: &str| {
            if v.is_empty() {
                Err(format!("strategy `{}` needs `{what}`", s.name()))
            } else {
                Ok(v.iter().map(|k| k.value.clone()).collect::<Vec<_>>())
            }
        };
        Ok(match s {
            Strategy::FullRefresh => Materialization::FullRefresh,
            Strategy::View => Materialization::View,
            Strategy::Ephemeral => Materialization::Ephemeral,
            Strategy::MaterializedView => Materialization::MaterializedView,
            Strategy::Incremental { timestamp_column } => Materialization::Incremental {
                timestamp_column: need(timestamp_column.as_ref(), "timestamp_column")?,
            },
            Strategy::Merge { unique_key, update_columns } => Materialization::Merge {
                unique_key: keys(unique_key, "unique_key")?,
                update_columns: update_columns
                    .as_ref()
                    .map(|c| c.iter().map(|k| k.value.clone()).collect()),
            },
            Strategy::TimeInterval {
                time_column,
                granularity,
                lookback,
                batch_size,
                first_partition,
            } => {
                let granularity = granularity
                    .as_ref()
                    .map(|g| g.value)
                    .ok_or_else(|| "strategy `time_interval` needs `granularity`".to_owned())?;
                Materialization::TimeInterval {
                    time_column: need(time_column.as_ref(), "time_column")?,
                    granularity,
                    lookback: lookback.as_ref().map_or(0, |l| l.value),
                    batch_size: batch_size.as_ref().map_or(1, |b| b.value.max(1)),
                    first_partition: first_partition.as_ref().map(|f| f.value.clone()),
                }
            }
            Strategy::Microbatch { timestamp_column, .. } => Materialization::TimeInterval {
                time_column: need(timestamp_column.as_ref(), "timestamp_column")?,
                granularity: s.granularity().unwrap_or(Granularity::Hour),
                lookback: 0,
                batch_size: 1,
                first_partition: None,
            },
            Strategy::DeleteInsert { partition_by } => {
                Materialization::DeleteInsert { partition_by: keys(partition_by, "partition_by")? }
            }
            Strategy::Snapshot { unique_key, updated_at, invalidate_hard_deletes } => {
                Materialization::Snapshot {
                    unique_key: keys(unique_key, "unique_key")?,
                    updated_at: need(updated_at.as_ref(), "updated_at")?,
                    invalidate_hard_deletes: invalidate_hard_deletes.unwrap_or(false),
                }
            }
            Strategy::DynamicTable { target_lag } => Materialization::DynamicTable {
                target_lag: need(target_lag.as_ref(), "target_lag")?,
            },
        })
    }
}

/// What the warehouse runs for one model, or why it cannot.
#[derive(Debug, Clone, Serialize)]
pub struct ModelPlan {
    pub name: String,
    /// `catalog.schema.table` as configured.
    pub target: String,
    /// The target, quoted for the warehouse.
    #[serde(skip)]
    pub target_sql: String,
    #[serde(skip)]
    pub target_parts: [String; 3],
    pub strategy: Option<Materialization>,
    /// Every upstream model, by index into [`Plan::models`].
    #[serde(skip)]
    pub upstream: Vec<usize>,
    pub depends_on: Vec<String>,
    /// The query with references bound. Time-partitioned models carry
    /// [`WINDOW_START`] / [`WINDOW_END`] where the window goes.
    pub sql: Option<String>,
    /// Why the model cannot run (compile errors, a strategy key missing, ...).
    pub error: Option<String>,
    /// The compiled output columns with their types; `None` when a `*` over an unknown
    /// schema leaves them open.
    #[serde(skip)]
    pub signature: Option<Vec<(String, hir::ty::Ty)>>,
    /// The column freshness checks read: `[freshness] time_column`, else the strategy's.
    #[serde(skip)]
    pub freshness_column: Option<String>,
}

/// Markers of the window bounds in a time-partitioned model's rendered SQL, replaced per
/// partition ([`ModelPlan::sql_for_window`]).
pub const WINDOW_START: &str = "__ROCKY_WINDOW_START_7f3a__";
pub const WINDOW_END: &str = "__ROCKY_WINDOW_END_7f3a__";

impl ModelPlan {
    pub fn sql_for_window(&self, w: &Window) -> Option<String> {
        Some(self.sql.as_ref()?.replace(WINDOW_START, &w.start).replace(WINDOW_END, &w.end))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub models: Vec<ModelPlan>,
    /// Models by layer (indices): each layer reads only earlier ones.
    #[serde(skip)]
    pub layers: Vec<Vec<usize>>,
}

pub struct PlanOptions<'a> {
    pub dialect: hir::syntax::Dialect,
    pub vars: &'a BTreeMap<String, String>,
    /// Write (and read between models) the `<table>_rocky_shadow` tables.
    pub shadow: bool,
}

/// The window a model's query is bound with, `start`/`end` standing for each run's bounds:
/// only a time-partitioned model has one (`@start_date` elsewhere is E028).
pub fn window_of(strategy: &Materialization, start: &str, end: &str) -> Option<Window> {
    matches!(strategy, Materialization::TimeInterval { .. })
        .then(|| Window { start: start.to_owned(), end: end.to_owned() })
}

/// Builds the plan of every model. A model with compile errors, an incomplete strategy or
/// SQL that cannot be bound gets an `error` (it fails, its dependents are skipped); the
/// others are unaffected.
pub fn build(db: &dyn Db, pm: &ProjectModel, dag: &ModelDag, opts: &PlanOptions<'_>) -> Plan {
    let renderer = Renderer { db, pm, dialect: opts.dialect, vars: opts.vars, shadow: opts.shadow };
    let mut models = Vec::with_capacity(pm.models.len());
    for (i, m) in pm.models.iter().enumerate() {
        let target_sql = renderer.target(i);
        let strategy = Materialization::from_strategy(&m.config.effective_strategy());
        // The model's own findings and its strategy's; a broken contract does not stop a
        // build (compile reports it, `rocky test` checks it against the built table).
        let errors: Vec<String> = hir::model::model_diagnostics(db, m.file)
            .iter()
            .chain(&hir::strategy_check::strategy_check(db, m.file))
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{}: {}", d.code.as_str(), d.message))
            .collect();
        let window = strategy.as_ref().ok().and_then(|s| window_of(s, WINDOW_START, WINDOW_END));
        let sql = if strategy.is_ok() { Some(renderer.select(i, window.as_ref())) } else { None };
        let error = if !errors.is_empty() {
            Some(format!("the model does not compile: {}", errors.join("; ")))
        } else if let Err(e) = &strategy {
            Some(e.clone())
        } else if let Err(e) = &target_sql {
            Some(e.to_string())
        } else if let Some(Err(e)) = &sql {
            Some(format!("{e:#}"))
        } else {
            None
        };
        let upstream = dag.upstream.get(i).cloned().unwrap_or_default();
        let sig = hir::model::model_signature(db, m.file);
        let signature = (!sig.open).then(|| {
            sig.columns.iter().map(|c| (c.name.as_str().to_owned(), c.ty.clone())).collect()
        });
        let freshness_column = m
            .config
            .freshness
            .as_ref()
            .and_then(|f| f.time_column.as_ref())
            .map(|c| c.value.clone())
            .or_else(|| m.config.effective_strategy().time_column().map(|c| c.value.clone()));
        models.push(ModelPlan {
            name: m.name.clone(),
            target: renderer.target_parts(i).join("."),
            target_sql: target_sql.unwrap_or_default(),
            target_parts: renderer.target_parts(i),
            strategy: strategy.ok(),
            depends_on: upstream.iter().map(|&u| pm.models[u].name.clone()).collect(),
            upstream,
            sql: sql.and_then(Result::ok),
            error,
            signature,
            freshness_column,
        });
    }
    Plan { models, layers: dag.layers.clone() }
}

/// The partitions of a time-partitioned model a run selects.
#[derive(Debug, Clone, Default)]
pub struct PartitionSelection {
    /// `--partition KEY` (repeatable).
    pub keys: Vec<String>,
    /// `--from A --to B`, both included.
    pub from: Option<String>,
    pub to: Option<String>,
    /// `--latest`: the partition holding now.
    pub latest: bool,
    /// `--missing`: every partition from `first_partition` (else the first computed one)
    /// to now that is not computed.
    pub missing: bool,
    /// `--lookback N`, overriding the model's `lookback`.
    pub lookback: Option<u64>,
}

/// The partitions to compute, oldest first: the selection plus `lookback` earlier ones.
/// With no selection: every partition not yet computed up to now (as `--missing`) when the
/// model has a `first_partition` or a history, else the latest one.
pub fn select_partitions(
    g: Granularity,
    first_partition: Option<&str>,
    lookback: u64,
    sel: &PartitionSelection,
    computed: &std::collections::BTreeSet<String>,
    known: &[String],
    now: chrono::NaiveDateTime,
) -> anyhow::Result<Vec<partition::Partition>> {
    let mut starts = std::collections::BTreeSet::new();
    for k in &sel.keys {
        starts.insert(partition::parse(g, k)?);
    }
    match (&sel.from, &sel.to) {
        (Some(f), Some(t)) => {
            for p in partition::range(g, partition::parse(g, f)?, partition::parse(g, t)?)? {
                starts.insert(p.start);
            }
        }
        (Some(_), None) | (None, Some(_)) => anyhow::bail!("`--from` and `--to` go together"),
        (None, None) => {}
    }
    if sel.latest {
        starts.insert(partition::floor(g, now));
    }
    let nothing_chosen = starts.is_empty() && !sel.latest;
    if sel.missing || nothing_chosen {
        let first = match first_partition {
            Some(f) => Some(partition::parse(g, f)?),
            None => known.iter().filter_map(|k| partition::parse(g, k).ok()).min(),
        };
        match first {
            Some(first) => {
                for p in partition::range(g, first, now)? {
                    if !computed.contains(&p.key) {
                        starts.insert(p.start);
                    }
                }
            }
            None => {
                starts.insert(partition::floor(g, now));
            }
        }
    }
    let lookback = sel.lookback.unwrap_or(lookback);
    let chosen: Vec<_> = starts.iter().copied().collect();
    for s in chosen {
        let mut at = s;
        for _ in 0..lookback {
            at = partition::prev(g, at);
            starts.insert(at);
        }
    }
    if starts.len() > partition::MAX_PARTITIONS {
        anyhow::bail!(
            "the run selects more than {} partitions; narrow it",
            partition::MAX_PARTITIONS
        );
    }
    Ok(starts.into_iter().map(|s| partition::partition(g, s)).collect())
}
