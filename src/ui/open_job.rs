//! Opening a workspace off the UI thread: a worker reads the file in chunks (byte progress),
//! parses and validates it, and hands back `Result<Workspace, LoadError>`; the window stays
//! responsive, shows a progress bar and can cancel. On failure the open workspace stays and the
//! error is shown, exactly as for a synchronous open.
//!
//! Small files (below [`BACKGROUND_BYTES`]) open synchronously: they take a few milliseconds and
//! a progress bar would only flash.

use crate::io::LoadError;
use crate::model::Workspace;
use crate::ui::ClaimbenchApp;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex};

/// Files at least this large open in the background.
pub const BACKGROUND_BYTES: u64 = 4 * 1024 * 1024;

/// The bytes read between progress reports and cancel checks.
const CHUNK: usize = 1024 * 1024;

/// What the worker is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenPhase {
    /// Reading the file (`done` of `total` bytes).
    Reading,
    /// Parsing and validating the text.
    Parsing,
}

/// Progress of an open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenProgress {
    /// The current phase.
    pub phase: OpenPhase,
    /// Bytes read so far.
    pub done: u64,
    /// File size in bytes.
    pub total: u64,
}

impl OpenProgress {
    /// Progress as a fraction: reading counts for the first half, parsing for the second.
    pub fn fraction(&self) -> f32 {
        let read = if self.total == 0 {
            1.0
        } else {
            self.done as f32 / self.total as f32
        };
        match self.phase {
            OpenPhase::Reading => 0.5 * read,
            OpenPhase::Parsing => 0.75,
        }
    }
}

/// An open running in the background.
pub struct OpenJob {
    path: PathBuf,
    progress: Arc<Mutex<OpenProgress>>,
    cancel: Arc<AtomicBool>,
    rx: Receiver<Result<Workspace, LoadError>>,
}

impl OpenJob {
    /// Starts opening `path` on a worker thread; `ctx`, if any, is asked to repaint on progress.
    pub fn start(path: PathBuf, ctx: Option<egui::Context>) -> Self {
        let progress = Arc::new(Mutex::new(OpenProgress {
            phase: OpenPhase::Reading,
            done: 0,
            total: 0,
        }));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = channel();
        let (p, c, worker_path) = (progress.clone(), cancel.clone(), path.clone());
        super::background::spawn(move || {
            let report = |phase, done, total| {
                if let Ok(mut g) = p.lock() {
                    *g = OpenProgress { phase, done, total };
                }
                if let Some(ctx) = &ctx {
                    ctx.request_repaint();
                }
            };
            let result = read_chunked(&worker_path, &c, &report).and_then(|text| {
                report(OpenPhase::Parsing, text.len() as u64, text.len() as u64);
                crate::io::parse_workspace(&text, &worker_path)
            });
            // After a cancel nobody listens: the result is dropped, nothing is sent.
            if !c.load(Ordering::Relaxed) {
                let _ = tx.send(result);
            }
            if let Some(ctx) = &ctx {
                ctx.request_repaint();
            }
        });
        Self {
            path,
            progress,
            cancel,
            rx,
        }
    }

    /// The file being opened.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Phase and bytes read.
    pub fn progress(&self) -> OpenProgress {
        self.progress.lock().map(|g| *g).unwrap_or(OpenProgress {
            phase: OpenPhase::Reading,
            done: 0,
            total: 0,
        })
    }

    /// Asks the worker to stop; it gives up at the next chunk and sends nothing.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether [`OpenJob::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The outcome once the worker has finished; `None` while it runs. A worker that died
    /// without an answer reports an I/O error.
    pub fn poll(&self) -> Option<Result<Workspace, LoadError>> {
        match self.rx.try_recv() {
            Ok(r) => Some(r),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(LoadError::Io {
                path: self.path.clone(),
                source: std::io::Error::other("the open was cancelled or its worker stopped"),
            })),
        }
    }

    /// Blocks until the worker has finished (tests, headless runs).
    pub fn wait(self) -> Result<Workspace, LoadError> {
        self.rx.recv().unwrap_or_else(|_| {
            Err(LoadError::Io {
                path: self.path.clone(),
                source: std::io::Error::other("the open was cancelled or its worker stopped"),
            })
        })
    }
}

/// Reads a file as UTF-8 in chunks, reporting progress and stopping when `cancel` is set.
fn read_chunked(
    path: &Path,
    cancel: &AtomicBool,
    report: &dyn Fn(OpenPhase, u64, u64),
) -> Result<String, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let mut f = std::fs::File::open(path).map_err(io)?;
    let total = f.metadata().map_err(io)?.len();
    let mut bytes = Vec::with_capacity(total as usize + 1);
    let mut buf = vec![0u8; CHUNK];
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Err(io(std::io::Error::new(
                std::io::ErrorKind::Interrupted,
                "cancelled",
            )));
        }
        let n = f.read(&mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        bytes.extend_from_slice(&buf[..n]);
        report(
            OpenPhase::Reading,
            bytes.len() as u64,
            total.max(bytes.len() as u64),
        );
    }
    String::from_utf8(bytes).map_err(|e| {
        let byte = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..byte]).unwrap_or_default();
        let line = valid.matches('\n').count() + 1;
        let col = valid.len() - valid.rfind('\n').map_or(0, |i| i + 1) + 1;
        LoadError::NotUtf8 {
            path: path.to_owned(),
            line,
            col,
            byte,
        }
    })
}

impl ClaimbenchApp {
    /// Opens `path`: a small file at once, a large one on a worker (progress in the status bar,
    /// result taken by [`ClaimbenchApp::poll_open`]). Returns whether a background open started.
    pub fn start_open(&mut self, path: &Path, ctx: Option<&egui::Context>) -> bool {
        let big = std::fs::metadata(path).is_ok_and(|m| m.len() >= BACKGROUND_BYTES);
        if big {
            self.open_job = Some(OpenJob::start(path.to_owned(), ctx.cloned()));
        } else {
            self.open_path(path);
        }
        big
    }

    /// Takes the outcome of a finished background open (call once per frame). On failure the
    /// open workspace stays and the error is shown; a cancelled open leaves a note.
    pub fn poll_open(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.open_job else {
            return;
        };
        if job.is_cancelled() {
            self.open_job = None;
            self.note("Open cancelled; nothing was changed");
            return;
        }
        match job.poll() {
            Some(result) => {
                let path = job.path().to_owned();
                self.open_job = None;
                self.finish_open(&path, result);
            }
            // The worker repaints on progress; this is a fallback should a report be missed.
            None => ctx.request_repaint_after(std::time::Duration::from_millis(250)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_in_the_background_and_reports_errors_with_a_position() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.ron");
        let ws = crate::sample::sample_workspace().unwrap();
        crate::io::save_workspace(&ws, &good).unwrap();
        let job = OpenJob::start(good.clone(), None);
        assert_eq!(job.path(), good.as_path());
        let opened = job.wait().unwrap();
        assert_eq!(opened, ws);

        let bad = dir.path().join("bad.ron");
        std::fs::write(
            &bad,
            "(\n    format: \"claimbench\",\n    version: 1,\n    title: [],\n)",
        )
        .unwrap();
        let err = OpenJob::start(bad, None).wait().unwrap_err();
        assert_eq!(err.position(), Some((4, 12)), "{err}");

        let missing = OpenJob::start(dir.path().join("none.ron"), None).wait();
        assert!(matches!(missing, Err(LoadError::Io { .. })));
    }

    #[test]
    fn progress_reaches_the_file_size_and_cancel_sends_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.ron");
        let mut spec = crate::synth::SynthSpec::new(30, 3000);
        spec.text_bytes = 3_000_000;
        crate::io::save_workspace(&crate::synth::generate(&spec), &path).unwrap();
        let size = std::fs::metadata(&path).unwrap().len();
        let job = OpenJob::start(path.clone(), None);
        let mut polls = 0;
        let ws = loop {
            if let Some(r) = job.poll() {
                break r.unwrap();
            }
            polls += 1;
            std::thread::sleep(std::time::Duration::from_millis(2));
        };
        assert_eq!(ws.claims.len(), 3000);
        let p = job.progress();
        assert_eq!((p.phase, p.done, p.total), (OpenPhase::Parsing, size, size));
        assert!(polls < 100_000);

        let job = OpenJob::start(path, None);
        job.cancel();
        assert!(
            job.wait().is_err(),
            "a cancelled open hands back no workspace"
        );
    }
}
