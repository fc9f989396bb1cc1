//! Opening a workspace off the UI thread: a worker reads the file in chunks, parses it with
//! progress (the `tracked` module) and validates it, and hands back `Result<Workspace, LoadError>`;
//! the window stays responsive, shows a progress bar and can cancel. On failure the open
//! workspace stays and the error is shown, exactly as for a synchronous open.
//!
//! Every open of a file goes through [`ClaimbenchApp::start_open`]: File › Open, recent files,
//! a dropped `.ron` file, Reload from disk, and the workspace reopened at startup. Small files
//! (below [`BACKGROUND_BYTES`]) open synchronously: they take a few milliseconds and a progress
//! bar would only flash. A second open while one runs cancels the first. If the workspace was
//! edited while the file loaded, the loaded one waits behind the unsaved-changes question.

mod flow;
mod tracked;
mod worker;

pub use flow::{PROGRESS_LABEL, opens_in_background, progress_ui};
use worker::read_and_parse;
pub use worker::{OpenHold, hold_opens_of};

use super::background::{Job, Polled, Priority};
use crate::io::LoadError;
use crate::io::disk::DiskStamp;
use crate::model::Workspace;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Files at least this large open in the background.
pub const BACKGROUND_BYTES: u64 = 4 * 1024 * 1024;

/// The longest a progress report waits for its frame.
const REPAINT: Duration = Duration::from_millis(30);

/// What the worker is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenPhase {
    /// Reading the file (`done` of `total` bytes).
    Reading,
    /// Parsing the text (`done` of `total` bytes parsed).
    Parsing,
    /// Checking the parsed workspace (ids, references, anchors).
    Checking,
}

/// Progress of an open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenProgress {
    /// The current phase.
    pub phase: OpenPhase,
    /// Bytes read or parsed so far.
    pub done: u64,
    /// File size in bytes.
    pub total: u64,
}

impl OpenProgress {
    /// Progress as a fraction, each phase weighted by its share of the time an open takes in a
    /// release build: reading 5 %, parsing 85 %, checking the rest.
    pub fn fraction(&self) -> f32 {
        let part = if self.total == 0 {
            0.0
        } else {
            (self.done as f32 / self.total as f32).min(1.0)
        };
        const READ: f32 = 0.05;
        const PARSE: f32 = 0.85;
        match self.phase {
            OpenPhase::Reading => READ * part,
            OpenPhase::Parsing => READ + PARSE * part,
            OpenPhase::Checking => READ + PARSE,
        }
    }

    /// What the progress bar says: `Reading 12 of 118 MB`, `Parsing 40 of 118 MB`,
    /// `Checking the workspace…`.
    pub fn label(&self) -> String {
        let mb = |b: u64| (b as f64 / 1e6).round();
        match self.phase {
            OpenPhase::Reading => format!("Reading {} of {} MB", mb(self.done), mb(self.total)),
            OpenPhase::Parsing => format!("Parsing {} of {} MB", mb(self.done), mb(self.total)),
            OpenPhase::Checking => "Checking the workspace…".to_owned(),
        }
    }
}

/// The file's length and modification time when the worker began reading it.
type FileTag = (u64, Option<SystemTime>);

fn file_tag(path: &Path) -> Option<FileTag> {
    std::fs::metadata(path)
        .ok()
        .map(|m| (m.len(), m.modified().ok()))
}

/// What the worker hands back: the workspace or the error, and the file's stamp (length,
/// modification time, hash of what was read) for change detection, so the UI thread need not
/// read and hash the file again.
type Opened = (Result<Workspace, LoadError>, Option<DiskStamp>);

/// An open running in the background.
pub struct OpenJob {
    path: PathBuf,
    /// The worker; it hands back nothing when cancelled.
    job: Job<Option<Opened>, OpenProgress>,
    tag: Option<FileTag>,
    /// The history revision when the open started: a different one at the end means the
    /// workspace was edited meanwhile.
    started_revision: u64,
    /// A loaded workspace waiting for the unsaved-changes question (edits made during the load),
    /// and whether the question was raised.
    ready: Option<(Workspace, Option<DiskStamp>, bool)>,
}

impl OpenJob {
    /// Starts opening `path` on a worker thread; `ctx`, if any, is asked to repaint on progress.
    pub fn start(path: PathBuf, ctx: Option<egui::Context>) -> Self {
        let tag = file_tag(&path);
        let worker_path = path.clone();
        let initial = OpenProgress {
            phase: OpenPhase::Reading,
            done: 0,
            total: 0,
        };
        // The user waits for this: normal priority.
        let job = Job::spawn("open", Priority::Normal, initial, ctx, move |cx| {
            let report =
                |phase, done, total| cx.report(OpenProgress { phase, done, total }, REPAINT);
            let result = read_and_parse(&worker_path, &cx.cancel_flag(), &report);
            // After a cancel nobody listens: the result is dropped, nothing is handed back, no
            // frame is asked for.
            if cx.cancelled() {
                cx.finish_quietly();
                None
            } else {
                Some(result)
            }
        });
        Self {
            path,
            job,
            tag,
            started_revision: 0,
            ready: None,
        }
    }

    /// The file being opened.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Phase and bytes done.
    pub fn progress(&self) -> OpenProgress {
        self.job.progress().unwrap_or(OpenProgress {
            phase: OpenPhase::Reading,
            done: 0,
            total: 0,
        })
    }

    /// Whether the file is loaded and waits for the user to save or discard their changes.
    pub fn waits_for_answer(&self) -> bool {
        self.ready.is_some()
    }

    /// Asks the worker to stop; it gives up at the next chunk or parse step and sends nothing.
    pub fn cancel(&self) {
        self.job.cancel();
    }

    /// Whether [`OpenJob::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.job.is_cancelled()
    }

    /// The outcome once the worker has finished; `None` while it runs. A worker that died
    /// without an answer reports an I/O error.
    pub fn poll(&self) -> Option<Result<Workspace, LoadError>> {
        self.poll_stamped().map(|(r, _)| r)
    }

    fn poll_stamped(&self) -> Option<Opened> {
        match self.job.poll() {
            Polled::Done(Some(r)) => Some(r),
            Polled::Running => None,
            Polled::Done(None) | Polled::Stopped => Some((Err(stopped(&self.path)), None)),
        }
    }

    /// Blocks until the worker has finished (tests, headless runs).
    pub fn wait(self) -> Result<Workspace, LoadError> {
        match self.job.wait() {
            Some(Some((r, _))) => r,
            _ => Err(stopped(&self.path)),
        }
    }
}

fn stopped(path: &Path) -> LoadError {
    LoadError::Io {
        path: path.to_owned(),
        source: std::io::Error::other("the open was cancelled or its worker stopped"),
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
        let (opened, stamp) = loop {
            if let Some(r) = job.poll_stamped() {
                break r;
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        assert_eq!(opened.unwrap(), ws);
        assert_eq!(
            stamp,
            Some(DiskStamp::take(&good).unwrap()),
            "hashed on the worker"
        );

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
    fn progress_rises_through_the_phases_and_cancel_stops_a_parse() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.ron");
        let mut spec = crate::synth::SynthSpec::new(30, 3000);
        spec.text_bytes = 3_000_000;
        crate::io::save_workspace(&crate::synth::generate(&spec), &path).unwrap();
        let size = std::fs::metadata(&path).unwrap().len();
        let job = OpenJob::start(path.clone(), None);
        let mut seen = vec![job.progress()];
        let ws = loop {
            if let Some(r) = job.poll() {
                break r.unwrap();
            }
            seen.push(job.progress());
            std::thread::sleep(Duration::from_millis(1));
        };
        assert_eq!(ws.claims.len(), 3000);
        let p = job.progress();
        assert_eq!(
            (p.phase, p.done, p.total),
            (OpenPhase::Checking, size, size)
        );
        seen.push(p);
        assert!(
            seen.windows(2).all(|w| w[0].fraction() <= w[1].fraction()),
            "the bar never goes back: {seen:?}"
        );

        // Held after reading, then cancelled: the parse stops at its first step, nothing sent.
        let hold = hold_opens_of(&path);
        let job = OpenJob::start(path.clone(), None);
        let t = std::time::Instant::now();
        while job.progress().phase != OpenPhase::Parsing {
            assert!(t.elapsed() < Duration::from_secs(60), "never read");
            std::thread::sleep(Duration::from_millis(2));
        }
        assert_eq!(job.progress().done, 0, "held before parsing");
        assert!(job.poll().is_none());
        job.cancel();
        drop(hold);
        let t = std::time::Instant::now();
        let outcome = loop {
            if let Some(r) = job.poll() {
                break r;
            }
            assert!(t.elapsed() < Duration::from_secs(60), "never stopped");
            std::thread::sleep(Duration::from_millis(2));
        };
        assert!(outcome.is_err(), "a cancelled open hands back nothing");
        let p = job.progress();
        assert_eq!(p.phase, OpenPhase::Parsing, "stopped while parsing");
        assert!(p.done < size / 2, "stopped early: {p:?}");
    }

    #[test]
    fn labels_and_fractions_follow_the_phases() {
        let p = |phase, done| OpenProgress {
            phase,
            done,
            total: 118_000_000,
        };
        assert_eq!(
            p(OpenPhase::Reading, 12_000_000).label(),
            "Reading 12 of 118 MB"
        );
        assert_eq!(
            p(OpenPhase::Parsing, 59_000_000).label(),
            "Parsing 59 of 118 MB"
        );
        assert_eq!(p(OpenPhase::Checking, 0).label(), "Checking the workspace…");
        let f = [
            p(OpenPhase::Reading, 0).fraction(),
            p(OpenPhase::Reading, 118_000_000).fraction(),
            p(OpenPhase::Parsing, 59_000_000).fraction(),
            p(OpenPhase::Parsing, 118_000_000).fraction(),
            p(OpenPhase::Checking, 118_000_000).fraction(),
        ];
        assert_eq!(f[0], 0.0);
        assert!(f.windows(2).all(|w| w[0] <= w[1]), "{f:?}");
        assert!((f[2] - 0.475).abs() < 1e-6, "{f:?}");
    }
}
