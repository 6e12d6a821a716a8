//! `rocky lsp`: the language server, given the warehouse layer's binder when the binary
//! has one, so "show compiled SQL" shows what `rocky run` sends.

use std::process::ExitCode;

pub(crate) fn run() -> anyhow::Result<ExitCode> {
    lsp::run(bind()).map(|()| ExitCode::SUCCESS)
}

#[cfg(feature = "warehouse")]
fn bind() -> Option<ide::BindSql> {
    Some(bind_sql)
}

#[cfg(not(feature = "warehouse"))]
fn bind() -> Option<ide::BindSql> {
    None
}

/// Model `m`'s query as `rocky run` binds it; a time-partitioned model keeps its
/// `@start_date` / `@end_date`, which each run fills with its window.
#[cfg(feature = "warehouse")]
fn bind_sql(db: &dyn hir::Db, m: usize) -> Result<String, String> {
    let pm = hir::project::project_model(db);
    let vars = std::collections::BTreeMap::new();
    let renderer = exec::render::Renderer {
        db,
        pm,
        dialect: hir::project::project_config(db).config.dialect(),
        vars: &vars,
        shadow: false,
    };
    let model = pm.models.get(m).ok_or("no such model")?;
    let strategy = exec::plan::Materialization::from_strategy(&model.config.effective_strategy())?;
    let window = exec::plan::window_of(&strategy, "@start_date", "@end_date");
    renderer.select(m, window.as_ref()).map_err(|e| format!("{e:#}"))
}
