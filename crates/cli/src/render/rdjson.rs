//! reviewdog's Diagnostic Format (rdjson), which `reviewdog -f=rdjson` posts as review
//! comments. Its columns count UTF-8 bytes, not characters.

use serde_json::{Value, json};

use super::{Item, Pos, Positions, Span};

/// One rdjson document. A project-wide diagnostic (no file) is attached to the project's
/// `rocky.toml` without a range, which reviewdog shows as a file-level comment.
pub(crate) fn rdjson(db: &dyn hir::Db, items: &[Item<'_>], prefix: &str) -> Value {
    let positions = Positions::new(db, items);
    let diagnostics: Vec<Value> = items
        .iter()
        .map(|item| {
            let d = item.diag;
            let at = match d.file {
                Some(file) => location(prefix, file.path(db), positions.span(file, d.range)),
                None => json!({ "path": format!("{prefix}rocky.toml") }),
            };
            let mut diagnostic = json!({
                "message": d.message,
                "location": at,
                "severity": severity(d.severity),
                "code": { "value": d.code.as_str() },
            });
            if let Some(help) = &d.help {
                diagnostic["message"] = Value::from(format!("{}\nhelp: {help}", d.message));
            }
            if !d.related.is_empty() {
                let related: Vec<Value> = d
                    .related
                    .iter()
                    .map(|r| {
                        json!({
                            "message": r.message,
                            "location": location(prefix, r.file.path(db), positions.span(r.file, r.range)),
                        })
                    })
                    .collect();
                diagnostic["related_locations"] = Value::Array(related);
            }
            diagnostic
        })
        .collect();
    json!({
        "source": { "name": "rocky" },
        "diagnostics": diagnostics,
    })
}

fn location(prefix: &str, path: &str, span: Span) -> Value {
    let pos = |p: Pos| json!({ "line": p.line, "column": p.byte_column });
    json!({
        "path": format!("{prefix}{path}"),
        "range": { "start": pos(span.start), "end": pos(span.end) },
    })
}

fn severity(s: hir::Severity) -> &'static str {
    match s {
        hir::Severity::Error => "ERROR",
        hir::Severity::Warning => "WARNING",
        hir::Severity::Info => "INFO",
    }
}
