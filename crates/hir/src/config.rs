//! Project configuration: `rocky.toml`, sidecars, `_defaults.toml`, groups,
//! `test_definitions.toml` and contracts, parsed from text into typed data plus
//! diagnostics (FORMAT.md §2, §3, §5). Pure functions: the queries in `project` call them.
//!
//! Every function takes the file's text (and the environment, for `${VAR}`), never fails,
//! and returns diagnostics with `file: None` and byte ranges in the original text; the
//! caller fills in the file. Unknown keys warn (V003), wrong types are V004 and the value
//! is dropped, so one bad key never loses the rest of the file.
//!
//! Built-in defaults are not applied while parsing, so that merging can tell "unset" from
//! "set to the default"; see [`merge_model_config`] and the `effective_*` methods.

mod adapter;
mod contract;
mod env;
mod frontmatter;
mod model;
mod model_tests;
mod pipeline;
mod project;
mod reader;
mod small_map;
mod strategy;
mod toml_walk;

use std::fmt;
use std::hash::{Hash, Hasher};

use syntax::TextRange;

pub use self::{
    adapter::{Adapter, AdapterKind, DeclaredColumn, ManualTable, RetryConfig},
    contract::{Contract, ContractColumn, ContractRules, parse_contract},
    env::{OffsetMap, substitute_env},
    frontmatter::{Frontmatter, split_frontmatter},
    model::{
        ColumnConfig, ConfigLayer, DSL_FALLBACK_CATALOG, DSL_FALLBACK_SCHEMA, FreshnessConfig,
        ModelConfig, ModelConfigKind, SurrogateKey, TargetConfig, merge_model_config,
        parse_model_config, unresolved_target,
    },
    model_tests::{
        BUILTIN_TEST_TYPES, DeclarativeTest, ExpectedRows, GivenRows, Row, TestDefinition,
        TestDefinitions, TestKind, TestSeverity, UnitTest, parse_test_definitions,
    },
    pipeline::{
        ChecksConfig, Concurrency, CustomCheck, ExecutionConfig, FreshnessCheck, Governance,
        LoadFormat, MetadataColumn, NullRateCheck, Pipeline, PipelineKind, PipelineTable,
        QualityTable, ReplicationSource, ReplicationTarget, SchemaPattern,
    },
    project::{ProjectConfig, parse_project_config},
    small_map::SmallMap,
    strategy::{Granularity, Strategy},
    toml_walk::{TomlEntry, TomlTable, TomlValue},
};

/// A value and its range in the original file text.
#[derive(Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Spanned<T> {
    pub value: T,
    pub range: TextRange,
}

impl<T> Spanned<T> {
    pub fn new(value: T, range: TextRange) -> Spanned<T> {
        Spanned { value, range }
    }

    pub fn as_ref(&self) -> Spanned<&T> {
        Spanned { value: &self.value, range: self.range }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Spanned<U> {
        Spanned { value: f(self.value), range: self.range }
    }
}

impl Spanned<String> {
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// `value @ 3..8`: snapshots stay readable.
impl<T: fmt::Debug> fmt::Debug for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)?;
        write!(f, " @ {:?}", self.range)
    }
}

/// A credential from config. Its Debug prints `"***"`, so it can sit in query results,
/// logs and snapshots; read it with [`Secret::expose`] only where it is sent.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"***\"")
    }
}

/// A TOML float that can live in salsa results: equality and hashing by bits.
#[derive(Clone, Copy, serde::Serialize, serde::Deserialize)]
pub struct Float(pub f64);

impl PartialEq for Float {
    fn eq(&self, other: &Float) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}

impl Eq for Float {}

impl Hash for Float {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.to_bits().hash(state);
    }
}

impl fmt::Debug for Float {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
// Tests read their fixtures from `test_data/config`; the crate itself does no IO.
#[allow(clippy::disallowed_methods)]
mod tests;
