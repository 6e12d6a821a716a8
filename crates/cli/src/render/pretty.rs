//! `serde_json`'s pretty printing, byte for byte, with each line break and its indentation
//! written at once: the compile output has a million short lines, and the stock formatter
//! writes a line's indentation two spaces at a time.

use std::io;

use serde::Serialize;
use serde_json::ser::Formatter;

/// `value` as `serde_json::to_vec_pretty` writes it.
pub(crate) fn to_vec_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(4096);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Pretty::default());
    value.serialize(&mut ser)?;
    Ok(out)
}

/// Two spaces of indentation per level, as `serde_json::ser::PrettyFormatter::new()`.
#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

/// A line break and indentation for up to 64 levels; deeper lines repeat it.
const BREAK: &[u8; 129] = b"\n                                                                                                                                ";

fn line_break<W: ?Sized + io::Write>(w: &mut W, depth: usize) -> io::Result<()> {
    let mut spaces = depth * 2;
    let first = spaces.min(BREAK.len() - 1);
    w.write_all(&BREAK[..=first])?;
    spaces -= first;
    while spaces > 0 {
        let n = spaces.min(BREAK.len() - 1);
        w.write_all(&BREAK[1..=n])?;
        spaces -= n;
    }
    Ok(())
}

impl Pretty {
    fn open<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            line_break(w, self.depth)?;
        }
        w.write_all(bracket)
    }

    /// Before an array element or an object key: a comma after the first, a new line.
    fn item<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        line_break(w, self.depth)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn writes_what_serde_json_writes() {
        let deep =
            (0..70).fold(serde_json::json!("leaf"), |v, i| serde_json::json!({ "k": [v, i] }));
        let values = [
            serde_json::json!({ "a": [1, 2, { "b": [], "c": {} }], "d": "x\ny", "e": null }),
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!([[[]], [{}], "s"]),
            deep,
        ];
        for v in values {
            let ours = super::to_vec_pretty(&v).expect("serializes");
            let theirs = serde_json::to_vec_pretty(&v).expect("serializes");
            assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
        }
    }
}
