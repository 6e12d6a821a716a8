//! Case-insensitive SQL names.

use std::fmt;

use std::hash::{Hash, Hasher};
use std::sync::{LazyLock, Mutex, PoisonError};

use rustc_hash::FxHashSet;

/// A name as SQL compares it: unquoted names fold to lower case, quoted names keep their
/// case (FORMAT.md §4). Interned: a 10,000-model project stores each column name once,
/// however many queries mention it, and two names compare by address. Interned text is
/// never freed (see the issue notes on the language server).
#[derive(Clone, Copy)]
pub struct Name {
    key: &'static str,
}

impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        // One copy of each text: the same text is the same address.
        std::ptr::eq(self.key, other.key)
    }
}

impl Eq for Name {}

/// From the text, so hash maps keyed by names iterate in the same order on every run.
impl Hash for Name {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key.hash(state);
    }
}

impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Name) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Name {
    fn cmp(&self, other: &Name) -> std::cmp::Ordering {
        self.key.cmp(other.key)
    }
}

/// The interned texts, in shards so threads rarely wait on each other. A small interner
/// of our own: `ustr` preallocates a 12 MB table (8 MB of it touched by a few thousand
/// names), `lasso` locks on every read of a name's text, `internment` hashes by address.
const SHARDS: usize = 16;
static INTERNED: LazyLock<[Mutex<FxHashSet<&'static str>>; SHARDS]> =
    LazyLock::new(|| std::array::from_fn(|_| Mutex::new(FxHashSet::default())));

fn intern(text: &str) -> &'static str {
    let mut h = rustc_hash::FxHasher::default();
    text.hash(&mut h);
    let hash = h.finish();
    // Most names are met again and again (the same columns in every model): a small
    // per-thread cache answers those without taking a shard's lock.
    let slot = (hash as usize) % RECENT;
    if let Some(known) = RECENTLY.with(|r| r[slot].get()).filter(|&k| k == text) {
        return known;
    }
    let shard = &INTERNED[(hash as usize >> 32) % SHARDS];
    // Nothing panics while the lock is held, so a poisoned shard is still consistent.
    let mut set = shard.lock().unwrap_or_else(PoisonError::into_inner);
    let interned = match set.get(text) {
        Some(&known) => known,
        None => {
            let leaked: &'static str = Box::leak(Box::from(text));
            set.insert(leaked);
            leaked
        }
    };
    drop(set);
    RECENTLY.with(|r| r[slot].set(Some(interned)));
    interned
}

/// Slots of the per-thread cache of interned texts, by hash.
const RECENT: usize = 1024;

thread_local! {
    static RECENTLY: [std::cell::Cell<Option<&'static str>>; RECENT] =
        const { [const { std::cell::Cell::new(None) }; RECENT] };
}

impl Name {
    /// A name as written, unquoted; `quoted` keeps its case.
    pub fn new(text: &str, quoted: bool) -> Name {
        let (ascii, ascii_upper) = ascii_and_upper(text.as_bytes());
        let upper = ascii_upper || (!ascii && text.chars().any(char::is_uppercase));
        if quoted || !upper {
            return Name { key: intern(text) };
        }
        // Upper-case ASCII names (`COUNT`, `SUM`: function names as people write them)
        // fold on the stack.
        let mut buf = [0u8; 64];
        if let (true, Some(short)) = (ascii, buf.get_mut(..text.len())) {
            short.copy_from_slice(text.as_bytes());
            short.make_ascii_lowercase();
            if let Ok(folded) = std::str::from_utf8(short) {
                return Name { key: intern(folded) };
            }
        }
        Name { key: intern(&text.to_lowercase()) }
    }

    /// A name as `dialect` compares it. DuckDB, BigQuery and Databricks compare every
    /// identifier case-insensitively, quoted or not; Snowflake folds unquoted names to upper
    /// case, so a quoted all-upper-case name equals the unquoted one; ANSI keeps quoted case.
    /// One Snowflake case folding to lower case cannot tell apart: a quoted all-lower-case
    /// name (`"id"`) is taken to equal the unquoted `id`, which Snowflake reads as `ID`.
    pub fn in_dialect(text: &str, quoted: bool, dialect: syntax::Dialect) -> Name {
        use syntax::Dialect::*;
        let case_sensitive = match dialect {
            DuckDb | BigQuery | Databricks => false,
            Snowflake => quoted && text.chars().any(char::is_lowercase),
            Ansi => quoted,
        };
        Name::new(text, case_sensitive)
    }

    /// An unquoted name (folded).
    pub fn folded(text: &str) -> Name {
        Name::new(text, false)
    }

    pub fn as_str(&self) -> &'static str {
        self.key
    }
}

/// Whether `bytes` are all ASCII, and whether one is an ASCII upper-case letter: eight
/// bytes at a time, as every identifier of every model passes here ("Bit Twiddling Hacks":
/// a byte between two values, exact per byte for values below 128).
fn ascii_and_upper(bytes: &[u8]) -> (bool, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = ONES * 0x7f;
    const HIGH: u64 = ONES * 0x80;
    let (mut any_high, mut upper) = (0u64, 0u64);
    let mut scan = |word: u64| {
        any_high |= word;
        // Bytes strictly between `@` (0x40) and `[` (0x5b): `A` to `Z`.
        let low = word & LOW7;
        upper |= (ONES * (127 + 0x5b) - low) & !word & (low + ONES * (127 - 0x40));
    };
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        scan(u64::from_le_bytes(word));
    }
    // The last bytes, zero-padded (a zero byte is neither), shifted in without a copy call.
    scan(chunks.remainder().iter().rev().fold(0u64, |acc, &b| acc << 8 | u64::from(b)));
    (any_high & HIGH == 0, upper & HIGH != 0)
}

/// As its text: names are interned again when read back (the load cache keeps the seed's
/// table signatures, `crate::facts`).
impl serde::Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key)
    }
}

impl<'de> serde::Deserialize<'de> for Name {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Name, D::Error> {
        // The kept text is already folded as the name was made: interned as it is.
        let text = String::deserialize(d)?;
        Ok(Name { key: intern(&text) })
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.key, f)
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key)
    }
}

#[cfg(test)]
mod tests {
    use super::Name;
    use syntax::Dialect;

    #[test]
    fn one_text_is_one_name_across_threads() {
        let names: Vec<Name> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4).map(|_| s.spawn(|| Name::folded("Order_ID"))).collect();
            handles.into_iter().map(|h| h.join().expect("interning thread")).collect()
        });
        for pair in names.windows(2) {
            assert!(pair[0] == pair[1] && std::ptr::eq(pair[0].as_str(), pair[1].as_str()));
        }
        assert_eq!(names[0].as_str(), "order_id");
        assert_ne!(Name::folded("a"), Name::folded("b"));
        assert!(Name::folded("a") < Name::folded("b"), "names order by their text");
    }

    #[test]
    fn ascii_and_upper_case_are_told_bytewise() {
        // Every byte at every position of words of up to 17 bytes, among lower-case bytes.
        for len in 1..=17 {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut word = vec![b'a'; len];
                    word[at] = b;
                    let expected = (word.is_ascii(), word.iter().any(u8::is_ascii_uppercase));
                    assert_eq!(super::ascii_and_upper(&word), expected, "{word:?}");
                }
            }
        }
        assert_eq!(super::ascii_and_upper(b""), (true, false));
    }

    #[test]
    fn quoted_names_per_dialect() {
        let eq = |a: (&str, bool), b: (&str, bool), d| {
            Name::in_dialect(a.0, a.1, d) == Name::in_dialect(b.0, b.1, d)
        };
        // DuckDB, BigQuery, Databricks: case never matters.
        for d in [Dialect::DuckDb, Dialect::BigQuery, Dialect::Databricks] {
            assert!(eq(("ORDER_ID", true), ("order_id", false), d));
            assert!(eq(("MyCol", true), ("mycol", false), d));
        }
        // Snowflake: unquoted folds to upper case, so only an upper-case quoted name matches.
        assert!(eq(("ORDER_ID", true), ("order_id", false), Dialect::Snowflake));
        assert!(!eq(("MyCol", true), ("mycol", false), Dialect::Snowflake));
        // ANSI: quoted names keep their case.
        assert!(!eq(("ORDER_ID", true), ("order_id", false), Dialect::Ansi));
        assert!(eq(("order_id", true), ("ORDER_ID", false), Dialect::Ansi));
    }
}
