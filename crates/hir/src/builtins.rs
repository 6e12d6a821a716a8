//! Builtin function catalogs as data: every overload's parameter and return types, its kind
//! (scalar, aggregate, window, macro) and doc line. Type inference picks overloads from it;
//! hover, completion and signature help will read the same rows.
//!
//! DuckDB's table (`builtins/duckdb.tsv`) is DuckDB's own `duckdb_functions()`, written by
//! `cargo xtask builtins` from the embedded DuckDB and checked against it by a test in
//! `exec`, so it never drifts from the warehouse we run.

pub mod bind;

use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use syntax::Dialect;

use crate::ty::Ty;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FnKind {
    Scalar,
    Aggregate,
    Window,
    /// A SQL macro: typed by its definition, which the catalog keeps.
    Macro,
}

/// A parameter or return type as catalogs write them: concrete, or a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamTy {
    Ty(Ty),
    /// `ANY`: any argument; as a return type, the type of the first `ANY` argument.
    Any,
    /// `T`, `K`, `V`: bound to the argument's type, the same in every position.
    Generic(char),
    /// `X[]`.
    List(Box<ParamTy>),
    /// Bare `DECIMAL`: any precision and scale, computed by the function's binder.
    Decimal,
    /// `STRUCT`, `MAP(..)` and other families without fixed members.
    Struct,
    Map,
    Lambda,
    /// `"NULL"`.
    Null,
    /// A type we do not model (`BIGNUM`, `GEOMETRY`, `UNION`, ...): matches only unknown
    /// arguments.
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    pub name: &'static str,
    pub ty: ParamTy,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overload {
    pub params: Vec<Param>,
    /// The type of every argument after `params`, when the function takes any number.
    pub varargs: Option<ParamTy>,
    /// `None` for macros, typed by expanding their definition.
    pub ret: Option<ParamTy>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Function {
    pub name: &'static str,
    pub kind: FnKind,
    pub description: &'static str,
    pub overloads: Vec<Overload>,
    /// A macro's body, in DuckDB's SQL.
    pub macro_definition: Option<&'static str>,
}

impl Function {
    pub fn is_aggregate(&self) -> bool {
        self.kind == FnKind::Aggregate
    }
}

#[derive(Debug, Default)]
pub struct Catalog {
    functions: FxHashMap<&'static str, Function>,
}

impl Catalog {
    /// The function `name` (lower case), if the catalog has it.
    pub fn get(&self, name: &str) -> Option<&Function> {
        self.functions.get(name)
    }

    pub fn len(&self) -> usize {
        self.functions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.functions.is_empty()
    }

    pub fn functions(&self) -> impl Iterator<Item = &Function> {
        self.functions.values()
    }
}

static DUCKDB: LazyLock<Catalog> = LazyLock::new(|| parse_tsv(include_str!("builtins/duckdb.tsv")));
// Written by hand from each warehouse's documentation, in DuckDB's type vocabulary.
static DATABRICKS: LazyLock<Catalog> =
    LazyLock::new(|| parse_tsv(include_str!("builtins/databricks.tsv")));
static SNOWFLAKE: LazyLock<Catalog> =
    LazyLock::new(|| parse_tsv(include_str!("builtins/snowflake.tsv")));
static BIGQUERY: LazyLock<Catalog> =
    LazyLock::new(|| parse_tsv(include_str!("builtins/bigquery.tsv")));

/// DuckDB's functions (the embedded warehouse, and the default dialect). Operators (`+`,
/// `*`, ...) are typed by its rows in every dialect.
pub fn duckdb() -> &'static Catalog {
    &DUCKDB
}

/// The functions of `dialect`'s warehouse (ANSI SQL uses DuckDB's).
pub fn catalog(dialect: Dialect) -> &'static Catalog {
    match dialect {
        Dialect::DuckDb | Dialect::Ansi => &DUCKDB,
        Dialect::Databricks => &DATABRICKS,
        Dialect::Snowflake => &SNOWFLAKE,
        Dialect::BigQuery => &BIGQUERY,
    }
}

/// Reads the catalog format `cargo xtask builtins` writes: `#` comment lines, then one row
/// per overload, tab-separated: name, kind, return, parameters (`name TYPE`, `|`-separated),
/// varargs, alias target, description (empty: as the row above of the same name), macro
/// definition. Rows of kinds we do not type are skipped.
fn parse_tsv(text: &'static str) -> Catalog {
    let mut functions: FxHashMap<&'static str, Function> = FxHashMap::default();
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let mut cols = line.split('\t');
        let mut next = || cols.next().unwrap_or("");
        let (name, kind, ret, params, varargs, _alias, description, definition) =
            (next(), next(), next(), next(), next(), next(), next(), next());
        let kind = match kind {
            "scalar" => FnKind::Scalar,
            "aggregate" => FnKind::Aggregate,
            "window" => FnKind::Window,
            "macro" => FnKind::Macro,
            _ => continue,
        };
        let overload = Overload {
            params: params
                .split('|')
                .filter(|p| !p.is_empty())
                .map(|p| match p.split_once(' ') {
                    Some((name, ty)) => Param { name, ty: param_ty(ty) },
                    // Macros list names only.
                    None => Param { name: p, ty: ParamTy::Any },
                })
                .collect(),
            varargs: (!varargs.is_empty()).then(|| param_ty(varargs)),
            ret: (!ret.is_empty()).then(|| param_ty(ret)),
        };
        let f = functions.entry(name).or_insert_with(|| Function {
            name,
            kind,
            description,
            overloads: Vec::new(),
            macro_definition: None,
        });
        if f.description.is_empty() {
            f.description = description;
        }
        if kind == FnKind::Macro && !definition.is_empty() && f.macro_definition.is_none() {
            f.macro_definition = Some(definition);
        }
        f.overloads.push(overload);
    }
    Catalog { functions }
}

fn param_ty(text: &str) -> ParamTy {
    if let Some(elem) = text.strip_suffix("[]") {
        return ParamTy::List(Box::new(param_ty(elem)));
    }
    match text {
        "ANY" => ParamTy::Any,
        "T" | "K" | "V" => ParamTy::Generic(text.chars().next().unwrap_or('T')),
        "DECIMAL" => ParamTy::Decimal,
        "LAMBDA" => ParamTy::Lambda,
        "\"NULL\"" => ParamTy::Null,
        "STRUCT" | "TUPLE" => ParamTy::Struct,
        _ if text.starts_with("MAP") => ParamTy::Map,
        _ if text.starts_with("STRUCT") => match Ty::from_sql(text) {
            Ty::Unknown => ParamTy::Struct,
            ty => ParamTy::Ty(ty),
        },
        _ => match Ty::from_sql(text) {
            Ty::Unknown => ParamTy::Other,
            ty => ParamTy::Ty(ty),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duckdb_catalog_reads_its_table() {
        let c = duckdb();
        assert!(c.len() > 600, "{} functions", c.len());
        let sum = c.get("sum").expect("sum");
        assert!(sum.is_aggregate());
        assert!(sum.overloads.iter().any(|o| o.params.len() == 1
            && o.params[0].ty == ParamTy::Ty(Ty::Int32)
            && o.ret == Some(ParamTy::Ty(Ty::Int128))));
        assert!(!sum.description.is_empty());
        let lag = c.get("lag").expect("lag");
        assert_eq!(lag.kind, FnKind::Window);
        assert!(lag.overloads.iter().any(|o| o.ret == Some(ParamTy::Generic('T'))));
        let nullif = c.get("nullif").expect("nullif");
        assert_eq!(nullif.kind, FnKind::Macro);
        assert!(nullif.macro_definition.is_some_and(|d| d.contains("CASE")));
        let list = c.get("list").expect("list");
        assert!(
            list.overloads
                .iter()
                .any(|o| o.ret == Some(ParamTy::List(Box::new(ParamTy::Generic('T')))))
        );
    }

    #[test]
    fn warehouse_catalogs_read_their_tables() {
        use crate::builtins::bind::{Arg, Bound, bind_call};
        for (dialect, min, probe) in [
            (Dialect::Databricks, 300, "collect_list"),
            (Dialect::Snowflake, 300, "iff"),
            (Dialect::BigQuery, 200, "safe_divide"),
        ] {
            let c = catalog(dialect);
            assert!(c.len() >= min, "{dialect:?}: {} functions", c.len());
            assert!(c.get(probe).is_some(), "{dialect:?} has `{probe}`");
            assert!(c.functions().all(|f| !f.overloads.is_empty()), "{dialect:?}");
            let count = c.get("count").expect("count");
            let bound = bind_call(count, &[Arg::typed(Ty::String)]);
            assert_eq!(bound, Bound::Ty(Ty::Int64), "{dialect:?}");
        }
        let date_diff = catalog(Dialect::BigQuery).get("date_diff").expect("date_diff");
        assert!(date_diff.overloads.iter().all(|o| o.ret == Some(ParamTy::Ty(Ty::Int64))));
    }

    #[test]
    fn remembered_bindings_are_the_bindings() {
        use crate::builtins::bind::{Arg, Lit, bind_call, bind_catalog_call};
        let tys = [Ty::Int32, Ty::Int64, Ty::Float64, Ty::String, Ty::Date, Ty::Unknown];
        let dec = Ty::Decimal { precision: 18, scale: 2 };
        let c = duckdb();
        // Twice over: the second round answers from the memo.
        for _ in 0..2 {
            for name in ["+", "-", "*", "/", "%", "||", "round", "sum", "coalesce", "date_trunc"] {
                let Some(f) = c.get(name) else { continue };
                for a in tys.iter().chain([&dec]) {
                    for b in tys.iter().chain([&dec]) {
                        let args = [Arg::typed(a.clone()), Arg::typed(b.clone())];
                        assert_eq!(bind_catalog_call(f, &args), bind_call(f, &args), "{name}");
                        let lit = [Arg::typed(a.clone()), Arg { ty: Ty::Int32, lit: Lit::Int(7) }];
                        assert_eq!(bind_catalog_call(f, &lit), bind_call(f, &lit), "{name}");
                        let one = [Arg::typed(a.clone())];
                        assert_eq!(bind_catalog_call(f, &one), bind_call(f, &one), "{name}");
                    }
                }
            }
        }
    }
}
