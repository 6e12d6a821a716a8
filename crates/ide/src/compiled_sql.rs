//! "Show compiled SQL": the query a model runs, for the model a file belongs to (its SQL,
//! pipeline or sidecar). The warehouse layer binds references to tables; the editor gets
//! that binder from the binary when it has one, else shows the model's own SQL (the
//! generated SQL of a pipeline).

use hir::{Db, SourceFile, project::project_model};

/// Binds model `m`'s query (an index into the project model) as the warehouse runs it, or
/// says why it cannot.
pub type BindSql = fn(&dyn Db, usize) -> Result<String, String>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledSql {
    pub model: String,
    pub sql: String,
}

pub(crate) fn compiled_sql(
    db: &dyn Db,
    file: SourceFile,
    bind: Option<BindSql>,
) -> Option<CompiledSql> {
    let pm = project_model(db);
    let m = pm.owner(file)?;
    let model = &pm.models[m];
    let own = || hir::model::model_sql(db, model.file).trim().to_string();
    let sql = match bind.map(|bind| bind(db, m)) {
        None => own(),
        Some(Ok(sql)) => sql,
        // The model as written, under the reason it is not bound (a syntax error, an
        // `@var` without a value): what the editor can still show.
        Some(Err(why)) => {
            let why: Vec<String> = why.lines().map(|l| format!("-- {l}")).collect();
            format!("-- rocky: cannot bind this model's references:\n{}\n{}", why.join("\n"), own())
        }
    };
    Some(CompiledSql { model: model.name.clone(), sql })
}
