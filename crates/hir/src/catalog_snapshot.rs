//! `source_schemas.json`: the source-table schemas `rocky discover` read from the warehouse,
//! committed with the project so compile can type sources offline.
//!
//! The file is written for stable diffs: tables sorted by (catalog, schema, table), columns
//! in ordinal order, one column per line, no timestamps.

use serde::{Deserialize, Serialize};
use syntax::{TextRange, TextSize};

use crate::{Code, Db, Diagnostic, SourceFile, input::CATALOG_SNAPSHOT};

/// The format version this build reads and writes.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogSnapshot {
    pub version: u32,
    /// The `[adapter.<name>]` the schemas were read through.
    pub adapter: String,
    pub tables: Vec<TableSchema>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSchema {
    pub catalog: String,
    pub schema: String,
    pub table: String,
    /// In ordinal order.
    pub columns: Vec<ColumnSchema>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnSchema {
    pub name: String,
    /// The warehouse's own spelling (`DECIMAL(12,2)`, `INTEGER[]`), mapped to Rocky types
    /// when the sources are typed.
    #[serde(rename = "type")]
    pub ty: String,
    pub nullable: bool,
}

impl CatalogSnapshot {
    /// No tables, the current version.
    pub fn empty(adapter: &str) -> CatalogSnapshot {
        CatalogSnapshot { version: VERSION, adapter: adapter.to_owned(), tables: Vec::new() }
    }

    /// Sorts the tables by (catalog, schema, table), the order `to_json` writes.
    pub fn sort(&mut self) {
        self.tables.sort_by(|a, b| table_key(a).cmp(&table_key(b)));
    }
}

fn table_key(t: &TableSchema) -> (&str, &str, &str) {
    (&t.catalog, &t.schema, &t.table)
}

/// `parse(file.text)` with the diagnostics located in `file`.
pub fn parse_file(db: &dyn Db, file: SourceFile) -> (CatalogSnapshot, Vec<Diagnostic>) {
    let (snapshot, mut diags) = parse(file.text(db));
    for d in &mut diags {
        d.file = Some(file);
    }
    (snapshot, diags)
}

/// Reads a snapshot. A file that does not parse, or has another version, gives a V004
/// diagnostic (without a file: see `parse_file`) and an empty snapshot.
pub fn parse(text: &str) -> (CatalogSnapshot, Vec<Diagnostic>) {
    let broken = |d: Diagnostic| (CatalogSnapshot::empty(""), vec![d]);
    // The version first, on its own, so a future format reports its version rather than
    // whatever field it changed.
    match serde_json::from_str::<VersionProbe>(text) {
        Err(err) => return broken(syntax_error(text, &err)),
        Ok(probe)
            if probe.version.as_ref().and_then(serde_json::Value::as_u64)
                == Some(u64::from(VERSION)) => {}
        Ok(probe) => {
            let found =
                probe.version.map_or_else(|| "no version".to_owned(), |v| format!("version {v}"));
            let key = "\"version\"";
            let range = match text.find(key) {
                Some(at) => TextRange::at(offset(at), offset(key.len())),
                None => TextRange::empty(offset(0)),
            };
            let d = Diagnostic::new(
                Code::V004,
                None,
                range,
                format!("{CATALOG_SNAPSHOT} has {found}; this rocky reads version {VERSION}"),
            )
            .with_help("run `rocky discover` to write it again");
            return broken(d);
        }
    }
    match serde_json::from_str::<CatalogSnapshot>(text) {
        Ok(snapshot) => (snapshot, Vec::new()),
        Err(err) => broken(syntax_error(text, &err)),
    }
}

/// Just the version, read before the rest; any JSON value is accepted here and judged by
/// `parse`.
#[derive(Deserialize)]
struct VersionProbe {
    version: Option<serde_json::Value>,
}

fn syntax_error(text: &str, err: &serde_json::Error) -> Diagnostic {
    let at = error_offset(text, err.line(), err.column());
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let msg = full.strip_suffix(&suffix).unwrap_or(&full);
    let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
    Diagnostic::new(
        Code::V004,
        None,
        TextRange::new(offset(at), offset(end)),
        format!("{CATALOG_SNAPSHOT} does not parse: {msg}"),
    )
    .with_help("run `rocky discover` to write it again")
}

/// serde_json reports a 1-based line and a 1-based byte column (0 when the error is at a
/// line break); the byte offset of that spot, on a character boundary within the text.
fn error_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2).map_or(text.len(), |(i, _)| i + 1)
    };
    let at = (line_start + column.saturating_sub(1)).min(text.len());
    text.floor_char_boundary(at)
}

fn offset(n: usize) -> TextSize {
    // Snapshots are far below 4 GiB; saturate rather than wrap.
    TextSize::new(u32::try_from(n).unwrap_or(u32::MAX))
}

/// The file's text: tables sorted, one column object per line, a final newline.
pub fn to_json(snapshot: &CatalogSnapshot) -> String {
    let mut tables: Vec<&TableSchema> = snapshot.tables.iter().collect();
    tables.sort_by(|a, b| table_key(a).cmp(&table_key(b)));
    let mut out = String::new();
    out.push_str("{\n");
    out.push_str(&format!("  \"version\": {},\n", snapshot.version));
    out.push_str(&format!("  \"adapter\": {},\n", string(&snapshot.adapter)));
    if tables.is_empty() {
        out.push_str("  \"tables\": []\n}\n");
        return out;
    }
    out.push_str("  \"tables\": [\n");
    for (i, t) in tables.iter().enumerate() {
        out.push_str("    {\n");
        out.push_str(&format!("      \"catalog\": {},\n", string(&t.catalog)));
        out.push_str(&format!("      \"schema\": {},\n", string(&t.schema)));
        out.push_str(&format!("      \"table\": {},\n", string(&t.table)));
        if t.columns.is_empty() {
            out.push_str("      \"columns\": []\n");
        } else {
            out.push_str("      \"columns\": [\n");
            for (j, c) in t.columns.iter().enumerate() {
                out.push_str(&format!(
                    "        {{\"name\": {}, \"type\": {}, \"nullable\": {}}}{}\n",
                    string(&c.name),
                    string(&c.ty),
                    c.nullable,
                    comma(j, t.columns.len()),
                ));
            }
            out.push_str("      ]\n");
        }
        out.push_str(&format!("    }}{}\n", comma(i, tables.len())));
    }
    out.push_str("  ]\n}\n");
    out
}

fn comma(i: usize, len: usize) -> &'static str {
    if i + 1 < len { "," } else { "" }
}

/// A JSON string literal; serde_json does the escaping.
fn string(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    fn col(name: &str, ty: &str, nullable: bool) -> ColumnSchema {
        ColumnSchema { name: name.to_owned(), ty: ty.to_owned(), nullable }
    }

    fn sample() -> CatalogSnapshot {
        let table = |schema: &str, table: &str, columns| TableSchema {
            catalog: "playground".to_owned(),
            schema: schema.to_owned(),
            table: table.to_owned(),
            columns,
        };
        CatalogSnapshot {
            version: VERSION,
            adapter: "default".to_owned(),
            tables: vec![
                table(
                    "raw__orders",
                    "orders",
                    vec![col("id", "BIGINT", false), col("amount", "DECIMAL(12,2)", true)],
                ),
                table("raw__customers", "c\"ustomers", vec![]),
            ],
        }
    }

    #[test]
    fn writes_one_column_per_line_sorted() {
        expect![[r#"
            {
              "version": 1,
              "adapter": "default",
              "tables": [
                {
                  "catalog": "playground",
                  "schema": "raw__customers",
                  "table": "c\"ustomers",
                  "columns": []
                },
                {
                  "catalog": "playground",
                  "schema": "raw__orders",
                  "table": "orders",
                  "columns": [
                    {"name": "id", "type": "BIGINT", "nullable": false},
                    {"name": "amount", "type": "DECIMAL(12,2)", "nullable": true}
                  ]
                }
              ]
            }
        "#]]
        .assert_eq(&to_json(&sample()));
        expect![[r#"
            {
              "version": 1,
              "adapter": "default",
              "tables": []
            }
        "#]]
        .assert_eq(&to_json(&CatalogSnapshot::empty("default")));
    }

    #[test]
    fn round_trips() {
        let mut snapshot = sample();
        snapshot.sort();
        let (back, diags) = parse(&to_json(&snapshot));
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(back, snapshot);
        let empty = CatalogSnapshot::empty("x");
        assert_eq!(parse(&to_json(&empty)), (empty, Vec::new()));
    }

    fn check_error(text: &str, expect: Expect) {
        let (snapshot, diags) = parse(text);
        assert_eq!(snapshot, CatalogSnapshot::empty(""));
        let rendered: Vec<String> = diags
            .iter()
            .map(|d| {
                let r = usize::from(d.range.start())..usize::from(d.range.end());
                format!("{} {:?} {:?}: {}", d.code.as_str(), r, &text[r.clone()], d.message)
            })
            .collect();
        expect.assert_debug_eq(&rendered);
    }

    #[test]
    fn malformed_files_are_v004_at_the_error() {
        check_error(
            "",
            expect![[r#"
            [
                "V004 0..0 \"\": source_schemas.json does not parse: EOF while parsing a value",
            ]
        "#]],
        );
        check_error(
            "{\n  \"version\": 1,\n  \"adapter\": \"x\",\n  \"tables\": [\n    {]\n}\n",
            expect![[r#"
                [
                    "V004 55..56 \"]\": source_schemas.json does not parse: key must be a string",
                ]
            "#]],
        );
        check_error(
            "{\"version\": 1, \"adapter\": \"é\", \"tables\": 3}",
            expect![[r#"
            [
                "V004 42..43 \"3\": source_schemas.json does not parse: invalid type: integer `3`, expected a sequence",
            ]
        "#]],
        );
        check_error(
            "{\"version\": 1, \"adapter\": \"x\", \"tables\": [], \"extra\": 1}",
            expect![[r#"
                [
                    "V004 51..52 \"\\\"\": source_schemas.json does not parse: unknown field `extra`, expected one of `version`, `adapter`, `tables`",
                ]
            "#]],
        );
        check_error(
            "{\"version\": 1, \"adapter\": \"x\", \"tables\": [{\"catalog\": \"c\", \"schema\": \"s\", \"table\": \"t\", \"columns\": [{\"name\": \"a\", \"type\": \"INT\"}]}]}",
            expect![[r#"
                [
                    "V004 127..128 \"}\": source_schemas.json does not parse: missing field `nullable`",
                ]
            "#]],
        );
        check_error(
            "{\"adapter\": \"ü\", \"tables\": [\"é",
            expect![[r#"
            [
                "V004 30..32 \"é\": source_schemas.json does not parse: EOF while parsing a string",
            ]
        "#]],
        );
    }

    #[test]
    fn other_versions_are_v004() {
        check_error(
            "{\"version\": 2, \"adapter\": \"x\", \"columns\": 7}",
            expect![[r#"
            [
                "V004 1..10 \"\\\"version\\\"\": source_schemas.json has version 2; this rocky reads version 1",
            ]
        "#]],
        );
        check_error(
            "{\"version\": -1.5}",
            expect![[r#"
            [
                "V004 1..10 \"\\\"version\\\"\": source_schemas.json has version -1.5; this rocky reads version 1",
            ]
        "#]],
        );
        check_error(
            "{\"adapter\": \"x\", \"tables\": []}",
            expect![[r#"
            [
                "V004 0..0 \"\": source_schemas.json has no version; this rocky reads version 1",
            ]
        "#]],
        );
    }

    #[test]
    fn parse_never_panics_on_truncations() {
        let text = to_json(&sample());
        for end in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            let _ = parse(&text[..end]);
        }
    }
}
