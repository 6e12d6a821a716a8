//! The language server edge: LSP and JSON-RPC over stdio, converting to and from `ide`.

pub use ide;
