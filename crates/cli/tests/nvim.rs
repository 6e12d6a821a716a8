//! The Neovim setup (`editors/nvim`) driven end to end by a real editor: headless Neovim
//! runs `editors/nvim/test/e2e.lua` against `rocky lsp` on a copy of the playground
//! project with one misspelled column, and exits non-zero on any mismatch (diagnostic line
//! and message, hover, definition, quick fix, rename across models, compiled SQL, the
//! `.rocky` filetype and highlighting, no client outside a project).

#![allow(clippy::unwrap_used, clippy::disallowed_methods)]

mod lsp_client;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn neovim_headless_end_to_end() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let nvim_dir = repo.join("editors/nvim");
    let project =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("nvim-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&project);
    lsp_client::copy_project(&repo.join("test_data/projects/playground"), &project);
    let model = project.join("models/revenue_summary.sql");
    let text = std::fs::read_to_string(&model).unwrap();
    assert!(text.contains("sum(total_revenue) AS total_revenue"), "{text}");
    std::fs::write(&model, text.replacen("sum(total_revenue)", "sum(total_revenu)", 1)).unwrap();

    let (out_path, err_path) = (project.join("nvim.stdout"), project.join("nvim.stderr"));
    let spawned = Command::new("nvim")
        .args(["--headless", "--clean", "-u", "NONE", "-i", "NONE", "-n"])
        .arg("-c")
        .arg(format!("luafile {}", nvim_dir.join("test/e2e.lua").display()))
        // Reached only when the script could not run to its own exit (a Lua error).
        .args(["-c", "cquit 2"])
        .env("ROCKY_BIN", env!("CARGO_BIN_EXE_rocky"))
        .env("ROCKY_PROJECT", &project)
        .env("ROCKY_NVIM", &nvim_dir)
        .env("XDG_STATE_HOME", project.join(".nvim-state"))
        .stdin(Stdio::null())
        // Files, not pipes: a full pipe nobody reads would stall Neovim until the deadline.
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn();
    let mut child = match spawned {
        Ok(c) => c,
        Err(e) => panic!(
            "cannot start `nvim` ({e}): install Neovim (`apt-get install neovim`; .ci/run does)"
        ),
    };
    let deadline = Instant::now() + Duration::from_secs(240);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            break child.wait().unwrap();
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let read = |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned();
    let log = format!("{}{}", read(&out_path), read(&err_path));
    assert!(status.success(), "nvim exited with {status}:\n{log}");
    for step in ["diagnostic ok", "hover ok", "definition ok", "code action ok", "rename ok"] {
        assert!(log.contains(step), "`{step}` missing:\n{log}");
    }
    assert!(log.contains("all checks passed"), "{log}");
}
