//! GitHub Actions workflow commands (`::error file=...::message`), which the runner turns
//! into annotations on the pull request.

use std::io::{self, Write};

use super::{Item, Positions};

/// One command per diagnostic. The help follows the message in parentheses and related
/// locations follow on their own lines, since annotations have no room for either.
pub(crate) fn github(
    db: &dyn hir::Db,
    items: &[Item<'_>],
    prefix: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let positions = Positions::new(db, items);
    for item in items {
        let d = item.diag;
        let command = match d.severity {
            hir::Severity::Error => "error",
            hir::Severity::Warning => "warning",
            hir::Severity::Info => "notice",
        };
        let mut props = Vec::new();
        if let Some(file) = d.file {
            let span = positions.span(file, d.range);
            props.push(format!("file={}", escape_property(&format!("{prefix}{}", file.path(db)))));
            props.push(format!("line={}", span.start.line));
            props.push(format!("col={}", span.start.column));
            props.push(format!("endLine={}", span.end.line));
            props.push(format!("endColumn={}", span.end.column));
        }
        props.push(format!("title={}", escape_property(d.code.as_str())));

        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str(&format!(" ({help})"));
        }
        for r in &d.related {
            let span = positions.span(r.file, r.range);
            let (line, col) = (span.start.line, span.start.column);
            message.push_str(&format!("\n{prefix}{}:{line}:{col}: {}", r.file.path(db), r.message));
        }
        writeln!(out, "::{command} {}::{}", props.join(","), escape_data(&message))?;
    }
    Ok(())
}

/// The message part: `%`, CR and LF would end or corrupt the command.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A property value: also `:` and `,`, which delimit properties.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
