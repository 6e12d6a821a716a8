//! The editor API: `AnalysisHost`, `Analysis` snapshots and one module per IDE feature.
//!
//! Everything here answers in plain data with byte offsets, never LSP types.

pub use hir;
