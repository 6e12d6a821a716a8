//! Time partitions of `time_interval` and `microbatch` models: keys (`2024-01-03`,
//! `2024-01-03T05`, `2024-01`, `2024`), half-open windows and the ranges a run selects.

use anyhow::{Context, bail};
use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use hir::config::Granularity;

/// One partition: its key and its half-open window `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Partition {
    pub key: String,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

/// Most partitions one run may select: a typo in `--from` should not start a million
/// statements.
pub const MAX_PARTITIONS: usize = 100_000;

/// The start of the partition holding `t`.
pub fn floor(g: Granularity, t: NaiveDateTime) -> NaiveDateTime {
    let d = t.date();
    let date = match g {
        Granularity::Hour => {
            return d.and_time(NaiveTime::from_hms_opt(t.hour(), 0, 0).unwrap_or_default());
        }
        Granularity::Day => d,
        Granularity::Month => d.with_day(1).unwrap_or(d),
        Granularity::Year => NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d),
    };
    date.and_time(NaiveTime::MIN)
}

/// The start of the partition after the one starting at `start`.
pub fn next(g: Granularity, start: NaiveDateTime) -> NaiveDateTime {
    match g {
        Granularity::Hour => start + Duration::hours(1),
        Granularity::Day => start + Duration::days(1),
        Granularity::Month => start.checked_add_months(Months::new(1)).unwrap_or(start),
        Granularity::Year => start.checked_add_months(Months::new(12)).unwrap_or(start),
    }
}

/// The start of the partition before the one starting at `start`.
pub fn prev(g: Granularity, start: NaiveDateTime) -> NaiveDateTime {
    match g {
        Granularity::Hour => start - Duration::hours(1),
        Granularity::Day => start - Duration::days(1),
        Granularity::Month => start.checked_sub_months(Months::new(1)).unwrap_or(start),
        Granularity::Year => start.checked_sub_months(Months::new(12)).unwrap_or(start),
    }
}

pub fn key(g: Granularity, start: NaiveDateTime) -> String {
    let f = match g {
        Granularity::Hour => "%Y-%m-%dT%H",
        Granularity::Day => "%Y-%m-%d",
        Granularity::Month => "%Y-%m",
        Granularity::Year => "%Y",
    };
    start.format(f).to_string()
}

pub fn partition(g: Granularity, start: NaiveDateTime) -> Partition {
    let start = floor(g, start);
    Partition { key: key(g, start), start, end: next(g, start) }
}

/// Reads a partition key or any date / timestamp inside the partition (`2024-01-03`,
/// `2024-01-03T05`, `2024-01-03 05:30:00`, `2024-01`, `2024`) as the partition's start.
pub fn parse(g: Granularity, text: &str) -> anyhow::Result<NaiveDateTime> {
    let t = text.trim();
    let parsed = NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(&format!("{t}:00"), "%Y-%m-%dT%H:%M"))
        .or_else(|_| NaiveDateTime::parse_from_str(&format!("{t}:00:00"), "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y-%m-%d").map(|d| d.and_time(NaiveTime::MIN)))
        .or_else(|_| {
            NaiveDate::parse_from_str(&format!("{t}-01"), "%Y-%m-%d")
                .map(|d| d.and_time(NaiveTime::MIN))
        })
        .or_else(|_| {
            NaiveDate::parse_from_str(&format!("{t}-01-01"), "%Y-%m-%d")
                .map(|d| d.and_time(NaiveTime::MIN))
        });
    let t = parsed.ok().with_context(|| {
        format!(
            "`{text}` is not a {} partition; write it like `{}`",
            g.name(),
            key(
                g,
                NaiveDate::from_ymd_opt(2024, 1, 31)
                    .unwrap_or_default()
                    .and_hms_opt(5, 0, 0)
                    .unwrap_or_default()
            )
        )
    })?;
    Ok(floor(g, t))
}

/// The partitions from the one holding `from` to the one holding `to`, both included.
pub fn range(
    g: Granularity,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> anyhow::Result<Vec<Partition>> {
    let (mut at, last) = (floor(g, from), floor(g, to));
    if at > last {
        bail!("the range ends ({}) before it starts ({})", key(g, last), key(g, at));
    }
    let mut out = Vec::new();
    while at <= last {
        if out.len() == MAX_PARTITIONS {
            bail!("the range holds more than {MAX_PARTITIONS} {} partitions; narrow it", g.name());
        }
        out.push(partition(g, at));
        at = next(g, at);
    }
    Ok(out)
}

/// The SQL literal of a window bound: a TIMESTAMP for hourly partitions, a DATE otherwise
/// (DuckDB compares a DATE with a TIMESTAMP column by widening it).
pub fn literal(g: Granularity, t: NaiveDateTime) -> String {
    match g {
        Granularity::Hour => format!("TIMESTAMP '{}'", t.format("%Y-%m-%d %H:%M:%S")),
        _ => format!("DATE '{}'", t.format("%Y-%m-%d")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn keys_windows_and_ranges() {
        let p = partition(Granularity::Month, at("2024-02-17 10:00:00"));
        assert_eq!(
            (p.key.as_str(), p.start, p.end),
            ("2024-02", at("2024-02-01 00:00:00"), at("2024-03-01 00:00:00"))
        );
        let p = partition(Granularity::Hour, at("2024-02-17 10:59:59"));
        assert_eq!(p.key, "2024-02-17T10");
        assert_eq!(parse(Granularity::Hour, "2024-02-17T10").unwrap(), at("2024-02-17 10:00:00"));
        assert_eq!(
            parse(Granularity::Day, "2024-02-17 10:30:00").unwrap(),
            at("2024-02-17 00:00:00")
        );
        assert_eq!(parse(Granularity::Month, "2024-02").unwrap(), at("2024-02-01 00:00:00"));
        assert_eq!(parse(Granularity::Year, "2024").unwrap(), at("2024-01-01 00:00:00"));
        assert!(parse(Granularity::Day, "yesterday").is_err());
        let r =
            range(Granularity::Day, at("2024-02-28 00:00:00"), at("2024-03-01 12:00:00")).unwrap();
        let keys: Vec<&str> = r.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["2024-02-28", "2024-02-29", "2024-03-01"]);
        assert!(
            range(Granularity::Day, at("2024-03-01 00:00:00"), at("2024-02-01 00:00:00")).is_err()
        );
        assert_eq!(prev(Granularity::Month, at("2024-03-01 00:00:00")), at("2024-02-01 00:00:00"));
        assert_eq!(literal(Granularity::Day, at("2024-03-01 00:00:00")), "DATE '2024-03-01'");
    }
}
