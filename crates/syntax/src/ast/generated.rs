//! Output of `cargo xtask codegen`.

pub(crate) mod nodes;
