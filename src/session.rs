//! The open workspace and everything about it that is not drawing: which file it is, its undo
//! history, whether it has unsaved changes, its recovery copies, importing into it and saving it.
//!
//! The app and the CLI both hold a [`Session`], so "unsaved", "import", "undo" and "save" mean one
//! thing everywhere. What only a window does stays in `ui`: asking a person (the unsaved-changes and
//! newer-version dialogs, `ui::disk`'s questions about a file changed on disk), messages, panels and
//! background jobs. Nothing here needs egui.

use crate::action::{Action, ActionError, History, StepError};
use crate::io::import::{NewVersionPolicy, Placement, plan_import};
use crate::io::{LoadError, SaveError};
use crate::model::{SourceDocument, Workspace};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How often a recovery copy is written while there are unsaved changes, unless told otherwise.
pub const AUTOSAVE_INTERVAL: Duration = Duration::from_secs(30);

/// One open workspace: its data, its file and its history.
#[derive(Debug)]
pub struct Session {
    /// The open workspace.
    pub ws: Workspace,
    /// Its file; `None` for the embedded sample or a new, never-saved workspace.
    pub path: Option<PathBuf>,
    /// Whether the open workspace is the embedded sample (a new workspace is not, whatever it
    /// holds).
    pub is_sample: bool,
    /// Undo/redo history of workspace edits.
    pub history: History,
    /// The history revision at the last save or open (`u64::MAX`: unsaved whatever the history
    /// says, as after restoring a recovery copy).
    saved_revision: u64,
    /// Recovery copies of unsaved changes.
    pub recovery: Recovery,
}

/// Recovery copies: where they go, how often, and the one found when a workspace was opened.
#[derive(Debug)]
pub struct Recovery {
    /// Where recovery copies go; `None`: no autosave.
    pub dir: Option<PathBuf>,
    /// How often a recovery copy is written while there are unsaved changes.
    pub interval: Duration,
    /// The history revision of the last recovery copy, and when it was written.
    last: (u64, Instant),
    /// A recovery copy found for the workspace just opened, offered for restore.
    pub offer: Option<Workspace>,
}

/// Whether a recovery copy should be written now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Autosave {
    /// Nothing unsaved that is not already copied, or no recovery folder.
    NotNeeded,
    /// A copy is due after this long.
    DueIn(Duration),
    /// A copy is due now.
    Now,
}

/// What placing a batch of imported documents did, per file.
#[derive(Debug)]
pub struct Placed {
    /// Per document read, in order: its file, its title and where it went.
    pub placements: Vec<(PathBuf, String, Placement)>,
    /// The undo step's label, when anything was added or replaced.
    pub label: Option<String>,
}

impl Default for Session {
    fn default() -> Self {
        Self::new(None)
    }
}

impl Session {
    /// A new, empty, never-saved workspace; recovery copies go to `recovery_dir` when given.
    pub fn new(recovery_dir: Option<PathBuf>) -> Self {
        Self {
            ws: Workspace::default(),
            path: None,
            is_sample: false,
            history: History::default(),
            saved_revision: 0,
            recovery: Recovery {
                dir: recovery_dir,
                interval: AUTOSAVE_INTERVAL,
                last: (0, Instant::now()),
                offer: None,
            },
        }
    }

    /// Opens the workspace file at `path` (no recovery copies: the CLI's sessions are short).
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let ws = crate::io::load_workspace(path)?;
        let mut s = Self::new(None);
        s.replace(ws, Some(path.to_owned()));
        Ok(s)
    }

    /// Puts `ws` (read from `path`, if any) in place of the open workspace with a fresh history,
    /// nothing unsaved, and the recovery copy for that file offered when one differs from it.
    /// Returns the workspace it replaces, for the caller to free where it likes (a large one
    /// takes tens of milliseconds).
    pub fn replace(&mut self, ws: Workspace, path: Option<PathBuf>) -> Workspace {
        let old = std::mem::replace(&mut self.ws, ws);
        self.is_sample = false;
        self.path = path;
        self.history.clear();
        self.saved_revision = self.history.revision();
        self.recovery.last = (self.saved_revision, Instant::now());
        self.recovery.offer = self.recovery.dir.as_deref().and_then(|d| {
            let rec = crate::io::recovery::read_recovery(d, self.path.as_deref())?;
            (rec != self.ws).then_some(rec)
        });
        old
    }

    /// Whether there are unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.history.revision() != self.saved_revision
    }

    /// Whether there is nothing to save: a new workspace nobody has changed yet.
    pub fn is_blank(&self) -> bool {
        self.path.is_none() && !self.is_sample && !self.is_dirty()
    }

    /// Applies an edit as one undo step (merged with the step before when `coalesce` matches).
    pub fn apply(
        &mut self,
        action: Action,
        label: &str,
        coalesce: Option<String>,
    ) -> Result<(), ActionError> {
        self.history.apply(&mut self.ws, action, label, coalesce)
    }

    /// Undoes the last step; its label, or `None` with nothing to undo. A step that no longer
    /// applies is kept and its error returned.
    pub fn undo(&mut self) -> Result<Option<String>, StepError> {
        self.history.undo(&mut self.ws)
    }

    /// Redoes the last undone step, as [`Session::undo`].
    pub fn redo(&mut self) -> Result<Option<String>, StepError> {
        self.history.redo(&mut self.ws)
    }

    /// Places imported documents through the one import plan (new, repeated, newer versions by
    /// `policy`) and applies them as one undo step.
    pub fn place(
        &mut self,
        docs: impl IntoIterator<Item = (PathBuf, SourceDocument)>,
        policy: NewVersionPolicy,
    ) -> Result<Placed, ActionError> {
        self.place_checked(docs, policy, None)
    }

    /// As [`Session::place`], for the documents of a news-feed check: `feeds` is the workspace's
    /// subscriptions after the check (entries seen, titles read), changed in the same undo step
    /// as the documents, so undoing a check forgets both. A check that found nothing new and
    /// changed no more than the check times is no edit at all.
    pub fn place_checked(
        &mut self,
        docs: impl IntoIterator<Item = (PathBuf, SourceDocument)>,
        policy: NewVersionPolicy,
        feeds: Option<Vec<crate::model::FeedSubscription>>,
    ) -> Result<Placed, ActionError> {
        let plan = plan_import(&self.ws, docs, policy);
        let mut actions = plan.actions;
        let documents = actions.len();
        let from_feeds = feeds.is_some();
        if let Some(feeds) = feeds
            && (documents > 0 || crate::io::feed::changed_beyond_check_time(&self.ws.feeds, &feeds))
        {
            actions.push(Action::SetFeeds(feeds));
        }
        let label = match (from_feeds, documents) {
            _ if actions.is_empty() => None,
            (true, n) => Some(format!(
                "Check news feeds ({})",
                crate::words::count(n, "new document")
            )),
            (false, 1) => Some("Import document".to_owned()),
            (false, n) => Some(format!("Import {n} documents")),
        };
        if let Some(label) = &label {
            self.history.seal();
            self.apply(Action::Batch(actions), label, None)?;
        }
        Ok(Placed {
            placements: plan.placements,
            label,
        })
    }

    /// Saves to `path` (atomically, under the workspace's lock). A workspace still called by its
    /// placeholder title first takes the file's name (one undo step), so the title bar, report
    /// and chart footers name it as the person did. On success the session is that file's, with
    /// nothing unsaved and no recovery copy left behind; on failure nothing on disk changed.
    pub fn save_to(&mut self, path: &Path) -> Result<(), SaveError> {
        if self.ws.title.trim().is_empty() || self.ws.title == Workspace::default().title {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .filter(|s| !s.trim().is_empty());
            if let Some(stem) = stem {
                // Setting a title cannot fail; were it to, the save goes on under the old one.
                let _ = self.apply(Action::SetTitle(stem), "Name the workspace", None);
            }
        }
        crate::io::save_workspace(&self.ws, path)?;
        self.is_sample = false;
        if let Some(d) = &self.recovery.dir {
            crate::io::recovery::remove_recovery(d, self.path.as_deref());
            crate::io::recovery::remove_recovery(d, Some(path));
        }
        self.path = Some(path.to_owned());
        self.history.seal();
        self.mark_saved();
        Ok(())
    }

    /// Counts the current state as saved (after a save, or when the user discards changes).
    pub fn mark_saved(&mut self) {
        self.saved_revision = self.history.revision();
    }

    /// Drops unsaved changes' recovery copy and counts the current state as saved (the user
    /// chose Discard).
    pub fn discard(&mut self) {
        self.remove_recovery();
        self.mark_saved();
    }

    /// Whether a recovery copy should be written now.
    pub fn autosave_due(&self) -> Autosave {
        if self.recovery.dir.is_none()
            || !self.is_dirty()
            || self.recovery.last.0 == self.history.revision()
        {
            return Autosave::NotNeeded;
        }
        let elapsed = self.recovery.last.1.elapsed();
        if elapsed < self.recovery.interval {
            Autosave::DueIn(self.recovery.interval - elapsed)
        } else {
            Autosave::Now
        }
    }

    /// Writes a recovery copy of the unsaved state. A failure is returned and the next attempt
    /// waits a whole interval, so a full disk is not retried every frame.
    pub fn write_recovery(&mut self) -> Result<(), SaveError> {
        let Some(dir) = self.recovery.dir.clone() else {
            return Ok(());
        };
        let result = crate::io::recovery::write_recovery(&dir, self.path.as_deref(), &self.ws);
        self.recovery.last = match result {
            Ok(_) => (self.history.revision(), Instant::now()),
            Err(_) => (self.recovery.last.0, Instant::now()),
        };
        result.map(|_| ())
    }

    /// Removes this workspace's recovery copy (a clean exit, a discard).
    pub fn remove_recovery(&self) {
        if let Some(d) = &self.recovery.dir {
            crate::io::recovery::remove_recovery(d, self.path.as_deref());
        }
    }

    /// Restores the offered recovery copy: the workspace shows the unsaved state again and is
    /// marked unsaved; the file on disk is not touched until the user saves. `false` when there
    /// was none.
    pub fn restore_recovery(&mut self) -> bool {
        let Some(rec) = self.recovery.offer.take() else {
            return false;
        };
        self.ws = rec;
        self.history.clear();
        self.saved_revision = u64::MAX;
        true
    }

    /// The window title: `claimbench — TITLE`, with ` *` when there are unsaved changes.
    pub fn window_title(&self) -> String {
        format!(
            "claimbench — {}{}",
            self.ws.title,
            if self.is_dirty() { " *" } else { "" }
        )
    }

    /// Where the workspace comes from, for the status bar.
    pub fn source_label(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None if self.is_sample => crate::sample::SAMPLE_NAME.into(),
            None => "new workspace (not saved yet)".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, SourceDocument};

    fn doc(id: &str, text: &str) -> SourceDocument {
        SourceDocument::new(DocId(id.into()), format!("Doc {id}"), "", text.into())
    }

    #[test]
    fn an_edit_makes_it_dirty_and_undo_makes_it_clean_again() {
        let mut s = Session::new(None);
        assert!(!s.is_dirty() && s.is_blank());
        s.apply(Action::SetTitle("Deals".into()), "Rename", None)
            .expect("applies");
        assert!(s.is_dirty() && !s.is_blank());
        assert_eq!(s.window_title(), "claimbench — Deals *");
        assert_eq!(s.undo().expect("undoes").as_deref(), Some("Rename"));
        assert!(!s.is_dirty());
        assert_eq!(s.redo().expect("redoes").as_deref(), Some("Rename"));
        assert!(s.is_dirty());
    }

    #[test]
    fn a_save_names_a_new_workspace_after_its_file_and_leaves_nothing_unsaved() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("chip deals.ron");
        let mut s = Session::new(None);
        s.place(
            [(PathBuf::from("a.txt"), doc("x", "Some text."))],
            NewVersionPolicy::KeepBoth,
        )
        .expect("places");
        assert!(s.is_dirty());
        s.save_to(&path).expect("saves");
        assert!(!s.is_dirty());
        assert_eq!(s.ws.title, "chip deals");
        assert_eq!(s.path.as_deref(), Some(path.as_path()));
        let again = Session::open(&path).expect("opens");
        assert_eq!(again.ws, s.ws);
        assert!(!again.is_dirty());
    }

    #[test]
    fn placing_the_same_document_twice_adds_it_once_in_one_undo_step() {
        let mut s = Session::new(None);
        let first = s
            .place(
                [
                    (PathBuf::from("a.txt"), doc("x", "Same words.")),
                    (PathBuf::from("b.txt"), doc("y", "Same words.")),
                ],
                NewVersionPolicy::KeepBoth,
            )
            .expect("places");
        assert_eq!(s.ws.documents.len(), 1);
        assert_eq!(first.label.as_deref(), Some("Import document"));
        assert!(matches!(first.placements[1].2, Placement::Duplicate { .. }));
        let second = s
            .place(
                [(PathBuf::from("a.txt"), doc("z", "Same words."))],
                NewVersionPolicy::KeepBoth,
            )
            .expect("places");
        assert!(second.label.is_none());
        s.undo().expect("undoes");
        assert!(s.ws.documents.is_empty());
    }

    #[test]
    fn a_recovery_copy_is_offered_on_reopen_and_restoring_it_leaves_it_unsaved() {
        let dir = tempfile::tempdir().expect("temp dir");
        let rec = dir.path().join("recovery");
        let path = dir.path().join("w.ron");
        crate::io::save_workspace(&Workspace::default(), &path).expect("saves");
        let mut s = Session::new(Some(rec.clone()));
        let ws = crate::io::load_workspace(&path).expect("loads");
        s.replace(ws.clone(), Some(path.clone()));
        assert_eq!(s.autosave_due(), Autosave::NotNeeded);
        s.apply(Action::SetTitle("Changed".into()), "Rename", None)
            .expect("applies");
        s.recovery.interval = Duration::ZERO;
        assert_eq!(s.autosave_due(), Autosave::Now);
        s.write_recovery().expect("writes");
        assert_eq!(s.autosave_due(), Autosave::NotNeeded);

        let mut later = Session::new(Some(rec));
        later.replace(ws, Some(path));
        assert!(later.recovery.offer.is_some());
        assert!(later.restore_recovery());
        assert_eq!(later.ws.title, "Changed");
        assert!(later.is_dirty());
        later.discard();
        assert!(!later.is_dirty());
    }
}
