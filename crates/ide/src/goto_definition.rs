//! Go to definition: a model reference to the model file; a column to the select item that
//! defines it (through CTEs, aliases, `*` and upstream models); a CTE, alias or qualifier
//! to where it is named.

use hir::{
    Db,
    model::model_analysis,
    resolve::{Binding, RefKind},
};

use crate::{
    FilePosition,
    navigation::{
        ColumnKey, NavigationTarget, QualifierTarget, column_def_through_stars, model_of,
        nav_for_def, nav_for_model, qualifier_target, text_of,
    },
};

pub(crate) fn goto_definition(db: &dyn Db, pos: FilePosition) -> Vec<NavigationTarget> {
    let file = pos.file;
    if model_of(db, file).is_none() {
        return Vec::new();
    }
    let a = model_analysis(db, file);
    let text = file.text(db);
    let local = |range: syntax::TextRange| NavigationTarget {
        file,
        full_range: range,
        focus_range: range,
        name: text_of(text, range).to_string(),
    };
    if let Some(r) = a.record().ref_at(pos.offset) {
        let nav = match &r.kind {
            RefKind::Column { origin, name, .. } => {
                let key = ColumnKey { file, origin: origin.clone(), name: *name };
                column_def_through_stars(db, &key).map(|d| nav_for_def(db, &d))
            }
            RefKind::Alias { def, .. } => Some(local(*def)),
            RefKind::Qualifier { origin, def } => match qualifier_target(a, origin, *def) {
                QualifierTarget::Model(f) => Some(nav_for_model(db, f)),
                QualifierTarget::Cte(cte_def) => Some(local(cte_def)),
                QualifierTarget::Relation => Some(local(*def)),
            },
            RefKind::Cte { def, .. } => Some(local(*def)),
        };
        return nav.into_iter().collect();
    }
    a.resolved
        .tables
        .iter()
        .filter(|(r, _)| r.contains_inclusive(pos.offset))
        .filter_map(|(_, b)| match b {
            Binding::Model(f) => Some(nav_for_model(db, *f)),
            Binding::Source(_) => None,
        })
        .collect()
}
