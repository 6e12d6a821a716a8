//! Case-insensitive SQL names.

use std::fmt;

use ustr::Ustr;

/// A name as SQL compares it: unquoted names fold to lower case, quoted names keep their
/// case (FORMAT.md §4). Interned: a name is one pointer, compared without reading its
/// text, and a 10,000-model project stores each column name once, however many queries
/// mention it. Interned text is never freed (see the issue notes on the language server).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Name {
    key: Ustr,
}

/// Hashed from the text, not by the interner's precomputed hash: that one is seeded per
/// process when a dependency enables `ahash`'s random seeding, and hash maps keyed by
/// names must iterate in the same order on every run.
impl std::hash::Hash for Name {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key.as_str().hash(state);
    }
}

impl Name {
    /// A name as written, unquoted; `quoted` keeps its case.
    pub fn new(text: &str, quoted: bool) -> Name {
        if quoted || !text.chars().any(char::is_uppercase) {
            Name { key: Ustr::from(text) }
        } else {
            Name { key: Ustr::from(&text.to_lowercase()) }
        }
    }

    /// A name as `dialect` compares it. DuckDB, BigQuery and Databricks compare every
    /// identifier case-insensitively, quoted or not; Snowflake folds unquoted names to upper
    /// case, so a quoted all-upper-case name equals the unquoted one; ANSI keeps quoted case.
    /// One Snowflake case folding to lower case cannot tell apart: a quoted all-lower-case
    /// name (`"id"`) is taken to equal the unquoted `id`, which Snowflake reads as `ID`.
    pub fn in_dialect(text: &str, quoted: bool, dialect: syntax::Dialect) -> Name {
        use syntax::Dialect::*;
        let case_sensitive = match dialect {
            DuckDb | BigQuery | Databricks => false,
            Snowflake => quoted && text.chars().any(char::is_lowercase),
            Ansi => quoted,
        };
        Name::new(text, case_sensitive)
    }

    /// An unquoted name (folded).
    pub fn folded(text: &str) -> Name {
        Name::new(text, false)
    }

    pub fn as_str(&self) -> &'static str {
        self.key.as_str()
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.key.as_str(), f)
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Name;
    use syntax::Dialect;

    #[test]
    fn quoted_names_per_dialect() {
        let eq = |a: (&str, bool), b: (&str, bool), d| {
            Name::in_dialect(a.0, a.1, d) == Name::in_dialect(b.0, b.1, d)
        };
        // DuckDB, BigQuery, Databricks: case never matters.
        for d in [Dialect::DuckDb, Dialect::BigQuery, Dialect::Databricks] {
            assert!(eq(("ORDER_ID", true), ("order_id", false), d));
            assert!(eq(("MyCol", true), ("mycol", false), d));
        }
        // Snowflake: unquoted folds to upper case, so only an upper-case quoted name matches.
        assert!(eq(("ORDER_ID", true), ("order_id", false), Dialect::Snowflake));
        assert!(!eq(("MyCol", true), ("mycol", false), Dialect::Snowflake));
        // ANSI: quoted names keep their case.
        assert!(!eq(("ORDER_ID", true), ("order_id", false), Dialect::Ansi));
        assert!(eq(("order_id", true), ("ORDER_ID", false), Dialect::Ansi));
    }
}
