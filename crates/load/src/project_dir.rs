//! The project folder, opened once so that every file is opened relative to it: the
//! kernel then walks the one or two components of `models/orders.sql` rather than every
//! component of an absolute path, 20,000 times in a large project.

use std::fs::File;
use std::os::fd::OwnedFd;
use std::path::Path;

use rustix::fs::{AtFlags, Mode, OFlags};

use crate::cache::Stamp;

pub(crate) struct ProjectDir<'a> {
    path: &'a Path,
    /// `None` where the folder cannot be opened: files are then opened by their full path.
    fd: Option<OwnedFd>,
}

/// Without waiting: a named pipe under a model's name would otherwise block the run until
/// something writes to it. Reading a regular file is the same either way.
const READ: OFlags = OFlags::RDONLY.union(OFlags::CLOEXEC).union(OFlags::NONBLOCK);

impl<'a> ProjectDir<'a> {
    /// For reading many files of the project.
    pub(crate) fn open(path: &'a Path) -> ProjectDir<'a> {
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
        ProjectDir { path, fd: rustix::fs::open(path, flags, Mode::empty()).ok() }
    }

    /// For reading one file: opening the folder first would cost a system call more.
    pub(crate) fn unopened(path: &'a Path) -> ProjectDir<'a> {
        ProjectDir { path, fd: None }
    }

    pub(crate) fn path(&self) -> &'a Path {
        self.path
    }

    /// Opens `rel` (relative to the project folder, or absolute) for reading.
    pub(crate) fn open_file(&self, rel: &str) -> std::io::Result<File> {
        let fd = match &self.fd {
            Some(dir) => rustix::fs::openat(dir, rel, READ, Mode::empty())?,
            None => rustix::fs::open(self.path.join(rel), READ, Mode::empty())?,
        };
        Ok(File::from(fd))
    }

    /// The stamp of `rel` (symbolic links followed), without opening it.
    pub(crate) fn stamp(&self, rel: &str) -> Option<Stamp> {
        let st = match &self.fd {
            Some(dir) => rustix::fs::statat(dir, rel, AtFlags::empty()),
            None => rustix::fs::stat(self.path.join(rel)),
        };
        st.ok().map(|st| Stamp::of(&st))
    }
}

#[cfg(test)]
mod tests {
    use super::ProjectDir;
    use crate::cache::Stamp;

    #[test]
    fn files_are_read_and_stamped_as_by_their_full_path() -> std::io::Result<()> {
        let root = std::env::temp_dir().join(format!("rocky-project-dir-{}", std::process::id()));
        std::fs::create_dir_all(root.join("models/sub"))?;
        std::fs::write(root.join("models/sub/a.sql"), "select 1")?;
        let rel = "models/sub/a.sql";
        let full = Stamp::of(&rustix::fs::stat(root.join(rel))?);
        for dir in [ProjectDir::open(&root), ProjectDir::unopened(&root)] {
            assert_eq!(dir.stamp(rel), Some(full));
            assert_eq!(std::io::read_to_string(dir.open_file(rel)?)?, "select 1");
            assert_eq!(dir.stamp("models/missing.sql"), None);
            assert!(dir.open_file("models/missing.sql").is_err());
        }
        std::fs::remove_dir_all(&root)
    }
}
