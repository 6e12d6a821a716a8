//! Reading a Rocky project from disk into `ide` changes: the one place the edges (the CLI
//! and the language server) read project files, so both see the same project. Unreadable
//! projects are errors; unreadable files inside a readable project become diagnostics
//! (their `FileStatus`), so one bad file never hides the rest.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, bail};
use hir::input::{CATALOG_SNAPSHOT, FileKind, FileStatus, Options};
use ide::{AnalysisHost, Change, FileChange};
use rayon::prelude::*;

pub mod cache;
mod project_dir;
pub mod timings;

use project_dir::ProjectDir;

pub use cache::{Cached, load_cached};

/// Where the project is: `--project DIR`, `-c FILE`'s folder, or the nearest folder upward
/// holding `rocky.toml`.
pub fn find_root(project: Option<&Path>, config: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(file) = config {
        if !file.is_file() {
            bail!("`{}` does not exist or is not a file", file.display());
        }
        if file.file_name().is_none_or(|n| n != "rocky.toml") {
            bail!(
                "`{}` is not a rocky.toml; pass the project's rocky.toml or --project DIR",
                file.display()
            );
        }
        let dir = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = project {
        if !dir.is_dir() {
            bail!("`{}` is not a directory", dir.display());
        }
        if !dir.join("rocky.toml").is_file() {
            bail!("`{}` holds no rocky.toml; is it a Rocky project?", dir.display());
        }
        return Ok(dir.to_path_buf());
    }
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    project_root_at(&cwd).with_context(|| {
        format!("no rocky.toml in `{}` or any parent; pass --project DIR", cwd.display())
    })
}

/// The nearest folder holding `rocky.toml`: `path` itself or one above it.
pub fn project_root_at(path: &Path) -> Option<PathBuf> {
    path.ancestors().find(|d| d.join("rocky.toml").is_file()).map(Path::to_path_buf)
}

/// The project's files (relative, `/`-separated, sorted) and how each is classified:
/// `rocky.toml`, the seed and catalog snapshot, and everything under the models folders
/// (and the `--contracts` folder).
pub struct Layout {
    pub paths: Vec<String>,
    pub models_dirs: Vec<String>,
    pub contracts_dir: Option<String>,
    /// What kept facts must have been computed under (`hir::facts::context_of`).
    pub context: String,
}

impl Layout {
    pub fn classify(&self, rel: &str) -> FileKind {
        FileKind::classify(rel, &self.models_dirs, self.contracts_dir.as_deref())
    }
}

/// Lists the files of the project at `root`.
pub fn layout(
    root: &Path,
    env: &BTreeMap<String, String>,
    options: &Options,
) -> anyhow::Result<Layout> {
    let config_text = read_source(&root.join("rocky.toml"))?;
    // The models folders come from the config; its diagnostics are reported by the queries.
    let (mut config, _) = hir::config::parse_project_config(&config_text, env);
    config.dialect_override = options.dialect;
    let context = hir::facts::context_of(&config);
    let models_dirs = config.models_dirs();
    let contracts_dir = options.contracts_dir.clone();
    if let Some(dir) = &contracts_dir
        && !root.join(dir).is_dir()
    {
        bail!("the contracts folder `{dir}` does not exist");
    }
    let mut paths: Vec<String> = vec!["rocky.toml".to_string()];
    for extra in ["data/seed.sql", CATALOG_SNAPSHOT] {
        if root.join(extra).is_file() {
            paths.push(extra.to_string());
        }
    }
    let mut seen_dirs = HashSet::new();
    for dir in models_dirs.iter().chain(contracts_dir.iter()) {
        walk(root, dir, &mut seen_dirs, &mut paths)?;
    }
    paths.sort_unstable();
    paths.dedup();
    Ok(Layout { paths, models_dirs, contracts_dir, context })
}

/// Reads the whole project at `root` (files in parallel) into a new host.
pub fn load(
    root: &Path,
    env: BTreeMap<String, String>,
    options: Options,
) -> anyhow::Result<AnalysisHost> {
    let layout = layout(root, &env, &options)?;
    timings::mark("list the project's files");
    load_layout(root, &layout, env, options)
}

/// Reads the files `layout` lists (in parallel) into a new host.
pub fn load_layout(
    root: &Path,
    layout: &Layout,
    env: BTreeMap<String, String>,
    options: Options,
) -> anyhow::Result<AnalysisHost> {
    let dir = ProjectDir::open(root);
    let files: Vec<FileChange> = layout
        .paths
        .par_iter()
        .map(|rel| Ok(read_stamped(&dir, rel, layout.classify(rel))?.0))
        .collect::<anyhow::Result<_>>()?;
    timings::mark("read them");
    let mut host = AnalysisHost::default();
    host.apply_change(Change { files, env: Some(env), options: Some(options) });
    Ok(host)
}

/// Reads a source file as UTF-8, with a clear message for what we cannot parse.
pub fn read_source(path: &Path) -> anyhow::Result<String> {
    let meta =
        std::fs::metadata(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    if !meta.is_file() {
        bail!("`{}` is not a regular file", path.display());
    }
    let len = meta.len();
    // Checked before reading: such a file would not fit the parser's u32 offsets.
    if usize::try_from(len).map_or(true, |len| len > hir::syntax::MAX_INPUT_LEN) {
        bail!("`{}` is larger than 4 GiB; split it into several files", path.display());
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        anyhow::anyhow!(
            "`{}` is not valid UTF-8 (first invalid byte at offset {at}); save it as UTF-8",
            path.display()
        )
    })
}

/// Reads one project file (`rel` under `root`); a file that cannot be read is a change
/// with that status, not an error.
pub fn read(root: &Path, rel: &str, kind: FileKind) -> anyhow::Result<FileChange> {
    Ok(read_stamped(&ProjectDir::unopened(root), rel, kind)?.0)
}

/// [`read`], with the stamp of what was read (`None`: it could not be read).
fn read_stamped(
    dir: &ProjectDir<'_>,
    rel: &str,
    kind: FileKind,
) -> anyhow::Result<(FileChange, Option<cache::Stamp>)> {
    // A file inside a readable project that cannot be read (a dangling symlink, no
    // permission) is a V006 diagnostic on that file, not the end of the run.
    let unreadable =
        || (FileChange::read(rel.to_string(), Arc::from(""), kind, FileStatus::Unreadable), None);
    // One open and one fstat per file: 20,000 files are read in a large project.
    let Ok(mut file) = dir.open_file(rel) else { return Ok(unreadable()) };
    let Ok(st) = rustix::fs::fstat(&file) else { return Ok(unreadable()) };
    if rustix::fs::FileType::from_raw_mode(st.st_mode) != rustix::fs::FileType::RegularFile {
        let change = FileChange::read(rel.to_string(), Arc::from(""), kind, FileStatus::NotAFile);
        return Ok((change, None));
    }
    let len = match usize::try_from(st.st_size) {
        Ok(len) if len <= hir::syntax::MAX_INPUT_LEN => len,
        _ => bail!(
            "`{}` is larger than 4 GiB; split it into several files",
            dir.path().join(rel).display()
        ),
    };
    let Ok(bytes) = read_all(&mut file, len) else { return Ok(unreadable()) };
    let (text, status) = match String::from_utf8(bytes) {
        // `contains` searches a word at a time; the position only matters for a binary file.
        Ok(s) if s.as_bytes().contains(&0) => {
            let at = s.bytes().position(|b| b == 0).unwrap_or_default();
            (Arc::from(""), FileStatus::Binary { first_nul: at as u64 })
        }
        Ok(s) => (Arc::from(s), FileStatus::Present),
        Err(e) => {
            let at = e.utf8_error().valid_up_to() as u64;
            (Arc::from(""), FileStatus::NotUtf8 { first_invalid_byte: at })
        }
    };
    Ok((FileChange::read(rel.to_string(), text, kind, status), Some(cache::Stamp::of(&st))))
}

/// The contents of the regular file `file`, `len` bytes by its metadata. `File::read_to_end`
/// would ask the size again (`fstat`, `lseek`) and read once more to see the end; of a
/// regular file a read that returns less than asked is the end, so a file read whole takes
/// one `read` (20,000 files in a large project: 60,000 system calls fewer).
fn read_all(file: &mut std::fs::File, len: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    // One byte more than the size: a file that grew since `fstat` shows as a full buffer.
    let mut buf = vec![0u8; len + 1];
    let mut filled = 0;
    loop {
        if filled == buf.len() {
            buf.resize(buf.len() * 2, 0);
        }
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => {
                filled += n;
                if filled < buf.len() {
                    break;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    buf.truncate(filled);
    Ok(buf)
}

/// The project files under `dir` (relative to `root`): `.sql`, `.rocky` and `.toml`,
/// recursively, sorted; hidden entries (the state store) skipped; a directory reached
/// twice through symlinks (a loop) walked once.
fn walk(
    root: &Path,
    dir: &str,
    seen: &mut HashSet<PathBuf>,
    out: &mut Vec<String>,
) -> anyhow::Result<()> {
    let mut stack = vec![dir.trim_end_matches('/').to_string()];
    while let Some(rel) = stack.pop() {
        let abs = if rel.is_empty() { root.to_path_buf() } else { root.join(&rel) };
        let Ok(real) = abs.canonicalize() else {
            // A missing models folder: no models, reported as V007.
            continue;
        };
        if !seen.insert(real) {
            continue;
        }
        let entries =
            std::fs::read_dir(&abs).with_context(|| format!("cannot read `{}`", abs.display()))?;
        for entry in entries {
            let entry = entry.with_context(|| format!("cannot read `{}`", abs.display()))?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if name.starts_with('.') {
                continue;
            }
            let mut child = String::with_capacity(rel.len() + 1 + name.len());
            if !rel.is_empty() {
                child.push_str(&rel);
                child.push('/');
            }
            child.push_str(name);
            // The entry's type comes with the directory listing; only a symlink needs a
            // stat to tell a directory from a file.
            let is_dir = match entry.file_type() {
                Ok(t) if t.is_symlink() => entry.path().is_dir(),
                Ok(t) => t.is_dir(),
                Err(_) => entry.path().is_dir(),
            };
            if is_dir {
                stack.push(child);
            } else if [".sql", ".rocky", ".toml"].iter().any(|e| name.ends_with(e))
                && child != "rocky.toml"
            {
                out.push(child);
            }
        }
    }
    Ok(())
}
