//! Background work that nobody waits on (extraction of a large document, findings and the
//! money-flow network over a large workspace, freeing a replaced workspace) runs on threads at
//! the lowest scheduling priority. On a machine with few cores the UI thread then wins every
//! scheduler decision against its own workers: at normal priority a worker could take the UI
//! thread's core for a whole scheduler tick (4 ms on a 250 Hz kernel), a frame's whole budget.
//! Work the user waits for (opening, importing) keeps normal priority: on a busy machine a
//! lowest-priority open would crawl. Every such task is a [`Job`]: one thread, progress, cancel,
//! and a result polled once a frame.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// Runs `work` on a new low-priority thread.
pub fn spawn<T, F>(work: F) -> JoinHandle<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    std::thread::spawn(move || {
        lower_priority();
        work()
    })
}

/// Lowers the calling thread's priority as far as an unprivileged process may (nice 19 on
/// Linux). A failure only costs smoothness, so it is logged, not reported.
pub fn lower_priority() {
    if let Err(e) =
        thread_priority::set_current_thread_priority(thread_priority::ThreadPriority::Min)
    {
        tracing::debug!("could not lower a worker thread's priority: {e:?}");
    }
}

/// How a [`Job`]'s thread is scheduled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Priority {
    /// Work nobody waits on (findings, the network graph, search texts, extraction): the lowest
    /// priority, so the UI thread wins every scheduler decision.
    Low,
    /// Work the user waits for (opening, importing): normal priority, with an 8 MiB stack
    /// (that of the command line's main thread, so the GUI reads every file the CLI reads).
    Normal,
}

/// What a job's worker sees: the cancel flag and where to report progress.
pub struct JobContext<P> {
    cancel: Arc<AtomicBool>,
    progress: Arc<Mutex<P>>,
    repaint: Option<egui::Context>,
    /// No frame is asked for when the work ends (a cancelled open: nobody waits for it).
    quiet: std::cell::Cell<bool>,
}

impl<P> JobContext<P> {
    /// Whether [`Job::cancel`] was called: long work checks it between steps and gives up.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The cancel flag itself, for library code that takes one (`ImportOptions::cancel`).
    pub fn cancel_flag(&self) -> Arc<AtomicBool> {
        self.cancel.clone()
    }

    /// Asks for no frame when the work ends.
    pub fn finish_quietly(&self) {
        self.quiet.set(true);
    }

    /// Records progress and asks the window for a frame (at most every `after`) to show it.
    pub fn report(&self, p: P, after: std::time::Duration) {
        if let Ok(mut g) = self.progress.lock() {
            *g = p;
        }
        if let Some(ctx) = &self.repaint {
            ctx.request_repaint_after(after);
        }
    }

    /// Records progress at once and says whether to go on: the shape of the per-step callback
    /// the library's long operations take (`import_files`, `check_feeds`).
    pub fn step(&self, p: P) -> std::ops::ControlFlow<()> {
        self.report(p, std::time::Duration::ZERO);
        if self.cancelled() {
            std::ops::ControlFlow::Break(())
        } else {
            std::ops::ControlFlow::Continue(())
        }
    }
}

/// What [`Job::poll`] found.
#[derive(Debug, PartialEq)]
pub enum Polled<T> {
    /// The worker is still at work.
    Running,
    /// The worker finished with this result (handed out once).
    Done(T),
    /// The worker ended without a result (it panicked, or the result was taken already).
    Stopped,
}

/// Work on a thread of its own with progress, cancel and a result to poll for: the one shape of
/// every background task of the app (opening, importing, findings, the network graph, search
/// texts, extraction), instead of a channel, a flag and a progress cell wired by hand in each.
/// The window is asked for a frame when the result is ready, so polling once a frame suffices.
pub struct Job<T, P = ()> {
    rx: Receiver<T>,
    cancel: Arc<AtomicBool>,
    progress: Arc<Mutex<P>>,
}

impl<T: Send + 'static, P: Clone + Send + 'static> Job<T, P> {
    /// Starts `work` on a new thread named `name` at `priority`; `repaint` (if any) is asked for
    /// a frame when it finishes and whenever it reports progress. Should the thread not start,
    /// the job polls as [`Polled::Stopped`].
    pub fn spawn<F>(
        name: &str,
        priority: Priority,
        initial: P,
        repaint: Option<egui::Context>,
        work: F,
    ) -> Self
    where
        F: FnOnce(&JobContext<P>) -> T + Send + 'static,
    {
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let progress = Arc::new(Mutex::new(initial));
        let cx = JobContext {
            cancel: cancel.clone(),
            progress: progress.clone(),
            repaint,
            quiet: std::cell::Cell::new(false),
        };
        let mut builder = std::thread::Builder::new().name(name.to_owned());
        if priority == Priority::Normal {
            builder = builder.stack_size(super::import::WORKER_STACK);
        }
        let started = builder.spawn(move || {
            if priority == Priority::Low {
                lower_priority();
            }
            let out = work(&cx);
            let _ = tx.send(out);
            if let Some(ctx) = &cx.repaint
                && !cx.quiet.get()
            {
                ctx.request_repaint();
            }
        });
        if let Err(e) = started {
            tracing::warn!("could not start the {name} worker: {e}");
        }
        Self {
            rx,
            cancel,
            progress,
        }
    }
}

impl<T, P: Clone> Job<T, P> {
    /// The result once the worker has finished.
    pub fn poll(&self) -> Polled<T> {
        match self.rx.try_recv() {
            Ok(t) => Polled::Done(t),
            Err(TryRecvError::Empty) => Polled::Running,
            Err(TryRecvError::Disconnected) => Polled::Stopped,
        }
    }

    /// Blocks until the worker has finished (tests, headless runs); `None` if it stopped
    /// without a result.
    pub fn wait(self) -> Option<T> {
        self.rx.recv().ok()
    }

    /// Asks the worker to stop (it checks [`JobContext::cancelled`] between steps).
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether [`Job::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The progress last reported.
    pub fn progress(&self) -> Option<P> {
        self.progress.lock().ok().map(|g| g.clone())
    }
}

impl<T, P> std::fmt::Debug for Job<T, P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("cancelled", &self.cancel.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    /// The nice value of the calling thread, from `/proc/thread-self/stat` (field 19).
    #[cfg(target_os = "linux")]
    fn nice() -> i64 {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").expect("thread stat");
        // The command name (field 2) may hold spaces; fields after its closing parenthesis.
        let rest = &stat[stat.rfind(')').expect("comm") + 2..];
        rest.split(' ')
            .nth(16)
            .expect("field 19")
            .parse()
            .expect("a number")
    }

    #[test]
    fn a_job_reports_progress_stops_when_cancelled_and_hands_its_result_once() {
        use super::{Job, Polled, Priority};
        let (go_tx, go_rx) = std::sync::mpsc::channel::<()>();
        let job = Job::spawn("test", Priority::Low, (0usize, 3usize), None, move |cx| {
            let mut done = 0;
            for i in 1..=3 {
                if cx.cancelled() {
                    break;
                }
                cx.report((i, 3), std::time::Duration::ZERO);
                done = i;
                // Wait for the test between steps.
                if go_rx.recv().is_err() {
                    break;
                }
            }
            done
        });
        go_tx.send(()).expect("worker waits");
        // The first step is reported before the worker waits for the second go.
        let t = std::time::Instant::now();
        while job.progress() != Some((2, 3)) && t.elapsed().as_secs() < 30 {
            std::thread::yield_now();
        }
        assert_eq!(job.progress(), Some((2, 3)));
        assert_eq!(job.poll(), Polled::Running);
        job.cancel();
        assert!(job.is_cancelled());
        go_tx.send(()).expect("worker waits");
        let t = std::time::Instant::now();
        let got = loop {
            match job.poll() {
                Polled::Running if t.elapsed().as_secs() < 30 => std::thread::yield_now(),
                other => break other,
            }
        };
        assert_eq!(got, Polled::Done(2), "stopped before the third step");
        assert_eq!(job.poll(), Polled::Stopped, "handed out once");
        let j: Job<u8> = Job::spawn("test", Priority::Normal, (), None, |_| 7);
        assert_eq!(j.wait(), Some(7));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn workers_run_below_the_ui_threads_priority() {
        let ui = nice();
        let worker = super::spawn(nice).join().expect("worker");
        assert!(worker > ui, "worker nice {worker}, UI thread nice {ui}");
        assert_eq!(nice(), ui, "the caller's priority is unchanged");
    }
}
