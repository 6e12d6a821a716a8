//! The `diagnostics` array of the JSON payloads (CLI.md, `compile --output json`).

use serde::{Deserialize, Serialize};

use super::{Item, Pos, Positions};

/// One diagnostic as scripts read it. Field order is the key order of CLI.md; absent
/// model, file, range and suggestion are `null` so every object has the same keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct JsonDiagnostic {
    pub code: String,
    pub severity: String,
    pub message: String,
    pub model: Option<String>,
    /// Relative to the project root, `/`-separated.
    pub file: Option<String>,
    /// `null` for project-wide diagnostics (no file).
    pub range: Option<JsonRange>,
    pub suggestion: Option<String>,
}

/// Start and end (exclusive) of a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct JsonRange {
    pub start: JsonPosition,
    pub end: JsonPosition,
}

/// 1-based line, 1-based column counted in Unicode characters (CLI.md, Global).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct JsonPosition {
    pub line: u32,
    pub column: u32,
}

impl From<Pos> for JsonPosition {
    fn from(p: Pos) -> Self {
        JsonPosition { line: p.line, column: p.column }
    }
}

pub(crate) fn json_diagnostics(db: &dyn hir::Db, items: &[Item<'_>]) -> Vec<JsonDiagnostic> {
    let positions = Positions::new(db, items);
    items
        .iter()
        .map(|item| {
            let d = item.diag;
            let range = d.file.map(|file| {
                let span = positions.span(file, d.range);
                JsonRange { start: span.start.into(), end: span.end.into() }
            });
            JsonDiagnostic {
                code: d.code.as_str().to_owned(),
                severity: d.severity.as_str().to_owned(),
                message: d.message.clone(),
                model: item.model.map(str::to_owned),
                file: d.file.map(|f| f.path(db).to_string()),
                range,
                suggestion: d.help.clone(),
            }
        })
        .collect()
}
