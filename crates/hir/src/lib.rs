//! The salsa query database: project inputs, model DAG, name resolution, types, lineage.
//!
//! It will own every analysis of a project (ARCHITECTURE.md, `crates/hir`): inputs set by
//! the edges, tracked queries from `parse(file)` to `file_diagnostics(file)`. It does no IO.

pub use syntax;
