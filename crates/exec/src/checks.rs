//! Inline checks after a model runs (FORMAT.md §2, `[checks]`): row count with anomaly
//! detection against CHECK_HISTORY, column match with the compiled signature, freshness,
//! null rate (sampled with TABLESAMPLE) and custom SQL; every result recorded.

use duckdb::Connection;
use hir::{config::ChecksConfig, syntax::Dialect};
use serde::{Deserialize, Serialize};

use crate::{
    model_tests::fragment,
    plan::ModelPlan,
    quote,
    state::{self, StateStore},
};

/// Earlier row counts the anomaly check averages.
const BASELINE_RUNS: usize = 10;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CheckResult {
    pub name: String,
    pub passed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

fn check(
    name: impl Into<String>,
    passed: bool,
    value: Option<f64>,
    threshold: Option<f64>,
    message: Option<String>,
) -> CheckResult {
    CheckResult { name: name.into(), passed, value, threshold, message }
}

fn number(conn: &Connection, sql: &str) -> anyhow::Result<Option<f64>> {
    Ok(conn.query_row(&format!("SELECT CAST(({sql}) AS DOUBLE)"), [], |r| {
        r.get::<_, Option<f64>>(0)
    })?)
}

/// Runs the enabled checks on model `m`'s table and records each in CHECK_HISTORY (and the
/// row count and null rates in QUALITY_HISTORY).
pub fn run(
    conn: &Connection,
    store: &StateStore,
    m: &ModelPlan,
    rows: Option<u64>,
    cfg: &ChecksConfig,
    run_id: &str,
    now: chrono::NaiveDateTime,
) -> Vec<CheckResult> {
    if cfg.enabled == Some(false) {
        return Vec::new();
    }
    let target = &m.target_sql;
    let mut out = Vec::new();
    let errored = |name: &str, e: anyhow::Error| {
        check(name, false, None, None, Some(format!("the check could not run: {e:#}")))
    };
    let rows = rows.map(|n| n as f64);
    // The table's columns, read once for column match and null rate.
    let table_columns: anyhow::Result<Vec<String>> = crate::duckdb::columns(conn, &m.target_parts)
        .map(|cs| cs.into_iter().map(|c| c.0.to_lowercase()).collect());
    if cfg.row_count != Some(false) {
        match &rows {
            Some(n) => {
                out.push(check(
                    "row_count",
                    *n > 0.0,
                    Some(*n),
                    None,
                    (*n == 0.0).then(|| "the table is empty".to_owned()),
                ));
                let pct =
                    cfg.anomaly_threshold_pct.map_or(ChecksConfig::ANOMALY_THRESHOLD_PCT, |f| f.0);
                if let Some(r) = anomaly(store, &m.name, *n, pct) {
                    out.push(r);
                }
            }
            None => out.push(check(
                "row_count",
                false,
                None,
                None,
                Some("the table cannot be counted".into()),
            )),
        }
    }
    if cfg.column_match != Some(false)
        && let Some(expected) = &m.signature
    {
        match &table_columns {
            Ok(actual) => {
                let expected: Vec<String> =
                    expected.iter().map(|(c, _)| c.to_lowercase()).collect();
                let missing: Vec<&String> =
                    expected.iter().filter(|c| !actual.contains(c)).collect();
                let extra: Vec<&String> = actual.iter().filter(|c| !expected.contains(c)).collect();
                let ok = missing.is_empty() && extra.is_empty();
                let msg = (!ok).then(|| {
                    format!(
                        "the table lacks {missing:?} and has {extra:?} beyond the compiled columns"
                    )
                });
                out.push(check("column_match", ok, None, None, msg));
            }
            Err(e) => out.push(errored("column_match", anyhow::anyhow!("{e:#}"))),
        }
    }
    if let Some(f) = &cfg.freshness {
        let threshold = f.threshold_seconds.as_ref().map(|t| t.value as f64);
        match (&m.freshness_column, threshold) {
            (Some(col), Some(limit)) => {
                let r = quote::ident(col, Dialect::DuckDb).map_err(anyhow::Error::from).and_then(|c| {
                    number(
                        conn,
                        &format!(
                            "SELECT epoch(TIMESTAMP '{}') - epoch(CAST(max({c}) AS TIMESTAMP)) FROM {target}",
                            now.format("%Y-%m-%d %H:%M:%S")
                        ),
                    )
                });
                match r {
                    Ok(Some(lag)) => out.push(check("freshness", lag <= limit, Some(lag), Some(limit), (lag > limit).then(|| format!("the newest `{col}` is {lag:.0} s old")))),
                    Ok(None) => out.push(check("freshness", false, None, Some(limit), Some(format!("`{col}` holds no value")))),
                    Err(e) => out.push(errored("freshness", e)),
                }
            }
            (None, _) => out.push(check("freshness", true, None, threshold, Some("skipped: the model names no time column ([freshness] time_column or its strategy's)".into()))),
            (_, None) => {}
        }
    }
    let mut null_rates = serde_json::Map::new();
    if let Some(nr) = &cfg.null_rate {
        let threshold = nr.threshold.as_ref().map_or(0.0, |t| t.value.0);
        let sample = match &nr.sample_percent {
            Some(p) if p.value.0 > 0.0 && p.value.0 < 100.0 => {
                format!(" TABLESAMPLE {}%", p.value.0)
            }
            _ => String::new(),
        };
        // The pipeline's columns apply to the models that have them.
        let present: &[String] = table_columns.as_deref().unwrap_or_default();
        for c in nr.columns.iter().filter(|c| present.contains(&c.value.to_lowercase())) {
            let name = format!("null_rate({})", c.value);
            let r = quote::ident(&c.value, Dialect::DuckDb).map_err(anyhow::Error::from).and_then(|q| {
                number(conn, &format!("SELECT coalesce(avg(CASE WHEN {q} IS NULL THEN 1.0 ELSE 0.0 END), 0) FROM {target}{sample}"))
            });
            match r {
                Ok(Some(rate)) => {
                    null_rates.insert(c.value.clone(), rate.into());
                    out.push(check(
                        name,
                        rate <= threshold,
                        Some(rate),
                        Some(threshold),
                        (rate > threshold).then(|| format!("{:.1}% NULL", rate * 100.0)),
                    ));
                }
                Ok(None) => {}
                Err(e) => out.push(errored(&name, e)),
            }
        }
    }
    for (k, c) in cfg.custom.iter().enumerate() {
        let name = c.name.as_ref().map_or_else(|| format!("custom {}", k + 1), |n| n.value.clone());
        let threshold = c.threshold.as_ref().map_or(0.0, |t| t.value.0);
        let Some(sql) = &c.sql else { continue };
        let r = fragment(&sql.value)
            .map(|s| s.replace("{target}", target))
            .and_then(|s| number(conn, &s));
        match r {
            Ok(v) => {
                let v = v.unwrap_or(0.0);
                out.push(check(
                    name,
                    v <= threshold,
                    Some(v),
                    Some(threshold),
                    (v > threshold).then(|| format!("{v} is above {threshold}")),
                ));
            }
            Err(e) => out.push(errored(&name, e)),
        }
    }
    let at = chrono::Utc::now().to_rfc3339();
    for r in &out {
        let _ = store.put(
            state::CHECK_HISTORY,
            &state::key(&[&m.name, &r.name, run_id]),
            &serde_json::json!({ "check": r, "at": at }),
            false,
        );
    }
    if let Some(n) = rows {
        let _ = store.put(
            state::QUALITY_HISTORY,
            &state::key(&[&m.name, run_id]),
            &serde_json::json!({ "rows": n, "null_rates": null_rates, "at": at }),
            false,
        );
    }
    out
}

/// The row count against the average of the last runs' counts: more than `pct` percent
/// away is an anomaly. No history, no verdict.
fn anomaly(store: &StateStore, model: &str, rows: f64, pct: f64) -> Option<CheckResult> {
    let prefix = state::key(&[model, "row_count", ""]);
    let history = store.scan(state::CHECK_HISTORY, &prefix).ok()?;
    let earlier: Vec<f64> = history
        .iter()
        .rev()
        .take(BASELINE_RUNS)
        .filter_map(|(_, v)| {
            serde_json::from_str::<serde_json::Value>(v).ok()?["check"]["value"].as_f64()
        })
        .collect();
    if earlier.is_empty() {
        return None;
    }
    let baseline = earlier.iter().sum::<f64>() / earlier.len() as f64;
    let deviation = if baseline == 0.0 {
        if rows == 0.0 { 0.0 } else { 100.0 }
    } else {
        (rows - baseline).abs() / baseline * 100.0
    };
    let ok = deviation <= pct;
    Some(check(
        "row_count_anomaly",
        ok,
        Some(deviation),
        Some(pct),
        (!ok).then(|| format!("{rows} rows is {deviation:.0}% away from the average of the last {} runs ({baseline:.0})", earlier.len())),
    ))
}
