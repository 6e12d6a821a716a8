//! Code actions: quick fixes for diagnostics (one file per fix under `code_actions/`) and
//! rewrites at the cursor.

mod add_cast;
mod add_depends_on;
mod add_group_by;
mod did_you_mean;
mod expand_star;

use hir::{Code, Db, Diagnostic};

use crate::{FileRange, diagnostics::file_diagnostics, rename::SourceChange};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assist {
    pub label: String,
    pub kind: AssistKind,
    /// The diagnostic it fixes, for quick fixes.
    pub fixes: Option<Diagnostic>,
    pub change: SourceChange,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssistKind {
    QuickFix,
    RefactorRewrite,
}

pub(crate) fn assists(db: &dyn Db, frange: FileRange) -> Vec<Assist> {
    let mut out = Vec::new();
    for d in file_diagnostics(db, frange.file) {
        if d.range.intersect(frange.range).is_none()
            && !d.range.contains_inclusive(frange.range.start())
        {
            continue;
        }
        let fix = match d.code {
            Code::E120 | Code::E122 | Code::E123 => did_you_mean::fix(db, frange.file, &d),
            Code::E001 => add_cast::fix(db, frange.file, &d),
            Code::E141 => add_group_by::fix(db, frange.file, &d),
            Code::D011 => add_depends_on::fix(db, &d),
            _ => None,
        };
        out.extend(fix.map(|(label, change)| quick_fix(label, &d, change)));
    }
    out.extend(expand_star::assist(db, frange));
    out
}

fn quick_fix(label: String, d: &Diagnostic, change: SourceChange) -> Assist {
    Assist { label, kind: AssistKind::QuickFix, fixes: Some(d.clone()), change }
}
