//! Logical column types (CLI.md's spelling) and their reading from SQL type names.
//!
//! This is what name resolution needs to carry source and declared types through; type
//! inference (operators, functions, supertypes) builds on it.

mod dialect;
mod lattice;

use std::fmt;

pub use self::lattice::{MAX_DECIMAL_PRECISION, decimal_add, decimal_multiply};

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Ty {
    Boolean,
    Int8,
    Int16,
    Int32,
    Int64,
    Int128,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Float32,
    Float64,
    Decimal { precision: u8, scale: u8 },
    String,
    Binary,
    Date,
    Time,
    Timestamp,
    TimestampTz,
    Interval,
    Uuid,
    Json,
    Array(Box<Ty>),
    Map(Box<Ty>, Box<Ty>),
    Struct(Vec<(String, Ty)>),
    Unknown,
}

impl Ty {
    /// Reads a type as DuckDB (and, for the common names, Databricks, Snowflake and
    /// BigQuery) spell it: `BIGINT`, `DECIMAL(12, 2)`, `VARCHAR(2)`, `INTEGER[]`,
    /// `STRUCT(a INT, b VARCHAR)`, `MAP(VARCHAR, INT)`, `ARRAY<STRING>`. Unknown names give
    /// `Ty::Unknown`, never an error: a warehouse may have types we do not model.
    pub fn from_sql(text: &str) -> Ty {
        let mut p = TypeParser { s: text.trim(), pos: 0 };
        let ty = p.ty();
        if p.rest().trim().is_empty() { ty } else { Ty::Unknown }
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self, Ty::Unknown)
    }

    /// DuckDB's name of the type (`DECIMAL(12,2)`, `VARCHAR`, `INTEGER[]`): what a suggested
    /// cast writes, and what `Ty::from_sql` reads back as the same type.
    pub fn duckdb_name(&self) -> String {
        match self {
            Ty::Boolean => "BOOLEAN".into(),
            Ty::Int8 => "TINYINT".into(),
            Ty::Int16 => "SMALLINT".into(),
            Ty::Int32 => "INTEGER".into(),
            Ty::Int64 => "BIGINT".into(),
            Ty::Int128 => "HUGEINT".into(),
            Ty::UInt8 => "UTINYINT".into(),
            Ty::UInt16 => "USMALLINT".into(),
            Ty::UInt32 => "UINTEGER".into(),
            Ty::UInt64 => "UBIGINT".into(),
            Ty::Float32 => "FLOAT".into(),
            Ty::Float64 => "DOUBLE".into(),
            Ty::Decimal { precision, scale } => format!("DECIMAL({precision},{scale})"),
            Ty::String => "VARCHAR".into(),
            Ty::Binary => "BLOB".into(),
            Ty::Date => "DATE".into(),
            Ty::Time => "TIME".into(),
            Ty::Timestamp => "TIMESTAMP".into(),
            Ty::TimestampTz => "TIMESTAMPTZ".into(),
            Ty::Interval => "INTERVAL".into(),
            Ty::Uuid => "UUID".into(),
            Ty::Json => "JSON".into(),
            Ty::Array(t) => format!("{}[]", t.duckdb_name()),
            Ty::Map(k, v) => format!("MAP({}, {})", k.duckdb_name(), v.duckdb_name()),
            Ty::Struct(fields) => {
                let fields: Vec<String> =
                    fields.iter().map(|(n, t)| format!("{n} {}", t.duckdb_name())).collect();
                format!("STRUCT({})", fields.join(", "))
            }
            Ty::Unknown => "UNKNOWN".into(),
        }
    }
}

struct TypeParser<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> TypeParser<'a> {
    fn rest(&self) -> &'a str {
        self.s.get(self.pos..).unwrap_or("")
    }

    fn skip_ws(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_ws();
        if self.rest().starts_with(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn word(&mut self) -> &'a str {
        self.skip_ws();
        let rest = self.rest();
        let quoted = rest.starts_with('"');
        if quoted {
            let end = rest[1..].find('"').map_or(rest.len(), |i| i + 2);
            self.pos += end;
            return rest.get(1..end.saturating_sub(1).max(1)).unwrap_or("");
        }
        let len = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
        self.pos += len;
        &rest[..len]
    }

    /// The next word in upper case, in `buf` (type names are short: a longer word is no
    /// type we know, and reads as the empty word).
    fn upper_word<'b>(&mut self, buf: &'b mut [u8; 24]) -> &'b str {
        let word = self.word();
        let Some(out) = buf.get_mut(..word.len()) else { return "" };
        out.copy_from_slice(word.as_bytes());
        out.make_ascii_uppercase();
        std::str::from_utf8(out).unwrap_or("")
    }

    fn number(&mut self) -> Option<u32> {
        self.skip_ws();
        let rest = self.rest();
        let len = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        self.pos += len;
        rest[..len].parse().ok()
    }

    /// Skips a parenthesised argument list we do not need (`VARCHAR(2)`).
    fn skip_args(&mut self) {
        if !self.eat('(') {
            return;
        }
        let mut depth = 1;
        while depth > 0 {
            let Some(c) = self.rest().chars().next() else { return };
            self.pos += c.len_utf8();
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
        }
    }

    fn ty(&mut self) -> Ty {
        let mut buf = [0u8; 24];
        let word = self.upper_word(&mut buf);
        let mut ty = match word {
            "BOOLEAN" | "BOOL" | "LOGICAL" => Ty::Boolean,
            "TINYINT" | "INT1" | "BYTEINT" => Ty::Int8,
            "SMALLINT" | "INT2" | "SHORT" => Ty::Int16,
            "INTEGER" | "INT" | "INT4" | "SIGNED" => Ty::Int32,
            "BIGINT" | "INT8" | "LONG" | "INT64" => Ty::Int64,
            "HUGEINT" | "INT128" => Ty::Int128,
            "UTINYINT" => Ty::UInt8,
            "USMALLINT" => Ty::UInt16,
            "UINTEGER" => Ty::UInt32,
            "UBIGINT" => Ty::UInt64,
            "REAL" | "FLOAT4" | "FLOAT" => Ty::Float32,
            "DOUBLE" | "FLOAT8" | "FLOAT64" => {
                self.skip_ws();
                if self.rest().to_ascii_uppercase().starts_with("PRECISION") {
                    self.word();
                }
                Ty::Float64
            }
            "DECIMAL" | "NUMERIC" | "NUMBER" | "DEC" | "BIGNUMERIC" => {
                let (mut precision, mut scale) = (18, 3);
                if word == "NUMBER" {
                    (precision, scale) = (38, 0);
                }
                if self.eat('(') {
                    precision = self.number().unwrap_or(18);
                    scale = if self.eat(',') { self.number().unwrap_or(0) } else { 0 };
                    self.eat(')');
                }
                Ty::Decimal {
                    precision: u8::try_from(precision.min(38)).unwrap_or(38),
                    scale: u8::try_from(scale.min(precision.min(38))).unwrap_or(0),
                }
            }
            "VARCHAR" | "TEXT" | "STRING" | "CHAR" | "BPCHAR" | "NVARCHAR" | "CHARACTER" => {
                self.skip_ws();
                if self.rest().to_ascii_uppercase().starts_with("VARYING") {
                    self.word();
                }
                self.skip_args();
                Ty::String
            }
            "BLOB" | "BYTEA" | "BINARY" | "VARBINARY" | "BYTES" => {
                self.skip_args();
                Ty::Binary
            }
            "DATE" => Ty::Date,
            "TIME" => Ty::Time,
            "TIMESTAMP" | "DATETIME" | "TIMESTAMP_NTZ" => {
                self.skip_args();
                let save = self.pos;
                let mut next_buf = [0u8; 24];
                let next = self.upper_word(&mut next_buf);
                if next == "WITH" {
                    self.word();
                    self.word();
                    self.word();
                    Ty::TimestampTz
                } else {
                    if next != "WITHOUT" {
                        self.pos = save;
                    } else {
                        self.word();
                        self.word();
                        self.word();
                    }
                    Ty::Timestamp
                }
            }
            // DuckDB's second, millisecond and nanosecond timestamps are the same logical type.
            "TIMESTAMP_S" | "TIMESTAMP_MS" | "TIMESTAMP_NS" => Ty::Timestamp,
            "TIMESTAMPTZ" | "TIMESTAMP_TZ" | "TIMESTAMP_LTZ" | "TIMESTAMPTZ_NS" => Ty::TimestampTz,
            "INTERVAL" => Ty::Interval,
            "UUID" => Ty::Uuid,
            "JSON" | "VARIANT" => Ty::Json,
            "LIST" | "ARRAY" => {
                let elem = if self.eat('(') || self.eat('<') {
                    let t = self.ty();
                    let _ = self.eat(')') || self.eat('>');
                    t
                } else {
                    Ty::Unknown
                };
                Ty::Array(Box::new(elem))
            }
            "MAP" => {
                if self.eat('(') || self.eat('<') {
                    let k = self.ty();
                    self.eat(',');
                    let v = self.ty();
                    let _ = self.eat(')') || self.eat('>');
                    Ty::Map(Box::new(k), Box::new(v))
                } else {
                    Ty::Map(Box::new(Ty::Unknown), Box::new(Ty::Unknown))
                }
            }
            "STRUCT" | "ROW" | "OBJECT" => {
                let mut fields = Vec::new();
                if self.eat('(') || self.eat('<') {
                    loop {
                        let name = self.word();
                        if name.is_empty() {
                            break;
                        }
                        self.eat(':');
                        let t = self.ty();
                        fields.push((name.to_string(), t));
                        if !self.eat(',') {
                            break;
                        }
                    }
                    let _ = self.eat(')') || self.eat('>');
                }
                Ty::Struct(fields)
            }
            _ => {
                self.skip_args();
                Ty::Unknown
            }
        };
        while self.eat('[') {
            self.number();
            self.eat(']');
            ty = Ty::Array(Box::new(ty));
        }
        ty
    }
}

impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ty::Decimal { precision, scale } => write!(f, "Decimal({precision},{scale})"),
            Ty::Array(t) => write!(f, "Array[{t}]"),
            Ty::Map(k, v) => write!(f, "Map[{k},{v}]"),
            Ty::Struct(fields) => {
                f.write_str("Struct{")?;
                for (i, (n, t)) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{n}: {t}")?;
                }
                f.write_str("}")
            }
            other => f.write_str(other.plain_name().unwrap_or("Unknown")),
        }
    }
}

impl Ty {
    /// Every known type without parameters.
    pub const SCALARS: &[Ty] = &[
        Ty::Boolean,
        Ty::Int8,
        Ty::Int16,
        Ty::Int32,
        Ty::Int64,
        Ty::Int128,
        Ty::UInt8,
        Ty::UInt16,
        Ty::UInt32,
        Ty::UInt64,
        Ty::Float32,
        Ty::Float64,
        Ty::String,
        Ty::Binary,
        Ty::Date,
        Ty::Time,
        Ty::Timestamp,
        Ty::TimestampTz,
        Ty::Interval,
        Ty::Uuid,
        Ty::Json,
    ];

    /// The name of a type without parameters (`Int64`, `String`), as `Display` writes it;
    /// `None` for decimals, arrays, maps and structs.
    pub fn plain_name(&self) -> Option<&'static str> {
        Some(match self {
            Ty::Boolean => "Boolean",
            Ty::Int8 => "Int8",
            Ty::Int16 => "Int16",
            Ty::Int32 => "Int32",
            Ty::Int64 => "Int64",
            Ty::Int128 => "Int128",
            Ty::UInt8 => "UInt8",
            Ty::UInt16 => "UInt16",
            Ty::UInt32 => "UInt32",
            Ty::UInt64 => "UInt64",
            Ty::Float32 => "Float32",
            Ty::Float64 => "Float64",
            Ty::String => "String",
            Ty::Binary => "Binary",
            Ty::Date => "Date",
            Ty::Time => "Time",
            Ty::Timestamp => "Timestamp",
            Ty::TimestampTz => "TimestampTz",
            Ty::Interval => "Interval",
            Ty::Uuid => "Uuid",
            Ty::Json => "Json",
            Ty::Unknown => "Unknown",
            Ty::Decimal { .. } | Ty::Array(_) | Ty::Map(..) | Ty::Struct(_) => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Ty;

    #[test]
    fn plain_names_are_the_variant_names() {
        for ty in Ty::SCALARS.iter().chain([&Ty::Unknown]) {
            assert_eq!(ty.plain_name(), Some(format!("{ty:?}").as_str()));
            assert_eq!(ty.to_string(), format!("{ty:?}"));
        }
        assert_eq!(Ty::Decimal { precision: 18, scale: 2 }.plain_name(), None);
    }

    #[test]
    fn reads_sql_type_names() {
        let cases = [
            ("BIGINT", "Int64"),
            ("decimal(12, 2)", "Decimal(12,2)"),
            ("VARCHAR(2)", "String"),
            ("INTEGER[]", "Array[Int32]"),
            ("timestamp with time zone", "TimestampTz"),
            ("STRUCT(a INT, b VARCHAR)[]", "Array[Struct{a: Int32, b: String}]"),
            ("MAP(VARCHAR, DOUBLE)", "Map[String,Float64]"),
            ("ARRAY<STRING>", "Array[String]"),
            ("geometry", "Unknown"),
            ("", "Unknown"),
            ("DOUBLE PRECISION", "Float64"),
            ("TIMESTAMP_NS", "Timestamp"),
            ("TIMESTAMPTZ_NS", "TimestampTz"),
        ];
        for (sql, want) in cases {
            let ty = Ty::from_sql(sql);
            assert_eq!(ty.to_string(), want, "{sql}");
            if !ty.is_unknown() {
                assert_eq!(Ty::from_sql(&ty.duckdb_name()), ty, "{sql} round-trips");
            }
        }
    }
}
