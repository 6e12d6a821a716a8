//! Plans and warehouses: per-model plans, SQL generation per strategy, the embedded
//! DuckDB warehouse, the state store and runs.

pub mod checks;
pub mod compare;
pub mod discover;
pub mod drift;
pub mod duckdb;
pub mod model_tests;
pub mod partition;
pub mod plan;
pub mod quote;
pub mod relations;
pub mod render;
pub mod run;
pub mod sql_gen;
pub mod state;
pub mod steps;
pub mod test_run;
pub mod unit_tests;

pub use hir;
