//! The one place identifiers and values become SQL text: every name a plan interpolates
//! (targets, columns, partition keys, CTE names) goes through [`ident`], every value
//! through [`string_literal`] or [`value`], so nothing from a project or a command line
//! is ever executed as SQL.

use std::fmt;

use hir::syntax::Dialect;

/// Why a name cannot be used as an identifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsafeIdent {
    pub name: String,
    pub reason: &'static str,
}

impl fmt::Display for UnsafeIdent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` cannot be used as a SQL identifier: {}",
            self.name.escape_debug(),
            self.reason
        )
    }
}

impl std::error::Error for UnsafeIdent {}

/// Longest identifier any supported warehouse accepts (Snowflake: 255).
const MAX_IDENT_LEN: usize = 255;

/// `name` as a quoted identifier of `dialect`. Quoting makes quotes, semicolons and
/// comment markers inert; names a warehouse could still misread (empty, too long, holding
/// control characters, or the backtick of a backtick-quoting dialect) are refused.
pub fn ident(name: &str, dialect: Dialect) -> Result<String, UnsafeIdent> {
    let refuse = |reason| Err(UnsafeIdent { name: name.to_owned(), reason });
    if name.is_empty() {
        return refuse("it is empty");
    }
    if name.len() > MAX_IDENT_LEN {
        return refuse("it is longer than 255 bytes");
    }
    if name.chars().any(char::is_control) {
        return refuse("it holds a control character");
    }
    let quote = match dialect {
        Dialect::Databricks | Dialect::BigQuery => '`',
        _ => '"',
    };
    if quote == '`' && name.contains('`') {
        return refuse("it holds a backtick");
    }
    let mut out = String::with_capacity(name.len() + 2);
    out.push(quote);
    for c in name.chars() {
        if c == quote {
            out.push(quote);
        }
        out.push(c);
    }
    out.push(quote);
    Ok(out)
}

/// A dotted path of quoted identifiers (`"catalog"."schema"."table"`).
pub fn path(parts: &[&str], dialect: Dialect) -> Result<String, UnsafeIdent> {
    let quoted: Result<Vec<String>, UnsafeIdent> =
        parts.iter().map(|p| ident(p, dialect)).collect();
    Ok(quoted?.join("."))
}

/// `text` as a SQL string literal: quotes doubled, so the text can never end the literal.
/// A NUL byte (which some drivers treat as the end of the statement) is refused.
pub fn string_literal(text: &str) -> Result<String, UnsafeIdent> {
    if text.contains('\0') {
        return Err(UnsafeIdent { name: text.to_owned(), reason: "it holds a NUL byte" });
    }
    Ok(format!("'{}'", text.replace('\'', "''")))
}

/// A `--var` value: a number stays a number literal, anything else becomes a string
/// literal (never SQL text).
pub fn value(text: &str) -> Result<String, UnsafeIdent> {
    let t = text.trim();
    let numeric = !t.is_empty()
        && t.len() <= 40
        && t.trim_start_matches('-').chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.trim_start_matches('-').starts_with(|c: char| c.is_ascii_digit())
        && t.matches('.').count() <= 1
        && t.matches('-').count() <= usize::from(t.starts_with('-'));
    if numeric { Ok(t.to_owned()) } else { string_literal(text) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_makes_hostile_names_inert() {
        let d = Dialect::DuckDb;
        assert_eq!(ident("orders", d).unwrap(), r#""orders""#);
        assert_eq!(ident(r#"a"; DROP TABLE x; --"#, d).unwrap(), r#""a""; DROP TABLE x; --""#);
        assert_eq!(ident("x`y", Dialect::Snowflake).unwrap(), r#""x`y""#);
        assert!(ident("x`y", Dialect::Databricks).is_err());
        assert_eq!(ident("a b", Dialect::BigQuery).unwrap(), "`a b`");
        assert!(ident("", d).is_err());
        assert!(ident("a\nb", d).is_err());
        assert!(ident("a\0b", d).is_err());
        assert!(ident(&"x".repeat(256), d).is_err());
        assert_eq!(path(&["c", "s", "t"], d).unwrap(), r#""c"."s"."t""#);
    }

    #[test]
    fn values_are_numbers_or_string_literals() {
        assert_eq!(value("42").unwrap(), "42");
        assert_eq!(value("-3.5").unwrap(), "-3.5");
        assert_eq!(value("1-2").unwrap(), "'1-2'");
        assert_eq!(value("1; DROP TABLE t").unwrap(), "'1; DROP TABLE t'");
        assert_eq!(value("it's").unwrap(), "'it''s'");
        assert_eq!(value("").unwrap(), "''");
        assert!(string_literal("a\0").is_err());
    }
}
