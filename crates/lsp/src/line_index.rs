//! Byte offsets to LSP positions and back, in the negotiated encoding (UTF-8 or UTF-16),
//! clamping positions past the end of a line or of the text.

use ide::{TextRange, TextSize};
use std::sync::Arc;

use line_index::{LineCol, WideEncoding};
use tower_lsp_server::ls_types::{Position, Range};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    Utf16,
}

/// One text and its line starts, built once per text and request.
pub(crate) struct LineIndex {
    index: line_index::LineIndex,
    pub(crate) text: Arc<str>,
    encoding: Encoding,
}

impl LineIndex {
    pub(crate) fn new(text: Arc<str>, encoding: Encoding) -> LineIndex {
        LineIndex { index: line_index::LineIndex::new(&text), text, encoding }
    }

    pub(crate) fn position(&self, offset: TextSize) -> Position {
        let offset = offset.min(TextSize::of(&*self.text));
        let lc = self.index.line_col(offset);
        let col = match self.encoding {
            Encoding::Utf8 => lc.col,
            Encoding::Utf16 => {
                self.index.to_wide(WideEncoding::Utf16, lc).map_or(lc.col, |w| w.col)
            }
        };
        Position { line: lc.line, character: col }
    }

    pub(crate) fn range(&self, range: TextRange) -> Range {
        Range { start: self.position(range.start()), end: self.position(range.end()) }
    }

    /// The offset of `pos`; a line past the end is the end of the text, a column past the
    /// end of its line is the line's end (before `\r\n`), a column inside a character is
    /// that character's start.
    pub(crate) fn offset(&self, pos: Position) -> TextSize {
        let len = TextSize::of(&*self.text);
        let Some(line_start) = self.index.offset(LineCol { line: pos.line, col: 0 }) else {
            return len;
        };
        let start = usize::from(line_start);
        let rest = &self.text[start..];
        let line = rest.split('\n').next().unwrap_or("");
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut col_bytes = 0usize;
        let mut units = 0u32;
        for ch in line.chars() {
            let w = match self.encoding {
                Encoding::Utf8 => ch.len_utf8() as u32,
                Encoding::Utf16 => ch.len_utf16() as u32,
            };
            if units + w > pos.character {
                break;
            }
            units += w;
            col_bytes += ch.len_utf8();
        }
        TextSize::from((start + col_bytes) as u32)
    }

    pub(crate) fn text_range(&self, range: Range) -> TextRange {
        let start = self.offset(range.start);
        let end = self.offset(range.end).max(start);
        TextRange::new(start, end)
    }
}
