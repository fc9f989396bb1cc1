//! The background open's worker: reads the file in chunks (byte progress), parses it with
//! position progress while a second thread hashes the text for the change-detection stamp, and
//! validates; a cancel stops it at the next chunk or parse step. Also the pause UI tests use to
//! look at the window mid-open.

use super::{OpenPhase, Opened, tracked};
use crate::io::LoadError;
use crate::io::disk::DiskStamp;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

/// The bytes read between progress reports and cancel checks.
const CHUNK: usize = 1024 * 1024;

/// How many parse progress reports (and cancel checks) a file gets.
const PARSE_STEPS: usize = 200;

/// Paths whose background opens pause after reading ([`hold_opens_of`]).
static HELD: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// While this lives, background opens of its path pause between reading and parsing.
#[derive(Debug)]
pub struct OpenHold(PathBuf);

impl Drop for OpenHold {
    fn drop(&mut self) {
        if let Ok(mut held) = HELD.lock()
            && let Some(i) = held.iter().position(|p| p == &self.0)
        {
            held.remove(i);
        }
    }
}

/// For UI tests: background opens of `path` pause after reading until the returned guard is
/// dropped (a cancel still ends them), so a test can look at the window mid-open without racing
/// the worker. Opens of other paths are not affected.
pub fn hold_opens_of(path: &Path) -> OpenHold {
    if let Ok(mut held) = HELD.lock() {
        held.push(path.to_owned());
    }
    OpenHold(path.to_owned())
}

fn wait_while_held(path: &Path, cancel: &AtomicBool) {
    while !cancel.load(Ordering::Relaxed) && HELD.lock().is_ok_and(|h| h.iter().any(|p| p == path))
    {
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The worker's whole job: read with byte progress, parse with position progress (stopping at
/// the next step once `cancel` is set) while another thread hashes the text for the stamp, then
/// check.
pub(super) fn read_and_parse(
    path: &Path,
    cancel: &AtomicBool,
    report: &dyn Fn(OpenPhase, u64, u64),
) -> Opened {
    let (text, mtime) = match read_chunked(path, cancel, report) {
        Ok(read) => read,
        Err(e) => return (Err(e), None),
    };
    let total = text.len() as u64;
    report(OpenPhase::Parsing, 0, total);
    wait_while_held(path, cancel);
    let parsed = |done: usize, _| {
        report(OpenPhase::Parsing, done as u64, total);
        !cancel.load(Ordering::Relaxed)
    };
    let tracker = tracked::Tracker::new(&text, text.len() / PARSE_STEPS, &parsed);
    let (result, sha256) = std::thread::scope(|s| {
        let hash = s.spawn(|| <[u8; 32]>::from(Sha256::digest(text.as_bytes())));
        let result = crate::io::load::parse_workspace_with(&text, path, |t| {
            let ws = tracked::from_str(t, &tracker);
            if !cancel.load(Ordering::Relaxed) {
                report(OpenPhase::Checking, total, total);
            }
            ws
        });
        (result, hash.join().ok())
    });
    if cancel.load(Ordering::Relaxed) {
        let e = LoadError::Io {
            path: path.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::Interrupted, "cancelled"),
        };
        return (Err(e), None);
    }
    let stamp = sha256.map(|sha256| DiskStamp {
        len: total,
        mtime,
        sha256,
    });
    (result, stamp)
}

/// Reads a file as UTF-8 in chunks, reporting progress and stopping when `cancel` is set; with
/// its modification time before the read.
fn read_chunked(
    path: &Path,
    cancel: &AtomicBool,
    report: &dyn Fn(OpenPhase, u64, u64),
) -> Result<(String, Option<SystemTime>), LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    // A FIFO would block the open forever, a device never end: refused before opening.
    if let Err(e) = crate::io::read::check_regular(path, crate::io::read::WORKSPACE_LIMIT) {
        return Err(crate::io::load::read_error(path, e));
    }
    let mut f = std::fs::File::open(path).map_err(io)?;
    let meta = f.metadata().map_err(io)?;
    let (total, mtime) = (meta.len(), meta.modified().ok());
    let mut bytes = Vec::with_capacity(total as usize + 1);
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Err(io(std::io::Error::new(
                std::io::ErrorKind::Interrupted,
                "cancelled",
            )));
        }
        // Straight into the buffer sized for the whole file: no copy through a chunk buffer.
        let n = (&mut f)
            .take(CHUNK as u64)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if n == 0 {
            break;
        }
        report(
            OpenPhase::Reading,
            bytes.len() as u64,
            total.max(bytes.len() as u64),
        );
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let byte = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..byte]).unwrap_or_default();
        let (line, col) = crate::io::load::line_col(valid, valid.len());
        LoadError::NotUtf8 {
            path: path.to_owned(),
            line,
            col,
            byte,
        }
    })?;
    Ok((text, mtime))
}
