//! A model's strategy against its compiled output (FORMAT.md §7): the time column exists
//! and is temporal (E020, E021, E025), a time-partitioned query reads its window (E024,
//! W003), `first_partition` is a partition (E026), merge keys are output columns (W006).
//! Reported at the strategy's keys in the file that sets them (sidecar or frontmatter).

use crate::{
    Db,
    body::Expr,
    config::{ConfigLayer, Granularity, Spanned, Strategy},
    diagnostics::{Code, Diagnostic},
    input::SourceFile,
    model::{model_signature, model_syntax},
    name::Name,
    project::project_model,
    ty::Ty,
};

/// The strategy findings of model `file`. Strategies inherited from a group or the
/// folder defaults are checked where they are set, for one model: not here.
pub fn strategy_check(db: &dyn Db, file: SourceFile) -> Vec<Diagnostic> {
    let pm = project_model(db);
    let Some(model) = pm.model(file) else { return Vec::new() };
    let Some(strategy) = &model.config.strategy else { return Vec::new() };
    if model.config.origins.get("strategy").is_some_and(|o| *o != ConfigLayer::Own) {
        return Vec::new();
    }
    let config_file = model.sidecar.unwrap_or(file);
    let sig = model_signature(db, file);
    let mut out = Vec::new();
    let mut push =
        |code, range, msg: String| out.push(Diagnostic::new(code, Some(config_file), range, msg));
    let column = |name: &Spanned<String>| {
        let c = sig.column(&Name::folded(&name.value));
        (c, sig.open)
    };
    let time_key = match &strategy.value {
        Strategy::TimeInterval { time_column, .. } => {
            time_column.as_ref().map(|c| (c, "time_column"))
        }
        Strategy::Microbatch { timestamp_column, .. }
        | Strategy::Incremental { timestamp_column } => {
            timestamp_column.as_ref().map(|c| (c, "timestamp_column"))
        }
        _ => None,
    };
    if let Some((tc, key)) = time_key {
        match column(tc) {
            (None, false) => push(
                Code::E020,
                tc.range,
                format!("`{key}` `{}` is not a column of the model's output", tc.value),
            ),
            (Some(c), _)
                if !matches!(c.ty, Ty::Date | Ty::Timestamp | Ty::TimestampTz | Ty::Unknown) =>
            {
                push(
                    Code::E021,
                    tc.range,
                    format!("`{key}` `{}` is {}; it must be a DATE or TIMESTAMP", tc.value, c.ty),
                )
            }
            (Some(c), _)
                if c.ty == Ty::Date && strategy.value.granularity() == Some(Granularity::Hour) =>
            {
                push(
                    Code::E025,
                    tc.range,
                    format!("hourly partitions need a TIMESTAMP `{key}`; `{}` is a DATE", tc.value),
                )
            }
            _ => {}
        }
    }
    // The table's name on its first line (`strategy` of `[strategy]`), else its start.
    let head = {
        let text = config_file.text(db);
        let start = usize::from(strategy.range.start());
        let line = text.get(start..).and_then(|t| t.lines().next()).unwrap_or("").trim_end();
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => {
                let from = strategy.range.start() + syntax::TextSize::from(1);
                syntax::TextRange::at(
                    from,
                    syntax::TextSize::from(u32::try_from(name.len()).unwrap_or(0)),
                )
            }
            None => syntax::TextRange::empty(strategy.range.start()),
        }
    };
    if matches!(strategy.value, Strategy::TimeInterval { .. } | Strategy::Microbatch { .. }) {
        let body = &model_syntax(db, file).body;
        let uses = |name: &str| {
            body.exprs.iter().any(|(_, e)| matches!(e, Expr::Placeholder(p) if &*p.name == name))
        };
        match (uses("start_date"), uses("end_date")) {
            (false, false) => push(
                Code::E024,
                head,
                "the query reads neither `@start_date` nor `@end_date`, so every partition \
                 would hold all rows; filter on the window"
                    .into(),
            ),
            (true, false) | (false, true) => push(
                Code::W003,
                head,
                "the query reads only one of `@start_date` / `@end_date`; a window is \
                 half-open, `>= @start_date AND < @end_date`"
                    .into(),
            ),
            _ => {}
        }
    }
    if let Strategy::TimeInterval { first_partition: Some(fp), granularity, .. } = &strategy.value
        && let Some(g) = granularity
        && !is_partition(g.value, &fp.value)
    {
        push(
            Code::E026,
            fp.range,
            format!("`first_partition` `{}` is not a {} partition", fp.value, g.value.name()),
        );
    }
    if let Strategy::Merge { unique_key, .. } = &strategy.value {
        for k in unique_key {
            if let (None, false) = column(k) {
                push(
                    Code::W006,
                    k.range,
                    format!("merge key `{}` is not a column of the model's output", k.value),
                );
            }
        }
    }
    out
}

/// `2024`, `2024-01`, `2024-01-31` or `2024-01-31T05` as the grain asks (a full date is
/// accepted for any grain: the partition holding it).
fn is_partition(g: Granularity, text: &str) -> bool {
    let num = |s: &str, lo: u32, hi: u32| {
        s.len() >= 2
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|n| (lo..=hi).contains(&n))
    };
    let year = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = text.split(['-', 'T']).collect();
    let date = |p: &[&str]| p.len() >= 3 && year(p[0]) && num(p[1], 1, 12) && num(p[2], 1, 31);
    match (g, parts.as_slice()) {
        (_, [_, _, _]) => date(&parts),
        (Granularity::Hour, [_, _, _, h]) => date(&parts) && num(h, 0, 23),
        (Granularity::Month | Granularity::Year, [y, m]) => {
            g == Granularity::Month && year(y) && num(m, 1, 12)
        }
        (Granularity::Year, [y]) => year(y),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partition_keys() {
        assert!(is_partition(Granularity::Day, "2024-01-31"));
        assert!(is_partition(Granularity::Hour, "2024-01-31T05"));
        assert!(is_partition(Granularity::Month, "2024-01"));
        assert!(is_partition(Granularity::Year, "2024"));
        assert!(is_partition(Granularity::Year, "2024-03-01"));
        assert!(!is_partition(Granularity::Day, "2024-13-01"));
        assert!(!is_partition(Granularity::Day, "yesterday"));
        assert!(!is_partition(Granularity::Month, "2024"));
        assert!(!is_partition(Granularity::Day, "2024-01-31T05"));
    }
}
