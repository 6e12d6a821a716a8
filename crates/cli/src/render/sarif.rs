//! SARIF 2.1.0, the format code-scanning services (GitHub, Azure DevOps) ingest.

use serde_json::{Value, json};

use super::{Item, Positions, Span};

/// The OASIS schema the log claims; `test_data/sarif/` vendors it for the tests.
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// One SARIF log with one run. Rules are the codes used, in code order; a project-wide
/// diagnostic (no file) is a result without locations, which the schema allows.
pub(crate) fn sarif(
    db: &dyn hir::Db,
    items: &[Item<'_>],
    prefix: &str,
    tool_version: &str,
) -> Value {
    let mut codes: Vec<hir::Code> = items.iter().map(|i| i.diag.code).collect();
    codes.sort_unstable();
    codes.dedup();
    let rules: Vec<Value> = codes
        .iter()
        .map(|code| {
            json!({
                "id": code.as_str(),
                "shortDescription": { "text": code.summary() },
                "defaultConfiguration": { "level": level(code.default_severity()) },
            })
        })
        .collect();

    let positions = Positions::new(db, items);
    let results: Vec<Value> = items
        .iter()
        .map(|item| {
            let d = item.diag;
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            let mut result = json!({
                "ruleId": d.code.as_str(),
                "ruleIndex": codes.binary_search(&d.code).unwrap_or_default(),
                "level": level(d.severity),
                "message": { "text": text },
            });
            if let Some(file) = d.file {
                let span = positions.span(file, d.range);
                result["locations"] =
                    json!([{ "physicalLocation": physical(prefix, file.path(db), span) }]);
            }
            if !d.related.is_empty() {
                let related: Vec<Value> = d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(id, r)| {
                        let span = positions.span(r.file, r.range);
                        json!({
                            "id": id,
                            "physicalLocation": physical(prefix, r.file.path(db), span),
                            "message": { "text": r.message },
                        })
                    })
                    .collect();
                result["relatedLocations"] = Value::Array(related);
            }
            if let Some(model) = item.model {
                result["properties"] = json!({ "model": model });
            }
            result
        })
        .collect();

    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "rocky",
                    "version": tool_version,
                    "rules": rules,
                }
            },
            // Our columns count Unicode characters (CLI.md), which SARIF calls code points;
            // saying so spares consumers the UTF-16 default.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

fn level(s: hir::Severity) -> &'static str {
    match s {
        hir::Severity::Error => "error",
        hir::Severity::Warning => "warning",
        hir::Severity::Info => "note",
    }
}

/// A file region; SARIF lines and columns are 1-based and the end column is exclusive,
/// like ours.
fn physical(prefix: &str, path: &str, span: Span) -> Value {
    json!({
        "artifactLocation": { "uri": uri_path(&format!("{prefix}{path}")), "uriBaseId": "%SRCROOT%" },
        "region": {
            "startLine": span.start.line,
            "startColumn": span.start.column,
            "endLine": span.end.line,
            "endColumn": span.end.column,
        }
    })
}

/// A relative path as a URI reference: everything but unreserved characters and `/`
/// percent-encoded, so `my model.sql` or `a#b.sql` still name the file.
fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
