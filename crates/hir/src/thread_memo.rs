//! Per-thread memos of pure functions whose inputs recur across a project: the same casts
//! (`DECIMAL(18,2)`), the same operators at the same argument types. A hash map per thread
//! (no lock), keyed by a hash of the input and checked against the kept input, so a
//! collision costs only a recomputation; a full memo starts over.

use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::thread::LocalKey;

/// Entries a memo keeps per thread before it starts over.
const CAPACITY: usize = 4096;

/// A memo: by input hash, the kept input and the result.
type Memo<K, V> = rustc_hash::FxHashMap<u64, (K, V)>;

/// A thread's memo, for a `thread_local!`.
pub(crate) type ThreadMemo<K, V> = RefCell<Memo<K, V>>;

/// `compute()`, or what it returned before on this thread for `input` (recognised by
/// `is_input` in its kept form, which `keep` makes).
pub(crate) fn remembered<K, V: Clone>(
    memo: &'static LocalKey<ThreadMemo<K, V>>,
    input: &(impl Hash + ?Sized),
    is_input: impl Fn(&K) -> bool,
    keep: impl FnOnce() -> K,
    compute: impl FnOnce() -> V,
) -> V {
    let mut h = rustc_hash::FxHasher::default();
    input.hash(&mut h);
    let hash = h.finish();
    // A computation that reaches the same memo again (a nested call) finds it borrowed:
    // it computes without it.
    let hit = memo.with(|m| {
        let m = m.try_borrow().ok()?;
        m.get(&hash).filter(|(kept, _)| is_input(kept)).map(|(_, v)| v.clone())
    });
    if let Some(v) = hit {
        return v;
    }
    let v = compute();
    memo.with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            if m.len() >= CAPACITY {
                m.clear();
            }
            m.insert(hash, (keep(), v.clone()));
        }
    });
    v
}
