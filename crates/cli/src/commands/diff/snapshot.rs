//! What `rocky diff` compares of one project: per model its text, its configuration and
//! its compiled columns.

use std::collections::BTreeMap;

use super::ColumnType;

#[derive(Default)]
pub(crate) struct ProjectSnapshot {
    pub models: BTreeMap<String, ModelSnapshot>,
}

pub(crate) struct ModelSnapshot {
    pub code: String,
    /// The sidecar's text and the resolved strategy and target, so a change in
    /// `_defaults.toml` shows on every model it reaches.
    pub config: String,
    pub columns: Vec<ColumnType>,
}

impl ProjectSnapshot {
    pub(crate) fn of(db: &hir::RootDatabase) -> ProjectSnapshot {
        let pm = hir::project::project_model(db);
        let models = pm
            .models
            .iter()
            .map(|m| {
                let sig = hir::model::model_signature(db, m.file);
                let sidecar = m.sidecar.map(|f| f.text(db).to_string()).unwrap_or_default();
                let snapshot = ModelSnapshot {
                    code: m.file.text(db).to_string(),
                    config: format!(
                        "{sidecar}\n{}\n{}",
                        m.config.effective_strategy().name(),
                        m.target.display()
                    ),
                    columns: sig
                        .columns
                        .iter()
                        .map(|c| ColumnType { name: c.name.to_string(), ty: c.ty.to_string() })
                        .collect(),
                };
                (m.name.clone(), snapshot)
            })
            .collect();
        ProjectSnapshot { models }
    }
}
