//! One writer at a time: an advisory lock while a process writes a workspace.
//!
//! Two `claimbench import`s into one workspace used to both read the file, both add `doc-0009`
//! and both save: the second save dropped the first one's document. Now every save takes a lock
//! (`flock`, through std's `File::try_lock`), and an import holds it from re-reading the file
//! (merging what another process saved meanwhile) to its own save.
//!
//! The lock is on the workspace's folder, not on the file: a save replaces the file by renaming
//! a new one over it, so a lock on the file would pass to the new file while the old writer was
//! still cleaning up (it then deleted the next writer's temporary file). Saves of other
//! workspaces in the same folder wait for each other too; a save takes milliseconds.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a save waits for another claimbench's save or import to finish.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(30);

/// Held while a process writes one workspace; released when dropped.
#[derive(Debug)]
pub struct WorkspaceLock {
    _file: File,
    path: PathBuf,
}

/// Why the lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process holds it for longer than the wait.
    #[error(
        "{path}: in use by another claimbench (a save or import of this workspace is running); try again when it has finished"
    )]
    Busy {
        /// The workspace.
        path: PathBuf,
    },
    /// The OS refused.
    #[error("{path}: cannot lock the workspace: {source}")]
    Io {
        /// The workspace.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
}

impl WorkspaceLock {
    /// Locks the workspace at `path` (already resolved through symlinks), waiting at most `wait`
    /// for another process to let go.
    pub fn acquire(path: &Path, wait: Duration) -> Result<Self, LockError> {
        let start = Instant::now();
        let io = |source| LockError::Io {
            path: path.to_owned(),
            source,
        };
        let file = File::open(folder(path)).map_err(io)?;
        loop {
            match file.try_lock() {
                Ok(()) => {
                    return Ok(Self {
                        _file: file,
                        path: path.to_owned(),
                    });
                }
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
            if start.elapsed() >= wait {
                return Err(LockError::Busy {
                    path: path.to_owned(),
                });
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The locked workspace.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_and_then_fails_with_a_clear_message() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("w.ron");
        std::fs::write(&p, "x").unwrap();
        let held = WorkspaceLock::acquire(&p, Duration::ZERO).unwrap();
        let e = WorkspaceLock::acquire(&p, Duration::from_millis(60)).unwrap_err();
        assert!(
            e.to_string().contains("in use by another claimbench"),
            "{e}"
        );
        drop(held);
        WorkspaceLock::acquire(&p, Duration::ZERO).unwrap();
    }

    #[test]
    fn a_missing_workspace_is_locked_too() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("new.ron");
        let held = WorkspaceLock::acquire(&p, Duration::ZERO).unwrap();
        assert!(WorkspaceLock::acquire(&p, Duration::ZERO).is_err());
        drop(held);
        WorkspaceLock::acquire(&p, Duration::ZERO).unwrap();
    }
}
