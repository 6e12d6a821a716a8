//! Expand a `*` (or `t.*`) into the columns it stands for.

use hir::{Db, model::model_analysis};

use crate::{
    FileRange,
    code_actions::{Assist, AssistKind},
    navigation::{model_of, text_of},
    rename::SourceChange,
};

pub(super) fn assist(db: &dyn Db, frange: FileRange) -> Option<Assist> {
    let file = frange.file;
    model_of(db, file)?;
    // A pipeline's `*`s are generated: there is no `*` in its text to expand.
    if crate::navigation::is_pipeline(db, file) {
        return None;
    }
    let a = model_analysis(db, file);
    let text = file.text(db);
    let (item, defs) = a.record().outputs.iter().find_map(|(_, defs)| {
        let first = defs.iter().find(|d| d.from_star && d.item.contains_range(frange.range))?;
        let of_star: Vec<_> = defs.iter().filter(|d| d.from_star && d.item == first.item).collect();
        Some((first.item, of_star))
    })?;
    let written = text_of(text, item);
    // `*` alone, or `t.*`: EXCLUDE/REPLACE modifiers are already applied to the columns.
    let star_at = written.find('*')?;
    let qualifier = written[..star_at].trim_end();
    let mut columns = Vec::new();
    for d in &defs {
        // A `REPLACE`d column is an expression the list would have to spell out.
        let (_, original) = d.source.as_ref()?;
        columns.push(if *original == d.column.name {
            format!("{qualifier}{original}")
        } else {
            format!("{qualifier}{original} AS {}", d.column.name)
        });
    }
    if columns.is_empty() {
        return None;
    }
    let mut change = SourceChange::default();
    change.edit(file, item, columns.join(", "));
    Some(Assist {
        label: format!("Expand `{}` into {} columns", written.trim(), columns.len()),
        kind: AssistKind::RefactorRewrite,
        fixes: None,
        change,
    })
}
