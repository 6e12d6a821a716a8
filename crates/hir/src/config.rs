//! Project configuration: `rocky.toml`, sidecars, `_defaults.toml`, groups,
//! `test_definitions.toml` and contracts, parsed from text into typed data plus
//! diagnostics (FORMAT.md §2, §3, §5). Pure functions: the queries in `project` call them.
