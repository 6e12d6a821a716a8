//! Every diagnostic code is triggered by at least one test: it appears in an expected
//! output under `test_data/` (fixture annotations, project snapshots) or in a Rust test
//! file's snapshot.

use std::path::{Path, PathBuf};

use crate::Code;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn is_test_source(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    path.extension().is_some_and(|e| e == "rs")
        && (name == "tests.rs"
            || name.ends_with("_tests.rs")
            || path.components().any(|c| c.as_os_str() == "tests"))
}

#[test]
fn every_code_is_tested() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths = Vec::new();
    files(&root.join("test_data"), &mut paths);
    let mut crates = Vec::new();
    files(&root.join("crates"), &mut crates);
    paths.extend(crates.into_iter().filter(|p| is_test_source(p)));
    let texts: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    let untested: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|code| !texts.iter().any(|t| t.contains(code)))
        .collect();
    assert!(untested.is_empty(), "codes no test triggers: {untested:?}");
}
