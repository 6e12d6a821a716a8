//! The load cache (`load::cache`) against a run that reads every file (`--no-cache`): for
//! every sample project, `rocky check FILE` on each of its files and `rocky lineage` both
//! ways from each model, column and source column print exactly the same with a warm
//! cache, which reads only the files they analyse. Then the cache's edges: an edited file
//! (even one whose size and modification time are put back), a damaged cache file, a
//! cache written by another dialect.

// Test helpers: a failed file operation is a failed test, with the panic as its message.
#![allow(clippy::unwrap_used)]

mod rocky_cmd;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rocky_cmd::{Out, copy_project, project};

/// A copy of `test_data/projects/<rel>` under the target's temp dir, every file dated a
/// day back: a file modified in the last seconds is never kept (it could change again
/// within its timestamp's tick), and the copies are fresh.
fn copy(rel: &str, name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("load_cache").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    for file in copy_project(&project(rel), &dir) {
        age(&file);
    }
    dir
}

fn age(path: &Path) {
    let day_ago = SystemTime::now() - Duration::from_secs(86_400);
    std::fs::File::options().write(true).open(path).unwrap().set_modified(day_ago).unwrap();
}

/// Writes `text` (as long as the file is) and puts the modification time back: only the
/// change time tells the file changed.
fn rewrite_behind_the_stamp(path: &Path, text: &str) {
    let meta = std::fs::metadata(path).unwrap();
    assert_eq!(text.len() as u64, meta.len(), "the edit must keep the size");
    std::fs::write(path, text).unwrap();
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(meta.modified().unwrap())
        .unwrap();
}

fn rocky(dir: &Path, args: &[&str]) -> Out {
    let dir_arg = dir.to_str().expect("test paths are UTF-8");
    let args = [&["--project", dir_arg][..], args].concat();
    rocky_cmd::rocky_in(dir, &args, &[("ROCKY_CACHE_STATS", "1")])
}

/// `(files read, files listed)` from the `ROCKY_CACHE_STATS` line.
fn stats(out: &Out) -> (usize, usize) {
    let line = out.stderr.lines().find(|l| l.starts_with("load cache: ")).unwrap_or_else(|| {
        panic!("no cache stats in stderr:\n{}", out.stderr);
    });
    let words: Vec<&str> = line.split_whitespace().collect();
    (words[2].parse().unwrap(), words[4].parse().unwrap())
}

/// The stderr without the stats line: the rest must agree too.
fn messages(out: &Out) -> String {
    out.stderr.lines().filter(|l| !l.starts_with("load cache: ")).collect::<Vec<_>>().join("\n")
}

/// `args` with a warm cache and with `--no-cache`: the same exit code, stdout and messages.
/// Returns the warm run.
fn same(dir: &Path, args: &[&str]) -> Out {
    let warm = rocky(dir, args);
    let mut cold_args = args.to_vec();
    cold_args.push("--no-cache");
    let cold = rocky(dir, &cold_args);
    let what = format!("{} rocky {}", dir.display(), args.join(" "));
    assert_eq!(warm.code, cold.code, "{what}: exit codes differ\n{}\n{}", warm.stderr, cold.stderr);
    assert_eq!(warm.stdout, cold.stdout, "{what}: outputs differ");
    assert_eq!(messages(&warm), messages(&cold), "{what}: messages differ");
    warm
}

/// The models of the project at `dir`: name, path, output columns.
fn models(dir: &Path) -> Vec<(String, String, Vec<String>)> {
    let out = rocky(dir, &["compile", "-o", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    json["models"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let columns = m["columns"].as_array().unwrap();
            (
                m["name"].as_str().unwrap().to_string(),
                m["path"].as_str().unwrap().to_string(),
                columns.iter().map(|c| c["name"].as_str().unwrap().to_string()).collect(),
            )
        })
        .collect()
}

/// Every project file under `dir/models` (models, sidecars, defaults, groups, contracts).
fn model_files(dir: &Path, sub: &str, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir.join(sub)) else { return };
    let mut entries: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let rel = if sub.is_empty() { name } else { format!("{sub}/{name}") };
        if path.is_dir() {
            model_files(dir, &rel, out);
        } else {
            out.push(rel);
        }
    }
}

const PROJECTS: &[&str] = &[
    "playground",
    "nested",
    "analytics",
    "lineage",
    "broken",
    "three_broken",
    "bad_input/cycle",
    "bad_input/duplicate_names",
    "bad_input/unset_var",
];

#[test]
fn warm_cache_answers_as_reading_every_file() {
    let mut runs = 0;
    let mut partial = 0;
    for rel in PROJECTS {
        let dir = copy(rel, &rel.replace('/', "_"));
        // The first run reads everything and writes the cache; the second reads it.
        let first = same(&dir, &["check", "--format", "json"]);
        assert!(first.stderr.contains("cache written"), "{rel}: {}", first.stderr);
        assert!(dir.join(".rocky-cache/facts.bin").is_file(), "{rel}: no cache file");
        let mut files = Vec::new();
        model_files(&dir, "models", &mut files);
        for file in &files {
            let out = same(&dir, &["check", "--format", "json", file]);
            let (read, listed) = stats(&out);
            partial += usize::from(read < listed);
            runs += 1;
        }
        let models = models(&dir);
        let mut sources = Vec::new();
        for (name, _, columns) in &models {
            let up = same(&dir, &["lineage", name, "--format", "json", "--include-filters"]);
            same(&dir, &["lineage", name, "--downstream", "--format", "json"]);
            runs += 2;
            if let Some(column) = columns.first() {
                let target = format!("{name}.{column}");
                same(&dir, &["lineage", &target, "--format", "text"]);
                same(&dir, &["lineage", &target, "--downstream", "--format", "json"]);
                runs += 2;
            }
            if up.code == 0 {
                let json: serde_json::Value = serde_json::from_str(&up.stdout).unwrap();
                for edge in json["edges"].as_array().unwrap() {
                    if let (Some(s), Some(c)) =
                        (edge["from"]["source"].as_str(), edge["from"]["column"].as_str())
                    {
                        sources.push(format!("{s}.{c}"));
                    }
                }
            }
        }
        sources.sort();
        sources.dedup();
        for source in sources.iter().take(4) {
            same(&dir, &["lineage", source, "--downstream", "--format", "json"]);
            runs += 1;
        }
    }
    eprintln!("{runs} warm runs agree with --no-cache; {partial} checks read a part of the files");
    assert!(runs > 300, "only {runs} runs");
    // A check of one file reads only what it analyses in most cases.
    assert!(partial * 2 > runs / 3, "{partial} partial reads in {runs} runs");
}

/// A project made for the edits: `a` read by `c`, and twenty models unrelated to both; 25
/// files.
fn small_project(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("load_cache").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("models")).unwrap();
    let mut files = vec![
        ("rocky.toml".to_string(), "[adapter]\ntype = \"duckdb\"\n".to_string()),
        ("models/a.sql".to_string(), "select 1 as id, 2 as amount\n".to_string()),
        ("models/c.sql".to_string(), "select id, amount from a\n".to_string()),
        ("models/c.toml".to_string(), "[strategy]\ntype = \"full_refresh\"\n".to_string()),
        (
            "models/_defaults.toml".to_string(),
            "[target]\ncatalog = \"cache\"\nschema = \"main\"\n".to_string(),
        ),
    ];
    for i in 0..20 {
        files.push((format!("models/z{i:02}.sql"), format!("select {i} as v\n")));
    }
    for (path, text) in files {
        std::fs::write(dir.join(&path), text).unwrap();
        age(&dir.join(&path));
    }
    dir
}

/// `check` of `c`: warm, it reads `c`, its sidecar and `a` (and the configuration); the
/// answer follows every edit of `a`, however the edit hides in the file's stamp.
#[test]
fn edits_are_seen_through_the_cache() {
    let dir = small_project("edits");
    let clean = same(&dir, &["check", "--format", "json", "models/c.sql"]);
    assert_eq!(clean.code, 0, "{}", clean.stdout);
    let (read, listed) = stats(&same(&dir, &["check", "--format", "json", "models/c.sql"]));
    assert!(read < 8 && listed == 25, "a warm check of c read {read} of {listed} files");

    // `a` renames `id`, keeping its size and modification time: the change time tells.
    let a = dir.join("models/a.sql");
    rewrite_behind_the_stamp(&a, "select 1 as ix, 2 as amount\n");
    let broken = same(&dir, &["check", "--format", "json", "models/c.sql"]);
    assert_eq!(broken.code, 1, "{}", broken.stdout);
    assert!(broken.stdout.contains("E120"), "{}", broken.stdout);

    // Back, and dated back: the cache holds nothing stale.
    std::fs::write(&a, "select 1 as id, 2 as amount\n").unwrap();
    age(&a);
    assert_eq!(same(&dir, &["check", "--format", "json", "models/c.sql"]).stdout, clean.stdout);

    // An unrelated model edited and given a name `c` reads: `c` now reads it instead.
    std::fs::write(dir.join("models/z00.sql"), "select 3 as id, 4 as amount\n").unwrap();
    std::fs::write(dir.join("models/c.sql"), "select id, amount from z00\n").unwrap();
    same(&dir, &["check", "--format", "json", "models/c.sql"]);
    same(&dir, &["lineage", "c.id", "--format", "json"]);

    // A model removed behind the cache's back.
    std::fs::remove_file(dir.join("models/z00.sql")).unwrap();
    same(&dir, &["check", "--format", "json", "models/c.sql"]);
}

#[test]
fn a_damaged_or_foreign_cache_is_ignored() {
    let dir = small_project("damaged");
    let clean = same(&dir, &["check", "--format", "json", "models/c.sql"]);
    let cache = dir.join(".rocky-cache/facts.bin");
    let bytes = std::fs::read(&cache).unwrap();
    for damaged in [
        Vec::new(),
        b"not a cache".to_vec(),
        bytes[..bytes.len() / 2].to_vec(),
        bytes.iter().map(|b| b ^ 0x5a).collect(),
    ] {
        std::fs::write(&cache, &damaged).unwrap();
        let out = rocky(&dir, &["check", "--format", "json", "models/c.sql"]);
        assert_eq!(out.stdout, clean.stdout);
        assert_eq!(stats(&out), (25, 25), "{}", out.stderr);
        assert!(out.stderr.contains("cache written"), "{}", out.stderr);
    }
    assert!(stats(&rocky(&dir, &["check", "--format", "json", "models/c.sql"])).0 < 8);

    // Kept under one dialect, not used under another: a model's words depend on it.
    let toml = dir.join("rocky.toml");
    std::fs::write(&toml, "[adapter]\ntype = \"databricks\"\n").unwrap();
    let out = same(&dir, &["check", "--format", "json", "models/c.sql"]);
    assert_eq!(stats(&out), (25, 25), "{}", out.stderr);

    // A cache folder that cannot be written is skipped, not an error.
    std::fs::write(&toml, "[adapter]\ntype = \"duckdb\"\n").unwrap();
    std::fs::remove_dir_all(dir.join(".rocky-cache")).unwrap();
    std::fs::write(dir.join(".rocky-cache"), "a file where the folder goes").unwrap();
    let out = rocky(&dir, &["check", "--format", "json", "models/c.sql"]);
    assert_eq!(out.stdout, clean.stdout);
    assert!(out.stderr.contains("cache not written"), "{}", out.stderr);
}

/// A project whose seed types a table from one a manual adapter declares in `rocky.toml`:
/// `a` reads the seed's `raw_orders`, `b` its `big` (created from `ext.people`).
fn seeded_project(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("load_cache").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("models")).unwrap();
    std::fs::create_dir_all(dir.join("data")).unwrap();
    let sidecar = "[strategy]\ntype = \"full_refresh\"\n";
    let files = [
        ("rocky.toml", SEEDED_CONFIG),
        (
            "data/seed.sql",
            "create table raw_orders (id integer, amount decimal(10, 2));\n\
             create table big as select pid, name, 1 as n from ext.people;\n",
        ),
        ("models/_defaults.toml", "[target]\ncatalog = \"seeded\"\nschema = \"main\"\n"),
        ("models/a.sql", "select id, amount from raw_orders\n"),
        ("models/a.toml", sidecar),
        ("models/b.sql", "select pid, name from big\n"),
        ("models/b.toml", sidecar),
    ];
    for (path, text) in files {
        std::fs::write(dir.join(path), text).unwrap();
        age(&dir.join(path));
    }
    dir
}

const SEEDED_CONFIG: &str = r#"[adapter.default]
type = "duckdb"

[adapter.src]
type = "manual"

[[adapter.src.tables]]
schema = "ext"
table = "people"
columns = [{ name = "pid", type = "INTEGER" }, { name = "name", type = "VARCHAR" }]
"#;

/// The seed's tables are kept as facts, so a warm run neither reads nor types the seed;
/// an edit of the seed, or of the tables in `rocky.toml` its queries read, is seen.
#[test]
fn seed_facts_follow_the_seed_and_the_config() {
    let dir = seeded_project("seeded");
    let clean_a = same(&dir, &["check", "--format", "json", "models/a.sql"]);
    let clean_b = same(&dir, &["check", "--format", "json", "models/b.sql"]);
    assert_eq!((clean_a.code, clean_b.code), (0, 0), "{}\n{}", clean_a.stdout, clean_b.stdout);
    // `rocky.toml` (always read), `b.sql` and `b.toml`: not the seed.
    let (read, listed) = stats(&same(&dir, &["check", "--format", "json", "models/b.sql"]));
    assert_eq!((read, listed), (3, 7), "a warm check of b read {read} of {listed} files");

    // The seed renames `id`, keeping its size and modification time: the change time tells.
    let seed = dir.join("data/seed.sql");
    let text = std::fs::read_to_string(&seed).unwrap();
    rewrite_behind_the_stamp(&seed, &text.replace("(id integer", "(ix integer"));
    let broken = same(&dir, &["check", "--format", "json", "models/a.sql"]);
    assert_eq!(broken.code, 1, "{}", broken.stdout);
    assert!(broken.stdout.contains("E120"), "{}", broken.stdout);
    std::fs::write(&seed, text).unwrap();
    age(&seed);
    assert_eq!(same(&dir, &["check", "--format", "json", "models/a.sql"]).stdout, clean_a.stdout);

    // The declared table the seed's `big` is made from loses `pid`: `big.pid` is unknown.
    std::fs::write(dir.join("rocky.toml"), SEEDED_CONFIG.replace("\"pid\"", "\"pix\"")).unwrap();
    let changed = same(&dir, &["check", "--format", "json", "models/b.sql"]);
    assert_ne!(changed.stdout, clean_b.stdout);
    assert!(changed.stdout.contains("Unknown: pid"), "{}", changed.stdout);
}
