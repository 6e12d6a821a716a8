//! Type names per warehouse: how each dialect spells a logical type (for generated DDL,
//! suggested casts and contracts), and how a dialect's own names read back where they mean
//! something else than in DuckDB (Snowflake's `INT` is `NUMBER(38,0)`, Databricks'
//! `TIMESTAMP` carries a time zone, BigQuery's `INT` is `INT64`).

use syntax::Dialect;

use super::Ty;

impl Ty {
    /// Reads a type name as `dialect` means it.
    pub fn from_sql_in(text: &str, dialect: Dialect) -> Ty {
        use crate::thread_memo::{ThreadMemo, remembered};
        thread_local! {
            static MEMO: ThreadMemo<(Dialect, Box<str>), Ty> = ThreadMemo::default();
        }
        // A project casts to the same few types thousands of times (`DECIMAL(18,2)`):
        // remembered per thread, as read, rather than parsed again.
        remembered(
            &MEMO,
            &(dialect, text),
            |(d, t)| *d == dialect && **t == *text,
            || (dialect, text.into()),
            || Ty::read_in(text, dialect),
        )
    }

    /// [`Ty::from_sql_in`] without the memo.
    fn read_in(text: &str, dialect: Dialect) -> Ty {
        if matches!(dialect, Dialect::DuckDb | Dialect::Ansi) {
            return Ty::from_sql(text);
        }
        let mut head: String =
            text.trim().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        head.make_ascii_uppercase();
        let bare = text.trim().len() == head.len();
        match (dialect, head.as_str()) {
            (
                Dialect::Snowflake,
                "INT" | "INTEGER" | "BIGINT" | "SMALLINT" | "TINYINT" | "BYTEINT",
            ) if bare => Ty::decimal(38, 0),
            (Dialect::Snowflake, "FLOAT" | "FLOAT4" | "FLOAT8" | "DOUBLE" | "REAL") => Ty::Float64,
            (Dialect::Snowflake, "TIMESTAMP" | "DATETIME") => Ty::Timestamp,
            (Dialect::Snowflake, "OBJECT") => Ty::Struct(Vec::new()),
            (Dialect::Databricks, "TIMESTAMP") if bare => Ty::TimestampTz,
            (Dialect::Databricks, "LONG") => Ty::Int64,
            (Dialect::Databricks, "SHORT") => Ty::Int16,
            (Dialect::Databricks, "BYTE") => Ty::Int8,
            (
                Dialect::BigQuery,
                "INT" | "INTEGER" | "BIGINT" | "SMALLINT" | "TINYINT" | "BYTEINT" | "INT64",
            ) => Ty::Int64,
            (Dialect::BigQuery, "FLOAT64" | "FLOAT") => Ty::Float64,
            (Dialect::BigQuery, "NUMERIC" | "DECIMAL") if bare => Ty::decimal(38, 9),
            // 76 digits: more than the logical type holds.
            (Dialect::BigQuery, "BIGNUMERIC" | "BIGDECIMAL") => Ty::Unknown,
            (Dialect::BigQuery, "DATETIME") => Ty::Timestamp,
            (Dialect::BigQuery, "TIMESTAMP") => Ty::TimestampTz,
            _ => Ty::from_sql(text),
        }
    }

    /// How `dialect` spells the type; `None` where it has no column type for it.
    pub fn sql_name(&self, dialect: Dialect) -> Option<String> {
        match dialect {
            Dialect::DuckDb | Dialect::Ansi => Some(self.duckdb_name()),
            Dialect::Databricks => self.databricks_name(),
            Dialect::Snowflake => self.snowflake_name(),
            Dialect::BigQuery => self.bigquery_name(),
        }
    }

    fn databricks_name(&self) -> Option<String> {
        Some(match self {
            Ty::Boolean => "BOOLEAN".into(),
            Ty::Int8 => "TINYINT".into(),
            Ty::Int16 | Ty::UInt8 => "SMALLINT".into(),
            Ty::Int32 | Ty::UInt16 => "INT".into(),
            Ty::Int64 | Ty::UInt32 => "BIGINT".into(),
            Ty::Int128 => "DECIMAL(38,0)".into(),
            Ty::UInt64 => "DECIMAL(20,0)".into(),
            Ty::Float32 => "FLOAT".into(),
            Ty::Float64 => "DOUBLE".into(),
            Ty::Decimal { precision, scale } => format!("DECIMAL({precision},{scale})"),
            Ty::String | Ty::Uuid | Ty::Time => "STRING".into(),
            Ty::Json => "VARIANT".into(),
            Ty::Binary => "BINARY".into(),
            Ty::Date => "DATE".into(),
            Ty::Timestamp => "TIMESTAMP_NTZ".into(),
            Ty::TimestampTz => "TIMESTAMP".into(),
            Ty::Interval => "INTERVAL DAY TO SECOND".into(),
            Ty::Array(t) => format!("ARRAY<{}>", t.databricks_name()?),
            Ty::Map(k, v) => format!("MAP<{}, {}>", k.databricks_name()?, v.databricks_name()?),
            Ty::Struct(fields) => {
                let fields: Option<Vec<String>> = fields
                    .iter()
                    .map(|(n, t)| Some(format!("{n}: {}", t.databricks_name()?)))
                    .collect();
                format!("STRUCT<{}>", fields?.join(", "))
            }
            Ty::Unknown => return None,
        })
    }

    fn snowflake_name(&self) -> Option<String> {
        if let Some((digits, _)) = self.integer_as_decimal() {
            return Some(format!("NUMBER({digits},0)"));
        }
        Some(match self {
            Ty::Boolean => "BOOLEAN".into(),
            Ty::Float32 | Ty::Float64 => "FLOAT".into(),
            Ty::Decimal { precision, scale } => format!("NUMBER({precision},{scale})"),
            Ty::String | Ty::Uuid => "VARCHAR".into(),
            Ty::Binary => "BINARY".into(),
            Ty::Date => "DATE".into(),
            Ty::Time => "TIME".into(),
            Ty::Timestamp => "TIMESTAMP_NTZ".into(),
            Ty::TimestampTz => "TIMESTAMP_TZ".into(),
            Ty::Json => "VARIANT".into(),
            Ty::Array(_) => "ARRAY".into(),
            Ty::Map(..) | Ty::Struct(_) => "OBJECT".into(),
            // No interval columns; integers were spelled above.
            _ => return None,
        })
    }

    fn bigquery_name(&self) -> Option<String> {
        Some(match self {
            Ty::Boolean => "BOOL".into(),
            Ty::Int8 | Ty::Int16 | Ty::Int32 | Ty::Int64 | Ty::UInt8 | Ty::UInt16 | Ty::UInt32 => {
                "INT64".into()
            }
            Ty::Int128 | Ty::UInt64 => "BIGNUMERIC(38,0)".into(),
            Ty::Float32 | Ty::Float64 => "FLOAT64".into(),
            // NUMERIC holds 29 integer digits and 9 of scale; beyond that, BIGNUMERIC.
            Ty::Decimal { precision, scale } if precision - scale <= 29 && *scale <= 9 => {
                format!("NUMERIC({precision},{scale})")
            }
            Ty::Decimal { precision, scale } => format!("BIGNUMERIC({precision},{scale})"),
            Ty::String | Ty::Uuid => "STRING".into(),
            Ty::Binary => "BYTES".into(),
            Ty::Date => "DATE".into(),
            Ty::Time => "TIME".into(),
            Ty::Timestamp => "DATETIME".into(),
            Ty::TimestampTz => "TIMESTAMP".into(),
            Ty::Interval => "INTERVAL".into(),
            Ty::Json => "JSON".into(),
            Ty::Array(t) => format!("ARRAY<{}>", t.bigquery_name()?),
            Ty::Map(k, v) => {
                format!("ARRAY<STRUCT<key {}, value {}>>", k.bigquery_name()?, v.bigquery_name()?)
            }
            Ty::Struct(fields) => {
                let fields: Option<Vec<String>> = fields
                    .iter()
                    .map(|(n, t)| Some(format!("{n} {}", t.bigquery_name()?)))
                    .collect();
                format!("STRUCT<{}>", fields?.join(", "))
            }
            Ty::Unknown => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use syntax::Dialect;

    use crate::ty::Ty;

    #[test]
    fn names_read_as_each_dialect_means_them() {
        let cases = [
            (Dialect::Snowflake, "INT", "Decimal(38,0)"),
            (Dialect::Snowflake, "NUMBER(12, 2)", "Decimal(12,2)"),
            (Dialect::Snowflake, "FLOAT", "Float64"),
            (Dialect::Snowflake, "TIMESTAMP", "Timestamp"),
            (Dialect::Snowflake, "TIMESTAMP_LTZ", "TimestampTz"),
            (Dialect::Snowflake, "VARIANT", "Json"),
            (Dialect::Databricks, "TIMESTAMP", "TimestampTz"),
            (Dialect::Databricks, "TIMESTAMP_NTZ", "Timestamp"),
            (Dialect::Databricks, "FLOAT", "Float32"),
            (Dialect::Databricks, "ARRAY<STRING>", "Array[String]"),
            (Dialect::BigQuery, "INT", "Int64"),
            (Dialect::BigQuery, "NUMERIC", "Decimal(38,9)"),
            (Dialect::BigQuery, "DATETIME", "Timestamp"),
            (Dialect::BigQuery, "TIMESTAMP", "TimestampTz"),
            (Dialect::BigQuery, "BIGNUMERIC", "Unknown"),
            (Dialect::DuckDb, "TIMESTAMP", "Timestamp"),
            (Dialect::DuckDb, "FLOAT", "Float32"),
        ];
        for (d, sql, want) in cases {
            assert_eq!(Ty::from_sql_in(sql, d).to_string(), want, "{sql} in {d:?}");
        }
    }

    #[test]
    fn remembered_types_are_the_types_read() {
        let texts = ["INT", "TIMESTAMP", "DECIMAL(18,2)", "decimal(18, 2)", "NUMERIC", "x"];
        let dialects =
            [Dialect::DuckDb, Dialect::Snowflake, Dialect::BigQuery, Dialect::Databricks];
        // Twice: the second round answers from the memo, one text in four dialects apart.
        for _ in 0..2 {
            for d in dialects {
                for text in texts {
                    assert_eq!(Ty::from_sql_in(text, d), Ty::read_in(text, d), "{text} in {d:?}");
                }
            }
        }
    }

    #[test]
    fn every_dialect_spells_what_it_reads_back() {
        let types = [
            Ty::Boolean,
            Ty::Int32,
            Ty::Int64,
            Ty::Float64,
            Ty::decimal(12, 2),
            Ty::String,
            Ty::Date,
            Ty::Timestamp,
            Ty::TimestampTz,
            Ty::Array(Box::new(Ty::String)),
        ];
        for d in [Dialect::DuckDb, Dialect::Databricks, Dialect::Snowflake, Dialect::BigQuery] {
            for ty in &types {
                let Some(name) = ty.sql_name(d) else { continue };
                let back = Ty::from_sql_in(&name, d);
                // Snowflake integers are NUMBER(p,0); arrays there are untyped.
                let same = back == *ty
                    || (d == Dialect::Snowflake && (ty.is_integer() || matches!(ty, Ty::Array(_))))
                    || back.widens_to(ty)
                    || ty.widens_to(&back);
                assert!(same, "{ty} in {d:?} is `{name}`, read back as {back}");
            }
        }
        assert_eq!(
            Ty::decimal(38, 2).sql_name(Dialect::BigQuery).as_deref(),
            Some("BIGNUMERIC(38,2)")
        );
        assert_eq!(Ty::Int32.sql_name(Dialect::Snowflake).as_deref(), Some("NUMBER(10,0)"));
        assert_eq!(Ty::Interval.sql_name(Dialect::Snowflake), None);
    }
}
