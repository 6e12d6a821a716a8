//! SQL dialects as data: what the lexer and the validation pass need to know about each.

use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub enum Dialect {
    #[default]
    DuckDb,
    Databricks,
    Snowflake,
    BigQuery,
    Ansi,
}

/// The facts about a dialect. The parser accepts the superset of all dialects; the
/// validation pass reports constructs a dialect lacks, using these flags.
#[derive(Clone, Copy, Debug)]
pub struct DialectInfo {
    pub name: &'static str,
    /// `"x"` is a string literal rather than a quoted identifier.
    pub double_quoted_strings: bool,
    /// `'it\'s'`: a backslash escapes the next character in string literals.
    pub backslash_escapes: bool,
    /// `` `x` `` quotes an identifier.
    pub backtick_identifiers: bool,
    /// `[x]` quotes an identifier (instead of being a list literal).
    pub bracket_identifiers: bool,
    /// `/* /* */ */` nests.
    pub nested_comments: bool,
    /// `[1, 2]`, `{'a': 1}`, `MAP {..}` literals.
    pub list_struct_literals: bool,
    /// `SELECT a, b, FROM t`.
    pub trailing_commas: bool,
    /// `QUALIFY` clause.
    pub qualify: bool,
    /// `* EXCLUDE (..)` (DuckDB, Snowflake) or `* EXCEPT (..)` (BigQuery, Databricks).
    pub star_exclude: bool,
    pub star_except: bool,
    /// `* REPLACE (..)`.
    pub star_replace: bool,
    /// `SEMI`, `ANTI`, `ASOF`, `POSITIONAL` joins.
    pub duckdb_joins: bool,
    /// `UNION BY NAME`.
    pub union_by_name: bool,
    /// `DISTINCT ON (..)`.
    pub distinct_on: bool,
    /// `SELECT TOP n`.
    pub top: bool,
    /// `SAFE_CAST(..)`.
    pub safe_cast: bool,
    /// `x -> expr` lambdas.
    pub lambdas: bool,
    /// `GROUP BY ALL` / `ORDER BY ALL`.
    pub by_all: bool,
    /// `FROM t SELECT ..` and a bare `FROM t`.
    pub from_first: bool,
}

impl Dialect {
    pub const ALL: [Dialect; 5] = [
        Dialect::DuckDb,
        Dialect::Databricks,
        Dialect::Snowflake,
        Dialect::BigQuery,
        Dialect::Ansi,
    ];

    pub fn info(self) -> &'static DialectInfo {
        match self {
            Dialect::DuckDb => &DUCKDB,
            Dialect::Databricks => &DATABRICKS,
            Dialect::Snowflake => &SNOWFLAKE,
            Dialect::BigQuery => &BIGQUERY,
            Dialect::Ansi => &ANSI,
        }
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }
}

const ANSI: DialectInfo = DialectInfo {
    name: "ansi",
    double_quoted_strings: false,
    backslash_escapes: false,
    backtick_identifiers: false,
    bracket_identifiers: true,
    nested_comments: true,
    list_struct_literals: false,
    trailing_commas: false,
    qualify: false,
    star_exclude: false,
    star_except: false,
    star_replace: false,
    duckdb_joins: false,
    union_by_name: false,
    distinct_on: false,
    top: false,
    safe_cast: false,
    lambdas: false,
    by_all: false,
    from_first: false,
};

const DUCKDB: DialectInfo = DialectInfo {
    name: "duckdb",
    bracket_identifiers: false,
    nested_comments: true,
    list_struct_literals: true,
    trailing_commas: true,
    qualify: true,
    star_exclude: true,
    star_replace: true,
    duckdb_joins: true,
    union_by_name: true,
    distinct_on: true,
    lambdas: true,
    by_all: true,
    from_first: true,
    ..ANSI
};

const DATABRICKS: DialectInfo = DialectInfo {
    name: "databricks",
    double_quoted_strings: true,
    backslash_escapes: true,
    backtick_identifiers: true,
    bracket_identifiers: false,
    nested_comments: true,
    qualify: true,
    star_except: true,
    lambdas: true,
    by_all: true,
    ..ANSI
};

const SNOWFLAKE: DialectInfo = DialectInfo {
    name: "snowflake",
    bracket_identifiers: false,
    nested_comments: false,
    qualify: true,
    star_exclude: true,
    star_replace: true,
    top: true,
    lambdas: true,
    by_all: true,
    ..ANSI
};

const BIGQUERY: DialectInfo = DialectInfo {
    name: "bigquery",
    double_quoted_strings: true,
    backslash_escapes: true,
    backtick_identifiers: true,
    bracket_identifiers: false,
    nested_comments: false,
    qualify: true,
    star_except: true,
    star_replace: true,
    safe_cast: true,
    trailing_commas: true,
    ..ANSI
};

impl FromStr for Dialect {
    type Err = String;

    fn from_str(s: &str) -> Result<Dialect, String> {
        Dialect::ALL.into_iter().find(|d| d.name().eq_ignore_ascii_case(s)).ok_or_else(|| {
            let names: Vec<_> = Dialect::ALL.iter().map(|d| d.name()).collect();
            format!("unknown dialect `{s}`; expected one of {}", names.join(", "))
        })
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
