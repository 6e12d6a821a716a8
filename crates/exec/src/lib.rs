//! Plans and warehouses: per-model plans, SQL generation per strategy, adapters, state store.

pub mod discover;

pub use hir;
