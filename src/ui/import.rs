//! Importing documents from the GUI (File › Import documents…, drag and drop): the files are read
//! on a worker thread with progress and a Cancel button; the documents are added on the UI
//! thread as one undoable step.

use super::background::{Job, Polled, Priority};
use crate::io::import::{BatchOutcome, ImportOptions, import_files};
use std::path::PathBuf;

/// Stack of the import worker: that of the command line's main thread (8 MiB on Linux).
/// The readers work on heap-allocated stacks (`html_walk`) and the article extractor runs on its
/// own thread, so the deepest inputs `tests/bad_input_growth.rs` feeds also pass on 256 KiB.
pub const WORKER_STACK: usize = 8 << 20;

/// An import running in the background.
pub struct ImportJob {
    job: Job<BatchOutcome, (usize, usize)>,
}

impl ImportJob {
    /// Starts importing `paths` on a worker thread; `ctx` is asked to repaint on progress.
    pub fn start(paths: Vec<PathBuf>, ctx: egui::Context) -> Self {
        let total = paths.len();
        // The user waits for this: normal priority, with the command line's stack (the GUI must
        // read every file the command line reads). Should the thread not start, `poll` reports
        // an empty outcome.
        let job = Job::spawn(
            "import",
            Priority::Normal,
            (0, total),
            Some(ctx),
            move |cx| {
                let opts = ImportOptions {
                    cancel: Some(cx.cancel_flag()),
                    ..Default::default()
                };
                import_files(&paths, &opts, |done, total| cx.step((done, total)))
            },
        );
        Self { job }
    }

    /// Starts checking the workspace's news feeds on a worker thread: each feed is read and the
    /// pages of entries not seen before are imported, as [`ImportJob::start`] imports files; the
    /// outcome carries the subscriptions as they are after the check. `known` holds the
    /// workspace's document addresses, so a page already there is not fetched again.
    pub fn start_feeds(
        feeds: Vec<crate::model::FeedSubscription>,
        known: crate::io::feed::KnownAddresses,
        ctx: egui::Context,
    ) -> Self {
        let total = feeds.len();
        let job = Job::spawn(
            "feeds",
            Priority::Normal,
            (0, total),
            Some(ctx),
            move |cx| {
                let opts = ImportOptions {
                    cancel: Some(cx.cancel_flag()),
                    ..Default::default()
                };
                let check = crate::io::feed::check_feeds(
                    &feeds,
                    &known,
                    &opts,
                    &crate::io::fetch::FetchOptions::default(),
                    &crate::io::import::now_rfc3339(),
                    |done, total| cx.step((done, total)),
                );
                let mut results: Vec<_> = check
                    .new
                    .into_iter()
                    .map(|n| (n.imported.path.clone(), Ok(n.imported)))
                    .collect();
                results.extend(check.problems.into_iter().map(|(p, e)| (p, Err(e))));
                BatchOutcome {
                    results,
                    cancelled: check.cancelled,
                    feeds: Some(check.feeds),
                    feed_errors: check.feed_errors,
                }
            },
        );
        Self { job }
    }

    /// Files done and total.
    pub fn progress(&self) -> (usize, usize) {
        self.job.progress().unwrap_or((0, 0))
    }

    /// Asks the worker to stop after the current file.
    pub fn cancel(&self) {
        self.job.cancel();
    }

    /// The outcome once the worker has finished.
    pub fn poll(&self) -> Option<BatchOutcome> {
        match self.job.poll() {
            Polled::Done(o) => Some(o),
            Polled::Running => None,
            Polled::Stopped => Some(BatchOutcome::default()),
        }
    }
}

/// An imported file that looks like a newer version of a document whose evidence would be
/// orphaned by replacing its text: the analyst decides (Replace and re-anchor / Keep both /
/// Cancel), the import never does.
#[derive(Clone, Debug)]
pub struct NewVersion {
    /// The file it came from.
    pub path: PathBuf,
    /// The imported document (no id yet).
    pub doc: crate::model::SourceDocument,
    /// The document it looks like a newer version of.
    pub existing: crate::model::DocId,
    /// What replacing would do to that document's evidence.
    pub report: crate::anchoring::ReanchorReport,
}

/// The analyst's answer to [`new_version_ui`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewVersionChoice {
    /// Replace the older document's text and re-anchor its evidence (some is orphaned).
    Replace,
    /// Add the file as a new document beside the older one.
    KeepBoth,
    /// Import nothing from this file.
    Cancel,
}

/// The dialog for the first pending [`NewVersion`]; the answer once given.
pub fn new_version_ui(
    ctx: &egui::Context,
    ws: &crate::model::Workspace,
    v: &NewVersion,
) -> Option<NewVersionChoice> {
    let mut choice = None;
    let older = ws
        .document(&v.existing)
        .map_or(String::new(), |d| format!(" “{}”", d.title));
    egui::Modal::new(egui::Id::new("import_new_version")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("A newer version of a document");
        ui.label(format!(
            "{} looks like a newer version of {}{older}. Replacing its text keeps {} evidence spans, moves {} and orphans {}: their quotes are no longer in the text and must be re-attached by hand.",
            v.path.display(),
            v.existing,
            v.report.unchanged,
            v.report.moved,
            v.report.orphaned
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Replace and re-anchor").clicked() {
                choice = Some(NewVersionChoice::Replace);
            }
            if ui.button("Keep both").clicked() {
                choice = Some(NewVersionChoice::KeepBoth);
            }
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                choice = Some(NewVersionChoice::Cancel);
            }
        });
    });
    choice
}

/// A running import's progress bar (`Importing 3/7`) and its Cancel button, as the status bar
/// and the Feeds panel show it: one drawing, so both say the same about the same job.
pub fn progress_ui(
    ui: &mut egui::Ui,
    (done, total): (usize, usize),
    width: f32,
    verb: &str,
    cancel: &str,
    cmds: &mut Vec<super::command::Command>,
) {
    use super::command::{Command, UiCommand};
    let frac = if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    };
    ui.add(
        egui::ProgressBar::new(frac)
            .desired_width(width)
            .text(format!("{verb} {done}/{total}")),
    );
    if ui.button(cancel).clicked() {
        cmds.push(Command::Ui(UiCommand::CancelImport));
    }
}
