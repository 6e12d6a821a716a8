//! The models a model may read, known from its words alone, without parsing: every word of
//! its SQL that names a model or a model's target table, plus its declared `depends_on`.
//! That is a superset of the references name resolution finds. When these possible reads
//! form no cycle (apart from a model naming itself, which resolution recognises on its
//! own), the real DAG has none either, and every model can be resolved in one pass, layer
//! after layer, each file parsed once and its query IR dropped right after. Otherwise the
//! references are found first from memoized parses, and cycles are handled as E170 says.

use std::sync::Arc;

use syntax::LexedStr;

use crate::{
    Db,
    input::{FileKind, SourceFile, Workspace},
    model::sql_text,
    name::Name,
    project::{project_config, project_model},
};

/// The words of a SQL model that could name a model, hashed: each identifier or keyword
/// (a keyword can be a name), unquoted and in lower case, a quoted dotted name also by part
/// (BigQuery's `` `dataset.table` ``); sorted, distinct. Comments and whitespace are not
/// words. Hashes keep this small and cheap, and need no project model, so it is computed
/// while the project model is built; two words sharing a hash only add a possible read.
/// Invalidated by the file's text, or its kept facts (`crate::facts`) when it has them.
#[salsa::tracked(returns(ref))]
pub fn model_words(db: &dyn Db, file: SourceFile) -> Arc<[u64]> {
    // A `.rocky` pipeline lexes as SQL well enough for this: its names are SQL words, and
    // what lexes differently (`"text"` as a quoted name) only adds possible reads.
    if !matches!(file.kind(db), FileKind::SqlModel | FileKind::DslModel) {
        return Arc::from([]);
    }
    if let Some(facts) = file.facts(db) {
        return Arc::clone(&facts.words);
    }
    let dialect = project_config(db).config.dialect();
    let text = sql_text(file.text(db));
    // About one word in six bytes of SQL: room for them up front, not a dozen regrowths.
    let mut words = Vec::with_capacity(text.len() / 6);
    LexedStr::for_each_word(&text, dialect, |text, quoted| {
        if !quoted {
            words.push(word_hash(text));
            return;
        }
        let word = syntax::ast::unquote_text(text);
        words.push(word_hash(&word));
        if word.contains('.') {
            words.extend(word.split('.').map(word_hash));
        }
    });
    words.sort_unstable();
    words.dedup();
    words.into()
}

/// The hash of a word in lower case, as [`model_words`] and the project model's
/// `by_word` index compute it. Words that `Name::folded` makes equal hash alike, so every
/// word that resolution would match to a model hashes like that model's name.
pub(crate) fn word_hash(word: &str) -> u64 {
    match ascii_fold_hash(word.as_bytes()) {
        Some(hash) => hash,
        None => ascii_fold_hash_any(word.to_lowercase().as_bytes()),
    }
}

/// Hashes eight bytes at a time with the case bit (`0x20`) set in each, which lower-cases
/// ASCII letters: bytes that differ only in ASCII case hash alike. Other bytes that differ
/// only in that bit (`_` and DEL) hash alike too, which only adds a possible read. `None`
/// when a byte is not ASCII (the word is folded by Unicode's rules first). The values are
/// kept in the load cache (`crate::facts`), so they never change between versions.
fn ascii_fold_hash(bytes: &[u8]) -> Option<u64> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut high = 0;
    let hash = fold_hash_with(bytes, |word| high |= word);
    (high & HIGH == 0).then_some(hash)
}

/// [`ascii_fold_hash`] of any bytes.
fn ascii_fold_hash_any(bytes: &[u8]) -> u64 {
    fold_hash_with(bytes, |_| {})
}

fn fold_hash_with(bytes: &[u8], mut seen: impl FnMut(u64)) -> u64 {
    use std::hash::Hasher;
    const CASE: u64 = 0x2020_2020_2020_2020;
    let mut h = rustc_hash::FxHasher::default();
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        seen(word);
        h.write_u64(word | CASE);
    }
    // The last bytes, zero-padded; shifted in one by one (at most seven) rather than
    // copied with a call.
    let last = chunks.remainder().iter().rev().fold(0u64, |acc, &b| acc << 8 | u64::from(b));
    seen(last);
    // The length keeps `a` apart from `a` followed by NUL bytes.
    h.write_u64(last | CASE);
    h.write_usize(bytes.len());
    h.finish()
}

/// Whether `file` has the word `word` (a table name's last part): the models that may
/// read a table, without resolving any.
pub fn may_name(db: &dyn Db, file: SourceFile, word: &str) -> bool {
    model_words(db, file).binary_search(&word_hash(word)).is_ok()
}

/// The models `file` may read (indices into the project model, sorted, itself excluded):
/// those named by one of its words (as a model or a target table), plus its declared
/// `depends_on`. Backdates when an edit adds or removes words that name no model.
#[salsa::tracked(returns(ref))]
pub fn possible_upstreams(db: &dyn Db, file: SourceFile) -> Arc<[usize]> {
    let pm = project_model(db);
    let Some(&me) = pm.by_file.get(&file) else { return Arc::from([]) };
    let mut ups: Vec<usize> = Vec::new();
    for word in model_words(db, file).iter() {
        ups.extend(pm.models_named_by_word(*word));
    }
    for d in &pm.models[me].config.depends_on {
        ups.extend(pm.by_name.get(&Name::folded(d.as_str())));
    }
    ups.retain(|&u| u != me);
    ups.sort_unstable();
    ups.dedup();
    ups.into()
}

/// The possible reads as layers (each model after every model it may read), or `None`
/// when they form a cycle.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ScanDag {
    pub layers: Option<Vec<Vec<usize>>>,
}

/// Invalidated by any model's possible reads.
#[salsa::tracked(returns(ref))]
pub fn scan_dag(db: &dyn Db) -> ScanDag {
    let pm = project_model(db);
    let n = pm.models.len();
    let ups: Vec<&[usize]> = pm.models.iter().map(|m| &**possible_upstreams(db, m.file)).collect();
    let mut downstream: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut waiting: Vec<usize> = ups.iter().map(|u| u.len()).collect();
    for (m, us) in ups.iter().enumerate() {
        for &u in us.iter() {
            downstream[u].push(m);
        }
    }
    let mut layers: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = (0..n).filter(|&m| waiting[m] == 0).collect();
    let mut placed = 0;
    while !current.is_empty() {
        placed += current.len();
        let mut next = Vec::new();
        for &m in &current {
            for &d in &downstream[m] {
                waiting[d] -= 1;
                if waiting[d] == 0 {
                    next.push(d);
                }
            }
        }
        next.sort_unstable();
        layers.push(std::mem::replace(&mut current, next));
    }
    ScanDag { layers: (placed == n).then_some(layers) }
}

/// Whether every model resolves in one pass (the possible reads are acyclic). Backdates, so
/// an edit that keeps them acyclic re-runs nothing that reads this.
#[salsa::tracked(returns(copy))]
pub fn single_pass(db: &dyn Db) -> bool {
    !Workspace::get(db).options(db).two_pass && scan_dag(db).layers.is_some()
}
