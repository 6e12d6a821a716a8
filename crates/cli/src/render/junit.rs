//! JUnit XML, which CI services (GitLab, Jenkins, Azure, CircleCI) show as a test report:
//! one test case per checked model, failed when the model has errors, plus one for the
//! project-wide diagnostics. Warnings and notes go to the case's `system-out`.

use std::io::{self, Write};

use super::{Item, Positions};

/// A model that was checked: its name and file (relative to the project root).
pub(crate) struct Case<'a> {
    pub name: &'a str,
    pub file: &'a str,
}

const PROJECT: &str = "(project)";

pub(crate) fn junit(
    db: &dyn hir::Db,
    items: &[Item<'_>],
    cases: &[Case<'_>],
    prefix: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let positions = Positions::new(db, items);
    let line = |item: &Item<'_>| {
        let d = item.diag;
        let at = match d.file {
            Some(file) => {
                let span = positions.span(file, d.range);
                format!("{prefix}{}:{}:{}: ", file.path(db), span.start.line, span.start.column)
            }
            None => String::new(),
        };
        let mut text = format!("{at}{}[{}]: {}", d.severity.as_str(), d.code.as_str(), d.message);
        if let Some(help) = &d.help {
            text.push_str(&format!("\n  help: {help}"));
        }
        text
    };
    let project = Case { name: PROJECT, file: "rocky.toml" };
    let all: Vec<&Case<'_>> = std::iter::once(&project).chain(cases).collect();
    let of_case = |case: &Case<'_>| -> Vec<&Item<'_>> {
        items
            .iter()
            .filter(|i| match i.model {
                Some(m) => m == case.name,
                None => case.name == PROJECT,
            })
            .collect()
    };
    let failed = all
        .iter()
        .filter(|c| of_case(c).iter().any(|i| i.diag.severity == hir::Severity::Error))
        .count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="rocky check" tests="{}" failures="{failed}" errors="0">"#,
        all.len()
    )?;
    writeln!(
        out,
        r#"  <testsuite name="rocky check" tests="{}" failures="{failed}" errors="0" skipped="0">"#,
        all.len()
    )?;
    for case in all {
        let found = of_case(case);
        let (errors, others): (Vec<&Item<'_>>, Vec<&Item<'_>>) =
            found.iter().partition(|i| i.diag.severity == hir::Severity::Error);
        write!(
            out,
            r#"    <testcase name="{}" classname="{}" file="{}""#,
            attr(case.name),
            attr(&format!("{prefix}{}", case.file)),
            attr(&format!("{prefix}{}", case.file)),
        )?;
        if errors.is_empty() && others.is_empty() {
            writeln!(out, "/>")?;
            continue;
        }
        writeln!(out, ">")?;
        if let Some(first) = errors.first() {
            let message = match errors.len() {
                1 => format!("{}: {}", first.diag.code.as_str(), first.diag.message),
                n => format!(
                    "{}: {} (and {} more)",
                    first.diag.code.as_str(),
                    first.diag.message,
                    n - 1
                ),
            };
            let body: Vec<String> = errors.iter().map(|i| line(i)).collect();
            writeln!(
                out,
                r#"      <failure message="{}" type="{}">{}</failure>"#,
                attr(&message),
                first.diag.code.as_str(),
                escape(&body.join("\n"))
            )?;
        }
        if !others.is_empty() {
            let body: Vec<String> = others.iter().map(|i| line(i)).collect();
            writeln!(out, "      <system-out>{}</system-out>", escape(&body.join("\n")))?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

/// An attribute value: line breaks as character references, which parsers would
/// otherwise turn into spaces.
fn attr(s: &str) -> String {
    escape(s).replace('\n', "&#10;").replace('\r', "&#13;").replace('\t', "&#9;")
}

/// Text and attribute values: the five markup characters escaped, and the control
/// characters XML 1.0 cannot hold at all replaced.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}
