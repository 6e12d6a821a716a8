//! TOML text to an owned tree whose every key and value carries its range in the original
//! file (through the `${VAR}` offset map); syntax errors become V001.

use std::collections::BTreeMap;
use std::fmt;

use syntax::TextRange;
use toml::de::{DeTable, DeValue};

use super::env::{OffsetMap, substitute_env};
use super::{Float, Spanned};
use crate::diagnostics::{Code, Diagnostic};

/// A TOML value kept as written, for the sections we parse but do not act on yet.
#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TomlValue {
    String(String),
    Integer(i64),
    Float(Float),
    Boolean(bool),
    /// An offset or local date-time, date or time, as TOML prints it.
    Datetime(String),
    Array(Vec<Spanned<TomlValue>>),
    Table(TomlTable),
}

/// A TOML table; keys sorted, so the tree is deterministic.
#[derive(Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct TomlTable {
    pub entries: BTreeMap<String, TomlEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct TomlEntry {
    /// The key as written (the last segment of a dotted key or table header).
    pub key: TextRange,
    pub value: Spanned<TomlValue>,
}

impl TomlValue {
    /// The TOML name of the value's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            TomlValue::String(_) => "string",
            TomlValue::Integer(_) => "integer",
            TomlValue::Float(_) => "float",
            TomlValue::Boolean(_) => "boolean",
            TomlValue::Datetime(_) => "datetime",
            TomlValue::Array(_) => "array",
            TomlValue::Table(_) => "table",
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            TomlValue::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_integer(&self) -> Option<i64> {
        match self {
            TomlValue::Integer(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            TomlValue::Boolean(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Spanned<TomlValue>]> {
        match self {
            TomlValue::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_table(&self) -> Option<&TomlTable> {
        match self {
            TomlValue::Table(t) => Some(t),
            _ => None,
        }
    }
}

impl TomlTable {
    pub fn get(&self, key: &str) -> Option<&TomlEntry> {
        self.entries.get(key)
    }
}

/// Whether a key names a credential, so generic trees never print its value.
pub(crate) fn is_secret_key(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    ["token", "password", "secret", "private_key", "api_key", "credential"]
        .iter()
        .any(|s| key.contains(s))
        && !key.ends_with("_path")
}

impl fmt::Debug for TomlValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TomlValue::String(s) => fmt::Debug::fmt(s, f),
            TomlValue::Integer(i) => fmt::Debug::fmt(i, f),
            TomlValue::Float(x) => fmt::Debug::fmt(x, f),
            TomlValue::Boolean(b) => fmt::Debug::fmt(b, f),
            TomlValue::Datetime(d) => write!(f, "datetime {d}"),
            TomlValue::Array(items) => f.debug_list().entries(items).finish(),
            TomlValue::Table(t) => fmt::Debug::fmt(t, f),
        }
    }
}

impl fmt::Debug for TomlTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Redacted;
        impl fmt::Debug for Redacted {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("\"***\"")
            }
        }
        let mut map = f.debug_map();
        for (key, entry) in &self.entries {
            if is_secret_key(key) {
                map.entry(key, &Redacted);
            } else {
                map.entry(key, &entry.value);
            }
        }
        map.finish()
    }
}

/// A parsed TOML document and what parsing it found.
pub(crate) struct Document {
    pub root: TomlTable,
    pub diags: Vec<Diagnostic>,
    /// The recovered tree may hold placeholder values where the syntax was broken.
    pub syntax_errors: bool,
}

/// Substitutes `${VAR}` (when `env` is given), parses, and converts with original ranges.
/// `base` shifts every range (a frontmatter block inside its SQL file).
pub(crate) fn parse_document(
    text: &str,
    env: Option<&BTreeMap<String, String>>,
    base: syntax::TextSize,
) -> Document {
    let (substituted, map, mut diags) = match env {
        // Most config files name no variable: nothing to substitute, copy or map.
        Some(env) if text.contains("${") => {
            let (out, map, diags) = substitute_env(text, env);
            (std::borrow::Cow::Owned(out), map, diags)
        }
        _ => (std::borrow::Cow::Borrowed(text), OffsetMap::default(), Vec::new()),
    };
    for d in &mut diags {
        d.range += base;
    }
    let map = map.shifted(base);
    let (root, errors) = DeTable::parse_recoverable(&substituted);
    let syntax_errors = !errors.is_empty();
    for err in errors {
        let range = err.span().map_or_else(|| map.range(0..0), |span| map.range(span));
        diags.push(Diagnostic::new(Code::V001, None, range, parser_message(err.message())));
    }
    let mut cx = Convert { map: &map, diags: &mut diags };
    let root = cx.table(root.get_ref());
    Document { root, diags, syntax_errors }
}

/// The toml parser's message in our style: lowercase first letter, no trailing period,
/// one line.
fn parser_message(message: &str) -> String {
    let line = message.lines().next().unwrap_or("").trim().trim_end_matches('.');
    let mut chars = line.chars();
    let mut out = match chars.next() {
        Some(c) if !chars.as_str().starts_with(|c: char| c.is_uppercase()) => {
            c.to_lowercase().collect::<String>()
        }
        Some(c) => c.to_string(),
        None => return "invalid TOML".to_owned(),
    };
    out.push_str(chars.as_str());
    out
}

struct Convert<'a> {
    map: &'a OffsetMap,
    diags: &'a mut Vec<Diagnostic>,
}

impl Convert<'_> {
    fn table(&mut self, table: &DeTable<'_>) -> TomlTable {
        let mut entries = BTreeMap::new();
        for (key, value) in table.iter() {
            let Some(value) = self.value(value) else { continue };
            let entry = TomlEntry { key: self.map.range(key.span()), value };
            entries.insert(key.get_ref().to_string(), entry);
        }
        TomlTable { entries }
    }

    fn value(&mut self, value: &toml::Spanned<DeValue<'_>>) -> Option<Spanned<TomlValue>> {
        let range = self.map.range(value.span());
        let v = match value.get_ref() {
            DeValue::String(s) => TomlValue::String(s.to_string()),
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => TomlValue::Integer(n),
                Err(_) => {
                    self.diags.push(Diagnostic::new(
                        Code::V004,
                        None,
                        range,
                        "integer is out of range; use a value between -2^63 and 2^63-1",
                    ));
                    return None;
                }
            },
            DeValue::Float(x) => {
                // The parser already validated the literal; only "nan" spellings differ.
                let n = x.as_str().parse::<f64>().unwrap_or(f64::NAN);
                TomlValue::Float(Float(n))
            }
            DeValue::Boolean(b) => TomlValue::Boolean(*b),
            DeValue::Datetime(d) => TomlValue::Datetime(d.to_string()),
            DeValue::Array(items) => {
                TomlValue::Array(items.iter().filter_map(|item| self.value(item)).collect())
            }
            DeValue::Table(t) => TomlValue::Table(self.table(t)),
        };
        Some(Spanned { value: v, range })
    }
}
