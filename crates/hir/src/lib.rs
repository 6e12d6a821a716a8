//! The salsa query database: project inputs, model DAG, name resolution, types, lineage.
//!
//! Inputs (`input.rs`) are set by the edges (the CLI and the language server read files and
//! the environment); every analysis is a tracked query over them, from `parse(file)` to
//! `file_diagnostics(file)`. The crate does no IO and never panics on user input: broken
//! SQL, TOML or project layouts are diagnostics.

pub mod body;
pub mod builtins;
pub mod catalog_snapshot;
pub mod check;
pub mod config;
pub mod contract_check;
pub mod dag;
pub mod db;
pub mod diagnostics;
pub mod facts;
pub mod input;
pub mod lineage;
pub mod model;
pub mod name;
pub mod pipeline;
pub mod project;
pub mod resolve;
pub mod scan;
pub mod signature;
pub mod sources;
pub mod strategy_check;
mod thread_memo;
pub mod ty;

pub use syntax;

pub use crate::{
    db::{Db, RootDatabase},
    diagnostics::{Code, Diagnostic, Related, Severity},
    input::{FileKind, SourceFile, Workspace},
    name::Name,
};

#[cfg(test)]
mod tests;
