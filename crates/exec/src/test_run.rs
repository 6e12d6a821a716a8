//! `rocky test`: an in-memory DuckDB loaded from `data/seed.sql`, every model built in DAG
//! order as on a first run (time-partitioned models over all time), then each model's
//! contract against the table DuckDB made, its declarative tests and its unit tests.

use anyhow::Context;
use hir::{
    Db, Severity,
    config::{TestDefinitions, TestSeverity},
    name::Name,
    project::ProjectModel,
    signature::{Column, Signature},
    syntax::Dialect,
    ty::Ty,
};
use serde::Serialize;

use crate::{
    duckdb::{self as wh, Warehouse},
    model_tests,
    plan::{Materialization, Plan},
    quote,
    render::Window,
    sql_gen, unit_tests,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Passed,
    Failed,
    /// Failed, but the test's severity is `warning`.
    Warned,
    /// Could not run (bad SQL, a model that did not build).
    Error,
}

#[derive(Debug, Clone, Serialize)]
pub struct ModelBuild {
    pub name: String,
    /// `built`, `inlined`, `failed`, `skipped`.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TestResult {
    pub model: String,
    /// `contract`, `test` (declarative), `unit`.
    pub kind: &'static str,
    pub name: String,
    pub outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failing_rows: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TestReport {
    pub models: Vec<ModelBuild>,
    pub tests: Vec<TestResult>,
}

impl TestReport {
    /// Whether anything failed that should fail the command.
    pub fn failed(&self) -> bool {
        self.models.iter().any(|m| matches!(m.status, "failed" | "skipped"))
            || self.tests.iter().any(|t| matches!(t.outcome, Outcome::Failed | Outcome::Error))
    }
}

pub fn run(
    db: &dyn Db,
    pm: &ProjectModel,
    plan: &Plan,
    seed: Option<&str>,
    definitions: &TestDefinitions,
) -> anyhow::Result<TestReport> {
    let warehouse = Warehouse::open(None)?;
    if let Some(sql) = seed {
        warehouse.conn.execute_batch(sql).context("data/seed.sql failed")?;
    }
    warehouse.prepare_targets(
        plan.models
            .iter()
            .filter(|m| m.error.is_none() && m.strategy != Some(Materialization::Ephemeral))
            .map(|m| &m.target_parts),
    )?;
    let mut builds: Vec<Option<ModelBuild>> = vec![None; plan.models.len()];
    for layer in &plan.layers {
        for &i in layer {
            let m = &plan.models[i];
            let failed_upstream = m.upstream.iter().find(|&&u| {
                builds[u].as_ref().is_some_and(|b| matches!(b.status, "failed" | "skipped"))
            });
            let build = if let Some(&u) = failed_upstream {
                ModelBuild {
                    name: m.name.clone(),
                    status: "skipped",
                    error: Some(format!("upstream `{}` did not build", plan.models[u].name)),
                }
            } else {
                match build_model(&warehouse, m) {
                    Ok(status) => ModelBuild { name: m.name.clone(), status, error: None },
                    Err(e) => ModelBuild {
                        name: m.name.clone(),
                        status: "failed",
                        error: Some(format!("{e:#}")),
                    },
                }
            };
            builds[i] = Some(build);
        }
    }
    let builds: Vec<ModelBuild> = builds.into_iter().flatten().collect();
    let model_index = |name: &str| pm.by_name.get(&Name::folded(name)).copied();
    // The table a `relationships` test names: a model's target, else a source path.
    let resolve = |table: &str| -> anyhow::Result<String> {
        match model_index(table) {
            Some(u) => Ok(plan.models[u].target_sql.clone()),
            None => Ok(quote::path(&table.split('.').collect::<Vec<_>>(), Dialect::DuckDb)?),
        }
    };
    // Where a unit test's given rows stand: a model's target, else the source name in the
    // test database's own catalog.
    let table_of = |reference: &str, catalog: &str| -> [String; 3] {
        if let Some(u) = model_index(reference) {
            return plan.models[u].target_parts.clone();
        }
        match reference.split('.').collect::<Vec<_>>()[..] {
            [c, s, t] => [c.into(), s.into(), t.into()],
            [s, t] => [catalog.into(), s.into(), t.into()],
            _ => [catalog.into(), "main".into(), reference.into()],
        }
    };
    let mut tests = Vec::new();
    for (m, model) in plan.models.iter().zip(&pm.models) {
        let built = builds.iter().find(|b| b.name == m.name).is_some_and(|b| b.status == "built");
        let not_built = |kind, name: String| TestResult {
            model: m.name.clone(),
            kind,
            name,
            outcome: Outcome::Error,
            failing_rows: None,
            message: Some("the model did not build".into()),
        };
        if let Some(contract) = model.contract {
            if built {
                tests.extend(contract_tests(db, &warehouse, m, contract)?);
            } else if !matches!(
                m.strategy,
                Some(Materialization::Ephemeral | Materialization::View)
            ) {
                tests.push(not_built("contract", "contract".into()));
            }
        }
        for t in &model.config.tests {
            let name = model_tests::describe(t);
            if !built {
                tests.push(not_built("test", name));
                continue;
            }
            let warn = t.severity.as_ref().is_some_and(|s| s.value == TestSeverity::Warning);
            let counted = model_tests::failing_rows_sql(t, &m.target_sql, definitions, &resolve)
                .and_then(|sql| {
                    let n: i64 = warehouse
                        .conn
                        .query_row(&sql, [], |r| r.get(0))
                        .with_context(|| format!("the test's SQL failed:\n{sql}"))?;
                    Ok(n)
                });
            tests.push(match counted {
                Ok(0) => result(m, "test", name, Outcome::Passed, Some(0), None),
                Ok(n) => result(
                    m,
                    "test",
                    name,
                    if warn { Outcome::Warned } else { Outcome::Failed },
                    Some(n as u64),
                    Some(format!("{n} failing rows")),
                ),
                Err(e) => result(m, "test", name, Outcome::Error, None, Some(format!("{e:#}"))),
            });
        }
        for (k, t) in model.config.unit_tests.iter().enumerate() {
            let name =
                t.name.as_ref().map_or_else(|| format!("test {}", k + 1), |n| n.value.clone());
            let Some(sql) = m.sql_for_window(&Window::all_time()) else {
                tests.push(result(m, "unit", name, Outcome::Error, None, m.error.clone()));
                continue;
            };
            tests.push(match unit_tests::run(t, &sql, &table_of) {
                Ok(None) => result(m, "unit", name, Outcome::Passed, None, None),
                Ok(Some(msg)) => result(m, "unit", name, Outcome::Failed, None, Some(msg)),
                Err(e) => result(m, "unit", name, Outcome::Error, None, Some(format!("{e:#}"))),
            });
        }
    }
    Ok(TestReport { models: builds, tests })
}

fn result(
    m: &crate::plan::ModelPlan,
    kind: &'static str,
    name: String,
    outcome: Outcome,
    failing_rows: Option<u64>,
    message: Option<String>,
) -> TestResult {
    TestResult { model: m.name.clone(), kind, name, outcome, failing_rows, message }
}

/// Builds one model as a first run would, all of time for partitioned ones.
fn build_model(warehouse: &Warehouse, m: &crate::plan::ModelPlan) -> anyhow::Result<&'static str> {
    if let Some(e) = &m.error {
        anyhow::bail!("{e}");
    }
    let strategy = m.strategy.as_ref().context("the model has no strategy")?;
    let sql = m.sql_for_window(&Window::all_time()).context("the model has no query")?;
    let step = match strategy {
        Materialization::Ephemeral => return Ok("inlined"),
        Materialization::View => sql_gen::replace_view(&m.target_sql, &sql),
        Materialization::Snapshot { updated_at, .. } => {
            sql_gen::snapshot_create(&m.target_sql, &sql, updated_at)?
        }
        // Materialized views and dynamic tables are tested as the tables they compute.
        _ => sql_gen::replace_table(&m.target_sql, &sql),
    };
    wh::execute_step(&warehouse.conn, &step)?;
    Ok("built")
}

/// The contract against the table DuckDB built: its column types, and nullability as the
/// data shows it (a column holding a NULL is nullable).
fn contract_tests(
    db: &dyn Db,
    warehouse: &Warehouse,
    m: &crate::plan::ModelPlan,
    contract: hir::SourceFile,
) -> anyhow::Result<Vec<TestResult>> {
    let parsed = &hir::contract_check::parsed_contract(db, contract).0;
    let mut columns = Vec::new();
    for (name, ty, _) in wh::columns(&warehouse.conn, &m.target_parts)? {
        let q = quote::ident(&name, Dialect::DuckDb)?;
        let nulls: i64 = warehouse.conn.query_row(
            &format!("SELECT count(*) FROM {} WHERE {q} IS NULL", m.target_sql),
            [],
            |r| r.get(0),
        )?;
        columns.push(Column {
            name: Name::new(&name, false),
            ty: Ty::from_sql(&ty),
            nullable: nulls > 0,
        });
    }
    let sig = Signature { columns, open: false };
    let diags = hir::contract_check::check(parsed, &sig);
    if diags.is_empty() {
        return Ok(vec![result(m, "contract", "contract".into(), Outcome::Passed, None, None)]);
    }
    Ok(diags
        .into_iter()
        .map(|d| {
            let outcome =
                if d.severity == Severity::Error { Outcome::Failed } else { Outcome::Warned };
            result(m, "contract", d.code.as_str().to_owned(), outcome, None, Some(d.message))
        })
        .collect())
}
