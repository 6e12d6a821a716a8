//! `ROCKY_TIMINGS=1`: when each phase of a batch command ended, in milliseconds since the
//! first mark, on stderr. For people measuring a hook on their own project: the phases
//! are where the time of a 10,000-model run goes (BENCHMARKS.md).

use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Option<Instant>> = OnceLock::new();

/// Marks the end of the phase `what`. The first mark (the command's start) sets the zero.
pub fn mark(what: &str) {
    let start = START.get_or_init(|| std::env::var_os("ROCKY_TIMINGS").map(|_| Instant::now()));
    if let Some(start) = start {
        eprintln!("timings: {:>8.1} ms  {what}", start.elapsed().as_secs_f64() * 1000.0);
    }
}
