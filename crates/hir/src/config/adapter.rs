//! `[adapter.<name>]`: warehouses and discovery sources (FORMAT.md §2, Adapters).

use syntax::{Dialect, TextRange};

use super::reader::{Cx, Reader};
use super::{Float, Secret, Spanned};
use crate::diagnostics::Code;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Adapter {
    pub name: String,
    /// The name's key (`prod` in `[adapter.prod]`; `adapter` for the shorthand).
    pub name_range: TextRange,
    pub kind: AdapterKind,
    /// `kind = "discovery"`: what the adapter is used for.
    pub role: Option<String>,
    pub retry: Option<RetryConfig>,
    /// The adapter's table: its `[adapter.X]` header, inline table or implicit key.
    pub range: TextRange,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AdapterKind {
    DuckDb {
        /// Relative to the project root (ours); `None` is in-memory.
        path: Option<Spanned<String>>,
    },
    Databricks {
        host: Option<Spanned<String>>,
        /// `/sql/1.0/warehouses/<id>`; see [`AdapterKind::warehouse_id`].
        http_path: Option<Spanned<String>>,
        token: Option<Secret>,
        /// OAuth M2M, with `client_secret`.
        client_id: Option<Spanned<String>>,
        client_secret: Option<Secret>,
        timeout_secs: Option<u64>,
    },
    Snowflake {
        account: Option<Spanned<String>>,
        warehouse: Option<Spanned<String>>,
        username: Option<Spanned<String>>,
        password: Option<Secret>,
        oauth_token: Option<Secret>,
        /// RS256 key-pair JWT: the key file, or the key itself.
        private_key_path: Option<Spanned<String>>,
        private_key: Option<Secret>,
        role: Option<Spanned<String>>,
        database: Option<Spanned<String>>,
    },
    BigQuery {
        project_id: Option<Spanned<String>>,
        location: Option<Spanned<String>>,
    },
    /// Discovery only.
    Fivetran {
        destination_id: Option<Spanned<String>>,
        api_key: Option<Secret>,
        api_secret: Option<Secret>,
    },
    /// Discovery from tables declared in config.
    Manual {
        tables: Vec<ManualTable>,
    },
    /// `type` missing (V005) or not one we know (V004): kept so references still resolve.
    Unknown {
        type_name: Option<Spanned<String>>,
    },
}

/// `[[adapter.X.tables]]` of a manual adapter: source schemas declared in config.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ManualTable {
    pub catalog: Option<String>,
    pub schema: String,
    pub table: String,
    pub columns: Vec<DeclaredColumn>,
    pub range: TextRange,
}

/// A column declared in config: `{ name, type, nullable? }`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DeclaredColumn {
    pub name: String,
    pub ty: Option<String>,
    pub nullable: Option<bool>,
    pub range: TextRange,
}

/// `[adapter.X.retry]`; unset fields take the adapter's built-in defaults in `exec`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct RetryConfig {
    pub max_retries: Option<u64>,
    pub initial_backoff_ms: Option<u64>,
    pub max_backoff_ms: Option<u64>,
    pub backoff_multiplier: Option<Float>,
    pub jitter: Option<bool>,
    pub circuit_breaker_threshold: Option<u64>,
    pub circuit_breaker_recovery_timeout_secs: Option<u64>,
}

impl AdapterKind {
    /// The `type` string this kind is written as.
    pub fn type_name(&self) -> Option<&str> {
        Some(match self {
            AdapterKind::DuckDb { .. } => "duckdb",
            AdapterKind::Databricks { .. } => "databricks",
            AdapterKind::Snowflake { .. } => "snowflake",
            AdapterKind::BigQuery { .. } => "bigquery",
            AdapterKind::Fivetran { .. } => "fivetran",
            AdapterKind::Manual { .. } => "manual",
            AdapterKind::Unknown { type_name } => return type_name.as_ref().map(|t| t.as_str()),
        })
    }

    /// The SQL dialect models on this adapter are written in; DuckDB for non-warehouses.
    pub fn dialect(&self) -> Dialect {
        match self {
            AdapterKind::Databricks { .. } => Dialect::Databricks,
            AdapterKind::Snowflake { .. } => Dialect::Snowflake,
            AdapterKind::BigQuery { .. } => Dialect::BigQuery,
            _ => Dialect::DuckDb,
        }
    }

    /// Databricks: the SQL warehouse id, the last segment of `http_path`.
    pub fn warehouse_id(&self) -> Option<&str> {
        match self {
            AdapterKind::Databricks { http_path: Some(p), .. } => {
                p.value.trim_end_matches('/').rsplit('/').next().filter(|s| !s.is_empty())
            }
            _ => None,
        }
    }
}

impl Adapter {
    /// DuckDB: the catalog name, the file stem of `path` (`playground.duckdb` →
    /// `playground`), `memory` when in-memory.
    pub fn duckdb_catalog(&self) -> Option<String> {
        let AdapterKind::DuckDb { path } = &self.kind else { return None };
        let Some(path) = path.as_ref().map(|p| p.value.as_str()) else {
            return Some("memory".to_owned());
        };
        if path.is_empty() || path == ":memory:" {
            return Some("memory".to_owned());
        }
        let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
        let stem = match file.rfind('.') {
            Some(dot) if dot > 0 => file.get(..dot).unwrap_or(file),
            _ => file,
        };
        Some(stem.to_owned())
    }
}

const TYPES: &[&str] = &["duckdb", "databricks", "snowflake", "bigquery", "fivetran", "manual"];

/// One adapter table. `name_range` is its key; `r` reads the table itself.
pub(super) fn parse_adapter(
    cx: &mut Cx,
    name: &str,
    name_range: TextRange,
    mut r: Reader<'_>,
) -> Adapter {
    let type_name = r.string(cx, "type");
    let role = r.string(cx, "kind").map(|s| s.value);
    let retry = r.sub(cx, "retry").map(|sub| parse_retry(cx, sub));
    let kind = match type_name.as_ref().map(|t| t.as_str()) {
        Some("duckdb") => AdapterKind::DuckDb { path: r.string(cx, "path") },
        Some("databricks") => databricks(cx, &mut r),
        Some("snowflake") => snowflake(cx, &mut r),
        Some("bigquery") => {
            let project_id = r.string(cx, "project_id");
            let project_id = r.require(cx, "project_id", project_id);
            AdapterKind::BigQuery { project_id, location: r.string(cx, "location") }
        }
        Some("fivetran") => {
            let destination_id = r.string(cx, "destination_id");
            let destination_id = r.require(cx, "destination_id", destination_id);
            let api_key = r.secret(cx, "api_key");
            let api_secret = r.secret(cx, "api_secret");
            AdapterKind::Fivetran { destination_id, api_key, api_secret }
        }
        Some("manual") => {
            let tables = r.subs(cx, "tables").into_iter().map(|t| manual_table(cx, t)).collect();
            AdapterKind::Manual { tables }
        }
        Some(other) => {
            let range = type_name.as_ref().map_or(r.range, |t| t.range);
            let list = TYPES.join(", ");
            cx.push_help(
                Code::V004,
                range,
                format!("unknown adapter type `{other}`; use one of {list}"),
                crate::diagnostics::did_you_mean(other, TYPES.iter().copied()),
            );
            // The keys of an unknown type cannot be checked.
            return Adapter {
                name: name.to_owned(),
                name_range,
                kind: AdapterKind::Unknown { type_name },
                role,
                retry,
                range: r.range,
            };
        }
        None => {
            if r.table().get("type").is_none() {
                cx.push(
                    Code::V005,
                    r.range,
                    format!(
                        "adapter `{name}` has no `type`; add `type = \"duckdb\"` (or {})",
                        TYPES.get(1..).unwrap_or_default().join(", ")
                    ),
                );
            }
            return Adapter {
                name: name.to_owned(),
                name_range,
                kind: AdapterKind::Unknown { type_name: None },
                role,
                retry,
                range: r.range,
            };
        }
    };
    let range = r.range;
    r.finish(cx);
    Adapter { name: name.to_owned(), name_range, kind, role, retry, range }
}

fn databricks(cx: &mut Cx, r: &mut Reader<'_>) -> AdapterKind {
    let host = r.string(cx, "host");
    let host = r.require(cx, "host", host);
    let http_path = r.string(cx, "http_path");
    let http_path = r.require(cx, "http_path", http_path);
    let token = r.secret(cx, "token");
    let client_id = r.string(cx, "client_id");
    let client_secret = r.secret(cx, "client_secret");
    // OAuth M2M needs both halves; either one alone is a mistake worth a message.
    match (&client_id, &client_secret) {
        (Some(id), None) if r.table().get("client_secret").is_none() => cx.push(
            Code::V005,
            id.range,
            "`client_id` needs `client_secret` for OAuth M2M; add `client_secret`",
        ),
        (None, Some(_)) if r.table().get("client_id").is_none() => {
            let range = r.key_range("client_secret").unwrap_or(r.range);
            cx.push(
                Code::V005,
                range,
                "`client_secret` needs `client_id` for OAuth M2M; add `client_id`",
            );
        }
        _ => {}
    }
    let timeout_secs = r.uint(cx, "timeout_secs").map(|t| t.value);
    AdapterKind::Databricks { host, http_path, token, client_id, client_secret, timeout_secs }
}

fn snowflake(cx: &mut Cx, r: &mut Reader<'_>) -> AdapterKind {
    let account = r.string(cx, "account");
    let account = r.require(cx, "account", account);
    AdapterKind::Snowflake {
        account,
        warehouse: r.string(cx, "warehouse"),
        username: r.string(cx, "username"),
        password: r.secret(cx, "password"),
        oauth_token: r.secret(cx, "oauth_token"),
        private_key_path: r.string(cx, "private_key_path"),
        private_key: r.secret(cx, "private_key"),
        role: r.string(cx, "role"),
        database: r.string(cx, "database"),
    }
}

fn parse_retry(cx: &mut Cx, mut r: Reader<'_>) -> RetryConfig {
    let retry = RetryConfig {
        max_retries: r.uint(cx, "max_retries").map(|v| v.value),
        initial_backoff_ms: r.uint(cx, "initial_backoff_ms").map(|v| v.value),
        max_backoff_ms: r.uint(cx, "max_backoff_ms").map(|v| v.value),
        backoff_multiplier: r.float(cx, "backoff_multiplier").map(|v| v.value),
        jitter: r.bool(cx, "jitter").map(|v| v.value),
        circuit_breaker_threshold: r.uint(cx, "circuit_breaker_threshold").map(|v| v.value),
        circuit_breaker_recovery_timeout_secs: r
            .uint(cx, "circuit_breaker_recovery_timeout_secs")
            .map(|v| v.value),
    };
    r.finish(cx);
    retry
}

fn manual_table(cx: &mut Cx, mut r: Reader<'_>) -> ManualTable {
    let catalog = r.string(cx, "catalog").map(|s| s.value);
    let schema = r.string(cx, "schema");
    let schema = r.require(cx, "schema", schema).map(|s| s.value).unwrap_or_default();
    let table = r.string(cx, "table");
    let table = r.require(cx, "table", table).map(|s| s.value).unwrap_or_default();
    let columns =
        r.subs(cx, "columns").into_iter().filter_map(|c| declared_column(cx, c)).collect();
    let range = r.range;
    r.finish(cx);
    ManualTable { catalog, schema, table, columns, range }
}

/// `{ name, type, nullable? }`; also used for `metadata_columns`-like declarations.
pub(super) fn declared_column(cx: &mut Cx, mut r: Reader<'_>) -> Option<DeclaredColumn> {
    let name = r.string(cx, "name");
    let name = r.require(cx, "name", name);
    let ty = r.string(cx, "type").map(|s| s.value);
    let nullable = r.bool(cx, "nullable").map(|b| b.value);
    let range = r.range;
    r.finish(cx);
    Some(DeclaredColumn { name: name?.value, ty, nullable, range })
}
