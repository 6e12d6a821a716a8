//! Which way a project resolves: in one pass when the models' possible reads (the scan of
//! their words) form no cycle, in two otherwise. `test_data/hir/scan.md` checks that the
//! findings are the same either way.

use super::load;
use crate::{RootDatabase, scan::single_pass};

const HEAD: &str = r#"
//- rocky.toml
[adapter]
type = "duckdb"
//- models/_defaults.toml
[target]
catalog = "shop"
schema = "main"
"#;

fn resolves_in_one_pass(models: &str) -> bool {
    let db = RootDatabase::default();
    load(&db, &format!("{HEAD}{models}"));
    single_pass(&db)
}

#[test]
fn a_dag_resolves_in_one_pass() {
    assert!(resolves_in_one_pass(
        "//- models/orders.sql\nSELECT 1 AS id\n//- models/orders.toml\n\
         //- models/summary.sql\nSELECT id FROM orders -- summary is fine in a comment\n\
         //- models/summary.toml\n"
    ));
}

#[test]
fn a_model_reading_itself_still_resolves_in_one_pass() {
    // E170 is reported; resolution sees the self-reference on its own.
    assert!(resolves_in_one_pass(
        "//- models/orders.sql\nSELECT id FROM orders\n//- models/orders.toml\n"
    ));
}

#[test]
fn a_column_named_like_a_downstream_model_takes_two_passes() {
    assert!(!resolves_in_one_pass(
        "//- models/orders.sql\nSELECT 1 AS id, 2 AS order_summary\n//- models/orders.toml\n\
         //- models/order_summary.sql\nSELECT id FROM orders\n//- models/order_summary.toml\n"
    ));
}

#[test]
fn a_cycle_takes_two_passes() {
    assert!(!resolves_in_one_pass(
        "//- models/a.sql\nSELECT x FROM b\n//- models/a.toml\n\
         //- models/b.sql\nSELECT x FROM a\n//- models/b.toml\n"
    ));
}

#[test]
fn declared_dependencies_count_as_possible_reads() {
    // `b` names `a` only in its sidecar; `a` reads `b`: a cycle through `depends_on`.
    assert!(!resolves_in_one_pass(
        "//- models/a.sql\nSELECT 1 AS x FROM b\n//- models/a.toml\n\
         //- models/b.sql\nSELECT 1 AS x\n//- models/b.toml\ndepends_on = [\"a\"]\n"
    ));
}

#[test]
fn words_hash_alike_when_names_fold_alike() {
    use crate::{name::Name, scan::word_hash};
    // Upper case, a Greek final sigma (lower-cased by context), the Kelvin sign (whose
    // lower case is ASCII `k`), and a word longer than the stack buffer.
    let long = "A".repeat(80);
    for (a, b) in
        [("ORDERS", "orders"), ("ΟΔΟΣ", "οδος"), ("\u{212A}", "k"), (&*long, &*long.to_lowercase())]
    {
        assert_eq!(Name::folded(a), Name::folded(b), "{a} / {b}");
        assert_eq!(word_hash(a), word_hash(b), "{a} / {b}");
    }
    // Every length around the eight-byte steps of the hash.
    for n in 1..=24 {
        let upper: String = "Stg_Orders_Daily_Report_X".chars().take(n).collect();
        assert_eq!(word_hash(&upper), word_hash(&upper.to_lowercase()), "{upper}");
    }
    // The values the load cache keeps: the hash as first written, byte for byte.
    let reference = |bytes: &[u8]| {
        use std::hash::Hasher;
        const CASE: u64 = 0x2020_2020_2020_2020;
        let mut h = rustc_hash::FxHasher::default();
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            h.write_u64(u64::from_le_bytes(chunk.try_into().expect("eight bytes")) | CASE);
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        h.write_u64(u64::from_le_bytes(last) | CASE);
        h.write_usize(bytes.len());
        h.finish()
    };
    for len in 0..=24 {
        let word: String =
            "abcdefghijklmnopqrstuvwxyz".chars().cycle().skip(len).take(len).collect();
        assert_eq!(word_hash(&word), reference(word.as_bytes()), "{word}");
    }
    assert_eq!(word_hash("Straße_ÄÖ"), reference("straße_äö".as_bytes()));
    // Different words, prefixes and anagrams hash apart.
    let words = ["orders", "order", "orders_", "sredro", "a", "b", "ab", "ba", "stg_orders_daily"];
    for (i, a) in words.iter().enumerate() {
        for b in &words[i + 1..] {
            assert_ne!(word_hash(a), word_hash(b), "{a} / {b}");
        }
    }
}

#[test]
fn every_model_is_found_by_its_name_and_its_table() {
    use crate::{project::project_model, scan::word_hash};
    let mut models = String::new();
    for i in 0..500 {
        models.push_str(&format!(
            "//- models/m_{i}.sql\nSELECT 1 AS x\n//- models/m_{i}.toml\n[target]\ntable = \"T_{i}\"\n"
        ));
    }
    let db = RootDatabase::default();
    load(&db, &format!("{HEAD}{models}"));
    let pm = project_model(&db);
    assert_eq!(pm.models.len(), 500);
    for (i, m) in pm.models.iter().enumerate() {
        for word in [m.name.as_str(), &m.name.to_uppercase(), &m.target.table] {
            assert!(pm.models_named_by_word(word_hash(word)).contains(&i), "{word}");
        }
    }
    assert!(pm.models_named_by_word(word_hash("select")).is_empty());
}
