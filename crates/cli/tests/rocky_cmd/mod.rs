//! Running the `rocky` binary as a user or a CI job does, for the integration tests.
#![allow(dead_code)] // each test crate uses what it needs

use std::path::{Path, PathBuf};
use std::process::Command;

/// `test_data/projects/<rel>`.
pub fn project(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test_data/projects").join(rel)
}

pub fn test_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test_data")
}

pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `rocky` from a folder outside every project, without colour, with the environment
/// the projects expect: `ROCKY_TEST_UNSET` unset (the V002 cases), `ROCKY_NESTED_DB` unset
/// (so `nested` takes its `${ROCKY_NESTED_DB:-shop.duckdb}` default).
pub fn rocky(args: &[&str]) -> Out {
    rocky_in(Path::new(env!("CARGO_TARGET_TMPDIR")), args, &[])
}

/// `rocky ARGS` run from `cwd` as [`rocky`] runs it, with `env` set besides.
pub fn rocky_in(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Out {
    let out = Command::new(env!("CARGO_BIN_EXE_rocky"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("ROCKY_TEST_UNSET")
        .env_remove("ROCKY_NESTED_DB")
        .envs(env.iter().copied())
        .output()
        .expect("rocky runs");
    let out = Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!out.stderr.contains("panicked"), "rocky {args:?} panicked:\n{}", out.stderr);
    out
}

/// Copies the project at `from` to `to`, without its snapshots, load cache and databases;
/// the files copied.
pub fn copy_project(from: &Path, to: &Path) -> Vec<PathBuf> {
    let mut copied = Vec::new();
    std::fs::create_dir_all(to).expect("creating the copy");
    for entry in std::fs::read_dir(from).expect("reading the project") {
        let path = entry.expect("reading the project").path();
        let Some(name) = path.file_name() else { continue };
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
        if name == "expected" || name == ".rocky-cache" || matches!(ext, "duckdb" | "wal" | "redb")
        {
            continue;
        }
        if path.is_dir() {
            copied.extend(copy_project(&path, &to.join(name)));
        } else {
            std::fs::copy(&path, to.join(name)).expect("copying a project file");
            copied.push(to.join(name));
        }
    }
    copied
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("test paths are UTF-8")
}

/// The snapshot file `test_data/projects/<rel>/expected/<file>`; the playground's are in
/// `test_data/projects/_expected/playground/` (its own folder holds only the project).
pub fn expected(rel: &str, file: &str) -> expect_test::ExpectFile {
    let dir = match rel {
        "playground" => project("_expected/playground"),
        _ => project(rel).join("expected"),
    };
    expect_test::expect_file![dir.join(file)]
}
