//! The load cache: what the project's files say that the project-wide queries need
//! (`hir::facts`: a model's words, a config file's parsed config, what the seed's
//! statements do to the source catalog), kept between runs in
//! `<root>/.rocky-cache/facts.bin`, keyed by each file's path, size, modification and
//! change times and inode. A warm run then only lists and stats the project; it reads the
//! text of the files the command analyses ([`Cached::read`]), not of the other 10,000.
//!
//! Kept facts are used only by the same build of Rocky and under the same dialect, and
//! never for a file that reads the environment or has a diagnostic (`hir::facts`). The
//! cache is an optimisation: a missing, foreign or damaged cache file is ignored, and a
//! cache that cannot be written is skipped.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hir::config::ModelConfig;
use hir::facts::{FileFacts, cacheable_kind};
use hir::input::{FileKind, FileStatus, Options};
use hir::sources::SeedOp;
use hir::{RootDatabase, SourceFile};
use ide::{AnalysisHost, Change, FileChange};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{Layout, ProjectDir, layout, read_stamped};

/// The folder, in the project root; hidden, so the models walk never sees it.
pub const CACHE_DIR: &str = ".rocky-cache";
const CACHE_FILE: &str = "facts.bin";
/// Bumped when the layout of the cache file or of what it keeps changes.
const FORMAT: u32 = 3;
/// Entries per independently decoded chunk of the cache file.
const CHUNK: usize = 512;

/// What identifies a file's content without reading it: what git's index keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    mtime_s: i64,
    mtime_ns: u32,
    ctime_s: i64,
    ctime_ns: u32,
    ino: u64,
}

impl Stamp {
    /// From what `stat` (or `fstat`) says of the file.
    #[allow(clippy::useless_conversion, reason = "the field types differ between architectures")]
    pub(crate) fn of(st: &rustix::fs::Stat) -> Stamp {
        Stamp {
            len: u64::try_from(st.st_size).unwrap_or(0),
            mtime_s: i64::try_from(st.st_mtime).unwrap_or(0),
            mtime_ns: u32::try_from(st.st_mtime_nsec).unwrap_or(0),
            ctime_s: i64::try_from(st.st_ctime).unwrap_or(0),
            ctime_ns: u32::try_from(st.st_ctime_nsec).unwrap_or(0),
            ino: u64::try_from(st.st_ino).unwrap_or(0),
        }
    }
}

#[derive(Serialize, Deserialize, PartialEq, Eq)]
struct Header {
    format: u32,
    build: String,
    context: String,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    path: &'a str,
    kind: FileKind,
    stamp: Stamp,
    words: &'a [u64],
    config: Option<&'a ModelConfig>,
    seed: Option<&'a [SeedOp]>,
}

/// [`EntryOut`] read back: the same fields in the same order.
#[derive(Deserialize)]
struct EntryIn {
    path: String,
    kind: FileKind,
    stamp: Stamp,
    words: Vec<u64>,
    config: Option<ModelConfig>,
    seed: Option<Vec<SeedOp>>,
}

/// A file's kept facts as the cache file holds them: path, kind, stamp, facts.
type Kept = (String, FileKind, Stamp, Arc<FileFacts>);

/// One listed project file.
struct Listed {
    path: String,
    kind: FileKind,
    /// As last seen: when the file was read or its kept facts used.
    stamp: Option<Stamp>,
    /// Loaded from kept facts; its text not read yet.
    unread: bool,
}

/// A project loaded through the cache: which files are still unread, and whether the
/// cache is worth writing again.
pub struct Cached {
    root: PathBuf,
    /// Sorted by path, as the layout lists them.
    files: Vec<Listed>,
    header: Option<Header>,
    /// Cacheable files, and those among them read because nothing usable was kept.
    cacheable: usize,
    stale: usize,
}

/// Loads the project at `root` as [`crate::load`] does, but files whose kept facts are
/// still good are not read: their text stays empty until [`Cached::read`].
pub fn load_cached(
    root: &Path,
    env: std::collections::BTreeMap<String, String>,
    options: Options,
) -> anyhow::Result<(AnalysisHost, Cached)> {
    let layout = layout(root, &env, &options)?;
    crate::timings::mark("list the project's files");
    let header =
        build_id().map(|build| Header { format: FORMAT, build, context: layout.context.clone() });
    let kept: Vec<Kept> = match &header {
        Some(h) => read_cache(root, h).unwrap_or_default(),
        None => Vec::new(),
    };
    crate::timings::mark("read the load cache");
    let dir = ProjectDir::open(root);
    let loaded: Vec<(FileChange, Option<Stamp>, bool)> = layout
        .paths
        .par_iter()
        .map(|rel| load_one(&dir, &layout, rel, &kept))
        .collect::<anyhow::Result<_>>()?;
    crate::timings::mark("stat every file, read the changed ones");
    let mut files = Vec::with_capacity(loaded.len());
    let mut changes = Vec::with_capacity(loaded.len());
    let (mut cacheable, mut stale) = (0, 0);
    for (change, stamp, unread) in loaded {
        if cacheable_kind(change.kind) {
            cacheable += 1;
            stale += usize::from(!unread);
        }
        files.push(Listed { path: change.path.clone(), kind: change.kind, stamp, unread });
        changes.push(change);
    }
    let mut host = AnalysisHost::default();
    host.apply_change(Change { files: changes, env: Some(env), options: Some(options) });
    crate::timings::mark("set the inputs");
    Ok((host, Cached { root: root.to_path_buf(), files, header, cacheable, stale }))
}

/// One file: from its kept facts when its stamp is unchanged, else read.
fn load_one(
    dir: &ProjectDir<'_>,
    layout: &Layout,
    rel: &str,
    kept: &[Kept],
) -> anyhow::Result<(FileChange, Option<Stamp>, bool)> {
    let kind = layout.classify(rel);
    if cacheable_kind(kind)
        && let Ok(i) = kept.binary_search_by(|k| k.0.as_str().cmp(rel))
        && let (_, kept_kind, stamp, facts) = &kept[i]
        && *kept_kind == kind
        && dir.stamp(rel) == Some(*stamp)
    {
        let change = FileChange {
            path: rel.to_string(),
            text: Arc::from(""),
            kind,
            status: FileStatus::Present,
            facts: Some(Arc::clone(facts)),
        };
        return Ok((change, Some(*stamp), true));
    }
    let (change, stamp) = read_stamped(dir, rel, kind)?;
    Ok((change, stamp, false))
}

/// The kept facts, sorted by path; `None` when there are none, or none for this build and
/// context, or the file is damaged.
fn read_cache(root: &Path, header: &Header) -> Option<Vec<Kept>> {
    let bytes = std::fs::read(root.join(CACHE_DIR).join(CACHE_FILE)).ok()?;
    let (found, rest) = postcard::take_from_bytes::<Header>(&bytes).ok()?;
    if found != *header {
        return None;
    }
    // Chunks of entries, each encoded alone, so they decode in parallel.
    let chunks: Vec<&[u8]> = postcard::from_bytes(rest).ok()?;
    let chunks: Vec<Vec<EntryIn>> =
        chunks.par_iter().map(|c| postcard::from_bytes(c)).collect::<Result<_, _>>().ok()?;
    let mut kept: Vec<_> = chunks
        .into_par_iter()
        .flatten()
        .map(|e| {
            let facts = FileFacts {
                words: e.words.into(),
                config: e.config.map(Arc::new),
                seed: e.seed.map(Arc::from),
            };
            (e.path, e.kind, e.stamp, Arc::new(facts))
        })
        .collect();
    if !kept.is_sorted_by(|a, b| a.0 < b.0) {
        kept.sort_by(|a, b| a.0.cmp(&b.0));
        kept.dedup_by(|a, b| a.0 == b.0);
    }
    Some(kept)
}

/// This build of Rocky: its version and the size and time of its executable, so a rebuilt
/// binary (whose lexer or config reader may differ) never uses facts another one kept.
fn build_id() -> Option<String> {
    let meta = std::env::current_exe().and_then(std::fs::metadata).ok()?;
    let at = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some(format!(
        "{} {} {}.{:09}",
        env!("CARGO_PKG_VERSION"),
        meta.len(),
        at.as_secs(),
        at.subsec_nanos()
    ))
}

impl Cached {
    /// Reads the text of those of `files` loaded from kept facts. A file changed since its
    /// facts were checked loses them, so the queries compute them again from its text.
    pub fn read(&mut self, host: &mut AnalysisHost, files: &[SourceFile]) -> anyhow::Result<()> {
        let db = host.db();
        let mut wanted: Vec<usize> = files
            .iter()
            .filter_map(|f| {
                let path = f.path(db);
                self.files.binary_search_by(|l| l.path.as_str().cmp(path)).ok()
            })
            .filter(|&i| self.files[i].unread)
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        self.read_indices(host, &wanted)
    }

    /// Reads every file still unread: for a command that analyses the whole project.
    pub fn read_all(&mut self, host: &mut AnalysisHost) -> anyhow::Result<()> {
        let wanted: Vec<usize> = (0..self.files.len()).filter(|&i| self.files[i].unread).collect();
        self.read_indices(host, &wanted)
    }

    fn read_indices(&mut self, host: &mut AnalysisHost, wanted: &[usize]) -> anyhow::Result<()> {
        if wanted.is_empty() {
            return Ok(());
        }
        let db = host.db();
        // The database is not shared across threads: its kept facts are taken first.
        let kept: Vec<Option<Arc<FileFacts>>> = wanted
            .iter()
            .map(|&i| host.file(&self.files[i].path).and_then(|f| f.facts(db).clone()))
            .collect();
        let dir = ProjectDir::open(&self.root);
        let read: Vec<(usize, FileChange, Option<Stamp>)> = wanted
            .par_iter()
            .zip(kept)
            .map(|(&i, kept)| {
                let listed = &self.files[i];
                let (mut change, stamp) = read_stamped(&dir, &listed.path, listed.kind)?;
                if stamp.is_some() && stamp == listed.stamp {
                    change.facts = kept;
                }
                Ok((i, change, stamp))
            })
            .collect::<anyhow::Result<_>>()?;
        let mut changes = Vec::with_capacity(read.len());
        for (i, change, stamp) in read {
            let listed = &mut self.files[i];
            listed.unread = false;
            if change.facts.is_none() {
                self.stale += 1;
            }
            listed.stamp = stamp;
            changes.push(change);
        }
        host.apply_change(Change { files: changes, env: None, options: None });
        Ok(())
    }

    /// How many project files there are, and how many of them were read: the rest were
    /// loaded from kept facts alone.
    pub fn stats(&self) -> (usize, usize) {
        (self.files.len(), self.files.iter().filter(|l| !l.unread).count())
    }

    /// Writes the cache again when it is missing or more than 1/64 of its files are
    /// stale; otherwise a warm run writes nothing. Never fails the command: the error is
    /// returned for the caller to ignore or report.
    pub fn save_if_stale(&self, host: &AnalysisHost) -> anyhow::Result<bool> {
        let Some(header) = &self.header else { return Ok(false) };
        if self.stale * 64 <= self.cacheable {
            return Ok(false);
        }
        let inputs: Vec<Option<SourceFile>> =
            self.files.iter().map(|l| host.file(&l.path)).collect();
        self.save(host.db(), &inputs, header)?;
        Ok(true)
    }

    fn save(
        &self,
        db: &RootDatabase,
        inputs: &[Option<SourceFile>],
        header: &Header,
    ) -> anyhow::Result<()> {
        // A file modified within the last seconds may be modified again within the same
        // timestamp tick without its stamp changing (git's "racy" files): not kept.
        let recent = SystemTime::now()
            .checked_sub(Duration::from_secs(2))
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(i64::MAX, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        let facts: Vec<Option<(usize, Stamp, FileFacts)>> = (0..self.files.len())
            .into_par_iter()
            .map_with(db.clone(), |db, i| {
                let listed = &self.files[i];
                let stamp = listed.stamp.filter(|s| s.mtime_s < recent)?;
                if !cacheable_kind(listed.kind) {
                    return None;
                }
                Some((i, stamp, hir::facts::compute(db, inputs[i]?)?))
            })
            .collect();
        let entries: Vec<EntryOut<'_>> = facts
            .iter()
            .flatten()
            .map(|(i, stamp, f)| EntryOut {
                path: &self.files[*i].path,
                kind: self.files[*i].kind,
                stamp: *stamp,
                words: &f.words,
                config: f.config.as_deref(),
                seed: f.seed.as_deref(),
            })
            .collect();
        let chunks: Vec<Vec<u8>> =
            entries.par_chunks(CHUNK).map(postcard::to_stdvec).collect::<Result<_, _>>()?;
        let chunks: Vec<&[u8]> = chunks.iter().map(Vec::as_slice).collect();
        let mut bytes = postcard::to_stdvec(header)?;
        bytes.extend(postcard::to_stdvec(&chunks)?);
        let dir = self.root.join(CACHE_DIR);
        std::fs::create_dir_all(&dir)?;
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(
                &ignore,
                "# Rocky's load cache (see its README): never committed.\n*\n",
            )?;
        }
        // Written aside and renamed, so a concurrent run reads the old cache or the new.
        let tmp = dir.join(format!("{CACHE_FILE}.{}.tmp", std::process::id()));
        std::fs::write(&tmp, &bytes)?;
        std::fs::rename(&tmp, dir.join(CACHE_FILE))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Stamp;

    #[test]
    fn a_stamp_holds_what_the_standard_library_reads_of_the_file() -> std::io::Result<()> {
        use std::os::unix::fs::MetadataExt;
        let path = std::env::temp_dir().join(format!("rocky-stamp-{}", std::process::id()));
        std::fs::write(&path, "select 1")?;
        let meta = std::fs::metadata(&path)?;
        let want = Stamp {
            len: meta.len(),
            mtime_s: meta.mtime(),
            mtime_ns: u32::try_from(meta.mtime_nsec()).unwrap_or(0),
            ctime_s: meta.ctime(),
            ctime_ns: u32::try_from(meta.ctime_nsec()).unwrap_or(0),
            ino: meta.ino(),
        };
        assert_eq!(Stamp::of(&rustix::fs::stat(&path)?), want);
        std::fs::remove_file(&path)
    }
}
