//! Case-insensitive SQL names.

use std::fmt;

use smol_str::{SmolStr, StrExt};

/// A name as SQL compares it: unquoted names fold to lower case, quoted names keep their
/// case (FORMAT.md §4). Names up to 23 bytes (nearly all of them) are stored inline, so a
/// 10,000-model project's IR does not make an allocation per identifier.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name {
    key: SmolStr,
}

impl Name {
    /// A name as written, unquoted; `quoted` keeps its case.
    pub fn new(text: &str, quoted: bool) -> Name {
        if quoted || !text.chars().any(char::is_uppercase) {
            Name { key: SmolStr::new(text) }
        } else {
            Name { key: text.to_lowercase_smolstr() }
        }
    }

    /// An unquoted name (folded).
    pub fn folded(text: &str) -> Name {
        Name::new(text, false)
    }

    pub fn as_str(&self) -> &str {
        &self.key
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.key, f)
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key)
    }
}
