//! Noticing that the workspace file changed on disk behind the app's back (another program, a
//! `git pull`, an editor).
//!
//! A [`DiskStamp`] (length, modification time, SHA-256 of the content) is taken whenever the app
//! loads or saves the file; [`changed_since`] says whether the file now differs from it, hashing
//! only when the length or time moved, so a `touch` alone is not a change. A [`FileWatcher`]
//! watches the file's folder (editors and git replace a file by renaming another over it, which a
//! watch on the file itself would lose) and raises a flag and calls back when an event names the
//! file; the flag is only a hint to look again with [`changed_since`], which is the truth.

use notify::{EventKind, RecursiveMode, Watcher};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::SystemTime;

/// What the file looked like when the app last loaded or saved it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    /// Length in bytes.
    pub len: u64,
    /// Modification time, where the platform has one.
    pub mtime: Option<SystemTime>,
    /// SHA-256 of the content.
    pub sha256: [u8; 32],
}

impl DiskStamp {
    /// Reads the file and stamps it.
    pub fn take(path: &Path) -> std::io::Result<Self> {
        let before = std::fs::metadata(path)?;
        let bytes = std::fs::read(path)?;
        Ok(Self {
            len: bytes.len() as u64,
            mtime: before.modified().ok(),
            sha256: Sha256::digest(&bytes).into(),
        })
    }
}

/// Whether the file at `path` differs from `stamp`: `false` when length and modification time
/// are unchanged, else whether the content hash differs. A file that is gone counts as changed.
pub fn changed_since(path: &Path, stamp: &DiskStamp) -> std::io::Result<bool> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(true),
        Err(e) => return Err(e),
    };
    if meta.len() == stamp.len && meta.modified().ok() == stamp.mtime {
        return Ok(false);
    }
    if meta.len() != stamp.len {
        return Ok(true);
    }
    let bytes = std::fs::read(path)?;
    Ok(<[u8; 32]>::from(Sha256::digest(&bytes)) != stamp.sha256)
}

/// Watches one file (through its folder) and raises a flag when something happens to it.
pub struct FileWatcher {
    _watcher: notify::RecommendedWatcher,
    flag: Arc<AtomicBool>,
    path: PathBuf,
}

impl std::fmt::Debug for FileWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileWatcher")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// Why a file cannot be watched.
#[derive(Debug, thiserror::Error)]
#[error("{path}: cannot watch for changes: {source}")]
pub struct WatchError {
    /// The file.
    pub path: PathBuf,
    /// What the platform's watcher said.
    pub source: notify::Error,
}

impl FileWatcher {
    /// Starts watching `path`; `on_change` runs on the watcher's thread for every event that
    /// names the file (created, written, renamed over, removed), e.g. to wake the UI.
    pub fn new(path: &Path, on_change: impl Fn() + Send + 'static) -> Result<Self, WatchError> {
        let err = |source| WatchError {
            path: path.to_owned(),
            source,
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        let name = path.file_name().map(|n| n.to_owned());
        let flag = Arc::new(AtomicBool::new(false));
        let raised = flag.clone();
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            let Ok(event) = res else {
                // The watcher lost events (overflow): look again to be safe.
                raised.store(true, Ordering::SeqCst);
                on_change();
                return;
            };
            if matches!(event.kind, EventKind::Access(_)) {
                return;
            }
            if event.paths.iter().any(|p| p.file_name() == name.as_deref()) {
                raised.store(true, Ordering::SeqCst);
                on_change();
            }
        })
        .map_err(err)?;
        watcher
            .watch(&dir, RecursiveMode::NonRecursive)
            .map_err(err)?;
        Ok(Self {
            _watcher: watcher,
            flag,
            path: path.to_owned(),
        })
    }

    /// The watched file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether anything happened to the file since the last call (clears the flag).
    pub fn take_event(&self) -> bool {
        self.flag.swap(false, Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn touch_is_not_a_change_but_new_content_is() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("w.ron");
        std::fs::write(&p, "one").unwrap();
        let stamp = DiskStamp::take(&p).unwrap();
        assert!(!changed_since(&p, &stamp).unwrap());
        // Same bytes, new time.
        let f = std::fs::File::options().write(true).open(&p).unwrap();
        f.set_modified(SystemTime::now() + Duration::from_secs(5))
            .unwrap();
        drop(f);
        assert_ne!(std::fs::metadata(&p).unwrap().modified().ok(), stamp.mtime);
        assert!(!changed_since(&p, &stamp).unwrap(), "a touch is no change");
        // Same length, other bytes.
        std::fs::write(&p, "two").unwrap();
        assert!(changed_since(&p, &stamp).unwrap());
        std::fs::write(&p, "three").unwrap();
        assert!(changed_since(&p, &stamp).unwrap());
        std::fs::remove_file(&p).unwrap();
        assert!(changed_since(&p, &stamp).unwrap(), "a deleted file changed");
    }

    fn wait_for(w: &FileWatcher, limit: Duration) -> Option<Duration> {
        let t = Instant::now();
        while t.elapsed() < limit {
            if w.take_event() {
                return Some(t.elapsed());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        None
    }

    #[test]
    fn watcher_notices_writes_and_renames_over_the_file_only() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("w.ron");
        std::fs::write(&p, "one").unwrap();
        let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let c = calls.clone();
        let w = FileWatcher::new(&p, move || {
            c.fetch_add(1, Ordering::SeqCst);
        })
        .unwrap();
        assert_eq!(w.path(), p);
        std::thread::sleep(Duration::from_millis(50));
        assert!(!w.take_event());
        // Another file in the folder is not this file.
        std::fs::write(dir.path().join("other.txt"), "x").unwrap();
        assert_eq!(wait_for(&w, Duration::from_millis(300)), None);
        // Written in place.
        std::fs::write(&p, "two").unwrap();
        let t = wait_for(&w, Duration::from_secs(2)).expect("write noticed");
        assert!(t < Duration::from_secs(1), "{t:?}");
        // Replaced by a rename, as editors and git do.
        let tmp = dir.path().join("w.ron.new");
        std::fs::write(&tmp, "three").unwrap();
        std::thread::sleep(Duration::from_millis(100));
        let _ = w.take_event();
        std::fs::rename(&tmp, &p).unwrap();
        let t = wait_for(&w, Duration::from_secs(2)).expect("rename noticed");
        assert!(t < Duration::from_secs(1), "{t:?}");
        assert!(calls.load(Ordering::SeqCst) >= 2);
    }
}
