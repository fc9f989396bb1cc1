//! The open workspace file changed on disk: noticing it while idle and asking before a save
//! would overwrite it.
//!
//! [`DiskWatch`] keeps the [`DiskStamp`] of the last load or save and a [`FileWatcher`] on the
//! file, whose events wake the UI (`request_repaint`) so a change is noticed within a second
//! without any polling repaints. Two modals: "The file changed on disk" (Reload / Keep mine, and
//! Merge while there are unsaved changes), asked even without unsaved changes, never reloading
//! silently; and, when a save finds the file
//! changed since it was loaded or saved, "Save over a changed file?" (Overwrite / Save as… /
//! Reload / Cancel). The app calls [`DiskWatch::track`] after a load or save, [`DiskWatch::may_save`]
//! before a save, and [`DiskWatch::frame_ui`] once a frame; everything else lives here.

use super::Command;
use crate::io::disk::{DiskStamp, FileWatcher, changed_since};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How often the file is looked at when the platform watcher could not be started (only on
/// frames that run anyway: no repaints are requested for it).
const FALLBACK_POLL: Duration = Duration::from_secs(1);

/// A question about the file on disk waiting for the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DiskEvent {
    /// The file changed on disk since it was loaded or saved: reload or keep mine?
    Changed,
    /// A save was held back because the file changed on disk since it was loaded or saved.
    SaveConflict,
}

/// What the app knows about its file on disk.
#[derive(Debug, Default)]
pub struct DiskWatch {
    path: Option<PathBuf>,
    stamp: Option<DiskStamp>,
    watcher: Option<FileWatcher>,
    /// The watcher could not be started (for this path): poll on frames instead.
    watch_failed: bool,
    last_poll: Option<Instant>,
    /// The disk state the user chose "Keep mine" for: not asked about again.
    dismissed: Option<DiskStamp>,
    overwrite_confirmed: bool,
    /// The question on screen, if any.
    pub pending: Option<DiskEvent>,
    /// A stamp the background open took while reading the file, for the next `track` of it.
    preset: Option<(PathBuf, DiskStamp)>,
    /// A private copy of the file as last loaded or saved: the common ancestor when the file
    /// changes on disk and the user chooses Merge (removed when dropped).
    base_copy: Option<tempfile::TempPath>,
}

impl DiskWatch {
    /// Records the file the workspace was just loaded from or saved to (`None`: not from a
    /// file), so later changes by others can be told apart from ours.
    pub fn track(&mut self, path: Option<&Path>) {
        if self.path.as_deref() != path {
            self.watcher = None;
            self.watch_failed = false;
        }
        self.path = path.map(Path::to_path_buf);
        // The background open's stamp saves reading and hashing a large file again here, on the
        // UI thread, as long as the file still has the length and time it had when read.
        let preset = self.preset.take().filter(|(p, s)| {
            Some(p.as_path()) == path
                && std::fs::metadata(p)
                    .is_ok_and(|m| m.len() == s.len && m.modified().ok() == s.mtime)
        });
        self.stamp = match preset {
            Some((_, s)) => Some(s),
            None => path.and_then(|p| DiskStamp::take(p).ok()),
        };
        self.dismissed = None;
        self.overwrite_confirmed = false;
        self.pending = None;
        // A file copy is a kernel-side copy (tens of milliseconds for a 100,000-claim file);
        // without it there is no Merge, only Reload and Keep.
        self.base_copy = path.and_then(|p| {
            let tmp = tempfile::Builder::new()
                .prefix("claimbench-base-")
                .suffix(".ron")
                .tempfile()
                .ok()?
                .into_temp_path();
            std::fs::copy(p, &tmp).ok()?;
            Some(tmp)
        });
    }

    /// The workspace as last loaded or saved (the common ancestor of a merge with the file on
    /// disk); `None` when no copy could be kept or it no longer loads.
    pub fn base(&self) -> Option<crate::model::Workspace> {
        crate::io::load_workspace(self.base_copy.as_deref()?).ok()
    }

    /// Hands over the stamp of `path` taken while it was read (the background open hashes the
    /// bytes it parsed); the next [`DiskWatch::track`] of `path` uses it instead of reading the
    /// file again, unless the file's length or modification time moved since.
    pub fn preset_stamp(&mut self, path: &Path, stamp: DiskStamp) {
        self.preset = Some((path.to_owned(), stamp));
    }

    /// The file being watched.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether the file differs from what was last loaded or saved (read errors: no).
    fn changed_on_disk(&self) -> bool {
        match (&self.path, &self.stamp) {
            (Some(p), Some(s)) => changed_since(p, s).unwrap_or(false),
            _ => false,
        }
    }

    fn dismissed_current(&self) -> bool {
        let (Some(p), Some(d)) = (&self.path, &self.dismissed) else {
            return false;
        };
        DiskStamp::take(p).is_ok_and(|now| now.len == d.len && now.sha256 == d.sha256)
    }

    /// Looks at the disk when the watcher saw the file move (or, without a watcher, at most once
    /// a second); returns the question to show, if any.
    pub fn poll(&mut self) -> Option<DiskEvent> {
        let look = match &self.watcher {
            Some(w) => w.take_event(),
            None => {
                self.watch_failed && self.last_poll.is_none_or(|t| t.elapsed() >= FALLBACK_POLL)
            }
        };
        if look {
            self.last_poll = Some(Instant::now());
            if self.pending.is_none() && self.changed_on_disk() && !self.dismissed_current() {
                self.pending = Some(DiskEvent::Changed);
            }
        }
        self.pending
    }

    /// Called first thing in a save to `path`: `true` when the save may go on. When `path` is
    /// the tracked file and it changed on disk since it was loaded or saved, the save-conflict
    /// question is raised instead (unless the user just chose "Overwrite").
    pub fn may_save(&mut self, path: &Path) -> bool {
        if std::mem::take(&mut self.overwrite_confirmed) || self.path.as_deref() != Some(path) {
            return true;
        }
        if self.changed_on_disk() {
            self.pending = Some(DiskEvent::SaveConflict);
            return false;
        }
        true
    }

    /// The user chose "Overwrite": the next save to the tracked file goes ahead.
    pub fn confirm_overwrite(&mut self) {
        self.overwrite_confirmed = true;
        self.pending = None;
    }

    fn ensure_watcher(&mut self, ctx: &egui::Context) {
        if self.watcher.is_some() || self.watch_failed {
            return;
        }
        let Some(path) = self.path.clone() else {
            return;
        };
        let ctx = ctx.clone();
        match FileWatcher::new(&path, move || ctx.request_repaint()) {
            Ok(w) => self.watcher = Some(w),
            Err(_) => self.watch_failed = true,
        }
    }

    /// Once a frame: starts the watcher if needed, looks for changes and shows the question.
    /// `dirty` says whether the workspace has unsaved changes (for the wording).
    pub fn frame_ui(&mut self, ctx: &egui::Context, dirty: bool, cmds: &mut Vec<Command>) {
        self.ensure_watcher(ctx);
        let Some(event) = self.poll() else {
            return;
        };
        let name = self
            .path
            .as_deref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let gone = self.path.as_deref().is_some_and(|p| !p.exists());
        let what = if gone {
            "was deleted or moved"
        } else {
            "was changed by another program"
        };
        let mut choice = None;
        egui::Modal::new(egui::Id::new(("disk_event", event))).show(ctx, |ui| {
            ui.set_max_width(560.0);
            match event {
                DiskEvent::Changed => {
                    ui.heading("The file changed on disk");
                    ui.label(format!("{name} {what} since you opened or saved it."));
                    ui.label(if dirty {
                        "Reloading drops your unsaved changes; keeping yours leaves the file as it is until you save. Merge keeps both: their changes join yours, and where both changed the same thing yours stays and the clash is listed in Findings."
                    } else {
                        "You have no unsaved changes."
                    });
                }
                DiskEvent::SaveConflict => {
                    ui.heading("Save over a changed file?");
                    ui.label(format!(
                        "{name} {what} since you opened or saved it. Saving now would replace that version with yours."
                    ));
                }
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if event == DiskEvent::SaveConflict {
                    if ui.button("Overwrite").clicked() {
                        choice = Some(Some(Command::OverwriteSave));
                    }
                    if ui.button("Save as…").clicked() {
                        choice = Some(Some(Command::SaveAs));
                    }
                }
                if event == DiskEvent::Changed
                    && dirty
                    && !gone
                    && self.base_copy.is_some()
                    && ui
                        .button("Merge")
                        .on_hover_text("Combine the file's changes with your unsaved ones")
                        .clicked()
                {
                    choice = Some(Some(Command::MergeFromDisk));
                }
                if !gone && ui.button("Reload").clicked() {
                    choice = Some(Some(Command::ReloadFromDisk));
                }
                let keep = if event == DiskEvent::Changed {
                    "Keep mine"
                } else {
                    "Cancel"
                };
                if ui.button(keep).clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    choice = Some(None);
                }
            });
        });
        // `Some(None)`: Keep mine / Cancel.
        if let Some(cmd) = choice {
            self.pending = None;
            match cmd {
                Some(cmd) => cmds.push(cmd),
                None if event == DiskEvent::Changed => {
                    self.dismissed = self.path.as_deref().and_then(|p| DiskStamp::take(p).ok())
                }
                None => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_is_held_back_only_for_a_changed_tracked_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("w.ron");
        std::fs::write(&p, "one").unwrap();
        let mut w = DiskWatch::default();
        w.track(Some(&p));
        assert!(w.may_save(&p), "unchanged: save");
        std::fs::write(&p, "two").unwrap();
        assert!(
            w.may_save(&dir.path().join("other.ron")),
            "another path: save"
        );
        assert!(!w.may_save(&p), "changed: ask");
        assert_eq!(w.pending, Some(DiskEvent::SaveConflict));
        w.confirm_overwrite();
        assert_eq!(w.pending, None);
        assert!(w.may_save(&p), "after Overwrite: save once");
        assert!(!w.may_save(&p), "then ask again until the save re-tracks");
        w.track(Some(&p));
        assert!(w.may_save(&p));
    }

    #[test]
    fn poll_without_watcher_looks_at_most_once_a_second() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("w.ron");
        std::fs::write(&p, "one").unwrap();
        let mut w = DiskWatch::default();
        w.track(Some(&p));
        w.watch_failed = true;
        assert_eq!(w.poll(), None);
        std::fs::write(&p, "two").unwrap();
        assert_eq!(w.poll(), None, "looked less than a second ago");
        w.last_poll = Some(Instant::now() - FALLBACK_POLL);
        assert_eq!(w.poll(), Some(DiskEvent::Changed));
    }
}
