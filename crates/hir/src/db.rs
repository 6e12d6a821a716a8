//! The database trait the queries are written against, and the one concrete database.

use std::sync::{Arc, Mutex};

/// The database every hir query takes. Nothing beyond salsa's own storage: all state is
/// in inputs, so an `Analysis` snapshot is just a clone.
#[salsa::db]
pub trait Db: salsa::Database {}

/// The database of the CLI and the language server (wrapped by `ide::AnalysisHost`).
#[salsa::db]
#[derive(Clone)]
pub struct RootDatabase {
    storage: salsa::Storage<Self>,
    /// The names of the queries salsa executed, when `enable_execution_log` asked for them
    /// (the incrementality tests read it).
    log: Option<Arc<Mutex<Vec<String>>>>,
}

impl Default for RootDatabase {
    fn default() -> Self {
        RootDatabase { storage: salsa::Storage::new(None), log: None }
    }
}

impl RootDatabase {
    /// A database that records every query execution (`WillExecute` events), for tests of
    /// what an edit re-runs.
    pub fn with_execution_log() -> Self {
        let log: Arc<Mutex<Vec<String>>> = Arc::default();
        let sink = Arc::clone(&log);
        let storage = salsa::Storage::new(Some(Box::new(move |event: salsa::Event| {
            if let salsa::EventKind::WillExecute { database_key } = event.kind
                && let Ok(mut log) = sink.lock()
            {
                log.push(format!("{database_key:?}"));
            }
        })));
        RootDatabase { storage, log: Some(log) }
    }

    /// The executions recorded since the last call (empty without an execution log).
    pub fn take_execution_log(&self) -> Vec<String> {
        match &self.log {
            Some(log) => log.lock().map(|mut l| std::mem::take(&mut *l)).unwrap_or_default(),
            None => Vec::new(),
        }
    }
}

#[salsa::db]
impl salsa::Database for RootDatabase {}

#[salsa::db]
impl Db for RootDatabase {}
