//! What one model's next run does, given what the warehouse holds: the action and the
//! statements (one transaction). `run` executes them; `plan` shows them.

use chrono::NaiveDateTime;
use hir::syntax::Dialect;

use crate::{
    duckdb::Relation,
    plan::{Materialization, ModelPlan},
    sql_gen::{self, Step},
};

pub struct Decided {
    /// `created`, `replaced`, `view`, `inserted`, `merged`, `replaced partitions`,
    /// `snapshot`, `inlined`, `partitions`.
    pub action: &'static str,
    pub step: Step,
}

/// The step of every materialization but the time-partitioned ones, whose windows the
/// runner makes (only the empty table they start from is here). `merge_columns` gives
/// the target's non-key columns when `update_columns` is absent.
pub fn decide(
    m: &ModelPlan,
    existing: Option<Relation>,
    merge_columns: &dyn Fn() -> anyhow::Result<Vec<String>>,
    now: NaiveDateTime,
) -> anyhow::Result<Decided> {
    if let Some(e) = &m.error {
        anyhow::bail!("{e}");
    }
    let (Some(strategy), Some(sql)) = (&m.strategy, &m.sql) else {
        anyhow::bail!("the model has no query to run");
    };
    let target = &m.target_sql;
    let exists = existing == Some(Relation::Table);
    // A model whose materialization changed between table and view: drop the other kind.
    let mut step: Step = match (strategy, existing) {
        (Materialization::View, Some(Relation::Table)) => vec![format!("DROP TABLE {target}")],
        (Materialization::View | Materialization::Ephemeral, _)
        | (_, None | Some(Relation::Table)) => Vec::new(),
        (_, Some(Relation::View)) => vec![format!("DROP VIEW {target}")],
    };
    let create = sql_gen::replace_table(target, sql);
    let action = match strategy {
        Materialization::Ephemeral => return Ok(Decided { action: "inlined", step: Vec::new() }),
        Materialization::MaterializedView => {
            anyhow::bail!(
                "{}",
                sql_gen::materialized_view(target, sql, Dialect::DuckDb).err().unwrap_or_default()
            )
        }
        Materialization::DynamicTable { target_lag } => anyhow::bail!(
            "{}",
            sql_gen::dynamic_table(target, sql, target_lag, None, Dialect::DuckDb)
                .err()
                .unwrap_or_default()
        ),
        Materialization::View => {
            step.extend(sql_gen::replace_view(target, sql));
            "view"
        }
        Materialization::FullRefresh => {
            step.extend(create);
            if exists { "replaced" } else { "created" }
        }
        Materialization::TimeInterval { .. } => "partitions",
        _ if !exists => {
            step.extend(match strategy {
                Materialization::Snapshot { updated_at, .. } => {
                    sql_gen::snapshot_create(target, sql, updated_at)?
                }
                _ => create,
            });
            "created"
        }
        Materialization::Incremental { timestamp_column } => {
            step.extend(sql_gen::incremental_insert(target, sql, timestamp_column)?);
            "inserted"
        }
        Materialization::Merge { unique_key, update_columns } => {
            let cols = match update_columns {
                Some(c) => c.clone(),
                None => merge_columns()?
                    .into_iter()
                    .filter(|c| !unique_key.iter().any(|k| k.eq_ignore_ascii_case(c)))
                    .collect(),
            };
            step.extend(sql_gen::merge(target, sql, unique_key, &cols)?);
            "merged"
        }
        Materialization::DeleteInsert { partition_by } => {
            step.extend(sql_gen::delete_insert(target, sql, partition_by)?);
            "replaced partitions"
        }
        Materialization::Snapshot { unique_key, updated_at, invalidate_hard_deletes } => {
            let now = format!("TIMESTAMP '{}'", now.format("%Y-%m-%d %H:%M:%S%.6f"));
            step.extend(sql_gen::snapshot_apply(
                target,
                sql,
                unique_key,
                updated_at,
                *invalidate_hard_deletes,
                &now,
            )?);
            "snapshot"
        }
    };
    Ok(Decided { action, step })
}
