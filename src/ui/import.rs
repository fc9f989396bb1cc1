//! Importing documents from the GUI (File › Import documents…, drag and drop): the files are read
//! on a worker thread with progress and a Cancel button; the documents are added on the UI
//! thread as one undoable step.

use crate::io::import::{BatchOutcome, ImportOptions, import_files};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex};

/// Stack of the import worker: that of the command line's main thread (8 MiB on Linux).
/// The readers work on heap-allocated stacks (`html_walk`) and the article extractor runs on its
/// own thread, so the deepest inputs `tests/bad_input_growth.rs` feeds also pass on 256 KiB.
pub const WORKER_STACK: usize = 8 << 20;

/// An import running in the background.
pub struct ImportJob {
    progress: Arc<Mutex<(usize, usize)>>,
    cancel: Arc<AtomicBool>,
    rx: Receiver<BatchOutcome>,
}

impl ImportJob {
    /// Starts importing `paths` on a worker thread; `ctx` is asked to repaint on progress.
    pub fn start(paths: Vec<PathBuf>, ctx: egui::Context) -> Self {
        let progress = Arc::new(Mutex::new((0, paths.len())));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = channel();
        let (p, c) = (progress.clone(), cancel.clone());
        // The user waits for this: normal priority (background::spawn is for work nobody waits on).
        // An explicit stack: a spawned thread gets 2 MiB, less than the command line's main
        // thread, and the GUI must read every file the command line reads. Should the thread not
        // start, the channel closes and `poll` reports an empty outcome.
        let _ = std::thread::Builder::new()
            .name("import".into())
            .stack_size(WORKER_STACK)
            .spawn(move || {
                let opts = ImportOptions {
                    cancel: Some(c.clone()),
                    ..Default::default()
                };
                let outcome = import_files(&paths, &opts, |done, total| {
                    if let Ok(mut g) = p.lock() {
                        *g = (done, total);
                    }
                    ctx.request_repaint();
                    if c.load(Ordering::Relaxed) {
                        ControlFlow::Break(())
                    } else {
                        ControlFlow::Continue(())
                    }
                });
                let _ = tx.send(outcome);
                ctx.request_repaint();
            });
        Self {
            progress,
            cancel,
            rx,
        }
    }

    /// Files done and total.
    pub fn progress(&self) -> (usize, usize) {
        self.progress.lock().map(|g| *g).unwrap_or((0, 0))
    }

    /// Asks the worker to stop after the current file.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// The outcome once the worker has finished.
    pub fn poll(&self) -> Option<BatchOutcome> {
        match self.rx.try_recv() {
            Ok(o) => Some(o),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(BatchOutcome::default()),
        }
    }
}
