//! `${VAR}` / `${VAR:-default}` substitution in raw config text, and the map back to the
//! original offsets (FORMAT.md §2, step 1).

use std::collections::BTreeMap;
use std::ops::Range;

use syntax::{TextRange, TextSize};

use crate::diagnostics::{Code, Diagnostic};

/// Maps offsets in substituted text back to the text the user wrote. Diagnostics must point
/// at the original file, whatever length the substituted values had.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct OffsetMap {
    /// The `${..}` occurrences that were replaced, in text order; between them the two
    /// texts only differ by a constant shift.
    replaced: Vec<Replacement>,
    /// Added to every original offset: a frontmatter block's start in its SQL file.
    base: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Replacement {
    subst: Range<u32>,
    orig: Range<u32>,
}

impl OffsetMap {
    /// The same map for text that starts at `base` in its file.
    pub(crate) fn shifted(mut self, base: TextSize) -> OffsetMap {
        self.base = u32::from(base);
        self
    }

    /// The original offset of a range start: inside a substituted value, the start of its
    /// `${..}`.
    pub fn start(&self, offset: usize) -> TextSize {
        let off = to_u32(offset);
        // The first replacement that ends after `off`: `off` is inside it or before it.
        let i = self.replaced.partition_point(|r| r.subst.end <= off);
        let orig = match self.replaced.get(i) {
            Some(r) if r.subst.start <= off => r.orig.start,
            _ => self.shift_after(i, off),
        };
        TextSize::from(orig.saturating_add(self.base))
    }

    /// The original offset of a range end: inside a substituted value, the end of its `${..}`.
    pub fn end(&self, offset: usize) -> TextSize {
        let off = to_u32(offset);
        // The first replacement that ends at or after `off`; `off` is inside it when it
        // starts before `off` (an end offset equal to a replacement's start is before it).
        let i = self.replaced.partition_point(|r| r.subst.end < off);
        let orig = match self.replaced.get(i) {
            Some(r) if r.subst.start < off => r.orig.end,
            _ => self.shift_after(i, off),
        };
        TextSize::from(orig.saturating_add(self.base))
    }

    /// A range of the substituted text as a range of the original text.
    pub fn range(&self, range: Range<usize>) -> TextRange {
        let start = self.start(range.start);
        let end = self.end(range.end).max(start);
        TextRange::new(start, end)
    }

    /// `off` lies after every replacement before index `i`: shift it by the last one's delta.
    fn shift_after(&self, i: usize, off: u32) -> u32 {
        match i.checked_sub(1).and_then(|p| self.replaced.get(p)) {
            Some(prev) => prev.orig.end.saturating_add(off.saturating_sub(prev.subst.end)),
            None => off,
        }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// `${VAR}` and `${VAR:-default}` substitution per FORMAT.md §2: the default is used when
/// VAR is unset or empty; lines whose first non-blank character is `#` are left alone; an
/// unset VAR with no default is V002 at its `${..}` and becomes the empty string, so parsing
/// goes on. `${` not followed by a name and `}` is left as written.
pub fn substitute_env(
    text: &str,
    env: &BTreeMap<String, String>,
) -> (String, OffsetMap, Vec<Diagnostic>) {
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::default();
    let mut diags = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('#') {
            out.push_str(line);
        } else {
            substitute_line(line, line_start, env, &mut out, &mut map, &mut diags);
        }
        line_start += line.len();
    }
    (out, map, diags)
}

fn substitute_line(
    line: &str,
    line_start: usize,
    env: &BTreeMap<String, String>,
    out: &mut String,
    map: &mut OffsetMap,
    diags: &mut Vec<Diagnostic>,
) {
    let mut rest = 0;
    let mut search = 0;
    while let Some(found) = line.get(search..).and_then(|s| s.find("${")) {
        let at = search + found;
        let Some(var) = parse_var(line.get(at..).unwrap_or("")) else {
            search = at + 2;
            continue;
        };
        out.push_str(line.get(rest..at).unwrap_or(""));
        let orig = line_start + at..line_start + at + var.len;
        let value = match (env.get(var.name).filter(|v| !v.is_empty()), var.default) {
            (Some(v), _) => v.as_str(),
            (None, Some(default)) => default,
            // Set but empty, no default: the empty value is what the user gave.
            (None, None) if env.contains_key(var.name) => "",
            (None, None) => {
                let range = TextRange::new(
                    TextSize::from(to_u32(orig.start)),
                    TextSize::from(to_u32(orig.end)),
                );
                diags.push(
                    Diagnostic::new(
                        Code::V002,
                        None,
                        range,
                        format!("environment variable `{}` is not set", var.name),
                    )
                    .with_help(format!(
                        "set `{0}`, or give a default: `${{{0}:-value}}`",
                        var.name
                    )),
                );
                ""
            }
        };
        let subst_start = out.len();
        out.push_str(value);
        map.replaced.push(Replacement {
            subst: to_u32(subst_start)..to_u32(out.len()),
            orig: to_u32(orig.start)..to_u32(orig.end),
        });
        rest = at + var.len;
        search = rest;
    }
    out.push_str(line.get(rest..).unwrap_or(""));
}

struct Var<'a> {
    name: &'a str,
    default: Option<&'a str>,
    /// Bytes from `$` to `}` inclusive.
    len: usize,
}

/// `${NAME}` or `${NAME:-default}` at the start of `s`; NAME is `[A-Za-z_][A-Za-z0-9_]*`,
/// the default runs to the first `}` on the line.
fn parse_var(s: &str) -> Option<Var<'_>> {
    let body = s.strip_prefix("${")?;
    let name_len = body
        .char_indices()
        .find(|&(i, c)| !(c == '_' || c.is_ascii_alphabetic() || (i > 0 && c.is_ascii_digit())))
        .map_or(body.len(), |(i, _)| i);
    if name_len == 0 {
        return None;
    }
    let name = body.get(..name_len)?;
    let after = body.get(name_len..)?;
    if after.starts_with('}') {
        return Some(Var { name, default: None, len: 2 + name_len + 1 });
    }
    let default_and_rest = after.strip_prefix(":-")?;
    let close = default_and_rest.find(['}', '\n'])?;
    if !default_and_rest.get(close..)?.starts_with('}') {
        return None;
    }
    let default = default_and_rest.get(..close)?;
    Some(Var { name, default: Some(default), len: 2 + name_len + 2 + close + 1 })
}
