//! The `---toml` … `---` block a SQL model may carry instead of a sidecar (FORMAT.md §1).

use syntax::{TextRange, TextSize};

/// Where a SQL file's frontmatter is. Offsets are in the SQL file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Frontmatter {
    /// The opening `---toml` or `---` line, without its line break.
    pub open: TextRange,
    /// The TOML between the fences.
    pub toml: TextRange,
    /// The closing `---` line; `None` when the block is never closed (the caller reports
    /// it; the TOML then runs to the end of the file).
    pub close: Option<TextRange>,
    /// Where the SQL body starts: after the closing line; the end of the file if unclosed.
    pub body_start: TextSize,
}

/// `---toml` or `---` alone on the first line, closed by a line `---`. `None` when the
/// file has no frontmatter.
pub fn split_frontmatter(sql: &str) -> Option<Frontmatter> {
    let start = if sql.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut lines = Lines { text: sql, pos: start };
    let (open_start, open_line, _) = lines.next()?;
    if !matches!(open_line.trim_end(), "---toml" | "---") {
        return None;
    }
    let open = range(open_start, open_start + open_line.trim_end().len());
    let toml_start = lines.pos;
    while let Some((line_start, line, next)) = lines.next() {
        if line.trim_end() == "---" {
            return Some(Frontmatter {
                open,
                toml: range(toml_start, line_start),
                close: Some(range(line_start, line_start + 3)),
                body_start: size(next),
            });
        }
    }
    Some(Frontmatter {
        open,
        toml: range(toml_start, sql.len()),
        close: None,
        body_start: size(sql.len()),
    })
}

/// Lines with their start offsets and the offset after their line break.
struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Lines<'a> {
    fn next(&mut self) -> Option<(usize, &'a str, usize)> {
        let rest = self.text.get(self.pos..)?;
        if rest.is_empty() {
            return None;
        }
        let start = self.pos;
        let (line, len) = match rest.find('\n') {
            Some(nl) => (rest.get(..nl).unwrap_or(""), nl + 1),
            None => (rest, rest.len()),
        };
        self.pos += len;
        Some((start, line, self.pos))
    }
}

fn size(n: usize) -> TextSize {
    TextSize::from(u32::try_from(n).unwrap_or(u32::MAX))
}

fn range(start: usize, end: usize) -> TextRange {
    TextRange::new(size(start), size(end.max(start)))
}
