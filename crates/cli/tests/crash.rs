//! Crash safety: `rocky run` is killed with SIGKILL at random points while it runs an
//! incremental, a merge and a time_interval model; `--resume-latest` then completes the
//! run. After every resume no row is lost or duplicated (each table equals what its source
//! says it must hold), the state store agrees with the tables, and neither the redb nor
//! the DuckDB file is left unreadable.

use std::{
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use duckdb::Connection;

mod warehouse_support;

/// Kills that must land while `rocky run` is still running.
const KILLS: usize = 50;
const RANGE: [&str; 4] = ["--from", "2024-01-01", "--to", "2024-01-08"];

fn rocky(root: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rocky"));
    c.arg("--project").arg(root).args(["-o", "json"]).args(args);
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    c
}

fn query(root: &Path, sql: &str) -> Vec<String> {
    let conn =
        Connection::open(root.join("wh.duckdb")).expect("the DuckDB file opens after a kill");
    warehouse_support::rows(&conn, sql)
}

/// A small deterministic generator: the same kill points on every machine.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// New source data: appended events (always newer than all before, spread over the range)
/// and changed plus new customers.
fn change_sources(root: &Path, round: usize) {
    let conn = Connection::open(root.join("wh.duckdb")).expect("open");
    let first = round * 7;
    conn.execute_batch(&format!(
        "INSERT INTO src.events SELECT i, TIMESTAMP '2024-01-01' + INTERVAL (i * 11) MINUTE, i % 17
           FROM range({first}, {first} + 7) t(i);
         UPDATE src.customers SET visits = visits + 1, name = 'c' || id || '-' || {round} WHERE id % 3 = {round} % 3;
         INSERT INTO src.customers VALUES ({round} + 1000, 'new', 0);"
    ))
    .expect("change sources");
}

fn verify(root: &Path, round: usize) {
    let same = |what: &str, got: Vec<String>, want: Vec<String>| {
        assert_eq!(got, want, "round {round}: {what} differs from its source");
    };
    same(
        "events_inc",
        query(root, "SELECT id, ts, amount FROM wh.main.events_inc ORDER BY id, ts"),
        query(root, "SELECT id, ts, amount FROM src.events ORDER BY id, ts"),
    );
    same(
        "customers_merge",
        query(root, "SELECT id, name, visits FROM wh.main.customers_merge ORDER BY id"),
        query(root, "SELECT id, name, visits FROM src.customers ORDER BY id"),
    );
    same(
        "daily",
        query(root, "SELECT day, n, total FROM wh.main.daily ORDER BY day"),
        query(
            root,
            "SELECT CAST(ts AS DATE) AS day, count(*), sum(amount) FROM src.events
             WHERE ts < DATE '2024-01-09' GROUP BY 1 ORDER BY 1",
        ),
    );
    let out = rocky(root, &["state"]).output().expect("state");
    let state: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("the state store opens after a kill");
    let watermark = state["watermarks"]
        .as_array()
        .and_then(|w| w.iter().find(|w| w["model"] == "events_inc"))
        .map(|w| w["record"]["value"].as_str().unwrap_or("").to_owned());
    let max = query(root, "SELECT max(ts) FROM wh.main.events_inc").pop();
    assert_eq!(watermark, max, "round {round}: the stored watermark is not the table's");
    let partitions = warehouse_support::partitions(&state, "daily");
    let want: Vec<String> = (1..=8).map(|d| format!("2024-01-{d:02} Computed")).collect();
    assert_eq!(partitions, want, "round {round}: partition states");
}

#[test]
fn sigkill_at_random_points_loses_and_duplicates_nothing() {
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("crash-test");
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("models")).expect("dir");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test_data/run_crash");
    for rel in ["rocky.toml", "models/_defaults.toml"].into_iter().map(str::to_owned).chain(
        ["events_inc", "customers_merge", "daily"]
            .iter()
            .flat_map(|m| [format!("models/{m}.sql"), format!("models/{m}.toml")]),
    ) {
        std::fs::copy(src.join(&rel), root.join(&rel)).expect("copy");
    }
    Connection::open(root.join("wh.duckdb"))
        .expect("open")
        .execute_batch(
            "CREATE SCHEMA src;
             CREATE TABLE src.events (id BIGINT, ts TIMESTAMP, amount BIGINT);
             CREATE TABLE src.customers AS SELECT i AS id, 'c' || i AS name, 0 AS visits FROM range(30) t(i);",
        )
        .expect("seed");
    change_sources(&root, 0);
    // A clean run first: its duration bounds the kill points.
    let started = Instant::now();
    let out = rocky(&root, &["run"]).args(RANGE).output().expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let full = started.elapsed();
    verify(&root, 0);

    let mut rng = Lcg(0x5eed);
    let (mut kills, mut round) = (0, 0);
    while kills < KILLS {
        round += 1;
        assert!(
            round < KILLS * 4,
            "only {kills} of {round} kills landed while the run was running"
        );
        change_sources(&root, round);
        let delay = Duration::from_micros(rng.next() % (full.as_micros() as u64).max(1));
        let mut child = rocky(&root, &["run"]).args(RANGE).spawn().expect("spawn");
        std::thread::sleep(delay);
        if child.try_wait().expect("wait").is_none() {
            child.kill().expect("SIGKILL");
            kills += 1;
        }
        child.wait().expect("reap");
        let out = rocky(&root, &["run", "--resume-latest"]).args(RANGE).output().expect("resume");
        assert_eq!(
            out.status.code(),
            Some(0),
            "round {round}: the resumed run failed\n{}\n{}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
        verify(&root, round);
    }
}
