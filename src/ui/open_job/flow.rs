//! How an open goes through the app: starting one (from any menu, a drop, a reload or startup),
//! taking its result once a frame, waiting behind the unsaved-changes question when the
//! workspace was edited during the load, and the progress widgets in the status bar.

use super::{BACKGROUND_BYTES, OpenJob, file_tag};
use crate::ui::ClaimbenchApp;
use crate::ui::command::Command;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The accessible name of the open's progress bar (its visible text changes with the phase).
pub const PROGRESS_LABEL: &str = "Opening workspace";

/// Whether `path` is large enough to open in the background.
pub fn opens_in_background(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() >= BACKGROUND_BYTES)
}

fn name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    )
}

fn is_workspace(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

impl ClaimbenchApp {
    /// Opens `path`: a small file at once, a large one on a worker (progress in the status bar,
    /// result taken by [`ClaimbenchApp::poll_open`]). An open still running is cancelled first.
    /// Returns whether a background open started.
    pub fn start_open(&mut self, path: &Path, ctx: Option<&egui::Context>) -> bool {
        if let Some(mut job) = self.open_job.take() {
            match job.ready.take() {
                // Loaded while the user was asked about their changes, and unchanged on disk.
                Some((ws, stamp, _)) if job.path == path && file_tag(path) == job.tag => {
                    if let Some(stamp) = stamp {
                        self.disk.preset_stamp(path, stamp);
                    }
                    self.finish_open(path, Ok(ws));
                    return false;
                }
                Some(_) => {}
                None if job.is_cancelled() => {}
                None => {
                    job.cancel();
                    self.note(format!(
                        "Stopped opening {}; opening {} instead",
                        name(&job.path),
                        name(path)
                    ));
                }
            }
        }
        if !opens_in_background(path) {
            self.open_path(path);
            return false;
        }
        let mut job = OpenJob::start(path.to_owned(), ctx.cloned());
        job.started_revision = self.session.history.revision();
        self.open_job = Some(job);
        true
    }

    /// Stops the open in progress, if any (File › New was chosen meanwhile): what it loads
    /// will not replace the workspace.
    pub fn cancel_open(&mut self) {
        if let Some(job) = self.open_job.take() {
            job.cancel();
            self.note(format!("Stopped opening {}", name(&job.path)));
        }
    }

    /// Opens the workspace named at startup (command line or last session). With `background`,
    /// a large file loads on a worker while the sample shows; otherwise it opens at once.
    /// Returns whether a workspace was opened or is being opened.
    pub fn open_at_startup(&mut self, path: &Path, background: bool) -> bool {
        if background && opens_in_background(path) {
            self.open_sample();
            self.start_open(path, None)
        } else {
            self.open_path(path)
        }
    }

    /// Files dropped on the window: a workspace (`.ron`) is opened like File › Open (asking
    /// about unsaved changes first); other files are imported as documents.
    pub fn open_dropped(&mut self, paths: Vec<PathBuf>) {
        let (workspaces, documents): (Vec<_>, Vec<_>) =
            paths.into_iter().partition(|p| is_workspace(p));
        match workspaces.split_first() {
            Some((first, rest)) => {
                self.push(Command::OpenPath(first.clone()));
                if !rest.is_empty() || !documents.is_empty() {
                    self.note(format!(
                        "Opening {}; the other dropped files were left alone",
                        name(first)
                    ));
                }
            }
            None if !documents.is_empty() => self.push(Command::ImportPaths(documents)),
            None => {}
        }
    }

    /// Takes the outcome of a finished background open (call once per frame). On failure the
    /// open workspace stays and the error is shown; a cancelled open leaves a note. If the
    /// workspace was edited while the file loaded, the unsaved-changes question comes first.
    pub fn poll_open(&mut self, ctx: &egui::Context) {
        let edited = self.is_dirty();
        let revision = self.session.history.revision();
        let Some(job) = &mut self.open_job else {
            return;
        };
        if job.is_cancelled() {
            self.open_job = None;
            self.note("Open cancelled; nothing was changed");
            return;
        }
        if let Some((_, _, asked)) = &mut job.ready {
            let pending = &mut self.dialogs.confirm_discard;
            if !*asked {
                // Another question (Quit, New) is on screen: ask once it is answered.
                if pending.is_none() {
                    *pending = Some(Command::OpenPath(job.path.clone()));
                    *asked = true;
                }
                return;
            }
            if matches!(pending, Some(Command::OpenPath(p)) if *p == job.path) {
                return;
            }
            // Cancelled (Save and Discard take the workspace in the frame they are clicked).
            let msg = format!("{} was not opened; your changes are kept", name(&job.path));
            self.open_job = None;
            self.note(msg);
            return;
        }
        match job.poll_stamped() {
            Some((Ok(ws), stamp)) if edited && revision != job.started_revision => {
                job.ready = Some((ws, stamp, false));
                ctx.request_repaint();
            }
            Some((result, stamp)) => {
                let path = job.path.clone();
                self.open_job = None;
                if let Some(stamp) = stamp {
                    self.disk.preset_stamp(&path, stamp);
                }
                self.finish_open(&path, result);
            }
            // The worker asks for frames on progress; this keeps the bar moving without a
            // context (startup) and should a report be missed.
            None => ctx.request_repaint_after(Duration::from_millis(100)),
        }
    }
}

/// The open's part of the status bar: a progress bar named [`PROGRESS_LABEL`] whose text says
/// the phase, and "Cancel open"; or, when the file is loaded but waits for the unsaved-changes
/// question, a line saying so.
pub fn progress_ui(ui: &mut egui::Ui, job: &OpenJob) {
    if job.waits_for_answer() {
        ui.label(format!(
            "{} is loaded; save or discard your changes to show it",
            name(&job.path)
        ));
        return;
    }
    let p = job.progress();
    let text = format!("{}: {}", name(&job.path), p.label());
    let r = ui.add(
        egui::ProgressBar::new(p.fraction())
            .desired_width(260.0)
            .text(text.clone()),
    );
    ui.ctx().accesskit_node_builder(r.id, |node| {
        node.set_label(PROGRESS_LABEL);
        node.set_description(text);
    });
    if ui.button("Cancel open").clicked() {
        // Only flagged here; the app drops the job at the next frame.
        job.cancel();
    }
}
