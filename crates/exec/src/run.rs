//! `rocky run`: the plan's layers in order, the models of a layer on `concurrency`
//! connections; a failed model skips its dependents and the run goes on. Every model's
//! progress, every partition's state and each incremental model's watermark go to the
//! state store as they happen, so `--resume-latest` can continue a run that was killed.

use std::{
    collections::{BTreeMap, BTreeSet},
    sync::{
        Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::Instant,
};

use anyhow::Context;
use chrono::NaiveDateTime;
use duckdb::Connection;
use hir::syntax::Dialect;
use serde::Serialize;

use crate::{
    duckdb::{self as wh, Relation, Warehouse},
    partition,
    plan::{Materialization, ModelPlan, PartitionSelection, Plan, select_partitions},
    relations::Relations,
    render::Window,
    sql_gen,
    state::{
        self, PartitionRecord, PartitionStatus, ProgressStatus, RunRecord, StateStore, Watermark,
    },
    steps,
};

pub struct RunOptions {
    /// Models to run (indices); `None`: every model.
    pub only: Option<BTreeSet<usize>>,
    pub partitions: PartitionSelection,
    /// Partitions of one model computed at once (`--parallel N`).
    pub parallel: usize,
    /// Models of one layer run at once (`[execution] concurrency`).
    pub concurrency: usize,
    pub resume_latest: bool,
    /// The run's clock (UTC): `--latest`, `--missing` and hard-delete times read it.
    pub now: NaiveDateTime,
    /// Draw a progress bar on stderr.
    pub progress: bool,
    /// The transformation pipeline's `[checks]`, run after each model.
    pub checks: Option<hir::config::ChecksConfig>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Succeeded,
    Failed,
    /// An upstream failed.
    Skipped,
    /// Succeeded in the run being resumed.
    AlreadyDone,
    /// Not selected by `--model`.
    NotSelected,
}

#[derive(Debug, Clone, Serialize)]
pub struct PartitionRun {
    pub key: String,
    pub status: PartitionStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ModelRun {
    pub name: String,
    pub target: String,
    pub strategy: String,
    pub status: Status,
    /// What was done: `created`, `replaced`, `inserted`, `merged`, `partitions`, ...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Rows the step changed (inserted, merged, ...), where the warehouse says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows_changed: Option<u64>,
    /// Rows in the target afterwards (tables only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<u64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub partitions: Vec<PartitionRun>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watermark: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<crate::checks::CheckResult>,
    /// Schema drift found before the run, and what was done about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub drift: Option<crate::drift::Drift>,
    pub elapsed_ms: u128,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RunReport {
    pub run_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resumed_from: Option<String>,
    /// `success`, `checks_failed` (every model ran, a check failed), `partial` (some
    /// failed or were skipped), `failed` (nothing succeeded).
    pub status: &'static str,
    pub models: Vec<ModelRun>,
}

impl RunReport {
    pub fn count(&self, s: Status) -> usize {
        self.models.iter().filter(|m| m.status == s).count()
    }
}

/// Runs `plan` on the warehouse.
pub fn run(
    plan: &Plan,
    warehouse: &Warehouse,
    store: &StateStore,
    opts: &RunOptions,
) -> anyhow::Result<RunReport> {
    let started = chrono::Utc::now();
    let run_id = state::new_run_id(started);
    let resumed = if opts.resume_latest { resumable(store)? } else { None };
    let resumed_from = resumed.as_ref().map(|(id, _)| id.clone());
    let done: BTreeSet<String> = resumed.map(|(_, d)| d).unwrap_or_default();
    store.put(
        state::RUN_HISTORY,
        &run_id,
        &RunRecord {
            started_at: started.to_rfc3339(),
            finished_at: None,
            status: "running".into(),
            resumed_from: resumed_from.clone(),
            models: plan.models.len(),
            succeeded: 0,
            failed: 0,
            skipped: 0,
        },
        true,
    )?;
    let snapshot: Vec<serde_json::Value> = plan
        .models
        .iter()
        .map(|m| serde_json::json!({ "name": m.name, "target": m.target, "depends_on": m.depends_on }))
        .collect();
    store.put(state::DAG_SNAPSHOTS, &run_id, &snapshot, false)?;

    let runnable = |i: usize| opts.only.as_ref().is_none_or(|o| o.contains(&i));
    warehouse.prepare_targets(
        plan.models
            .iter()
            .enumerate()
            .filter(|&(i, m)| {
                runnable(i) && m.error.is_none() && m.strategy != Some(Materialization::Ephemeral)
            })
            .map(|(_, m)| &m.target_parts),
    )?;

    let bar = opts.progress.then(|| {
        let n = plan.models.iter().enumerate().filter(|&(i, _)| runnable(i)).count();
        let bar = indicatif::ProgressBar::new(n as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} models {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let relations = Relations::load(&warehouse.conn)?;
    let mut results: Vec<Option<ModelRun>> = vec![None; plan.models.len()];
    let cx = Cx { plan, store, opts, run_id: &run_id, relations: &relations };
    for layer in &plan.layers {
        let mut todo = Vec::new();
        for &i in layer {
            let m = &plan.models[i];
            let failed_upstream = m.upstream.iter().find(|&&u| {
                results[u]
                    .as_ref()
                    .is_some_and(|r| matches!(r.status, Status::Failed | Status::Skipped))
            });
            let quick =
                |status, error: Option<String>| ModelRun { error, ..ModelRun::new(m, status) };
            results[i] = Some(if !runnable(i) {
                quick(Status::NotSelected, None)
            } else if let Some(&u) = failed_upstream {
                let r = quick(
                    Status::Skipped,
                    Some(format!("upstream `{}` did not run", plan.models[u].name)),
                );
                cx.progress(&m.name, ProgressStatus::Skipped)?;
                r
            } else if done.contains(&m.name) {
                quick(Status::AlreadyDone, None)
            } else {
                todo.push(i);
                continue;
            });
            if let (Some(b), true) = (&bar, runnable(i)) {
                b.inc(1);
            }
        }
        let next = AtomicUsize::new(0);
        let out = Mutex::new(Vec::new());
        let workers = opts.concurrency.clamp(1, todo.len().max(1));
        std::thread::scope(|s| -> anyhow::Result<()> {
            let mut handles = Vec::new();
            for _ in 0..workers {
                let conn = warehouse.conn.try_clone()?;
                let (next, out, todo, cx, bar) = (&next, &out, &todo, &cx, &bar);
                handles.push(s.spawn(move || {
                    loop {
                        let k = next.fetch_add(1, Ordering::SeqCst);
                        let Some(&i) = todo.get(k) else { break };
                        let r = cx.model(&conn, i);
                        if let Some(b) = bar {
                            b.set_message(r.name.clone());
                            b.inc(1);
                        }
                        out.lock().unwrap_or_else(|p| p.into_inner()).push((i, r));
                    }
                }));
            }
            for h in handles {
                if h.join().is_err() {
                    anyhow::bail!("a worker thread panicked");
                }
            }
            Ok(())
        })?;
        for (i, r) in out.into_inner().unwrap_or_else(|p| p.into_inner()) {
            results[i] = Some(r);
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    // In execution order: layer by layer, by name within a layer.
    let mut slots: Vec<Option<ModelRun>> = results;
    let models: Vec<ModelRun> = plan
        .layers
        .iter()
        .flat_map(|layer| {
            let mut l: Vec<ModelRun> = layer.iter().filter_map(|&i| slots[i].take()).collect();
            l.sort_by(|a, b| a.name.cmp(&b.name));
            l
        })
        .filter(|r| r.status != Status::NotSelected)
        .collect();
    let mut report = RunReport { run_id: run_id.clone(), resumed_from, status: "success", models };
    let (ok, failed, skipped) = (
        report.count(Status::Succeeded) + report.count(Status::AlreadyDone),
        report.count(Status::Failed),
        report.count(Status::Skipped),
    );
    let checks_failed = report.models.iter().any(|m| m.checks.iter().any(|c| !c.passed));
    report.status = if failed + skipped == 0 && checks_failed {
        "checks_failed"
    } else if failed + skipped == 0 {
        "success"
    } else if ok == 0 {
        "failed"
    } else {
        "partial"
    };
    // The one durable commit that also persists every progress record before it.
    store.put(
        state::RUN_HISTORY,
        &run_id,
        &RunRecord {
            started_at: started.to_rfc3339(),
            finished_at: Some(chrono::Utc::now().to_rfc3339()),
            status: report.status.into(),
            resumed_from: report.resumed_from.clone(),
            models: report.models.len(),
            succeeded: ok,
            failed,
            skipped,
        },
        true,
    )?;
    Ok(report)
}

/// The newest run that did not finish cleanly and the models it completed.
fn resumable(store: &StateStore) -> anyhow::Result<Option<(String, BTreeSet<String>)>> {
    let Some((id, record)) = store.latest_run()? else { return Ok(None) };
    if record.status == "success" {
        return Ok(None);
    }
    // What that run had itself resumed counts as done too.
    let mut done = BTreeSet::new();
    for run in std::iter::once(&id).chain(record.resumed_from.as_ref()) {
        let progress = progress_of(store, run)?;
        done.extend(
            progress.into_iter().filter(|(_, s)| *s == ProgressStatus::Succeeded).map(|(m, _)| m),
        );
    }
    Ok(Some((id, done)))
}

impl ModelRun {
    fn new(m: &ModelPlan, status: Status) -> ModelRun {
        ModelRun {
            name: m.name.clone(),
            target: m.target.clone(),
            strategy: m.strategy.as_ref().map_or("unknown", Materialization::name).to_owned(),
            status,
            action: None,
            rows_changed: None,
            rows: None,
            partitions: Vec::new(),
            watermark: None,
            checks: Vec::new(),
            drift: None,
            elapsed_ms: 0,
            error: None,
        }
    }
}

struct Cx<'a> {
    plan: &'a Plan,
    store: &'a StateStore,
    opts: &'a RunOptions,
    run_id: &'a str,
    relations: &'a Relations,
}

/// What one model's execution produced.
#[derive(Default)]
struct Outcome {
    action: String,
    rows_changed: Option<u64>,
    partitions: Vec<PartitionRun>,
    watermark: Option<String>,
    /// Set when some partitions failed (the others were kept).
    partial_error: Option<String>,
}

impl Cx<'_> {
    fn progress(&self, model: &str, status: ProgressStatus) -> anyhow::Result<()> {
        self.store.put(state::RUN_PROGRESS, &state::key(&[self.run_id, model]), &status, false)
    }

    fn model(&self, conn: &Connection, i: usize) -> ModelRun {
        let m = &self.plan.models[i];
        let started = Instant::now();
        let mut r = ModelRun::new(m, Status::Succeeded);
        let result = self.progress(&m.name, ProgressStatus::Running).and_then(|()| {
            let existing = self.apply_drift(conn, m, &mut r)?;
            self.execute(conn, m, existing)
        });
        // What the step made of the target: known when it committed, asked otherwise.
        let result = match (result, &m.strategy) {
            (result, Some(Materialization::Ephemeral)) => result,
            (Ok(o), strategy) if o.partial_error.is_none() => {
                let kind = match strategy {
                    Some(Materialization::View) => Relation::View,
                    _ => Relation::Table,
                };
                self.relations.set(&m.target_parts, Some(kind));
                Ok(o)
            }
            (result, _) => {
                let refreshed = self.relations.refresh(conn, &m.target_parts);
                result.and_then(|o| refreshed.map(|()| o))
            }
        };
        match result {
            Ok(o) => {
                r.action = Some(o.action);
                r.rows_changed = o.rows_changed;
                r.partitions = o.partitions;
                r.watermark = o.watermark;
                if let Some(e) = o.partial_error {
                    r.status = Status::Failed;
                    r.error = Some(e);
                }
                if !matches!(m.strategy, Some(Materialization::Ephemeral | Materialization::View)) {
                    // `CREATE OR REPLACE TABLE .. AS` reports the rows it wrote: the table.
                    r.rows = match (&m.strategy, r.rows_changed) {
                        (Some(Materialization::FullRefresh), Some(n)) => Some(n),
                        _ => count_rows(conn, &m.target_sql),
                    };
                    if let Some(cfg) = &self.opts.checks {
                        r.checks = crate::checks::run(
                            conn,
                            self.store,
                            m,
                            r.rows,
                            cfg,
                            self.run_id,
                            self.opts.now,
                        );
                        let failed: Vec<&str> = r
                            .checks
                            .iter()
                            .filter(|c| !c.passed)
                            .map(|c| c.name.as_str())
                            .collect();
                        if !failed.is_empty() && cfg.fail_on_error == Some(true) {
                            r.status = Status::Failed;
                            r.error = Some(format!("checks failed: {}", failed.join(", ")));
                        }
                    }
                }
            }
            Err(e) => {
                r.status = Status::Failed;
                r.error = Some(format!("{e:#}"));
            }
        }
        let status = if r.status == Status::Succeeded {
            ProgressStatus::Succeeded
        } else {
            ProgressStatus::Failed
        };
        if let Err(e) = self.progress(&m.name, status) {
            r.status = Status::Failed;
            r.error.get_or_insert_with(|| format!("cannot record progress: {e:#}"));
        }
        r.elapsed_ms = started.elapsed().as_millis();
        r
    }

    /// Applies the model's schema drift before it runs: ALTERs for safe changes, a drop
    /// (so the run builds it afresh) for unsafe ones. Returns what the target is now.
    fn apply_drift(
        &self,
        conn: &Connection,
        m: &ModelPlan,
        r: &mut ModelRun,
    ) -> anyhow::Result<Option<Relation>> {
        let existing = self.relations.get(&m.target_parts);
        // A full refresh replaces the table with the query's columns: nothing to reconcile,
        // and asking DuckDB for the table's columns would cost more than the model.
        if m.error.is_some() || matches!(m.strategy, Some(Materialization::FullRefresh)) {
            return Ok(existing);
        }
        let Some(drift) = crate::drift::detect(conn, m, existing)? else { return Ok(existing) };
        let mut now = existing;
        match drift.action {
            "alter" => {
                wh::execute_step(conn, &drift.statements)
                    .map_err(|e| e.context("cannot apply the schema drift"))?;
            }
            "full_refresh" => {
                if matches!(m.strategy, Some(Materialization::TimeInterval { .. })) {
                    // Every partition must be computed again into the new table.
                    for (k, _) in self.store.partitions(&m.name)? {
                        self.store.put(
                            state::PARTITIONS,
                            &state::key(&[&m.name, &k]),
                            &PartitionRecord {
                                status: PartitionStatus::Failed,
                                run_id: self.run_id.to_owned(),
                                updated_at: now_text(),
                                rows: None,
                                error: Some(
                                    "dropped by a full refresh after an unsafe schema change"
                                        .into(),
                                ),
                            },
                            false,
                        )?;
                    }
                }
                wh::execute_step(conn, &[format!("DROP TABLE {}", m.target_sql)])?;
                now = None;
            }
            _ => {}
        }
        r.drift = Some(drift);
        Ok(now)
    }

    fn execute(
        &self,
        conn: &Connection,
        m: &ModelPlan,
        existing: Option<Relation>,
    ) -> anyhow::Result<Outcome> {
        let merge_columns =
            || Ok(wh::columns(conn, &m.target_parts)?.into_iter().map(|(c, _, _)| c).collect());
        let decided = steps::decide(m, existing, &merge_columns, self.opts.now)?;
        let mut out = Outcome { action: decided.action.to_owned(), ..Outcome::default() };
        match &m.strategy {
            Some(Materialization::Ephemeral) => return Ok(out),
            Some(Materialization::TimeInterval { .. }) => {
                return self.time_interval(
                    conn,
                    m,
                    decided.step,
                    existing == Some(Relation::Table),
                );
            }
            _ => {}
        }
        out.rows_changed = Some(wh::execute_step(conn, &decided.step)? as u64);
        if let Some(Materialization::Incremental { timestamp_column }) = &m.strategy {
            // The watermark is the table's own maximum, read after the commit: the store
            // records it, the next run's INSERT reads the table again.
            let ts = crate::quote::ident(timestamp_column, Dialect::DuckDb)?;
            let value = wh::scalar(
                conn,
                &format!("SELECT CAST(max({ts}) AS VARCHAR) FROM {}", m.target_sql),
            )?;
            self.store.put(
                state::WATERMARKS,
                &m.name,
                &Watermark {
                    value: value.clone(),
                    run_id: self.run_id.to_owned(),
                    updated_at: now_text(),
                },
                false,
            )?;
            out.watermark = value;
        }
        Ok(out)
    }

    fn time_interval(
        &self,
        conn: &Connection,
        m: &ModelPlan,
        mut step: Vec<String>,
        exists: bool,
    ) -> anyhow::Result<Outcome> {
        let Some(Materialization::TimeInterval {
            time_column,
            granularity: g,
            lookback,
            batch_size,
            first_partition,
        }) = &m.strategy
        else {
            anyhow::bail!("not a time-partitioned model");
        };
        let g = *g;
        let (computed, known) = self.store.partition_sets(&m.name)?;
        let parts = select_partitions(
            g,
            first_partition.as_deref(),
            *lookback,
            &self.opts.partitions,
            &computed,
            &known,
            self.opts.now,
        )?;
        let window = |p: &partition::Partition, last: &partition::Partition| {
            Window::between(g, p.start, last.end)
        };
        let Some(first) = parts.first() else {
            return Ok(Outcome { action: "partitions".into(), ..Outcome::default() });
        };
        if !exists {
            let sql = m.sql_for_window(&window(first, first)).unwrap_or_default();
            step.extend(sql_gen::create_empty(&m.target_sql, &sql));
        }
        if !step.is_empty() {
            wh::execute_step(conn, &step)?;
        }
        // Consecutive partitions in batches of `batch_size`, each one transaction.
        let mut batches: Vec<Vec<&partition::Partition>> = Vec::new();
        for p in &parts {
            match batches.last_mut() {
                Some(b)
                    if b.len() < *batch_size as usize
                        && b.last().is_some_and(|l| l.end == p.start) =>
                {
                    b.push(p)
                }
                _ => batches.push(vec![p]),
            }
        }
        let results = Mutex::new(Vec::new());
        let next = AtomicUsize::new(0);
        let workers = self.opts.parallel.clamp(1, batches.len());
        std::thread::scope(|s| -> anyhow::Result<()> {
            let mut handles = Vec::new();
            for _ in 0..workers {
                let conn = conn.try_clone()?;
                let (next, results, batches) = (&next, &results, &batches);
                handles.push(s.spawn(move || {
                    loop {
                        let k = next.fetch_add(1, Ordering::SeqCst);
                        let Some(batch) = batches.get(k) else { break };
                        let r = self.batch(&conn, m, time_column, batch, &window);
                        results.lock().unwrap_or_else(|p| p.into_inner()).extend(r);
                    }
                }));
            }
            for h in handles {
                if h.join().is_err() {
                    anyhow::bail!("a partition worker panicked");
                }
            }
            Ok(())
        })?;
        let mut partitions = results.into_inner().unwrap_or_else(|p| p.into_inner());
        partitions.sort_by(|a: &PartitionRun, b| a.key.cmp(&b.key));
        let failed: Vec<&str> = partitions
            .iter()
            .filter(|p| p.status == PartitionStatus::Failed)
            .map(|p| p.key.as_str())
            .collect();
        let partial_error = (!failed.is_empty()).then(|| {
            let first_error = partitions.iter().find_map(|p| p.error.clone()).unwrap_or_default();
            format!(
                "{} of {} partitions failed ({}): {first_error}",
                failed.len(),
                partitions.len(),
                failed.join(", ")
            )
        });
        let rows_changed = partitions.iter().filter_map(|p| p.rows).sum();
        Ok(Outcome {
            action: "partitions".into(),
            rows_changed: Some(rows_changed),
            partitions,
            watermark: None,
            partial_error,
        })
    }

    /// One batch of consecutive partitions: marked in progress, replaced in one
    /// transaction, then marked computed (or failed).
    fn batch(
        &self,
        conn: &Connection,
        m: &ModelPlan,
        time_column: &str,
        batch: &[&partition::Partition],
        window: &dyn Fn(&partition::Partition, &partition::Partition) -> Window,
    ) -> Vec<PartitionRun> {
        let (Some(first), Some(last)) = (batch.first(), batch.last()) else { return Vec::new() };
        let record = |status, rows, error: Option<String>| PartitionRecord {
            status,
            run_id: self.run_id.to_owned(),
            updated_at: now_text(),
            rows,
            error,
        };
        let put = |p: &partition::Partition, r: &PartitionRecord| {
            self.store.put(state::PARTITIONS, &state::key(&[&m.name, &p.key]), r, false)
        };
        let w = window(first, last);
        let result = (|| -> anyhow::Result<usize> {
            for p in batch {
                put(p, &record(PartitionStatus::InProgress, None, None))?;
            }
            let sql = m.sql_for_window(&w).context("the model has no query")?;
            let step = sql_gen::replace_window(&m.target_sql, &sql, time_column, &w)?;
            let mut attempt = 0;
            loop {
                match wh::execute_step(conn, &step) {
                    // Parallel windows of one table can conflict in DuckDB's optimistic
                    // concurrency control; the step is idempotent, so try again.
                    Err(e) if attempt < 5 && e.to_string().contains("onflict") => attempt += 1,
                    other => return other,
                }
            }
        })();
        let mut out = Vec::new();
        for p in batch {
            let (status, rows, error) = match &result {
                // Rows of a batch are counted for the batch; each partition reports its own.
                Ok(_) => (PartitionStatus::Computed, count_window(conn, m, time_column, p), None),
                Err(e) => (PartitionStatus::Failed, None, Some(format!("{e:#}"))),
            };
            let r = record(status, rows, error.clone());
            let (status, error) = match put(p, &r) {
                Ok(()) => (status, error),
                Err(e) => {
                    (PartitionStatus::Failed, Some(format!("cannot record the partition: {e:#}")))
                }
            };
            out.push(PartitionRun { key: p.key.clone(), status, rows, error });
        }
        out
    }
}

fn count_window(
    conn: &Connection,
    m: &ModelPlan,
    time_column: &str,
    p: &partition::Partition,
) -> Option<u64> {
    let Some(Materialization::TimeInterval { granularity, .. }) = &m.strategy else { return None };
    let tc = crate::quote::ident(time_column, Dialect::DuckDb).ok()?;
    let w = Window::between(*granularity, p.start, p.end);
    let sql = format!(
        "SELECT count(*) FROM {} WHERE {tc} >= {} AND {tc} < {}",
        m.target_sql, w.start, w.end
    );
    conn.query_row(&sql, [], |r| r.get::<_, i64>(0)).ok().map(|n| n as u64)
}

fn count_rows(conn: &Connection, target: &str) -> Option<u64> {
    conn.query_row(&format!("SELECT count(*) FROM {target}"), [], |r| r.get::<_, i64>(0))
        .ok()
        .map(|n| n as u64)
}

fn now_text() -> String {
    chrono::Utc::now().to_rfc3339()
}

/// Per-model progress records of one run.
pub fn progress_of(
    store: &StateStore,
    run_id: &str,
) -> anyhow::Result<BTreeMap<String, ProgressStatus>> {
    let prefix = state::key(&[run_id, ""]);
    Ok(store
        .scan(state::RUN_PROGRESS, &prefix)?
        .into_iter()
        .filter_map(|(k, v)| {
            Some((k.strip_prefix(&prefix)?.to_owned(), serde_json::from_str(&v).ok()?))
        })
        .collect())
}
