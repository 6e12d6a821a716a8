//! Transparent huge pages for the process. mimalloc asks the kernel for them on its
//! arenas; with them a warm `rocky check` of one file in a 10,000-model project spends a
//! fifth less time (its time goes to page faults of fresh memory: decoding the load cache,
//! building the project model), but a whole-project verb's peak RSS grows by a third
//! (10,000-model compile under mimalloc v3: ~120 → ~157 MB; BENCHMARKS.md, sessions 4 and
//! 15). So they are off, but for the short verbs that answer one question about a few
//! models.
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
