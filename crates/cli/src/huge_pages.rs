//! Transparent huge pages for the process. mimalloc asks the kernel for them on its
//! arenas; with them a process takes one page fault per 2 MB of fresh memory instead of
//! 512. They pay where a short verb's time goes to faulting in memory: a warm `rocky check`
//! of one file in a 10,000-model project spends a fifth less time (decoding the load cache,
//! building the project model), and a cold `rocky compile` of that project ~5% less
//! (21,000 page faults become ~1,500; 31 alternating runs: 0.620 → 0.590 s wall, 1.13 →
//! 1.08 s CPU) for ~10% more peak RSS (88 → 97 MB; BENCHMARKS.md, sessions 15 and 19). A
//! long-lived process (the language server) or one that keeps much memory for a long time
//! (`run`, with DuckDB's own) keeps them off: each 2 MB page stays whole while any of it is
//! used.
//!
//! The switch is the process's (`prctl`), and it comes after the allocator's first
//! allocations: the two 2 MB pages faulted before `main` stay (+4 MB of RSS for every
//! verb). mimalloc's `no_thp` build avoided that but cannot turn them on for one verb.

/// Turns transparent huge pages on or off for memory the process touches from now on.
/// Best effort: where the kernel has no such switch, nothing changes.
pub(crate) fn allow(on: bool) {
    #[cfg(target_os = "linux")]
    {
        // Fails only on kernels before 3.15, which keep their default.
        let _ = rustix::thread::disable_transparent_huge_pages(!on);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = on;
}
