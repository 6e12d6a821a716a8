//! Diagnostics for people and tools: human (codespan snippets), JSON, SARIF and GitHub
//! Actions renderers over one list of diagnostics.

mod github;
mod human;
mod json;
mod junit;
pub(crate) mod pretty_json;
mod rdjson;
mod sarif;
#[cfg(test)]
mod tests;

use std::{collections::HashMap, ops::Range, sync::Arc};

use hir::{SourceFile, syntax::TextRange};

pub(crate) use self::{
    github::github,
    human::{count, human},
    json::{JsonDiagnostic, json_diagnostics},
    junit::{Case, junit},
    rdjson::rdjson,
    sarif::sarif,
};

/// One diagnostic with what the renderers need beside it.
pub(crate) struct Item<'a> {
    pub diag: &'a hir::Diagnostic,
    /// The model the diagnostic belongs to, when there is one (CLI.md's `model`).
    pub model: Option<&'a str>,
}

/// A 1-based line and a 1-based column counted in Unicode characters (CLI.md, Global),
/// and the same column counted in UTF-8 bytes (reviewdog's unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pos {
    line: u32,
    column: u32,
    byte_column: u32,
}

/// Start and end (exclusive) of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: Pos,
    end: Pos,
}

/// Line and column lookups over the files the diagnostics point into. All offsets are
/// gathered up front, sorted per file and resolved in one forward sweep over each text, so
/// the cost is linear in the text plus `n log n` in the diagnostics, whatever the lines
/// look like (thousands of diagnostics on one long line of multi-byte characters included).
struct Positions<'db> {
    db: &'db dyn hir::Db,
    files: HashMap<SourceFile, FilePositions>,
}

/// One file's text and the positions of the offsets asked for, sorted by offset.
struct FilePositions {
    text: Arc<str>,
    known: Vec<(usize, Pos)>,
}

impl<'db> Positions<'db> {
    fn new(db: &'db dyn hir::Db, items: &[Item<'_>]) -> Self {
        let mut wanted: HashMap<SourceFile, (Arc<str>, Vec<usize>)> = HashMap::new();
        let mut want = |file: SourceFile, range: TextRange| {
            let (text, offsets) =
                wanted.entry(file).or_insert_with(|| (Arc::clone(file.text(db)), Vec::new()));
            let r = clamp(text, range);
            offsets.extend([r.start, r.end]);
        };
        for item in items {
            if let Some(file) = item.diag.file {
                want(file, item.diag.range);
            }
            for r in &item.diag.related {
                want(r.file, r.range);
            }
        }
        let files = wanted
            .into_iter()
            .map(|(file, (text, mut offsets))| {
                offsets.sort_unstable();
                offsets.dedup();
                let positions = sweep(&text, &offsets);
                let known = offsets.into_iter().zip(positions).collect();
                (file, FilePositions { text, known })
            })
            .collect();
        Positions { db, files }
    }

    /// The span of `range`, which must come from the items given to `new` (anything else
    /// is still answered, by a scan from the start of the file).
    fn span(&self, file: SourceFile, range: TextRange) -> Span {
        let (text, known) = match self.files.get(&file) {
            Some(f) => (Arc::clone(&f.text), f.known.as_slice()),
            None => (Arc::clone(file.text(self.db)), &[][..]),
        };
        let r = clamp(&text, range);
        let at = |offset: usize| match known.binary_search_by_key(&offset, |&(o, _)| o) {
            Ok(i) => known[i].1,
            Err(_) => sweep(&text, &[offset])[0],
        };
        Span { start: at(r.start), end: at(r.end) }
    }
}

/// The positions of `offsets` (sorted, on character boundaries) in one pass over `text`.
fn sweep(text: &str, offsets: &[usize]) -> Vec<Pos> {
    let (mut line, mut column, mut at, mut line_start) = (1usize, 1usize, 0usize, 0usize);
    offsets
        .iter()
        .map(|&offset| {
            let seg = text.get(at..offset).unwrap_or_default();
            match seg.rfind('\n') {
                Some(nl) => {
                    line += seg.bytes().filter(|&b| b == b'\n').count();
                    column = seg[nl + 1..].chars().count() + 1;
                    line_start = at + nl + 1;
                }
                None => column += seg.chars().count(),
            }
            at = offset.max(at);
            let byte_column = at - line_start + 1;
            Pos {
                line: saturate(line),
                column: saturate(column),
                byte_column: saturate(byte_column),
            }
        })
        .collect()
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// `range` made safe to slice `text` with: within the text, on character boundaries, and
/// not reversed. Diagnostics from a stale or buggy query must not crash the renderer.
fn clamp(text: &str, range: TextRange) -> Range<usize> {
    let start = text.floor_char_boundary(usize::from(range.start()));
    let end = text.floor_char_boundary(usize::from(range.end())).max(start);
    start..end
}

/// The counts behind the closing summary line.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    errors: usize,
    warnings: usize,
    infos: usize,
}

impl Counts {
    fn of(items: &[Item<'_>]) -> Counts {
        let mut c = Counts::default();
        for item in items {
            match item.diag.severity {
                hir::Severity::Error => c.errors += 1,
                hir::Severity::Warning => c.warnings += 1,
                hir::Severity::Info => c.infos += 1,
            }
        }
        c
    }
}
