//! The state store (FORMAT.md §1: `models/.rocky-state.redb`): watermarks, partition
//! states, check / run / quality history, DAG snapshots and run progress, in redb tables
//! keyed by strings and holding JSON records, so `rocky state` can show any of them.
//!
//! The warehouse is the truth for data (an incremental model's watermark is re-read from
//! its table, a partition is rewritten whole), so the store never needs to commit
//! atomically with the warehouse: after a crash it lags, never leads, and the next run
//! reconciles it.

use std::path::{Path, PathBuf};

use anyhow::Context;
use redb::{Database, Durability, ReadableDatabase, ReadableTable, TableDefinition};
use serde::{Deserialize, Serialize};

type Table = TableDefinition<'static, &'static str, &'static str>;

pub const WATERMARKS: Table = TableDefinition::new("WATERMARKS");
pub const PARTITIONS: Table = TableDefinition::new("PARTITIONS");
pub const CHECK_HISTORY: Table = TableDefinition::new("CHECK_HISTORY");
pub const RUN_HISTORY: Table = TableDefinition::new("RUN_HISTORY");
pub const QUALITY_HISTORY: Table = TableDefinition::new("QUALITY_HISTORY");
pub const DAG_SNAPSHOTS: Table = TableDefinition::new("DAG_SNAPSHOTS");
pub const RUN_PROGRESS: Table = TableDefinition::new("RUN_PROGRESS");

pub const TABLES: [Table; 7] = [
    WATERMARKS,
    PARTITIONS,
    CHECK_HISTORY,
    RUN_HISTORY,
    QUALITY_HISTORY,
    DAG_SNAPSHOTS,
    RUN_PROGRESS,
];

/// Separates the parts of a composite key (model names cannot hold it: it is a control
/// character, which identifiers refuse).
pub const SEP: char = '\u{1f}';

pub fn key(parts: &[&str]) -> String {
    parts.join(&SEP.to_string())
}

/// Where a project keeps its store: `models/.rocky-state.redb`, or `./.rocky-state.redb`
/// when an older project already has one there and the new place holds none.
pub fn path_for(root: &Path) -> PathBuf {
    let new = root.join("models").join(".rocky-state.redb");
    let old = root.join(".rocky-state.redb");
    if !new.exists() && old.exists() { old } else { new }
}

/// The store of shadow runs, apart from production's: a shadow table has its own
/// watermarks and partitions.
pub fn shadow_path_for(root: &Path) -> PathBuf {
    root.join("models").join(".rocky-shadow-state.redb")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PartitionStatus {
    InProgress,
    Computed,
    Failed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartitionRecord {
    pub status: PartitionStatus,
    pub run_id: String,
    pub updated_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Watermark {
    /// The largest `timestamp_column` value in the table, as DuckDB prints it.
    pub value: Option<String>,
    pub run_id: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgressStatus {
    Running,
    Succeeded,
    Failed,
    Skipped,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunRecord {
    pub started_at: String,
    #[serde(default)]
    pub finished_at: Option<String>,
    /// `running` until the run ends; then `success`, `partial`, `failed`.
    pub status: String,
    #[serde(default)]
    pub resumed_from: Option<String>,
    #[serde(default)]
    pub models: usize,
    #[serde(default)]
    pub succeeded: usize,
    #[serde(default)]
    pub failed: usize,
    #[serde(default)]
    pub skipped: usize,
}

pub struct StateStore {
    db: Database,
    path: PathBuf,
}

impl StateStore {
    /// Opens (creating) the store. A second process holding it gets a clear error, not a
    /// corrupted file.
    pub fn open(path: &Path) -> anyhow::Result<StateStore> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create `{}`", dir.display()))?;
        }
        let db = Database::create(path).map_err(|e| match e {
            redb::DatabaseError::DatabaseAlreadyOpen => anyhow::anyhow!(
                "the state store `{}` is in use by another rocky process; wait for it to finish",
                path.display()
            ),
            e => anyhow::anyhow!("cannot open the state store `{}`: {e}", path.display()),
        })?;
        let store = StateStore { db, path: path.to_owned() };
        // Create every table up front so readers never meet a missing one.
        let txn = store.db.begin_write()?;
        for t in TABLES {
            txn.open_table(t)?;
        }
        txn.commit()?;
        Ok(store)
    }

    /// Writes `value` as JSON under `key`. `durable: false` is for progress records a
    /// crash may lose without harm (the work they record is idempotent); the next durable
    /// commit persists them too.
    pub fn put<T: Serialize>(
        &self,
        table: Table,
        key: &str,
        value: &T,
        durable: bool,
    ) -> anyhow::Result<()> {
        let json = serde_json::to_string(value)?;
        let mut txn = self.db.begin_write()?;
        if !durable {
            txn.set_durability(Durability::None)?;
        }
        {
            let mut t = txn.open_table(table)?;
            t.insert(key, json.as_str())?;
        }
        txn.commit()
            .with_context(|| format!("cannot write the state store `{}`", self.path.display()))?;
        Ok(())
    }

    pub fn get<T: for<'de> Deserialize<'de>>(
        &self,
        table: Table,
        key: &str,
    ) -> anyhow::Result<Option<T>> {
        let txn = self.db.begin_read()?;
        let t = txn.open_table(table)?;
        let Some(v) = t.get(key)? else { return Ok(None) };
        Ok(serde_json::from_str(v.value()).ok())
    }

    /// Every record of `table` whose key starts with `prefix`, in key order, as raw JSON.
    pub fn scan(&self, table: Table, prefix: &str) -> anyhow::Result<Vec<(String, String)>> {
        let txn = self.db.begin_read()?;
        let t = txn.open_table(table)?;
        let mut out = Vec::new();
        for entry in t.range(prefix..)? {
            let (k, v) = entry?;
            if !k.value().starts_with(prefix) {
                break;
            }
            out.push((k.value().to_owned(), v.value().to_owned()));
        }
        Ok(out)
    }

    /// Every partition record of `model`, by key.
    pub fn partitions(&self, model: &str) -> anyhow::Result<Vec<(String, PartitionRecord)>> {
        let prefix = key(&[model, ""]);
        Ok(self
            .scan(PARTITIONS, &prefix)?
            .into_iter()
            .filter_map(|(k, v)| {
                let part = k.strip_prefix(&prefix)?.to_owned();
                Some((part, serde_json::from_str(&v).ok()?))
            })
            .collect())
    }

    /// A model's computed partitions and every partition it has a record of, the inputs
    /// of [`crate::plan::select_partitions`].
    pub fn partition_sets(
        &self,
        model: &str,
    ) -> anyhow::Result<(std::collections::BTreeSet<String>, Vec<String>)> {
        let records = self.partitions(model)?;
        let computed = records
            .iter()
            .filter(|(_, r)| r.status == PartitionStatus::Computed)
            .map(|(k, _)| k.clone())
            .collect();
        Ok((computed, records.into_iter().map(|(k, _)| k).collect()))
    }

    /// The newest run, by id (ids sort by start time).
    pub fn latest_run(&self) -> anyhow::Result<Option<(String, RunRecord)>> {
        let txn = self.db.begin_read()?;
        let t = txn.open_table(RUN_HISTORY)?;
        let Some(last) = t.last()? else { return Ok(None) };
        let (k, v) = last;
        Ok(serde_json::from_str(v.value()).ok().map(|r| (k.value().to_owned(), r)))
    }
}

/// A run id that sorts by start time: `20261122T075012.123456Z` plus a counter-free
/// suffix of the process id, so two runs started in one microsecond still differ.
pub fn new_run_id(now: chrono::DateTime<chrono::Utc>) -> String {
    format!("{}-{}", now.format("%Y%m%dT%H%M%S%.6fZ"), std::process::id())
}
