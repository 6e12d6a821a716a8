//! The table of diagnostic codes (FORMAT.md §7): one row per code, one meaning per code.
//! Every code here is triggered by at least one snapshot under `test_data/` (checked by
//! `every_code_in_the_table_is_in_a_snapshot` in `crates/cli/tests/projects.rs`).

use super::Severity;

macro_rules! codes {
    ($($code:ident $sev:ident $summary:literal,)*) => {
        /// A stable diagnostic code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $($code,)* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$code,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$code => stringify!($code),)* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $(Code::$code => Severity::$sev,)* }
            }

            /// One line saying what the code means (the diagnostics table).
            pub fn summary(self) -> &'static str {
                match self { $(Code::$code => $summary,)* }
            }
        }
    };
}

codes! {
    // ---- project configuration (`rocky validate`) ----
    V001 Error "a TOML file does not parse",
    V002 Error "`${VAR}` names an unset environment variable and has no default",
    V003 Warning "unknown configuration key",
    V004 Error "a configuration value has the wrong type or an invalid value",
    V005 Error "a required configuration key is missing",
    V006 Error "a file cannot be read as UTF-8 text",
    V007 Error "the models folder holds no models",
    V008 Error "a SQL model has neither a sidecar nor frontmatter",
    V009 Error "a model's target resolves no catalog or schema",
    V010 Error "a config group named by a model does not exist",
    V011 Error "a pipeline names an adapter or pipeline that is not defined",
    V012 Error "an adapter, pipeline or section is defined twice, under its name and its alias",
    V013 Error "a `---toml` frontmatter block is never closed",
    // ---- contracts ----
    E010 Error "a column the contract requires is missing from the model",
    E011 Error "a column's inferred type does not meet the contract's type",
    E012 Error "a column the contract promises non-nullable is inferred nullable",
    E013 Error "a protected column is gone from the model",
    W010 Warning "a column the contract lists (not required) is absent from the model",
    W011 Warning "a contract names a model that does not exist",
    // ---- types ----
    E001 Error "a comparison or join mixes types that have no common supertype",
    W001 Warning "a join key is compared across types, through a cast on every row",
    W002 Warning "`SELECT *` over a relation whose columns are unknown",
    I001 Info "what a `SELECT *` of the model's output expands to",
    I002 Info "some of the model's output columns are typed Unknown",
    // ---- strategies ----
    E020 Error "a strategy's time column is not a column of the model's output",
    E021 Error "a strategy's time column is not a DATE or TIMESTAMP",
    E024 Error "a time-partitioned query reads neither `@start_date` nor `@end_date`",
    E025 Error "hourly partitions need a TIMESTAMP time column, not a DATE",
    E026 Error "`first_partition` is not a partition of the strategy's granularity",
    W003 Warning "a time-partitioned query reads only one of `@start_date` / `@end_date`",
    W006 Warning "a merge `unique_key` is not a column of the model's output",
    // ---- the same target twice ----
    E036 Error "two models write the same table",
    // ---- syntax ----
    E100 Error "syntax error",
    E101 Error "a `.rocky` pipeline step is out of place (`from` not first, an unnamed derived column, ...)",
    // ---- names ----
    E120 Error "unknown column",
    E121 Error "ambiguous column",
    E122 Error "unknown table or alias",
    E123 Error "unknown model or source",
    E124 Error "a name is defined twice in one scope",
    E125 Error "a GROUP BY or ORDER BY position is out of range",
    E126 Error "an alias list names more columns than the relation has",
    // ---- typing ----
    E140 Error "a function is called with a wrong number of arguments",
    E141 Error "a column is neither grouped nor aggregated in an aggregating SELECT",
    E142 Error "an aggregate function where SQL forbids one (WHERE, GROUP BY, a join condition)",
    E143 Error "a window function where SQL forbids one (WHERE, GROUP BY, HAVING)",
    E144 Error "the sides of a set operation have different numbers of columns",
    W100 Warning "a function the dialect's catalog does not know",
    // ---- project and DAG ----
    E170 Error "dependency cycle between models",
    E171 Error "two models have the same name",
    D011 Warning "depends_on misses a model the SQL references",
}
