//! Where each byte of a `.rocky` model's generated SQL came from in the `.rocky` text.
//!
//! The SQL is built from segments: text copied from the pipeline (names, numbers) maps byte
//! for byte; generated text (keywords, `=` for `==`, quoting) maps to the whole construct
//! it was generated for. Every byte of the SQL is in exactly one segment, in order.

use syntax::{TextRange, TextSize};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Segment {
    /// Offset of the segment in the SQL; it ends where the next one starts.
    pub(crate) sql_start: TextSize,
    pub(crate) dsl: TextRange,
    /// Copied text: offsets inside map one to one.
    pub(crate) verbatim: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    segments: Vec<Segment>,
    sql_len: TextSize,
}

impl SourceMap {
    pub(crate) fn new(segments: Vec<Segment>, sql_len: TextSize) -> SourceMap {
        SourceMap { segments, sql_len }
    }

    fn segment_at(&self, offset: TextSize) -> Option<(usize, &Segment)> {
        let idx = self.segments.partition_point(|s| s.sql_start <= offset).checked_sub(1)?;
        Some((idx, &self.segments[idx]))
    }

    fn segment_end(&self, idx: usize) -> TextSize {
        self.segments.get(idx + 1).map_or(self.sql_len, |s| s.sql_start)
    }

    /// The `.rocky` range a range of the generated SQL came from.
    pub fn to_dsl(&self, range: TextRange) -> TextRange {
        let Some((i, first)) = self.segment_at(range.start()) else {
            return TextRange::default();
        };
        let start = if first.verbatim {
            (first.dsl.start() + (range.start() - first.sql_start)).min(first.dsl.end())
        } else {
            first.dsl.start()
        };
        if range.is_empty() {
            return TextRange::empty(start);
        }
        let last_byte = range.end() - TextSize::from(1);
        let (j, last) = self.segment_at(last_byte).unwrap_or((i, first));
        let end = if last.verbatim && last_byte < self.segment_end(j) {
            (last.dsl.start() + (range.end() - last.sql_start)).min(last.dsl.end())
        } else {
            last.dsl.end()
        };
        if end >= start {
            TextRange::new(start, end)
        } else {
            // Reordered text (`name: expr` printed `expr AS name`): everything it came from.
            self.segments[i..=j.max(i)].iter().fold(first.dsl, |acc, s| acc.cover(s.dsl))
        }
    }
}

/// Generated SQL under construction, with its segments.
#[derive(Debug, Clone, Default)]
pub(crate) struct Out {
    pub(crate) text: String,
    segments: Vec<Segment>,
}

impl Out {
    /// Appends generated text standing for the `.rocky` construct at `from`.
    pub(crate) fn emit(&mut self, text: &str, from: TextRange) -> &mut Out {
        self.push_segment(text, from, false)
    }

    /// Appends text copied from the `.rocky` source at `from`.
    pub(crate) fn copy(&mut self, text: &str, from: TextRange) -> &mut Out {
        let verbatim = TextSize::of(text) == from.len();
        self.push_segment(text, from, verbatim)
    }

    fn push_segment(&mut self, text: &str, dsl: TextRange, verbatim: bool) -> &mut Out {
        if text.is_empty() {
            return self;
        }
        let sql_start = TextSize::of(self.text.as_str());
        let merge = self.segments.last().is_some_and(|s| !s.verbatim && !verbatim && s.dsl == dsl);
        if !merge {
            self.segments.push(Segment { sql_start, dsl, verbatim });
        }
        self.text.push_str(text);
        self
    }

    pub(crate) fn append(&mut self, other: &Out) -> &mut Out {
        let shift = TextSize::of(self.text.as_str());
        for s in &other.segments {
            self.segments.push(Segment { sql_start: s.sql_start + shift, ..*s });
        }
        self.text.push_str(&other.text);
        self
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub(crate) fn finish(self) -> (String, SourceMap) {
        let len = TextSize::of(self.text.as_str());
        (self.text, SourceMap::new(self.segments, len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(a: u32, b: u32) -> TextRange {
        TextRange::new(a.into(), b.into())
    }

    #[test]
    fn copied_text_maps_byte_for_byte() {
        let mut out = Out::default();
        out.emit("SELECT ", r(0, 6)).copy("amount", r(20, 26)).emit(" FROM ", r(0, 6));
        out.copy("orders", r(5, 11));
        let (sql, map) = out.finish();
        assert_eq!(sql, "SELECT amount FROM orders");
        assert_eq!(map.to_dsl(r(7, 13)), r(20, 26));
        assert_eq!(map.to_dsl(r(8, 10)), r(21, 23));
        assert_eq!(map.to_dsl(r(19, 25)), r(5, 11));
        // A range over generated text covers the construct.
        assert_eq!(map.to_dsl(r(0, 6)), r(0, 6));
        assert_eq!(map.to_dsl(r(0, 25)), r(0, 11));
    }
}
