//! `<model>.contract.toml`: the columns a model promises and the rules on them
//! (FORMAT.md §5). Contracts get no `${VAR}` substitution.

use syntax::TextRange;

use super::Spanned;
use super::project::finish_diagnostics;
use super::reader::{Cx, Reader};
use super::toml_walk::parse_document;
use crate::diagnostics::{Code, Diagnostic, did_you_mean};

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Contract {
    pub columns: Vec<ContractColumn>,
    pub rules: ContractRules,
}

/// `[[columns]]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ContractColumn {
    pub name: Spanned<String>,
    /// A contract type as written (`Int64`, `Decimal(10,2)`, `Array[String]`); validated.
    pub ty: Option<Spanned<String>>,
    pub nullable: Option<Spanned<bool>>,
    pub description: Option<String>,
    pub range: TextRange,
}

/// `[rules]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ContractRules {
    /// Columns that must exist (E010 when missing).
    pub required: Vec<Spanned<String>>,
    /// Columns that must never be removed (E013).
    pub protected: Vec<Spanned<String>>,
    /// No column may become nullable.
    pub no_new_nullable: bool,
}

/// Type names a contract may use (FORMAT.md §5 and CLI.md's spelling); matched
/// case-insensitively. `Decimal(..)`, `Array[..]`, `Map[..]` and `Struct{..}` are
/// checked by shape.
const TYPE_NAMES: &[&str] = &[
    "Boolean",
    "Int8",
    "Int16",
    "Int32",
    "Int64",
    "Int128",
    "UInt8",
    "UInt16",
    "UInt32",
    "UInt64",
    "Float32",
    "Float64",
    "Decimal",
    "String",
    "Binary",
    "Date",
    "Time",
    "Timestamp",
    "TimestampNtz",
    "TimestampTz",
    "Interval",
    "Uuid",
    "Json",
    "Struct",
    "Variant",
];

pub fn parse_contract(text: &str) -> (Contract, Vec<Diagnostic>) {
    let doc = parse_document(text, None, 0.into());
    let mut cx = Cx::default();
    let mut r = Reader::new(&doc.root, TextRange::default(), "");
    let mut columns: Vec<ContractColumn> = Vec::new();
    for mut c in r.subs(&mut cx, "columns") {
        let name = c.string(&mut cx, "name");
        let name = c.require(&mut cx, "name", name);
        let ty = c.string(&mut cx, "type");
        if let Some(ty) = &ty {
            check_type(&mut cx, ty);
        }
        let nullable = c.bool(&mut cx, "nullable");
        let description = c.string(&mut cx, "description").map(|s| s.value);
        let range = c.range;
        c.finish(&mut cx);
        let Some(name) = name else { continue };
        if columns.iter().any(|prev| prev.name.value.eq_ignore_ascii_case(&name.value)) {
            cx.push(
                Code::V004,
                name.range,
                format!("column `{}` is listed twice; keep one entry", name.value),
            );
            continue;
        }
        columns.push(ContractColumn { name, ty, nullable, description, range });
    }
    let rules = r.sub(&mut cx, "rules").map_or_else(ContractRules::default, |mut rr| {
        let rules = ContractRules {
            required: rr.strings(&mut cx, "required"),
            protected: rr.strings(&mut cx, "protected"),
            no_new_nullable: rr.bool(&mut cx, "no_new_nullable").is_some_and(|b| b.value),
        };
        rr.finish(&mut cx);
        rules
    });
    r.finish(&mut cx);
    (Contract { columns, rules }, finish_diagnostics(doc.diags, doc.syntax_errors, cx))
}

fn check_type(cx: &mut Cx, ty: &Spanned<String>) {
    if is_contract_type(&ty.value) {
        return;
    }
    let help = did_you_mean(ty.value.trim(), TYPE_NAMES.iter().copied());
    cx.push_help(
        Code::V004,
        ty.range,
        format!(
            "`{}` is not a contract type; use one like Int64, Float64, Decimal(p,s), String, \
             Date, Timestamp, Array[T], Map[K,V]",
            ty.value
        ),
        help,
    );
}

fn is_contract_type(ty: &str) -> bool {
    let ty = ty.trim();
    let lower = ty.to_ascii_lowercase();
    if let Some(inner) = strip_wrapper(&lower, "array[", ']') {
        return is_contract_type(inner);
    }
    if let Some(inner) = strip_wrapper(&lower, "map[", ']') {
        return match split_top_level_comma(inner) {
            Some((k, v)) => is_contract_type(k) && is_contract_type(v),
            None => false,
        };
    }
    if let Some(inner) = strip_wrapper(&lower, "decimal(", ')') {
        let mut parts = inner.split(',').map(str::trim);
        let digits = |s: Option<&str>| {
            s.is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        };
        let p = parts.next();
        let s = parts.next();
        return digits(p) && (s.is_none() || digits(s)) && parts.next().is_none();
    }
    // Struct fields are not checked here: the contract check compares them to the model.
    if strip_wrapper(&lower, "struct{", '}').is_some()
        || strip_wrapper(&lower, "struct<", '>').is_some()
    {
        return true;
    }
    TYPE_NAMES.iter().any(|n| n.eq_ignore_ascii_case(ty))
}

fn strip_wrapper<'a>(s: &'a str, open: &str, close: char) -> Option<&'a str> {
    s.strip_prefix(open)?.strip_suffix(close)
}

/// `K, V` split at the comma outside brackets.
fn split_top_level_comma(s: &str) -> Option<(&str, &str)> {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '[' | '(' | '{' | '<' => depth += 1,
            ']' | ')' | '}' | '>' => depth -= 1,
            ',' if depth == 0 => return Some((s.get(..i)?, s.get(i + 1..)?)),
            _ => {}
        }
    }
    None
}
