//! The human format: rustc-style snippets with carets via codespan-reporting, then a
//! one-line count.

use std::{collections::HashMap, io, io::Write, sync::Arc};

use codespan_reporting::{
    diagnostic::{Diagnostic, Label, Severity},
    files::SimpleFiles,
    term::{
        self, Chars, Config,
        termcolor::{Ansi, Color, ColorSpec, NoColor, WriteColor},
    },
};
use hir::SourceFile;

use super::{Counts, Item, clamp};

/// Writes every diagnostic with its snippet; project-wide ones (no file) get their header
/// and notes only. Ends with `error: 2 errors, 1 warning` when there was anything to say.
pub(crate) fn human(
    db: &dyn hir::Db,
    items: &[Item<'_>],
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut w: Box<dyn WriteColor + '_> =
        if color { Box::new(Ansi::new(out)) } else { Box::new(NoColor::new(out)) };
    // ASCII frames: they survive CI logs, pagers and legacy consoles alike.
    let config = Config { chars: Chars::ascii(), ..Config::default() };
    let mut files = Files::new(db);
    for item in items {
        let diag = to_codespan(&mut files, item.diag);
        term::emit(&mut *w, &config, &files.files, &diag).map_err(io::Error::other)?;
    }
    summary(&mut *w, Counts::of(items))
}

/// The codespan file database, filled with just the files the diagnostics point into.
struct Files<'db> {
    db: &'db dyn hir::Db,
    files: SimpleFiles<Arc<str>, Arc<str>>,
    ids: HashMap<SourceFile, usize>,
}

impl<'db> Files<'db> {
    fn new(db: &'db dyn hir::Db) -> Self {
        Files { db, files: SimpleFiles::new(), ids: HashMap::new() }
    }

    /// The codespan id of `file` and the text its ranges index.
    fn id(&mut self, file: SourceFile) -> (usize, Arc<str>) {
        let text = Arc::clone(file.text(self.db));
        let id = match self.ids.get(&file) {
            Some(&id) => id,
            None => {
                let id = self.files.add(Arc::clone(file.path(self.db)), Arc::clone(&text));
                self.ids.insert(file, id);
                id
            }
        };
        (id, text)
    }

    fn label(
        &mut self,
        primary: bool,
        file: SourceFile,
        range: hir::syntax::TextRange,
    ) -> Label<usize> {
        let (id, text) = self.id(file);
        // codespan slices the text with these ranges: clamped, or it could panic.
        let range = clamp(&text, range);
        if primary { Label::primary(id, range) } else { Label::secondary(id, range) }
    }
}

fn to_codespan(files: &mut Files<'_>, d: &hir::Diagnostic) -> Diagnostic<usize> {
    let mut labels = Vec::with_capacity(1 + d.related.len());
    if let Some(file) = d.file {
        labels.push(files.label(true, file, d.range));
    }
    for r in &d.related {
        labels.push(files.label(false, r.file, r.range).with_message(&r.message));
    }
    let notes = d.help.iter().map(|h| format!("help: {h}")).collect();
    Diagnostic::new(severity(d.severity))
        .with_code(d.code.as_str())
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(notes)
}

fn severity(s: hir::Severity) -> Severity {
    match s {
        hir::Severity::Error => Severity::Error,
        hir::Severity::Warning => Severity::Warning,
        hir::Severity::Info => Severity::Note,
    }
}

/// `1 error`, `2 errors`.
pub(crate) fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// `error: 2 errors, 1 warning`, headed by the worst severity present; nothing at all when
/// there were no diagnostics.
fn summary(w: &mut dyn WriteColor, c: Counts) -> io::Result<()> {
    let parts: Vec<String> = [(c.errors, "error"), (c.warnings, "warning"), (c.infos, "note")]
        .into_iter()
        .filter(|&(n, _)| n > 0)
        .map(|(n, what)| count(n, what))
        .collect();
    let (head, color) = if c.errors > 0 {
        ("error", Color::Red)
    } else if c.warnings > 0 {
        ("warning", Color::Yellow)
    } else if c.infos > 0 {
        ("note", Color::Green)
    } else {
        return Ok(());
    };
    w.set_color(ColorSpec::new().set_fg(Some(color)).set_bold(true).set_intense(true))?;
    write!(w, "{head}")?;
    w.reset()?;
    writeln!(w, ": {}", parts.join(", "))
}
