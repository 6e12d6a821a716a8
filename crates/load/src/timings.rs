//! `ROCKY_TIMINGS=1`: when each phase of a batch command ended, in milliseconds since the
//! first mark, on stderr, with the CPU time the process had used by then (all threads).
//! For people measuring a hook on their own project: the phases are where the time of a
//! 10,000-model run goes (BENCHMARKS.md), and wall against CPU shows how well a phase
//! keeps the cores busy.

use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Option<Instant>> = OnceLock::new();

/// Marks the end of the phase `what`. The first mark (the command's start) sets the zero.
pub fn mark(what: &str) {
    let start = START.get_or_init(|| std::env::var_os("ROCKY_TIMINGS").map(|_| Instant::now()));
    if let Some(start) = start {
        let cpu = cpu_ms().map(|ms| format!("  (cpu {ms:>5} ms)")).unwrap_or_default();
        eprintln!("timings: {:>8.1} ms{cpu}  {what}", start.elapsed().as_secs_f64() * 1000.0);
    }
}

/// User plus system time of the whole process so far, from `/proc/self/stat` (Linux; in
/// clock ticks of 10 ms, the `USER_HZ` every Linux exports there).
fn cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let mut fields = rest.split(' ').skip(11);
    let utime: u64 = fields.next()?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some((utime + stime) * 10)
}
