//! Case-insensitive SQL names.

use std::fmt;
use std::sync::Arc;

/// A name as SQL compares it: unquoted names fold to lower case, quoted names keep their
/// case (FORMAT.md §4). `text` is what the user wrote (unquoted), for messages.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name {
    key: Arc<str>,
}

impl Name {
    /// A name as written, unquoted; `quoted` keeps its case.
    pub fn new(text: &str, quoted: bool) -> Name {
        if quoted || !text.chars().any(|c| c.is_uppercase()) {
            Name { key: Arc::from(text) }
        } else {
            Name { key: Arc::from(text.to_lowercase()) }
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
