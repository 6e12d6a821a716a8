//! Data tests of models: declarative `[[tests]]`, unit `[[test]]` (FORMAT.md §3), and the
//! named reusable tests of `test_definitions.toml`.

use std::collections::BTreeMap;

use syntax::TextRange;

use super::Spanned;
use super::project::finish_diagnostics;
use super::reader::{Cx, Reader, parse_enum};
use super::toml_walk::{TomlValue, parse_document};
use crate::diagnostics::Diagnostic;

/// One `[[tests]]` entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct DeclarativeTest {
    pub kind: Spanned<TestKind>,
    pub column: Option<Spanned<String>>,
    /// Built-in default: error.
    pub severity: Option<Spanned<TestSeverity>>,
    /// SQL condition restricting the rows tested.
    pub filter: Option<Spanned<String>>,
    pub range: TextRange,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TestKind {
    NotNull,
    Unique,
    AcceptedValues {
        values: Vec<Spanned<TomlValue>>,
    },
    Relationships {
        to_table: Option<Spanned<String>>,
        to_column: Option<Spanned<String>>,
    },
    Expression {
        expression: Option<Spanned<String>>,
    },
    RowCountRange {
        min: Option<Spanned<i64>>,
        max: Option<Spanned<i64>>,
    },
    /// Numbers, or dates written as strings.
    InRange {
        min: Option<Spanned<TomlValue>>,
        max: Option<Spanned<TomlValue>>,
    },
    RegexMatch {
        pattern: Option<Spanned<String>>,
    },
    Aggregate {
        op: Option<Spanned<String>>,
        cmp: Option<Spanned<String>>,
        value: Option<Spanned<TomlValue>>,
    },
    Composite {
        columns: Vec<Spanned<String>>,
    },
    NotInFuture,
    OlderThanNDays {
        days: Option<Spanned<u64>>,
    },
    /// Not a built-in type: a test of `test_definitions.toml`, with the entry's other keys
    /// as its arguments. The caller checks the name exists (suggesting from
    /// [`BUILTIN_TEST_TYPES`] and the definitions), since only it knows the definitions.
    Named {
        name: String,
        args: BTreeMap<String, Spanned<TomlValue>>,
    },
}

impl TestKind {
    /// The `type` as written (a named test's name).
    pub fn type_name(&self) -> &str {
        match self {
            TestKind::NotNull => "not_null",
            TestKind::Unique => "unique",
            TestKind::AcceptedValues { .. } => "accepted_values",
            TestKind::Relationships { .. } => "relationships",
            TestKind::Expression { .. } => "expression",
            TestKind::RowCountRange { .. } => "row_count_range",
            TestKind::InRange { .. } => "in_range",
            TestKind::RegexMatch { .. } => "regex_match",
            TestKind::Aggregate { .. } => "aggregate",
            TestKind::Composite { .. } => "composite",
            TestKind::NotInFuture => "not_in_future",
            TestKind::OlderThanNDays { .. } => "older_than_n_days",
            TestKind::Named { name, .. } => name,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TestSeverity {
    Error,
    Warning,
}

/// The `type`s of [`TestKind`] other than `Named`.
pub const BUILTIN_TEST_TYPES: &[&str] = &[
    "not_null",
    "unique",
    "accepted_values",
    "relationships",
    "expression",
    "row_count_range",
    "in_range",
    "regex_match",
    "aggregate",
    "composite",
    "not_in_future",
    "older_than_n_days",
];

/// Test types that check one column and so need `column`.
const COLUMN_TESTS: &[&str] = &[
    "not_null",
    "unique",
    "accepted_values",
    "relationships",
    "in_range",
    "regex_match",
    "not_in_future",
    "older_than_n_days",
];

/// One `[[test]]`: fixed inputs, the rows the model must produce.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct UnitTest {
    pub name: Option<Spanned<String>>,
    pub given: Vec<GivenRows>,
    pub expect: Option<ExpectedRows>,
    /// `false` (the default) compares as multisets.
    pub ordered: bool,
    pub range: TextRange,
}

/// `[[test.given]]`: rows standing in for a model or source.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct GivenRows {
    /// `ref`: the model or source name.
    pub reference: Option<Spanned<String>>,
    pub rows: Vec<Row>,
    pub range: TextRange,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct ExpectedRows {
    pub rows: Vec<Row>,
    pub range: TextRange,
}

/// One row of a unit test: column → value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Row {
    pub values: BTreeMap<String, Spanned<TomlValue>>,
    pub range: TextRange,
}

/// `test_definitions.toml`: one table per named test.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct TestDefinitions {
    pub tests: BTreeMap<String, TestDefinition>,
}

/// `[<name>]` of `test_definitions.toml`: SQL returning the failing rows, with `{model}`
/// and `{column}` placeholders (and the using entry's other keys as `{key}`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TestDefinition {
    pub name: Spanned<String>,
    pub description: Option<String>,
    pub sql: Option<Spanned<String>>,
    pub severity: Option<Spanned<TestSeverity>>,
    pub range: TextRange,
}

pub(super) fn declarative_test(cx: &mut Cx, mut r: Reader<'_>) -> Option<DeclarativeTest> {
    let type_name = r.string(cx, "type");
    let type_name = r.require(cx, "type", type_name)?;
    let column = r.string(cx, "column");
    if COLUMN_TESTS.contains(&type_name.as_str()) {
        r.require(cx, "column", column.as_ref());
    }
    let severity = severity(cx, &mut r);
    let filter = r.string(cx, "filter");
    let kind = match type_name.as_str() {
        "not_null" => TestKind::NotNull,
        "unique" => TestKind::Unique,
        "accepted_values" => {
            let values = match r.entry("values") {
                Some(e) => match &e.value.value {
                    TomlValue::Array(items) => items.clone(),
                    _ => {
                        cx.wrong_type("values", e.value.range, "an array");
                        Vec::new()
                    }
                },
                None => {
                    r.require::<()>(cx, "values", None);
                    Vec::new()
                }
            };
            TestKind::AcceptedValues { values }
        }
        "relationships" => {
            let to_table = r.string(cx, "to_table");
            let to_table = r.require(cx, "to_table", to_table);
            let to_column = r.string(cx, "to_column");
            let to_column = r.require(cx, "to_column", to_column);
            TestKind::Relationships { to_table, to_column }
        }
        "expression" => {
            let expression = r.string(cx, "expression");
            TestKind::Expression { expression: r.require(cx, "expression", expression) }
        }
        "row_count_range" => {
            TestKind::RowCountRange { min: r.int(cx, "min"), max: r.int(cx, "max") }
        }
        "in_range" => TestKind::InRange { min: r.value("min"), max: r.value("max") },
        "regex_match" => {
            let pattern = r.string(cx, "pattern");
            TestKind::RegexMatch { pattern: r.require(cx, "pattern", pattern) }
        }
        "aggregate" => {
            let op = r.string(cx, "op");
            let op = r.require(cx, "op", op);
            let cmp = r.string(cx, "cmp");
            let cmp = r.require(cx, "cmp", cmp);
            let value = r.value("value");
            let value = r.require(cx, "value", value);
            TestKind::Aggregate { op, cmp, value }
        }
        "composite" => {
            let columns = r.strings(cx, "columns");
            if columns.is_empty() {
                r.require::<()>(cx, "columns", None);
            }
            TestKind::Composite { columns }
        }
        "not_in_future" => TestKind::NotInFuture,
        "older_than_n_days" => {
            let days = r.uint(cx, "days");
            TestKind::OlderThanNDays { days: r.require(cx, "days", days) }
        }
        name => {
            // The arguments of a named test are its own business.
            let args = r
                .table()
                .entries
                .iter()
                .filter(|(k, _)| !["type", "column", "severity", "filter"].contains(&k.as_str()))
                .map(|(k, e)| (k.clone(), e.value.clone()))
                .collect();
            let kind = TestKind::Named { name: name.to_owned(), args };
            return Some(DeclarativeTest {
                kind: Spanned { value: kind, range: type_name.range },
                column,
                severity,
                filter,
                range: r.range,
            });
        }
    };
    let range = r.range;
    r.type_name = Some(type_name.value.clone());
    r.finish(cx);
    Some(DeclarativeTest {
        kind: Spanned { value: kind, range: type_name.range },
        column,
        severity,
        filter,
        range,
    })
}

fn severity(cx: &mut Cx, r: &mut Reader<'_>) -> Option<Spanned<TestSeverity>> {
    let s = r.string(cx, "severity")?;
    parse_enum(
        cx,
        "severity",
        s,
        &[("error", TestSeverity::Error), ("warning", TestSeverity::Warning)],
    )
}

pub(super) fn unit_test(cx: &mut Cx, mut r: Reader<'_>) -> UnitTest {
    let name = r.string(cx, "name");
    let name = r.require(cx, "name", name);
    let given = r
        .subs(cx, "given")
        .into_iter()
        .map(|mut g| {
            let reference = g.string(cx, "ref");
            let reference = g.require(cx, "ref", reference);
            let rows = rows(cx, &mut g);
            let range = g.range;
            g.finish(cx);
            GivenRows { reference, rows, range }
        })
        .collect();
    let expect = r.sub(cx, "expect").map(|mut e| {
        let rows = rows(cx, &mut e);
        let range = e.range;
        e.finish(cx);
        ExpectedRows { rows, range }
    });
    let expect = r.require(cx, "expect", expect);
    let ordered = r.bool(cx, "ordered").is_some_and(|b| b.value);
    let range = r.range;
    r.finish(cx);
    UnitTest { name, given, expect, ordered, range }
}

fn rows(cx: &mut Cx, r: &mut Reader<'_>) -> Vec<Row> {
    r.subs(cx, "rows")
        .into_iter()
        .map(|row| Row {
            values: row.table().entries.iter().map(|(k, e)| (k.clone(), e.value.clone())).collect(),
            range: row.range,
        })
        .collect()
}

/// `test_definitions.toml`, with `${VAR}` substitution.
pub fn parse_test_definitions(
    text: &str,
    env: &BTreeMap<String, String>,
) -> (TestDefinitions, Vec<Diagnostic>) {
    let doc = parse_document(text, Some(env), 0.into());
    let mut cx = Cx::default();
    let mut defs = TestDefinitions::default();
    for (name, entry) in &doc.root.entries {
        let TomlValue::Table(t) = &entry.value.value else {
            cx.wrong_type(name, entry.value.range, &format!("a table: `[{name}]` with `sql`"));
            continue;
        };
        let mut r = Reader::new(t, entry.value.range, name.clone());
        let description = r.string(&mut cx, "description").map(|s| s.value);
        let sql = r.string(&mut cx, "sql");
        let sql = r.require(&mut cx, "sql", sql);
        let severity = severity(&mut cx, &mut r);
        let range = r.range;
        r.finish(&mut cx);
        let def = TestDefinition {
            name: Spanned { value: name.clone(), range: entry.key },
            description,
            sql,
            severity,
            range,
        };
        defs.tests.insert(name.clone(), def);
    }
    (defs, finish_diagnostics(doc.diags, doc.syntax_errors, cx))
}
