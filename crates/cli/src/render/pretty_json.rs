//! JSON written straight into a buffer in `serde_json`'s pretty layout (two spaces per
//! level), byte for byte, for the compile output's models: at 10,000 models they are 25 MB,
//! mostly SQL text, and `serde_json` escapes a string one byte at a time and writes a line's
//! indentation two spaces at a time. Here a string is scanned eight bytes at a time for
//! what needs escaping, and a line break comes with its indentation in one copy.

/// A pretty JSON writer at some depth of a larger document.
pub(crate) struct PrettyJson<'w> {
    out: &'w mut Vec<u8>,
    depth: usize,
    /// No item yet in the innermost open object or array.
    first: bool,
}

impl<'w> PrettyJson<'w> {
    /// Writes into `out`, as if `depth` objects or arrays were open around what comes.
    pub(crate) fn new(out: &'w mut Vec<u8>, depth: usize) -> PrettyJson<'w> {
        PrettyJson { out, depth, first: true }
    }

    pub(crate) fn begin_object(&mut self) {
        self.open(b'{');
    }

    pub(crate) fn end_object(&mut self) {
        self.close(b'}');
    }

    pub(crate) fn begin_array(&mut self) {
        self.open(b'[');
    }

    pub(crate) fn end_array(&mut self) {
        self.close(b']');
    }

    /// An object's key; its value comes next.
    pub(crate) fn key(&mut self, key: &str) {
        self.item();
        write_str(self.out, key);
        self.out.extend_from_slice(b": ");
    }

    /// Before each element of an array.
    pub(crate) fn element(&mut self) {
        self.item();
    }

    pub(crate) fn str(&mut self, value: &str) {
        write_str(self.out, value);
    }

    pub(crate) fn bool(&mut self, value: bool) {
        self.out.extend_from_slice(if value { b"true" } else { b"false" });
    }

    pub(crate) fn null(&mut self) {
        self.out.extend_from_slice(b"null");
    }

    fn open(&mut self, bracket: u8) {
        self.depth += 1;
        self.first = true;
        self.out.push(bracket);
    }

    /// An empty object or array closes on its line (`[]`), others on a line of their own.
    fn close(&mut self, bracket: u8) {
        self.depth -= 1;
        if !self.first {
            self.line_break();
        }
        self.out.push(bracket);
        // What just closed was an item of the object or array around it.
        self.first = false;
    }

    fn item(&mut self) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        self.line_break();
    }

    fn line_break(&mut self) {
        let mut spaces = self.depth * 2;
        let first = spaces.min(BREAK.len() - 1);
        self.out.extend_from_slice(&BREAK[..=first]);
        spaces -= first;
        while spaces > 0 {
            let n = spaces.min(BREAK.len() - 1);
            self.out.extend_from_slice(&BREAK[1..=n]);
            spaces -= n;
        }
    }
}

/// A line break and indentation for up to 64 levels; deeper lines repeat it.
const BREAK: &[u8; 129] = b"\n                                                                                                                                ";

/// `value` as a JSON string, escaped as `serde_json` escapes it: `"` and `\` and the
/// control characters below U+0020, nothing else.
fn write_str(out: &mut Vec<u8>, value: &str) {
    let bytes = value.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // `bytes[start..]` is not written yet.
    let mut start = 0;
    while let Some(at) = next_escape(bytes, start) {
        out.extend_from_slice(bytes.get(start..at).unwrap_or_default());
        write_escape(out, bytes[at]);
        start = at + 1;
    }
    out.extend_from_slice(bytes.get(start..).unwrap_or_default());
    out.push(b'"');
}

/// Where the first byte at or after `from` that needs escaping is, looked for eight bytes
/// at a time.
fn next_escape(bytes: &[u8], mut from: usize) -> Option<usize> {
    while let Some(chunk) = bytes.get(from..from + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let found = escape_mask(u64::from_le_bytes(word));
        if found != 0 {
            return Some(from + found.trailing_zeros() as usize / 8);
        }
        from += 8;
    }
    let rest = bytes.get(from..)?;
    rest.iter().position(|&b| b < 0x20 || b == b'"' || b == b'\\').map(|i| from + i)
}

/// The high bit of each byte of `word` (little-endian) that is a control character, `"` or
/// `\` — exact up to the lowest one set, which is all [`next_escape`] reads (the bit tricks
/// of "Bit Twiddling Hacks": a byte below `n` for `n` ≤ 128, a byte equal to one).
fn escape_mask(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word;
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x;
    (below_space | has_zero(quote) | has_zero(backslash)) & HIGH
}

/// The escape of a byte [`next_escape`] found.
fn write_escape(out: &mut Vec<u8>, b: u8) {
    let escaped: &[u8] = match b {
        b'"' => b"\\\"",
        b'\\' => b"\\\\",
        b'\n' => b"\\n",
        b'\r' => b"\\r",
        b'\t' => b"\\t",
        0x08 => b"\\b",
        0x0c => b"\\f",
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xf)]);
            return;
        }
    };
    out.extend_from_slice(escaped);
}

#[cfg(test)]
mod tests {
    use super::{PrettyJson, write_str};

    /// Every string of up to three of these characters, at every offset in a 16-byte run
    /// (so at every position of an eight-byte chunk and across two), escapes as
    /// `serde_json` escapes it.
    #[test]
    fn strings_escape_as_serde_json_escapes_them() {
        let alphabet = [
            'a', '"', '\\', '\n', '\r', '\t', '\u{8}', '\u{c}', '\u{0}', '\u{1f}', '\u{7f}', 'é',
            '€', '🦀', ' ',
        ];
        let mut cases = vec![String::new()];
        for a in alphabet {
            cases.push(a.to_string());
            for b in alphabet {
                cases.push(format!("{a}{b}"));
                for c in alphabet {
                    cases.push(format!("{a}{b}{c}"));
                }
            }
        }
        for case in &cases {
            for pad in 0..17 {
                let text = format!("{}{case}{}", "x".repeat(pad), "y".repeat(16 - pad));
                let mut ours = Vec::new();
                write_str(&mut ours, &text);
                let theirs = serde_json::to_vec(&text).expect("serializes");
                assert_eq!(ours, theirs, "{text:?}");
            }
        }
    }

    #[test]
    fn layout_is_serde_jsons_pretty_layout() {
        let value = serde_json::json!({
            "a": [1, [], {}, [[]], [{}], { "b": [true, null, "s\"t"] }],
            "c": {},
            "d": "x\ny",
        });
        // The same document through the writer; numbers are not needed by its users, so
        // they are written as the strings serde_json would print for them.
        let mut ours = Vec::new();
        write_value(&mut PrettyJson::new(&mut ours, 0), &value);
        let theirs = serde_json::to_vec_pretty(&value).expect("serializes");
        assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));

        let deep =
            (0..70).fold(serde_json::json!("leaf"), |v, _| serde_json::json!({ "k": [v, true] }));
        let mut ours = Vec::new();
        write_value(&mut PrettyJson::new(&mut ours, 0), &deep);
        let theirs = serde_json::to_vec_pretty(&deep).expect("serializes");
        assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
    }

    fn write_value(w: &mut PrettyJson<'_>, value: &serde_json::Value) {
        match value {
            serde_json::Value::Null => w.null(),
            serde_json::Value::Bool(b) => w.bool(*b),
            serde_json::Value::Number(n) => w.out.extend_from_slice(n.to_string().as_bytes()),
            serde_json::Value::String(s) => w.str(s),
            serde_json::Value::Array(items) => {
                w.begin_array();
                for item in items {
                    w.element();
                    write_value(w, item);
                }
                w.end_array();
            }
            serde_json::Value::Object(entries) => {
                w.begin_object();
                for (k, v) in entries {
                    w.key(k);
                    write_value(w, v);
                }
                w.end_object();
            }
        }
    }
}
