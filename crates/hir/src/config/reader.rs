//! Typed reads of a TOML table that report wrong types (V004), missing keys (V005) and
//! every key nobody asked for (V003, with a did-you-mean).

use syntax::TextRange;

use super::toml_walk::{TomlEntry, TomlTable, TomlValue};
use super::{Float, Secret, SmallMap, Spanned};
use crate::diagnostics::{Code, Diagnostic, did_you_mean};

/// Where diagnostics collect while a document is read.
#[derive(Default)]
pub(crate) struct Cx {
    pub diags: Vec<Diagnostic>,
}

impl Cx {
    pub fn push(&mut self, code: Code, range: TextRange, message: impl Into<String>) {
        self.diags.push(Diagnostic::new(code, None, range, message));
    }

    pub fn push_help(
        &mut self,
        code: Code,
        range: TextRange,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        let d = Diagnostic::new(code, None, range, message);
        self.diags.push(match help {
            Some(help) => d.with_help(help),
            None => d,
        });
    }

    pub fn wrong_type(&mut self, key: &str, range: TextRange, expected: &str) {
        self.push(Code::V004, range, format!("`{key}` must be {expected}"));
    }
}

/// Reads one table. Every key asked for counts as known; `finish` warns about the rest.
pub(crate) struct Reader<'t> {
    table: &'t TomlTable,
    /// The table's own range (its header, inline table or implicit key).
    pub range: TextRange,
    /// How messages name the table: `` `adapter.prod` ``.
    pub path: String,
    /// What the table is, when its keys depend on it (`type` of a strategy or test).
    pub type_name: Option<String>,
    known: Vec<&'static str>,
}

impl<'t> Reader<'t> {
    pub fn new(table: &'t TomlTable, range: TextRange, path: impl Into<String>) -> Reader<'t> {
        // A key asked for per entry of the table, or more (keys it may lack): room for them
        // at once rather than regrowing per table.
        let known = Vec::with_capacity(table.entries.len().max(4) * 2);
        Reader { table, range, path: path.into(), type_name: None, known }
    }

    pub fn table(&self) -> &'t TomlTable {
        self.table
    }

    /// The entry under `key`, if any; `key` becomes known either way.
    pub fn entry(&mut self, key: &'static str) -> Option<&'t TomlEntry> {
        if !self.known.contains(&key) {
            self.known.push(key);
        }
        self.table.get(key)
    }

    /// Child path for messages: `adapter.prod` + `retry`.
    pub fn child_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            return key.to_owned();
        }
        // Built by hand: every sub-table gets one, and the formatting machinery costs more
        // than the copy.
        let mut path = String::with_capacity(self.path.len() + 1 + key.len());
        path.push_str(&self.path);
        path.push('.');
        path.push_str(key);
        path
    }

    pub fn string(&mut self, cx: &mut Cx, key: &'static str) -> Option<Spanned<String>> {
        let entry = self.entry(key)?;
        match &entry.value.value {
            TomlValue::String(s) => Some(Spanned { value: s.clone(), range: entry.value.range }),
            _ => {
                cx.wrong_type(key, entry.value.range, "a string");
                None
            }
        }
    }

    pub fn secret(&mut self, cx: &mut Cx, key: &'static str) -> Option<Secret> {
        self.string(cx, key).map(|s| Secret(s.value))
    }

    pub fn bool(&mut self, cx: &mut Cx, key: &'static str) -> Option<Spanned<bool>> {
        let entry = self.entry(key)?;
        match entry.value.value {
            TomlValue::Boolean(b) => Some(Spanned { value: b, range: entry.value.range }),
            _ => {
                cx.wrong_type(key, entry.value.range, "`true` or `false`");
                None
            }
        }
    }

    pub fn int(&mut self, cx: &mut Cx, key: &'static str) -> Option<Spanned<i64>> {
        let entry = self.entry(key)?;
        match entry.value.value {
            TomlValue::Integer(n) => Some(Spanned { value: n, range: entry.value.range }),
            _ => {
                cx.wrong_type(key, entry.value.range, "an integer");
                None
            }
        }
    }

    /// A non-negative integer.
    pub fn uint(&mut self, cx: &mut Cx, key: &'static str) -> Option<Spanned<u64>> {
        let entry = self.entry(key)?;
        match entry.value.value {
            TomlValue::Integer(n) => match u64::try_from(n) {
                Ok(n) => Some(Spanned { value: n, range: entry.value.range }),
                Err(_) => {
                    cx.wrong_type(key, entry.value.range, "a non-negative integer");
                    None
                }
            },
            _ => {
                cx.wrong_type(key, entry.value.range, "a non-negative integer");
                None
            }
        }
    }

    /// A number; integers are accepted where a float is expected, as TOML users write them.
    pub fn float(&mut self, cx: &mut Cx, key: &'static str) -> Option<Spanned<Float>> {
        let entry = self.entry(key)?;
        let value = match entry.value.value {
            TomlValue::Float(x) => x,
            // i64 to f64 loses precision only past 2^53, far beyond any threshold.
            #[allow(clippy::cast_precision_loss)]
            TomlValue::Integer(n) => Float(n as f64),
            _ => {
                cx.wrong_type(key, entry.value.range, "a number");
                return None;
            }
        };
        Some(Spanned { value, range: entry.value.range })
    }

    /// An array of strings.
    pub fn strings(&mut self, cx: &mut Cx, key: &'static str) -> Vec<Spanned<String>> {
        let Some(entry) = self.entry(key) else { return Vec::new() };
        match &entry.value.value {
            TomlValue::Array(items) => strings_of(cx, key, items),
            _ => {
                cx.wrong_type(key, entry.value.range, "an array of strings");
                Vec::new()
            }
        }
    }

    /// One string or an array of strings (`unique_key = "id"` or `["a", "b"]`).
    pub fn string_or_strings(&mut self, cx: &mut Cx, key: &'static str) -> Vec<Spanned<String>> {
        let Some(entry) = self.entry(key) else { return Vec::new() };
        match &entry.value.value {
            TomlValue::String(s) => vec![Spanned { value: s.clone(), range: entry.value.range }],
            TomlValue::Array(items) => strings_of(cx, key, items),
            _ => {
                cx.wrong_type(key, entry.value.range, "a string or an array of strings");
                Vec::new()
            }
        }
    }

    /// A sub-table (`[a.key]`, `key = { .. }` or dotted keys) as a reader of its own.
    pub fn sub(&mut self, cx: &mut Cx, key: &'static str) -> Option<Reader<'t>> {
        let entry = self.entry(key)?;
        match &entry.value.value {
            TomlValue::Table(t) => Some(Reader::new(t, entry.value.range, self.child_path(key))),
            _ => {
                cx.wrong_type(key, entry.value.range, "a table");
                None
            }
        }
    }

    /// An array of tables (`[[a.key]]` or `key = [{ .. }, ..]`), one reader per element.
    pub fn subs(&mut self, cx: &mut Cx, key: &'static str) -> Vec<Reader<'t>> {
        let Some(entry) = self.entry(key) else { return Vec::new() };
        let path = self.child_path(key);
        match &entry.value.value {
            TomlValue::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| match &item.value {
                    TomlValue::Table(t) => Some(Reader::new(t, item.range, format!("{path}[{i}]"))),
                    _ => {
                        cx.wrong_type(key, item.range, "an array of tables");
                        None
                    }
                })
                .collect(),
            _ => {
                cx.wrong_type(key, entry.value.range, "an array of tables");
                Vec::new()
            }
        }
    }

    /// A table of strings (`[tags]`).
    pub fn string_map(&mut self, cx: &mut Cx, key: &'static str) -> SmallMap<String> {
        let Some(sub) = self.sub(cx, key) else { return SmallMap::new() };
        let mut out = SmallMap::new();
        for (k, entry) in &sub.table.entries {
            match &entry.value.value {
                TomlValue::String(s) => {
                    out.insert(k.clone(), s.clone());
                }
                _ => cx.wrong_type(&sub.child_path(k), entry.value.range, "a string"),
            }
        }
        out.shrink_to_fit();
        out
    }

    /// A table kept as written.
    pub fn tree(&mut self, cx: &mut Cx, key: &'static str) -> Option<Spanned<TomlTable>> {
        let sub = self.sub(cx, key)?;
        Some(Spanned { value: sub.table.clone(), range: sub.range })
    }

    /// Any value kept as written.
    pub fn value(&mut self, key: &'static str) -> Option<Spanned<TomlValue>> {
        self.entry(key).map(|e| e.value.clone())
    }

    /// V005 unless `key` is present (a present key of the wrong type already got V004).
    pub fn require<T>(&self, cx: &mut Cx, key: &str, value: Option<T>) -> Option<T> {
        if value.is_none() && self.table.get(key).is_none() {
            let message = if self.path.is_empty() {
                format!("the file has no `{key}`; add it")
            } else {
                format!("`{}` has no `{key}`; add it", self.path)
            };
            cx.push(Code::V005, self.range, message);
        }
        value
    }

    /// Range of `key` itself, for diagnostics about a key.
    pub fn key_range(&self, key: &str) -> Option<TextRange> {
        self.table.get(key).map(|e| e.key)
    }

    /// V003 for every key nobody asked for.
    pub fn finish(self, cx: &mut Cx) {
        for (key, entry) in &self.table.entries {
            if self.known.contains(&key.as_str()) {
                continue;
            }
            let place = match &self.type_name {
                _ if self.path.is_empty() => String::new(),
                Some(t) => format!("`{}` of type `{t}`", self.path),
                None => format!("`{}`", self.path),
            };
            unknown_key(cx, key, entry.key, &place, &self.known);
        }
    }
}

/// V003 for `key` in `place` (`` `adapter.prod` ``; empty at the top level).
pub(crate) fn unknown_key(cx: &mut Cx, key: &str, range: TextRange, place: &str, known: &[&str]) {
    let place =
        if place.is_empty() { "at the top level".to_owned() } else { format!("in {place}") };
    let help = did_you_mean(key, known.iter().copied()).unwrap_or_else(|| {
        let mut known: Vec<&str> = known.to_vec();
        known.sort_unstable();
        // A short list helps; a long one is noise.
        if known.is_empty() || known.len() > 10 {
            "remove it: it is ignored".to_owned()
        } else {
            let list: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
            format!("remove it; known keys: {}", list.join(", "))
        }
    });
    cx.push_help(Code::V003, range, format!("unknown key `{key}` {place}"), Some(help));
}

fn strings_of(cx: &mut Cx, key: &str, items: &[Spanned<TomlValue>]) -> Vec<Spanned<String>> {
    items
        .iter()
        .filter_map(|item| match &item.value {
            TomlValue::String(s) => Some(Spanned { value: s.clone(), range: item.range }),
            _ => {
                cx.wrong_type(key, item.range, "an array of strings");
                None
            }
        })
        .collect()
}

/// Reads a string-valued enum: V004 listing the allowed values (with a did-you-mean).
pub(crate) fn parse_enum<T: Copy>(
    cx: &mut Cx,
    key: &str,
    value: Spanned<String>,
    options: &[(&'static str, T)],
) -> Option<Spanned<T>> {
    if let Some((_, v)) = options.iter().find(|(name, _)| *name == value.value) {
        return Some(Spanned { value: *v, range: value.range });
    }
    let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
    let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    let help = did_you_mean(&value.value, names.iter().copied());
    cx.push_help(
        Code::V004,
        value.range,
        format!("`{key}` must be one of {}", list.join(", ")),
        help,
    );
    None
}
