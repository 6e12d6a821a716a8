//! `rocky diff --format markdown`: a pull-request comment. The first line sums it up; the
//! sections below appear only when they have something to say. The trailing HTML comment
//! lets a bot find and update its previous comment.

use std::io::{self, Write};

use super::Report;

pub(crate) const MARKER: &str = "<!-- rocky-diff -->";

pub(crate) fn write(r: &Report, out: &mut impl Write) -> io::Result<()> {
    let s = &r.summary;
    writeln!(out, "### Rocky: changes against `{}`", r.base)?;
    writeln!(out)?;
    if s.added + s.removed + s.changed == 0 && s.contract_breaks + s.new_errors == 0 {
        writeln!(out, "No model changed.")?;
        writeln!(out)?;
        return writeln!(out, "{MARKER}");
    }
    let mut headline = vec![
        count(s.changed, "model changed", "models changed"),
        count(s.added, "added", "added"),
        count(s.removed, "removed", "removed"),
        format!(
            "{} in {} downstream",
            count(s.affected_columns, "column", "columns"),
            count(s.affected_models, "model", "models")
        ),
    ];
    if s.contract_breaks > 0 {
        headline
            .push(format!("**{}**", count(s.contract_breaks, "contract break", "contract breaks")));
    }
    if s.new_errors > 0 {
        headline.push(format!("**{}**", count(s.new_errors, "new error", "new errors")));
    }
    writeln!(out, "{}", headline.join(" · "))?;
    writeln!(out)?;

    if !r.added.is_empty() || !r.removed.is_empty() || !r.changed.is_empty() {
        writeln!(out, "| model | change |")?;
        writeln!(out, "|---|---|")?;
        for m in &r.added {
            writeln!(out, "| `{}` | added |", cell(m))?;
        }
        for m in &r.removed {
            writeln!(out, "| `{}` | **removed** |", cell(m))?;
        }
        for c in &r.changed {
            let mut what = Vec::new();
            for col in &c.columns_removed {
                what.push(format!("**column `{}` removed**", cell(&col.name)));
            }
            for col in &c.columns_retyped {
                what.push(format!(
                    "column `{}`: {} → {}",
                    cell(&col.name),
                    cell(&col.before),
                    cell(&col.after)
                ));
            }
            for col in &c.columns_added {
                what.push(format!("column `{}` added ({})", cell(&col.name), cell(&col.ty)));
            }
            if what.is_empty() {
                what.push(
                    match (c.code_changed, c.config_changed) {
                        (true, true) => "code and configuration changed, same columns",
                        (false, true) => "configuration changed, same columns",
                        _ => "code changed, same columns",
                    }
                    .to_string(),
                );
            }
            writeln!(out, "| `{}` | {} |", cell(&c.name), what.join("<br>"))?;
        }
        writeln!(out)?;
    }

    let reaching: Vec<_> = r.downstream.iter().filter(|i| !i.affected.is_empty()).collect();
    if !reaching.is_empty() {
        writeln!(out, "#### Downstream")?;
        writeln!(out)?;
        for i in &reaching {
            let reached: Vec<String> = i
                .affected
                .iter()
                .map(|a| format!("`{}.{}` ({})", a.model, a.column, a.transform))
                .collect();
            writeln!(out, "- `{}.{}` {}: {}", i.model, i.column, i.change, reached.join(", "))?;
        }
        let quiet = r.downstream.len() - reaching.len();
        if quiet > 0 {
            writeln!(
                out,
                "- {} reach nothing downstream",
                count(quiet, "other change", "other changes")
            )?;
        }
        writeln!(out)?;
    }

    for (title, diags) in [("Contract breaks", &r.contract_breaks), ("New errors", &r.new_errors)] {
        if diags.is_empty() {
            continue;
        }
        writeln!(out, "#### {title}")?;
        writeln!(out)?;
        for d in diags {
            let at = match (&d.file, &d.range) {
                (Some(f), Some(range)) => {
                    format!("`{f}:{}:{}` ", range.start.line, range.start.column)
                }
                (Some(f), None) => format!("`{f}` "),
                _ => String::new(),
            };
            writeln!(out, "- {at}{}: {}", d.code, d.message)?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{MARKER}")
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Text inside a table cell: a `|` would end the cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}
